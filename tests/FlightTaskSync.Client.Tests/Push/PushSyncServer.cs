using System.Globalization;
using System.Text.Json;
using FlightTaskSync.Client.Tests.TestDoubles;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace FlightTaskSync.Client.Tests.Push;

/// <summary>
/// A FieldAgent stand-in on WireMock.Net (127.0.0.1, a free port) for whole syncs with a push: it
/// answers <c>sync_flight_tasks</c> from the tasks it holds (everything whose hash the client did not
/// send, in one page, and the deletions of tasks the client still holds) and applies the three
/// mutations to them, as the protocol describes. It records every request's operation and variables
/// in order; scripted responses take the place of the next mutation's answer.
/// </summary>
internal sealed class PushSyncServer : IDisposable
{
    private readonly WireMockServer _server;
    private readonly object _gate = new();
    private readonly Dictionary<string, FakeTask> _tasks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FakeTask> _tombstones = new(StringComparer.Ordinal);
    private readonly Queue<FakeResponse> _mutationScript = new();
    private readonly List<(string Operation, JsonElement Variables)> _requests = [];
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _mutationReceived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _created;

    public PushSyncServer()
    {
        _server = LoopbackWireMock.Start();
        _server
            .Given(Request.Create().WithPath("/graphql").UsingPost())
            .RespondWith(Response.Create().WithCallback(RespondAsync));
    }

    public Uri Endpoint => _server.GraphQLEndpoint();

    /// <summary>Gets the id the server gives the task it creates next (ids of the real shape, from 901).</summary>
    public string NextCreatedId
    {
        get
        {
            lock (_gate)
            {
                return FakeTask.TaskId(900 + _created + 1);
            }
        }
    }

    /// <summary>Gets or sets the notes the server refuses in an upsert entry (a validation error on <c>notes</c>).</summary>
    public string? RefusedNotes { get; set; }

    /// <summary>Gets or sets whether the next mutation is applied and then its connection dropped before any answer.</summary>
    public bool ApplyThenDropNextMutation { get; set; }

