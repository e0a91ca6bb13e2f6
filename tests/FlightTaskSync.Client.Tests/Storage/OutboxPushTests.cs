using System.Text.Json;
using FlightTaskSync.Client.Editing;
using FlightTaskSync.Client.Storage;
using FlightTaskSync.Client.Sync.Push;
using FlightTaskSync.Client.Tests.Push;
using FlightTaskSync.Client.Tests.TestDoubles;
using FlightTaskSync.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;
using WireMock.ResponseBuilders;
using static FlightTaskSync.Client.Tests.Push.PushFixtures;

namespace FlightTaskSync.Client.Tests.Storage;

/// <summary>
/// The push (<see cref="PushRunner"/>, against WireMock) over the SQLite store, with edits made
/// through <see cref="FlightTaskEditor"/>: what the push's own tests check against the in-memory
/// store, checked on a real file, with the local view after each step.
/// </summary>
public sealed class OutboxPushTests
{
    private SenderHarness _harness = null!;
    private TempDirectory _folder = null!;
    private FlightTaskDatabase _database = null!;
    private SqliteFlightTaskStore _store = null!;
    private FlightTaskEditor _editor = null!;
    private PushRunner _runner = null!;
    private List<FlightTasksChangedEventArgs> _changes = null!;
    private int _created;

    [SetUp]
    public void SetUp()
    {
        _harness = new SenderHarness();
        _harness.Server.Answer = AcceptEverything;
        _folder = new TempDirectory();
        _database = new FlightTaskDatabase(_folder.File("flighttasks.db"));
        _store = new SqliteFlightTaskStore(_database, _harness.Clock);
        _editor = new FlightTaskEditor(_store, _harness.Clock);
        _runner = new PushRunner(_store, _harness.Sender, _harness.Clock, NullLogger.Instance);
        _changes = [];
        _store.Changed += (_, e) => _changes.Add(e);
    }

    [TearDown]
    public void TearDown()
    {
        _database.Dispose();
        _folder.Dispose();
        _harness.Dispose();
    }

    [Test]
    public async Task Push_CreateBeginComplete_TheCreatedTaskIsReadByItsNewIdAndThePullShowsTheServersVersion()
    {
        var created = await _editor.CreateAsync(Scope, new NewFlightTask { Name = "Replant check", OrganizationSenteraId = Organization });
        await _editor.BeginAsync(Scope, created.SenteraId);
        await _editor.UpdateAsync(Scope, created.SenteraId, new FlightTaskChanges { CompletedAt = T0 });

        var result = await _runner.PushAsync(Scope, ConflictResolution.MergeFields, CancellationToken.None);
        var afterPush = await _store.ListAsync(Scope);
        await _store.ApplyPageAsync(Scope, [ServerTask(CreatedId(1), hash: "hash-server", name: "Replant check", status: FlightTaskStatus.Completed, completedAt: T0)], []);

        var afterPull = await _store.GetAsync(Scope, CreatedId(1));
        Assert.Multiple(async () =>
        {
            Assert.That(result.Pushed, Is.EqualTo(3));
            Assert.That(_harness.Server.Variables[1].GetProperty("senteraIds")[0].GetString(), Is.EqualTo(CreatedId(1)));
            Assert.That(afterPush.Select(t => (t.SenteraId, t.Status, t.HasPendingEdits)), Is.EqualTo(new[] { (CreatedId(1), FlightTaskStatus.Completed, false) }));
            Assert.That(_changes.SelectMany(c => c.ReplacedIds), Is.EqualTo(new[] { KeyValuePair.Create(created.SenteraId, CreatedId(1)) }));
            Assert.That(await _store.ListPendingAsync(Scope), Is.Empty);
            Assert.That((afterPull!.ContentHash, afterPull.HasPendingEdits, afterPull.Status), Is.EqualTo(("hash-server", false, FlightTaskStatus.Completed)));
            Assert.That(await _store.CountAsync(Scope), Is.EqualTo(1));
            Assert.That(await _store.ReadEditsAsync(Scope), Is.Empty);
        });
    }

    [Test]
    public async Task Push_OneEntryRefused_ItStopsChangingTheTaskTheOtherIsApplied()
    {
        await _store.ApplyPageAsync(Scope, [ServerTask(TaskId(1), notes: "server 1"), ServerTask(TaskId(2), notes: "server 2")], []);
        await _editor.UpdateAsync(Scope, TaskId(1), new FlightTaskChanges { Notes = "fine" });
        await _editor.UpdateAsync(Scope, TaskId(2), new FlightTaskChanges { FieldSenteraId = FieldId(99) });
        _harness.Server.Answer = _ => MutationAnswersJson.Upsert(
            MutationAnswersJson.Task(TaskId(1), "hash-2", "North"),
            MutationAnswersJson.Failure(1, TaskId(2), "field", "not_found", "was not found"));

        var result = await _runner.PushAsync(Scope, ConflictResolution.MergeFields, CancellationToken.None);

        var pending = await _editor.ListPendingAsync(Scope);
        var one = await _store.GetAsync(Scope, TaskId(1));
        var two = await _store.GetAsync(Scope, TaskId(2));
        Assert.Multiple(() =>
        {
            Assert.That(result.Pushed, Is.EqualTo(1));
            Assert.That(pending.Single().State, Is.EqualTo(PendingEditState.Rejected));
            Assert.That(pending.Single().Errors.Single().Key, Is.EqualTo("not_found"));
            Assert.That((one!.Notes, one.HasPendingEdits), Is.EqualTo(("fine", false)));
            Assert.That((two!.FieldSenteraId, two.HasPendingEdits), Is.EqualTo(((string?)null, false)));
        });
    }

