using System.Text;
using System.Text.Json;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace FlightTaskSync.Client.Tests.TestDoubles;

/// <summary>
/// A FieldAgent stand-in on WireMock.Net (127.0.0.1, a free port) that answers
/// <c>sync_flight_tasks</c> the way the protocol describes: tasks of the scope whose hash the
/// client did not send, <see cref="PageSize"/> at a time, plus deletions of tasks the client
/// still holds. It records every request, and scripted responses can take the place of pages.
/// </summary>
internal sealed class FakeFieldAgentServer : IDisposable
{
    private readonly WireMockServer _server;
    private readonly object _gate = new();
    private readonly Dictionary<string, FakeTask> _tasks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FakeTask> _tombstones = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _parentOrganization = new(StringComparer.Ordinal);
    private readonly Queue<FakeResponse> _script = new();
    private readonly List<CapturedRequest> _requests = [];
    private readonly List<(int Count, TaskCompletionSource Reached)> _requestWaiters = [];
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _inFlight;

    public FakeFieldAgentServer(TimeProvider? clock = null)
    {
        Clock = clock ?? TimeProvider.System;
        _server = LoopbackWireMock.Start();
        _server
            .Given(Request.Create().WithPath("/graphql").UsingPost())
            .RespondWith(Response.Create().WithCallback(RespondAsync));
    }

    public Uri Endpoint => _server.GraphQLEndpoint();

    public TimeProvider Clock { get; }

    /// <summary>Gets or sets the most tasks a page carries (the real server's cap is 2,000).</summary>
    public int PageSize { get; set; } = 2000;

    /// <summary>Gets or sets a hook run before each request is answered, with the request's index (from 0): edit tasks between pages.</summary>
    public Action<int>? BeforeAnswer { get; set; }

    /// <summary>Gets the largest number of requests that were being answered at one time.</summary>
    public int MostConcurrentRequests { get; private set; }

    public IReadOnlyList<CapturedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    public void AddChildOrganization(string parent, string child)
    {
        lock (_gate)
        {
            _parentOrganization[child] = parent;
        }
    }

    public IReadOnlyList<FakeTask> AddTasks(string organization, int count, int firstNumber = 1)
    {
        var added = Enumerable.Range(firstNumber, count)
            .Select(n => new FakeTask(FakeTask.TaskId(n), organization, $"Field {n} — stand count flight"))
            .ToList();
        lock (_gate)
        {
            foreach (var task in added)
            {
                _tasks[task.SenteraId] = task;
            }
        }

        return added;
    }

    public void Put(FakeTask task)
    {
        lock (_gate)
        {
            _tasks[task.SenteraId] = task;
        }
    }

    public FakeTask Get(string senteraId)
    {
        lock (_gate)
        {
            return _tasks[senteraId];
        }
    }

    public void Delete(string senteraId)
    {
        lock (_gate)
        {
            _tombstones[senteraId] = _tasks[senteraId];
            _tasks.Remove(senteraId);
        }
    }

    /// <summary>Deletes a task without a tombstone: the server has forgotten it, and will never report the deletion.</summary>
    public void DeleteAndForget(string senteraId)
    {
        lock (_gate)
        {
            _tasks.Remove(senteraId);
        }
    }

    /// <summary>Gets id -> hash of every task the scope holds on the server.</summary>
    public IReadOnlyDictionary<string, string> TasksOf(SyncScope scope)
    {
        lock (_gate)
        {
            return _tasks.Values.Where(t => InScope(t, scope.OrganizationSenteraId, scope.IncludeDescendantOrganizations))
                .ToDictionary(t => t.SenteraId, t => t.ContentHash, StringComparer.Ordinal);
        }
    }

    /// <summary>Answers the next requests with these responses, in order, instead of pages.</summary>
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

    /// <summary>Completes once <paramref name="count"/> requests have arrived (at once if they have).</summary>
    public Task WhenRequestsReceivedAsync(int count)
    {
        lock (_gate)
        {
            if (_requests.Count >= count)
            {
                return Task.CompletedTask;
            }

            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _requestWaiters.Add((count, waiter));
            return waiter.Task;
        }
    }

    public void Dispose()
    {
        _stopped.TrySetResult();
        _server.Stop();
        _server.Dispose();
    }

    private async Task<IResponseMessage> RespondAsync(IRequestMessage request)
    {
        var captured = Capture(request);
        lock (_gate)
        {
            _inFlight++;
            MostConcurrentRequests = Math.Max(MostConcurrentRequests, _inFlight);
        }

        try
        {
            BeforeAnswer?.Invoke(captured.Index);
            FakeResponse? scripted;
            lock (_gate)
            {
                scripted = _script.Count > 0 ? _script.Dequeue() : null;
            }

            if (scripted is not null)
            {
                if (scripted.Hold is { } hold)
                {
                    await Task.WhenAny(hold, _stopped.Task);
                }

                return ToMessage(scripted);
            }

            return ToMessage(FakeResponse.Json(BuildPage(captured)));
        }
        finally
        {
            lock (_gate)
            {
                _inFlight--;
            }
        }
    }