    /// <summary>Gets the operation names of the requests received, in order.</summary>
    public IReadOnlyList<string> Operations
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests.Select(r => r.Operation)];
            }
        }
    }

    /// <summary>Gets the variables of the requests of one operation, in order.</summary>
    public IReadOnlyList<JsonElement> VariablesOf(string operation)
    {
        lock (_gate)
        {
            return [.. _requests.Where(r => r.Operation == operation).Select(r => r.Variables)];
        }
    }

    public IReadOnlyList<FakeTask> Tasks
    {
        get
        {
            lock (_gate)
            {
                return [.. _tasks.Values];
            }
        }
    }

    public IReadOnlyList<FakeTask> AddTasks(string organization, int count)
    {
        var added = Enumerable.Range(1, count).Select(n => new FakeTask(FakeTask.TaskId(n), organization, $"Field {n} stand count")).ToList();
        lock (_gate)
        {
            added.ForEach(t => _tasks[t.SenteraId] = t);
        }

        return added;
    }

    public FakeTask Get(string senteraId)
    {
        lock (_gate)
        {
            return _tasks[senteraId];
        }
    }

    /// <summary>Changes a task as the office would, between syncs.</summary>
    public void Change(string senteraId, Func<FakeTask, FakeTask> change)
    {
        lock (_gate)
        {
            _tasks[senteraId] = change(_tasks[senteraId]);
        }
    }

    /// <summary>Answers the next mutation requests with these, in order, instead of applying them.</summary>
    public void EnqueueMutationAnswers(params FakeResponse[] responses)
    {
        lock (_gate)
        {
            foreach (var response in responses)
            {
                _mutationScript.Enqueue(response);
            }
        }
    }

    /// <summary>Completes when the first mutation request has arrived.</summary>
    public Task WhenMutationReceivedAsync() => _mutationReceived.Task;

    public void Dispose()
    {
        _stopped.TrySetResult();
        _server.Stop();
        _server.Dispose();
    }

    /// <summary>Answers a request; a scripted answer that holds (<see cref="FakeResponse.Never"/>) waits until the server stops.</summary>
    private async Task<IResponseMessage> RespondAsync(IRequestMessage request)
    {
        var (message, hold) = Respond(request);
        if (hold is not null)
        {
            await Task.WhenAny(hold, _stopped.Task);
        }

        return message;
    }

    private (IResponseMessage Message, Task? Hold) Respond(IRequestMessage request)
    {
        using var body = JsonDocument.Parse(request.Body ?? "{}");
        var operation = body.RootElement.GetProperty("operationName").GetString() ?? string.Empty;
        var variables = body.RootElement.GetProperty("variables").Clone();
        lock (_gate)
        {
            _requests.Add((operation, variables));
            if (operation == "SyncFlightTasks")
            {
                return (FakeFieldAgentServer.ToMessage(FakeResponse.Json(Page(variables))), null);
            }

            _mutationReceived.TrySetResult();
            if (_mutationScript.Count > 0)
            {
                var scripted = _mutationScript.Dequeue();
                return (FakeFieldAgentServer.ToMessage(scripted), scripted.Hold);
            }

            var answer = operation switch
            {
                "UpsertFlightTasks" => Upsert(variables.GetProperty("flightTasks")),
                "BeginTasks" => Begin(variables.GetProperty("senteraIds")),
                "DeleteTasks" => Delete(variables.GetProperty("senteraIds")),
                _ => """{"data":null,"errors":[{"message":"unknown operation"}]}""",
            };
            if (ApplyThenDropNextMutation)
            {
                ApplyThenDropNextMutation = false;
                return (FakeFieldAgentServer.ToMessage(FakeResponse.DroppedConnection()), null);
            }

            return (FakeFieldAgentServer.ToMessage(FakeResponse.Json(answer)), null);
        }
    }

    private string Page(JsonElement variables)
    {
        var organization = variables.GetProperty("organizationSenteraId").GetString();
        var held = variables.GetProperty("contentHashes").EnumerateArray().Select(e => e.GetString()!).ToHashSet(StringComparer.Ordinal);
        var changed = _tasks.Values.Where(t => t.OrganizationSenteraId == organization && !held.Contains(t.ContentHash)).OrderBy(t => t.SenteraId, StringComparer.Ordinal);
        var deleted = _tombstones.Values.Where(t => t.OrganizationSenteraId == organization && held.Contains(t.ContentHash));
        return FakeFieldAgentServer.PageJson(0, changed, deleted);
    }

    private string Upsert(JsonElement entries)
    {
        var succeeded = new List<string>();
        var failed = new List<string>();
        var index = 0;
        foreach (var entry in entries.EnumerateArray())
        {
            var id = entry.TryGetProperty("sentera_id", out var idValue) ? idValue.GetString() : null;
            var notes = entry.TryGetProperty("notes", out var notesValue) ? notesValue.GetString() : null;
            if (RefusedNotes is not null && notes == RefusedNotes)
            {
                failed.Add(MutationAnswersJson.Failure(index, id, "notes", "invalid", "is not accepted"));
            }
            else
            {
                var task = id is null
                    ? new FakeTask(FakeTask.TaskId(900 + ++_created), entry.GetProperty("organization_sentera_id").GetString()!, entry.GetProperty("name").GetString()!)
                    : _tasks[id];
                if (entry.TryGetProperty("name", out var name))
                {
                    task = task with { Name = name.GetString()! };
                }

                if (entry.TryGetProperty("notes", out _))
                {
                    task = task with { Notes = notes };
                }

                _tasks[task.SenteraId] = task;
                succeeded.Add(MutationAnswersJson.Task(task.SenteraId, task.ContentHash, task.Name, organization: task.OrganizationSenteraId));
            }

            index++;
        }

        return MutationAnswersJson.Upsert(string.Join(",", succeeded), string.Join(",", failed));
    }

    private string Begin(JsonElement ids)
    {
        var begun = new List<string>();
        foreach (var id in ids.EnumerateArray().Select(e => e.GetString()!))
        {
            _tasks[id] = _tasks[id] with { Status = "IN_PROGRESS" };
            begun.Add(string.Create(CultureInfo.InvariantCulture, $"\"{id}\""));
        }

        return MutationAnswersJson.Begin(string.Join(",", begun));
    }

    private string Delete(JsonElement ids)
    {
        var deleted = new List<string>();
        foreach (var id in ids.EnumerateArray().Select(e => e.GetString()!))
        {
            if (_tasks.Remove(id, out var task))
            {
                _tombstones[id] = task;
                deleted.Add(id);
            }
        }

        return MutationAnswersJson.Deleted([.. deleted]);
    }
}
