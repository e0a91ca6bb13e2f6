using System.Net.Sockets;
using System.Net;
using FlightTaskSync.Client.Tests.TestDoubles;
using FlightTaskSync.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FlightTaskSync.Client.Tests.Reliability;

/// <summary>
/// The access token goes to the server in the Authorization header and nowhere else: not in a
/// log entry at Trace (message, values or exception), not in an exception's message or
/// ToString(), not in a report or a status. And an unencrypted http endpoint that is not
/// loopback is refused before any token is asked for, unless explicitly allowed.
/// </summary>
public sealed class SecretsTests
{
    private const string Token = "eyJhbGciOiJSUzI1NiJ9.c2VjcmV0LXRva2VuLTc3.Zm9yYmlkZGVu";
    private static readonly string Acme = FakeTask.OrganizationId("secret");
    private static readonly SyncScope AcmeScope = new(Acme);

    [Test]
    public async Task Token_AcrossSuccessAndEveryKindOfFailure_NeverLeavesTheAuthorizationHeader()
    {
        await using var harness = new SyncHarness(o =>
        {
            o.AccessTokenProvider = _ => Task.FromResult(Token);
            o.MaxRetryAttempts = 2;
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(10);
        });
        harness.Server.PageSize = 50;
        harness.Server.AddTasks(Acme, 120);
        var texts = new List<string>();

        // A sync that works (with a retry), then one failure of each kind.
        harness.Server.Enqueue(FakeResponse.WithStatus(503));
        var report = await harness.SyncAsync(AcmeScope);
        texts.Add(report.ToString());
        harness.Server.AddTasks(Acme, 10, firstNumber: 500);

        FakeResponse[][] failures =
        [
            [FakeResponse.WithStatus(401), FakeResponse.WithStatus(401)],
            [FakeResponse.WithStatus(403)],
            [.. Enumerable.Repeat(FakeResponse.WithStatus(500, "<html>down</html>"), 3)],
            [.. Enumerable.Repeat(FakeResponse.DroppedConnection(), 3)],
            [FakeResponse.Json("""{"data":{"sync_flight_tasks":{"remaining_count":"many"}}}""")],
            [FakeResponse.WithStatus(400, """{"errors":[{"message":"bad request"}]}""")],
            [FakeResponse.Json(FakeFieldAgentServer.PageJson(5, []))],
        ];
        var exceptions = new List<Exception>();
        foreach (var answers in failures)
        {
            harness.Server.Enqueue(answers);
            try
            {
                await harness.SyncAsync(AcmeScope);
                Assert.Fail($"the sync should have failed on {answers[0].Status}");
            }
            catch (FlightTaskSyncException exception)
            {
                exceptions.Add(exception);
            }
        }

        var status = await harness.Client.GetStatusAsync(AcmeScope);
        texts.Add(status.ToString() ?? string.Empty);
        texts.Add(status.LastErrorMessage ?? string.Empty);
        foreach (var exception in exceptions)
        {
            texts.Add(exception.Message);
            texts.Add(exception.ToString());
        }

        var logs = harness.Logs.Entries;
        foreach (var entry in logs)
        {
            texts.Add(entry.Message);
            texts.AddRange(entry.Values.Values.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty));
            texts.Add(entry.Exception?.ToString() ?? string.Empty);
        }

