using System.Text.Json;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace FlightTaskSync.Client.Tests.TestDoubles;

/// <summary>
/// A FieldAgent stand-in for the three mutations on WireMock.Net (127.0.0.1, a free port): it records
/// every request body, answers scripted responses in order, and otherwise asks <see cref="Answer"/>.
/// </summary>
internal sealed class MutationServer : IDisposable
{
    private readonly WireMockServer _server;
    private readonly object _gate = new();
    private readonly Queue<FakeResponse> _script = new();
    private readonly List<string> _bodies = [];

    public MutationServer()
    {
        _server = LoopbackWireMock.Start();
        _server
            .Given(Request.Create().WithPath("/graphql").UsingPost())
            .RespondWith(Response.Create().WithCallback(RespondAsync));
    }

    public Uri Endpoint => _server.GraphQLEndpoint();

    /// <summary>Gets or sets the answer to a request nothing scripted: the body of a 200, from the request's JSON.</summary>
    public Func<JsonElement, string> Answer { get; set; } = _ => """{"data":null,"errors":[{"message":"no answer scripted"}]}""";

    /// <summary>Gets or sets a hook run when a request arrives, before it is answered, with its index from 0; it may wait.</summary>
    public Func<int, Task>? OnRequest { get; set; }

    /// <summary>Gets the bodies of the requests received, in order.</summary>
    public IReadOnlyList<string> Bodies
    {
        get
        {
            lock (_gate)
            {
                return [.. _bodies];
            }
        }
    }

    /// <summary>Gets the requests' <c>variables</c>, parsed.</summary>
    public IReadOnlyList<JsonElement> Variables => [.. Bodies.Select(b => JsonDocument.Parse(b).RootElement.GetProperty("variables").Clone())];

    /// <summary>Answers the next requests with these, in order.</summary>
    public void Enqueue(params FakeResponse[] responses)
    {
        lock (_gate)
        {
            foreach (var response in responses)
            {
                _script.Enqueue(response);
            }
        }
    }

    public void Dispose()
    {
        _server.Stop();
        _server.Dispose();
    }

    private async Task<IResponseMessage> RespondAsync(IRequestMessage request)
    {
        int index;
        FakeResponse? scripted;
        lock (_gate)
        {
            index = _bodies.Count;
            _bodies.Add(request.Body ?? string.Empty);
            scripted = _script.Count > 0 ? _script.Dequeue() : null;
        }

        if (OnRequest is { } hook)
        {
            await hook(index);
        }

        if (scripted is null)
        {
            using var json = JsonDocument.Parse(request.Body ?? "{}");
            scripted = FakeResponse.Json(Answer(json.RootElement));
        }

        return FakeFieldAgentServer.ToMessage(scripted);
    }
}
