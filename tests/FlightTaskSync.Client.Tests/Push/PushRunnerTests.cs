using System.Text.Json;
using FlightTaskSync.Client.Storage.Outbox;
using FlightTaskSync.Client.Sync.Push;
using FlightTaskSync.Client.Tests.TestDoubles;
using FlightTaskSync.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;
using WireMock.ResponseBuilders;
using static FlightTaskSync.Client.Tests.Push.PushFixtures;

namespace FlightTaskSync.Client.Tests.Push;

/// <summary>
/// The whole push of a scope against the in-memory outbox and WireMock: plan, mark sending, send,
/// record; and after a crash or a lost answer, reconciliation from the tasks pulled next.
/// </summary>
public sealed class PushRunnerTests
{
    private SenderHarness _harness = null!;
    private InMemoryOutboxStore _store = null!;
    private PushRunner _runner = null!;
    private int _created;

    [SetUp]
    public void SetUp()
    {
        _harness = new SenderHarness();
        _harness.Server.Answer = AcceptEverything;
        _store = new InMemoryOutboxStore(_harness.Clock);
        _runner = new PushRunner(_store, _harness.Sender, _harness.Clock, NullLogger.Instance);
    }

    [TearDown]
    public void TearDown() => _harness.Dispose();

    [Test]
    public async Task PushAsync_NothingPending_SendsNothing()
    {
        // Act
        var result = await _runner.PushAsync(Scope, ConflictResolution.MergeFields, CancellationToken.None);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(result.Pushed, Is.Zero);
            Assert.That(_harness.Server.Bodies, Is.Empty);
        });
    }

    [Test]
    public async Task PushAsync_CreateBeginComplete_LaterCallsUseTheIdTheCreateGot()
    {
        // Arrange
        _store.Add(id => Create(id, LocalId(1), "Replant check"));
        _store.Add(id => Begin(id, LocalId(1), baseHash: null));
        _store.Add(id => Update(id, LocalId(1), new FlightTaskChanges { CompletedAt = T0 }, baseHash: null));

        // Act
        var result = await _runner.PushAsync(Scope, ConflictResolution.MergeFields, CancellationToken.None);

        // Assert
        var variables = _harness.Server.Variables;
        Assert.Multiple(() =>
        {
            Assert.That(variables, Has.Count.EqualTo(3));
            Assert.That(variables[0].GetProperty("flightTasks")[0].TryGetProperty("sentera_id", out _), Is.False, "a create");
            Assert.That(variables[1].GetProperty("senteraIds")[0].GetString(), Is.EqualTo(CreatedId(1)));
            Assert.That(variables[2].GetProperty("flightTasks")[0].GetProperty("sentera_id").GetString(), Is.EqualTo(CreatedId(1)));
            Assert.That(result.Pushed, Is.EqualTo(3));
            Assert.That(result.Calls, Is.EqualTo(3));
            Assert.That(_store.Edits, Is.Empty);
            Assert.That(_store.Events, Is.EqualTo(new[] { "mark:1", "record:1=Applied", "mark:2", "record:2=Applied", "mark:3", "record:3=Applied" }));
        });
    }

    [Test]
    public async Task PushAsync_EveryCall_EditsAreMarkedSendingBeforeTheRequestReachesTheServer()
    {
        // Arrange
        _store.Add(id => Update(id, TaskId(1), new FlightTaskChanges { Notes = "a" }));
        _store.Add(id => Delete(id, TaskId(2)));
        _store.Pull([ServerTask(TaskId(1)), ServerTask(TaskId(2))]);
        var statesSeenByTheServer = new List<string>();
        _harness.Server.OnRequest = _ =>
        {
            statesSeenByTheServer.Add(string.Join(",", _store.Edits.Select(e => $"{e.Id}:{e.State}")));
            return Task.CompletedTask;
        };

        // Act
        await _runner.PushAsync(Scope, ConflictResolution.MergeFields, CancellationToken.None);

        // Assert
        Assert.That(statesSeenByTheServer, Is.EqualTo(new[] { "1:Sending,2:Pending", "2:Sending" }));
    }

    [Test]
    public async Task PushAsync_OneEntryRefused_KeptRejectedAndReportedTheOthersApplied()
    {
        // Arrange
        _store.Pull([ServerTask(TaskId(1)), ServerTask(TaskId(2))]);
        _store.Add(id => Update(id, TaskId(1), new FlightTaskChanges { Notes = "a" }));
        _store.Add(id => Update(id, TaskId(2), new FlightTaskChanges { FieldSenteraId = FieldId(99) }));
        _harness.Server.Answer = _ => MutationAnswersJson.Upsert(
            MutationAnswersJson.Task(TaskId(1), "hash-1b", "North"),
            MutationAnswersJson.Failure(1, TaskId(2), "field_sentera_id", "not_found", "does not exist"));

        // Act
        var result = await _runner.PushAsync(Scope, ConflictResolution.MergeFields, CancellationToken.None);

        // Assert
        var rejected = _store.Edits.Single();
        Assert.Multiple(() =>
        {
            Assert.That(result.Pushed, Is.EqualTo(1));
            Assert.That(result.Rejections.Single().EditId, Is.EqualTo(2));
            Assert.That(result.Rejections.Single().Errors.Single().Key, Is.EqualTo("not_found"));
            Assert.That(rejected.Id, Is.EqualTo(2));
            Assert.That(rejected.State, Is.EqualTo(OutboxEditState.Rejected));
            Assert.That(rejected.Errors.Single().Attribute, Is.EqualTo("field_sentera_id"));
        });
    }

    [Test]
    public async Task PushAsync_MergedUpdateRefusedForOneProperty_OnlyTheEditThatSetItIsRejected()
    {
        // Arrange: two edits of one task go as one entry; the server refuses the name.
        _store.Pull([ServerTask(TaskId(1))]);
        _store.Add(id => Update(id, TaskId(1), new FlightTaskChanges { Notes = "a" }));
        _store.Add(id => Update(id, TaskId(1), new FlightTaskChanges { Name = "taken name" }));
        _harness.Server.Answer = _ => MutationAnswersJson.Upsert(string.Empty, MutationAnswersJson.Failure(0, TaskId(1), "name", "taken", "has already been taken"));

        // Act
        var result = await _runner.PushAsync(Scope, ConflictResolution.MergeFields, CancellationToken.None);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(result.Rejections.Select(r => r.EditId), Is.EqualTo(new long[] { 2 }));
            Assert.That(_store.Edits.Select(e => (e.Id, e.State)), Is.EqualTo(new[] { (1L, OutboxEditState.Pending), (2L, OutboxEditState.Rejected) }));
        });
    }

    [Test]
    public async Task PushAsync_ConnectionDroppedOnTheFirstCall_ItsEditsInDoubtTheRestPendingThePushFails()
    {
        // Arrange
        _store.Add(id => Create(id, LocalId(1), "Replant check"));
        _store.Add(id => Delete(id, TaskId(2)));
        _store.Pull([ServerTask(TaskId(2))]);
        _harness.Server.Enqueue(new FakeResponse(200) { Fault = FaultType.EMPTY_RESPONSE });

        // Act
        var push = () => _runner.PushAsync(Scope, ConflictResolution.MergeFields, CancellationToken.None);

        // Assert
        Assert.That(push, Throws.TypeOf<FlightTaskSyncUnavailableException>());
        Assert.Multiple(() =>
        {
            Assert.That(_harness.Server.Bodies, Has.Count.EqualTo(1), "the create is not sent again, and nothing after it goes");
            Assert.That(_store.Edits.Select(e => (e.Id, e.State)), Is.EqualTo(new[] { (1L, OutboxEditState.Sending), (2L, OutboxEditState.Pending) }));
        });
    }

    [Test]
    public async Task PushAsync_CallRefusedAsAWhole_EditsBackToPendingThePushFails()
    {
        // Arrange
        _store.Add(id => Create(id, LocalId(1), "Replant check"));
        _harness.Server.Enqueue(FakeResponse.WithStatus(400, """{"errors":[{"message":"bad"}]}"""));

        // Act
        var push = () => _runner.PushAsync(Scope, ConflictResolution.MergeFields, CancellationToken.None);

        // Assert
        Assert.That(push, Throws.TypeOf<FlightTaskSyncRejectedException>());
        Assert.That(_store.Edits.Single().State, Is.EqualTo(OutboxEditState.Pending));
    }

    [Test]
    public async Task PushAsync_ServerWinsConflict_DroppedNeverSentReported()
    {
        // Arrange: the office changed the task after the pilot's edit was made.
        _store.Pull([ServerTask(TaskId(1), hash: "hash-2")]);
        _store.Add(id => Update(id, TaskId(1), new FlightTaskChanges { Notes = "a" }, baseHash: "hash-1"));

        // Act
        var result = await _runner.PushAsync(Scope, ConflictResolution.ServerWins, CancellationToken.None);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(_harness.Server.Bodies, Is.Empty);
            Assert.That(_store.Edits, Is.Empty);
            Assert.That(result.Conflicts.Single().Decision, Is.EqualTo(ConflictDecision.Dropped));
            Assert.That(result.Pushed, Is.Zero);
        });
    }

    [Test]
    public async Task PushAsync_CreatedThenDeletedOffline_NothingSentEverythingGone()
    {
        // Arrange
        _store.Add(id => Create(id, LocalId(1)));
        _store.Add(id => Delete(id, LocalId(1), baseHash: null));

        // Act
        await _runner.PushAsync(Scope, ConflictResolution.MergeFields, CancellationToken.None);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(_harness.Server.Bodies, Is.Empty);
            Assert.That(_store.Edits, Is.Empty);
        });
    }

    [Test]
    public async Task ReconcileAsync_KilledAfterMarkingTheCreateSendingAndTheServerHadIt_AdoptedNeverCreatedTwice()
    {
        // Arrange: the request went out and the process died before the answer was recorded.
        _store.Add(id => Create(id, LocalId(1), "Replant check", FieldId(1)));
        _store.Add(id => Update(id, LocalId(1), new FlightTaskChanges { Notes = "after the crash" }, baseHash: null));
        _store.AfterMarkSending = _ => throw new ProcessKilledException();
        Assert.That(() => _runner.PushAsync(Scope, ConflictResolution.MergeFields, CancellationToken.None), Throws.TypeOf<ProcessKilledException>());
        _store.AfterMarkSending = null;
        _harness.Clock.Advance(TimeSpan.FromMinutes(5));
        _store.Pull([ServerTask(TaskId(77), name: "Replant check", notes: "after the crash", field: FieldId(1), createdAt: _harness.Clock.GetUtcNow().AddMinutes(-5))]);
        var bodiesBefore = _harness.Server.Bodies.Count;

        // Act
        var reconciled = await _runner.ReconcileAsync(Scope, CancellationToken.None);
        var pushed = await _runner.PushAsync(Scope, ConflictResolution.MergeFields, CancellationToken.None);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(reconciled.Pushed, Is.EqualTo(2), "the create and the note folded into it");
            Assert.That(pushed.Calls, Is.Zero);
            Assert.That(_harness.Server.Bodies, Has.Count.EqualTo(bodiesBefore), "no second create");
            Assert.That(_store.Edits, Is.Empty);
        });
    }

    [Test]
    public async Task ReconcileAsync_CreateInDoubtNotOnTheServer_SentAgainByTheNextPush()
    {
        // Arrange: killed after marking, before the request left.
        _store.Add(id => Create(id, LocalId(1), "Replant check"));
        _store.AfterMarkSending = _ => throw new ProcessKilledException();
        Assert.That(() => _runner.PushAsync(Scope, ConflictResolution.MergeFields, CancellationToken.None), Throws.TypeOf<ProcessKilledException>());
        _store.AfterMarkSending = null;
        _store.Pull([]);

        // Act
        await _runner.ReconcileAsync(Scope, CancellationToken.None);
        var pushed = await _runner.PushAsync(Scope, ConflictResolution.MergeFields, CancellationToken.None);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(pushed.Pushed, Is.EqualTo(1));
            Assert.That(_harness.Server.Bodies, Has.Count.EqualTo(1), "sent once, after reconciliation said it was not there");
            Assert.That(_store.Edits, Is.Empty);
        });
    }

    [Test]
    public async Task PushAsync_OwnEarlierPushIsTheOnlyChange_NoConflictOnTheNextEdit()
    {
        // Arrange: an update is pushed (its answer gives the new hash); a pull brings that version;
        // an edit made before that pull, on the old hash, is no conflict.
        _store.Pull([ServerTask(TaskId(1), hash: "hash-1")]);
        _store.Add(id => Update(id, TaskId(1), new FlightTaskChanges { Notes = "first" }));
        _harness.Server.Answer = _ => MutationAnswersJson.Upsert(MutationAnswersJson.Task(TaskId(1), "hash-2", "North"));
        await _runner.PushAsync(Scope, ConflictResolution.ServerWins, CancellationToken.None);
        _store.Add(id => Update(id, TaskId(1), new FlightTaskChanges { Notes = "second" }, baseHash: "hash-1"));
        _store.Pull([ServerTask(TaskId(1), hash: "hash-2", notes: "first")]);

        // Act
        var result = await _runner.PushAsync(Scope, ConflictResolution.ServerWins, CancellationToken.None);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(result.Conflicts, Is.Empty);
            Assert.That(result.Pushed, Is.EqualTo(1));
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

    /// <summary>Stands for the process being killed at that point.</summary>
    private sealed class ProcessKilledException : Exception;
}