    [Test]
    public async Task Push_DeleteOfAPulledTask_GoneFromTheServerAndTheStoreAfterThePull()
    {
        await _store.ApplyPageAsync(Scope, [ServerTask(TaskId(1)), ServerTask(TaskId(2))], []);
        await _editor.DeleteAsync(Scope, TaskId(1));

        var result = await _runner.PushAsync(Scope, ConflictResolution.MergeFields, CancellationToken.None);
        var hashesTheNextPullSends = await _store.ReadContentHashesAsync(Scope);
        await _store.ApplyPageAsync(Scope, [], [TaskId(1)]);

        Assert.Multiple(async () =>
        {
            Assert.That(result.Pushed, Is.EqualTo(1));
            Assert.That(hashesTheNextPullSends.Keys, Is.EquivalentTo(new[] { TaskId(1), TaskId(2) }), "so that the pull says it is gone");
            Assert.That((await _store.ListAsync(Scope)).Select(t => t.SenteraId), Is.EqualTo(new[] { TaskId(2) }));
            Assert.That(await _store.ReadServerTasksAsync(Scope, [TaskId(1)]), Is.Empty);
        });
    }

    [Test]
    public async Task Reconcile_CreateWhoseAnswerWasLost_FoundOnTheServerNeverCreatedTwice()
    {
        var created = await _editor.CreateAsync(Scope, new NewFlightTask { Name = "Replant check", OrganizationSenteraId = Organization, FieldSenteraId = FieldId(1) });
        // The server applies the create, then the connection drops before the answer.
        _harness.Server.Enqueue(new FakeResponse(200) { Fault = FaultType.EMPTY_RESPONSE });
        Assert.That(() => _runner.PushAsync(Scope, ConflictResolution.MergeFields, CancellationToken.None), Throws.TypeOf<FlightTaskSyncUnavailableException>());
        var stateAfterTheLostAnswer = (await _store.ReadEditsAsync(Scope)).Single().State;
        _harness.Clock.Advance(TimeSpan.FromMinutes(5));
        await _store.ApplyPageAsync(Scope, [ServerTask(TaskId(77), name: "Replant check", field: FieldId(1), createdAt: _harness.Clock.GetUtcNow().AddMinutes(-5))], []);
        var bodies = _harness.Server.Bodies.Count;

        var reconciled = await _runner.ReconcileAsync(Scope, CancellationToken.None);
        var pushed = await _runner.PushAsync(Scope, ConflictResolution.MergeFields, CancellationToken.None);

        Assert.Multiple(async () =>
        {
            Assert.That(stateAfterTheLostAnswer, Is.EqualTo(Client.Storage.Outbox.OutboxEditState.Sending));
            Assert.That(reconciled.Pushed, Is.EqualTo(1));
            Assert.That(pushed.Calls, Is.Zero);
            Assert.That(_harness.Server.Bodies, Has.Count.EqualTo(bodies), "no second create");
            Assert.That((await _store.ListAsync(Scope)).Select(t => (t.SenteraId, t.HasPendingEdits)), Is.EqualTo(new[] { (TaskId(77), false) }));
            Assert.That(await _store.GetAsync(Scope, created.SenteraId), Is.Null);
            Assert.That(await _store.ReadEditsAsync(Scope), Is.Empty);
        });
    }

    private static string CreatedId(int number) => TaskId(900 + number);

    /// <summary>A server that applies everything: creates get ids 901, 902, ... in order.</summary>
    private string AcceptEverything(JsonElement request)
    {
        var variables = request.GetProperty("variables");
        switch (request.GetProperty("operationName").GetString())
        {
            case "UpsertFlightTasks":
                var tasks = variables.GetProperty("flightTasks").EnumerateArray().Select(entry => entry.TryGetProperty("sentera_id", out var id)
                    ? MutationAnswersJson.Task(id.GetString()!, $"hash-{Guid.NewGuid():N}", "Updated")
                    : MutationAnswersJson.Task(CreatedId(Interlocked.Increment(ref _created)), "hash-new", entry.GetProperty("name").GetString()!));
                return MutationAnswersJson.Upsert(string.Join(",", tasks));
            case "BeginTasks":
                return MutationAnswersJson.Begin(string.Join(",", variables.GetProperty("senteraIds").EnumerateArray().Select(id => $"\"{id.GetString()}\"")));
            default:
                return MutationAnswersJson.Deleted([.. variables.GetProperty("senteraIds").EnumerateArray().Select(id => id.GetString()!)]);
        }
    }
}