        Assert.Multiple(() =>
        {
            Assert.That(harness.Server.Requests.SelectMany(r => r.Authorization), Has.All.EqualTo($"Bearer {Token}"), "the token did go to the server");
            Assert.That(exceptions.Select(e => e.GetType().Name).Distinct().Count(), Is.GreaterThanOrEqualTo(5), "failures of every kind were captured");
            Assert.That(logs.Any(e => e.Level == LogLevel.Trace || e.Level == LogLevel.Debug), Is.True, "logs were captured at Trace");
            Assert.That(logs.Count(e => e.Category.StartsWith("System.Net.Http", StringComparison.Ordinal)), Is.Zero, "the SDK's HttpClient writes no logs of its own");
            Assert.That(texts.Where(t => t.Contains(Token, StringComparison.Ordinal)), Is.Empty);
            Assert.That(texts.Where(t => t.Contains(Token[..16], StringComparison.Ordinal)), Is.Empty, "not even a prefix of it");
        });
    }

    [Test]
    public async Task Token_FromAProviderThatFails_EndsTheSyncWithALibraryExceptionBeforeAnyRequest()
    {
        await using var harness = new SyncHarness(o =>
            o.AccessTokenProvider = _ => throw new InvalidOperationException("the identity provider is offline"));
        harness.Server.AddTasks(Acme, 5);

        var exception = Assert.CatchAsync(() => harness.SyncAsync(AcmeScope));

        Assert.Multiple(() =>
        {
            Assert.That(exception, Is.InstanceOf<FlightTaskSyncException>());
            Assert.That(exception!.InnerException, Is.InstanceOf<InvalidOperationException>(), "the app's own failure, kept as the cause");
            Assert.That(exception.Message, Does.Contain("AccessTokenProvider failed"));
            Assert.That(harness.Server.Requests, Is.Empty, "no request goes out without a token");
        });
    }

    [Test]
    public async Task UnencryptedEndpoint_NotLoopbackAndNotAllowed_IsRefusedBeforeAnyTokenOrRequest()
    {
        using var server = new FakeFieldAgentServer();
        using var folder = new TempDirectory();
        server.AddTasks(Acme, 5);
        var tokenRequests = 0;
        await using var provider = BuildRoutedToServer(server, folder, allowUnencryptedHttp: false, () => Interlocked.Increment(ref tokenRequests));

        var exception = Assert.CatchAsync(() => provider.GetRequiredService<IFlightTaskSyncClient>().SyncAsync(AcmeScope));

        Assert.Multiple(() =>
        {
            Assert.That(exception, Is.InstanceOf<OptionsValidationException>());
            Assert.That(exception!.Message, Does.Contain("unencrypted http").And.Contain("AllowUnencryptedHttp"));
            Assert.That(tokenRequests, Is.Zero);
            Assert.That(server.Requests, Is.Empty);
        });
    }

    [Test]
    public async Task UnencryptedEndpoint_NotLoopbackButAllowed_Syncs()
    {
        using var server = new FakeFieldAgentServer();
        using var folder = new TempDirectory();
        server.AddTasks(Acme, 5);
        var tokenRequests = 0;
        await using var provider = BuildRoutedToServer(server, folder, allowUnencryptedHttp: true, () => Interlocked.Increment(ref tokenRequests));

        var report = await provider.GetRequiredService<IFlightTaskSyncClient>().SyncAsync(AcmeScope);

        Assert.Multiple(() =>
        {
            Assert.That(report.TasksHeld, Is.EqualTo(5));
            Assert.That(server.Requests, Is.Not.Empty);
            Assert.That(tokenRequests, Is.GreaterThan(0));
        });
    }

    /// <summary>
    /// The SDK pointed at <c>http://fieldagent.lab.test:port</c>, a name that is not loopback, with
    /// its connections routed to the fake server on 127.0.0.1: a request the SDK let through would reach it.
    /// </summary>
    private static ServiceProvider BuildRoutedToServer(FakeFieldAgentServer server, TempDirectory folder, bool allowUnencryptedHttp, Action onToken)
    {
        var port = server.Endpoint.Port;
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddFlightTaskSync(o =>
        {
            o.Endpoint = new Uri($"http://fieldagent.lab.test:{port}/graphql");
            o.DatabasePath = folder.File("flighttasks.db");
            o.AllowUnencryptedHttp = allowUnencryptedHttp;
            o.AccessTokenProvider = _ =>
            {
                onToken();
                return Task.FromResult(Token);
            };
        });
        services.ConfigureAll<HttpClientFactoryOptions>(o => o.HttpMessageHandlerBuilderActions.Add(builder =>
            builder.PrimaryHandler = new SocketsHttpHandler
            {
                ConnectCallback = async (context, cancellationToken) =>
                {
                    var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                    await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                },
            }));
        return services.BuildServiceProvider();
    }
}