    private CapturedRequest Capture(IRequestMessage request)
    {
        using var body = JsonDocument.Parse(request.Body ?? "{}");
        var variables = body.RootElement.GetProperty("variables");
        var include = variables.TryGetProperty("includeDescendantOrganizations", out var flag) && flag.ValueKind == JsonValueKind.True;
        var hashes = variables.GetProperty("contentHashes").EnumerateArray().Select(e => e.GetString()!).ToArray();
        var authorization = request.Headers is not null && request.Headers.TryGetValue("Authorization", out var values) ? values.ToArray() : [];
        lock (_gate)
        {
            var captured = new CapturedRequest(
                _requests.Count,
                variables.GetProperty("organizationSenteraId").GetString()!,
                include,
                hashes,
                authorization,
                Clock.GetUtcNow(),
                body.RootElement.GetProperty("operationName").GetString());
            _requests.Add(captured);
            foreach (var waiter in _requestWaiters.Where(w => w.Count <= _requests.Count))
            {
                waiter.Reached.TrySetResult();
            }

            _requestWaiters.RemoveAll(w => w.Count <= _requests.Count);
            return captured;
        }
    }

    private string BuildPage(CapturedRequest request)
    {
        var held = new HashSet<string>(request.ContentHashes, StringComparer.Ordinal);
        List<FakeTask> changed;
        List<FakeTask> deleted;
        lock (_gate)
        {
            changed = _tasks.Values
                .Where(t => InScope(t, request.OrganizationSenteraId, request.IncludeDescendants) && !held.Contains(t.ContentHash))
                .OrderBy(t => t.SenteraId, StringComparer.Ordinal)
                .ToList();
            deleted = _tombstones.Values
                .Where(t => InScope(t, request.OrganizationSenteraId, request.IncludeDescendants) && held.Contains(t.ContentHash))
                .ToList();
        }

        var page = changed.Take(PageSize).ToList();
        return PageJson(changed.Count - page.Count, page, deleted);
    }

    /// <summary>Writes a whole <c>sync_flight_tasks</c> response, for pages scripted by a test.</summary>
    public static string PageJson(int remainingCount, IEnumerable<FakeTask> upserted, IEnumerable<FakeTask>? deleted = null)
    {
        using var buffer = new MemoryStream();

        // Base64 '+' written as is, as servers commonly do, so tests can edit the text.
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("data");
            writer.WriteStartObject("sync_flight_tasks");
            writer.WriteString("__typename", "SyncResult");
            writer.WriteNumber("remaining_count", remainingCount);
            writer.WriteNull("failed");
            writer.WriteStartArray("deleted");
            foreach (var task in deleted ?? [])
            {
                writer.WriteStartObject();
                writer.WriteString("__typename", "FlightTask");
                writer.WriteString("sentera_id", task.SenteraId);
                writer.WriteString("content_hash", task.ContentHash);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("upserted");
            foreach (var task in upserted)
            {
                task.WriteUpserted(writer);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private bool InScope(FakeTask task, string organization, bool includeDescendants)
    {
        if (task.OrganizationSenteraId == organization)
        {
            return true;
        }

        if (!includeDescendants)
        {
            return false;
        }

        var current = task.OrganizationSenteraId;
        while (_parentOrganization.TryGetValue(current, out var parent))
        {
            if (parent == organization)
            {
                return true;
            }

            current = parent;
        }

        return false;
    }

    /// <summary>Turns a scripted answer into WireMock's response (shared with <see cref="MutationServer"/>).</summary>
    internal static ResponseMessage ToMessage(FakeResponse response)
    {
        var message = new ResponseMessage
        {
            StatusCode = response.Status,
            FaultType = response.Fault,
            Headers = new Dictionary<string, WireMockList<string>>(),
        };
        foreach (var (name, value) in response.Headers)
        {
            message.Headers[name] = new WireMockList<string>(value);
        }

        var body = response.BodyBytes ?? (response.Body is null ? null : Encoding.UTF8.GetBytes(response.Body));
        if (body is not null)
        {
            if (!message.Headers.ContainsKey("Content-Type"))
            {
                message.Headers["Content-Type"] = new WireMockList<string>("application/json");
            }

            message.BodyData = new BodyData
            {
                BodyAsBytes = body,
                DetectedBodyType = BodyType.Bytes,
            };
        }

        return message;
    }
}
