using FlightTaskSync.Client.Editing;
using FlightTaskSync.Client.Storage.Outbox;
using FlightTaskSync.Client.Tests.TestDoubles;
using Microsoft.Extensions.Logging;

namespace FlightTaskSync.Client.Tests.Push;

/// <summary>
/// <see cref="IFlightTaskSyncClient.SyncAsync"/> with offline edits: what goes over the wire, in which
/// order, and what the report, the outbox, the progress and the status say.
/// </summary>
public sealed class FlightTaskSyncClientPushTests
{
    private const string Sync = "SyncFlightTasks";
    private const string Upsert = "UpsertFlightTasks";

    [Test]
    public async Task SyncAsync_NothingPending_SendsThePullAloneAndReportsNoPush()
    {
        await using var harness = new PushSyncHarness();
        harness.Server.AddTasks(PushSyncHarness.Scope.OrganizationSenteraId, 3);

        var first = await harness.SyncAsync();
        var second = await harness.SyncAsync();

        Assert.Multiple(() =>
        {
            Assert.That(harness.Server.Operations, Is.EqualTo(new[] { Sync, Sync }), "one page request per sync, nothing else");
            Assert.That(first.Upserted, Is.EqualTo(3));
            Assert.That(second.Upserted, Is.Zero);
            Assert.That(first.Pushed, Is.Zero);
            Assert.That(first.PushRejections, Is.Empty);
            Assert.That(first.Conflicts, Is.Empty);
            Assert.That(first.ToString(), Does.Not.Contain("pushed").And.Not.Contain("rejected").And.Not.Contain("conflict"));
            Assert.That(harness.Logs.Entries.Where(e => e.EventId.Id is > 4000 and < 4100), Is.Empty, "no push log without a push");
        });
    }

    [Test]
    public async Task SyncAsync_EditsPending_PullsThenPushesThenPullsWhatThePushChanged()
    {
        await using var harness = new PushSyncHarness();
        var tasks = harness.Server.AddTasks(PushSyncHarness.Scope.OrganizationSenteraId, 3);
        await harness.SyncAsync();
        await harness.Editor.UpdateAsync(PushSyncHarness.Scope, tasks[0].SenteraId, new FlightTaskChanges { Notes = "Creek corner flooded" });
        await harness.Editor.CreateAsync(PushSyncHarness.Scope, new NewFlightTask { Name = "Replant check", OrganizationSenteraId = PushSyncHarness.Scope.OrganizationSenteraId });
        var phases = new List<(SyncPhase Phase, int Pushed, int EditsToPush)>();
        var states = new List<SyncState>();
        harness.Client.StatusChanged += (_, e) =>
        {
            // A committed page announces the tasks held in the same state: only the changes of state count here.
            if (states.Count == 0 || states[^1] != e.Status.State)
            {
                states.Add(e.Status.State);
            }
        };

        var report = await harness.SyncAsync(new SynchronousProgress<SyncProgress>(p => phases.Add((p.Phase, p.Pushed, p.EditsToPush))));

        var created = harness.Server.Tasks.Single(t => t.Name == "Replant check");
        var held = await harness.Store.ListAsync(PushSyncHarness.Scope, new FlightTaskQuery { Take = 100 });
        Assert.Multiple(() =>
        {
            Assert.That(harness.Server.Operations, Is.EqualTo(new[] { Sync, Sync, Upsert, Sync }));
            Assert.That(report.Pushed, Is.EqualTo(2));
            Assert.That(report.PushRejections, Is.Empty);
            Assert.That(report.Upserted, Is.EqualTo(2), "the second pull brings the changed task and the created one");
            Assert.That(report.TasksHeld, Is.EqualTo(4));
            Assert.That(report.ToString(), Does.Contain("2 pushed"));
            Assert.That(harness.Outbox.Edits, Is.Empty);
            Assert.That(harness.Server.Get(tasks[0].SenteraId).Notes, Is.EqualTo("Creek corner flooded"));
            Assert.That(held.Select(t => t.SenteraId), Does.Contain(created.SenteraId));
            Assert.That(phases, Is.EqualTo(new[] { (SyncPhase.Pulling, 0, 0), (SyncPhase.Pushing, 0, 2), (SyncPhase.Pushing, 2, 2), (SyncPhase.Pulling, 2, 2) }));
            Assert.That(states, Is.EqualTo(new[] { SyncState.Syncing, SyncState.Pushing, SyncState.Syncing, SyncState.Idle }));
            Assert.That(harness.Logs.Entries.Where(e => e.Level == LogLevel.Information && e.EventId.Id is > 4000 and < 4100).Select(e => e.EventId.Id), Is.EqualTo(new[] { 4009 }),
                "one Information line per push");
            Assert.That(harness.Logs.Entries.Single(e => e.EventId.Id == 4009).Message, Does.Contain("2 edit(s) pushed, 0 rejected, 0 conflict(s)"));
        });
    }

    [Test]
    public async Task SyncAsync_ServerRefusesAnEdit_ReportsItAndKeepsItListedAsRejectedWithoutSendingItAgain()
    {
        await using var harness = new PushSyncHarness();
        var tasks = harness.Server.AddTasks(PushSyncHarness.Scope.OrganizationSenteraId, 2);
        harness.Server.RefusedNotes = "forbidden words";
        await harness.SyncAsync();
        await harness.Editor.UpdateAsync(PushSyncHarness.Scope, tasks[0].SenteraId, new FlightTaskChanges { Notes = "forbidden words" });
        await harness.Editor.UpdateAsync(PushSyncHarness.Scope, tasks[1].SenteraId, new FlightTaskChanges { Notes = "fine" });

        var report = await harness.SyncAsync();
        var next = await harness.SyncAsync();

        var pending = await harness.Editor.ListPendingAsync(PushSyncHarness.Scope);
        Assert.Multiple(() =>
        {
            Assert.That(report.Pushed, Is.EqualTo(1));
            Assert.That(report.PushRejections, Has.Count.EqualTo(1));
            Assert.That(report.PushRejections[0].TaskId, Is.EqualTo(tasks[0].SenteraId));
            Assert.That(report.PushRejections[0].Errors.Single().Attribute, Is.EqualTo("notes"));
            Assert.That(report.ToString(), Does.Contain("1 pushed, 1 rejected"));
            Assert.That(pending.Single().State, Is.EqualTo(PendingEditState.Rejected));
            Assert.That(pending.Single().TaskId, Is.EqualTo(tasks[0].SenteraId));
            Assert.That(next.PushRejections, Is.Empty, "a rejection is reported by the sync that met it");
            Assert.That(harness.Server.Operations, Is.EqualTo(new[] { Sync, Sync, Upsert, Sync, Sync }), "the rejected edit is not sent again");
            Assert.That(harness.Logs.Entries.Count(e => e.EventId.Id == 4006 && e.Level == LogLevel.Warning), Is.EqualTo(1));
            Assert.That(harness.Logs.Entries.Single(e => e.EventId.Id == 4006).Message, Does.Not.Contain("forbidden words"), "no payload in the log");
        });
    }

    [Test]
    public async Task SyncAsync_ConflictUnderMergeFields_SendsOnlyTheEditsFieldsAndReportsTheConflict()
    {
        await using var harness = new PushSyncHarness();
        var task = harness.Server.AddTasks(PushSyncHarness.Scope.OrganizationSenteraId, 1)[0];
        await harness.SyncAsync();
        await harness.Editor.UpdateAsync(PushSyncHarness.Scope, task.SenteraId, new FlightTaskChanges { Notes = "Creek corner flooded" });
        harness.Server.Change(task.SenteraId, t => t with { Name = "Renamed by the office" });

        var report = await harness.SyncAsync();

        var sent = harness.Server.VariablesOf(Upsert).Single().GetProperty("flightTasks").EnumerateArray().Single();
        Assert.Multiple(() =>
        {
            Assert.That(report.Conflicts, Has.Count.EqualTo(1));
            Assert.That(report.Conflicts[0].Decision, Is.EqualTo(ConflictDecision.Sent));
            Assert.That(report.Conflicts[0].TaskId, Is.EqualTo(task.SenteraId));
            Assert.That(report.Pushed, Is.EqualTo(1));
            Assert.That(sent.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[] { "sentera_id", "notes" }), "only the edit's own field");
            Assert.That(harness.Server.Get(task.SenteraId).Name, Is.EqualTo("Renamed by the office"));
            Assert.That(harness.Server.Get(task.SenteraId).Notes, Is.EqualTo("Creek corner flooded"));
            Assert.That(report.ToString(), Does.Contain("1 conflict(s)"));
        });
    }

    [Test]
    public async Task SyncAsync_ConflictUnderServerWins_SendsNothingAndReportsTheConflictAsDropped()
    {
        await using var harness = new PushSyncHarness(o => o.ConflictResolution = ConflictResolution.ServerWins);
        var task = harness.Server.AddTasks(PushSyncHarness.Scope.OrganizationSenteraId, 1)[0];
        await harness.SyncAsync();
        await harness.Editor.UpdateAsync(PushSyncHarness.Scope, task.SenteraId, new FlightTaskChanges { Notes = "Creek corner flooded" });
        harness.Server.Change(task.SenteraId, t => t with { Name = "Renamed by the office" });

        var report = await harness.SyncAsync();

        Assert.Multiple(() =>
        {
            Assert.That(harness.Server.Operations, Is.EqualTo(new[] { Sync, Sync }), "no mutation, and no second pull for a push that sent nothing");
            Assert.That(report.Conflicts, Has.Count.EqualTo(1));
            Assert.That(report.Conflicts[0].Decision, Is.EqualTo(ConflictDecision.Dropped));
            Assert.That(report.Pushed, Is.Zero);
            Assert.That(harness.Outbox.Edits, Is.Empty, "the dropped edit leaves the queue");
            Assert.That(harness.Server.Get(task.SenteraId).Notes, Is.Null);
        });
    }

    [Test]
    public async Task SyncAsync_PushFailsTransiently_FailsLikeAPullAndTheNextSyncPushesTheEdits()
    {
        await using var harness = new PushSyncHarness();
        var task = harness.Server.AddTasks(PushSyncHarness.Scope.OrganizationSenteraId, 1)[0];
        await harness.SyncAsync();
        await harness.Editor.UpdateAsync(PushSyncHarness.Scope, task.SenteraId, new FlightTaskChanges { Notes = "Creek corner flooded" });
        harness.Server.EnqueueMutationAnswers(FakeResponse.WithStatus(503), FakeResponse.WithStatus(503));

        var failure = Assert.ThrowsAsync<FlightTaskSyncUnavailableException>(() => harness.SyncAsync());
        var edits = harness.Outbox.Edits;
        var status = await harness.Client.GetStatusAsync(PushSyncHarness.Scope);
        var report = await harness.SyncAsync();

        Assert.Multiple(() =>
        {
            Assert.That(failure!.Message, Does.Contain("stay pending"));
            Assert.That(edits.Single().State, Is.EqualTo(OutboxEditState.Pending));
            Assert.That(status.State, Is.EqualTo(SyncState.Failed));
            Assert.That(status.LastErrorKind, Is.EqualTo(SyncErrorKind.Unavailable));
            Assert.That(harness.Server.Operations, Is.EqualTo(new[] { Sync, Sync, Upsert, Upsert, Sync, Upsert, Sync }),
                "first sync; the failed sync's pull and two attempts; the next sync's pull, push and pull");
            Assert.That(report.Pushed, Is.EqualTo(1));
            Assert.That(harness.Outbox.Edits, Is.Empty);
            Assert.That(harness.Server.Get(task.SenteraId).Notes, Is.EqualTo("Creek corner flooded"));
        });
    }

    [Test]
    public async Task SyncAsync_CreateAppliedButItsAnswerLost_NextSyncFindsTheTaskInsteadOfCreatingItAgain()
    {
        await using var harness = new PushSyncHarness();
        var scope = PushSyncHarness.Scope;
        harness.Server.AddTasks(scope.OrganizationSenteraId, 2);
        await harness.SyncAsync();

        // The server answers every task with a field derived from its id: the create names that field, as the pilot would.
        var field = harness.Server.NextCreatedId.Replace("_TA_", "_AS_", StringComparison.Ordinal);
        var local = await harness.Editor.CreateAsync(scope, new NewFlightTask { Name = "Replant check", OrganizationSenteraId = scope.OrganizationSenteraId, FieldSenteraId = field });
        harness.Server.ApplyThenDropNextMutation = true;

        Assert.ThrowsAsync<FlightTaskSyncUnavailableException>(() => harness.SyncAsync());
        var inDoubt = harness.Outbox.Edits.Single();
        var report = await harness.SyncAsync();

        Assert.Multiple(() =>
        {
            Assert.That(inDoubt.State, Is.EqualTo(OutboxEditState.Sending), "in doubt after the lost answer");
            Assert.That(harness.Server.Tasks.Count(t => t.Name == "Replant check"), Is.EqualTo(1), "created once");
            Assert.That(harness.Server.Operations, Is.EqualTo(new[] { Sync, Sync, Upsert, Sync }), "the next sync's pull finds it; nothing is sent again");
            Assert.That(report.Pushed, Is.EqualTo(1), "found applied");
            Assert.That(harness.Outbox.Edits, Is.Empty);
            Assert.That(local.SenteraId, Does.StartWith(LocalTaskId.Prefix));
        });
    }

    [Test]
    public async Task SyncAsync_CanceledDuringACall_ThrowsTheCancellationLeavesTheEditInDoubtAndTheNextSyncSettlesAndSendsIt()
    {
        await using var harness = new PushSyncHarness();
        var task = harness.Server.AddTasks(PushSyncHarness.Scope.OrganizationSenteraId, 1)[0];
        await harness.SyncAsync();
        await harness.Editor.UpdateAsync(PushSyncHarness.Scope, task.SenteraId, new FlightTaskChanges { Notes = "Creek corner flooded" });
        harness.Server.EnqueueMutationAnswers(FakeResponse.Never());
        using var cancel = new CancellationTokenSource();

        var syncing = harness.Client.SyncAsync(PushSyncHarness.Scope, cancellationToken: cancel.Token);
        await harness.Server.WhenMutationReceivedAsync();
        await cancel.CancelAsync();

        Assert.That(async () => await syncing, Throws.InstanceOf<OperationCanceledException>());
        var inDoubt = harness.Outbox.Edits.Single();
        var status = await harness.Client.GetStatusAsync(PushSyncHarness.Scope);
        var report = await harness.SyncAsync();

        Assert.Multiple(() =>
        {
            Assert.That(inDoubt.State, Is.EqualTo(OutboxEditState.Sending), "the call may have reached the server");
            Assert.That(status.State, Is.EqualTo(SyncState.Idle), "a cancellation is no failure");
            Assert.That(harness.Server.Operations, Is.EqualTo(new[] { Sync, Sync, Upsert, Sync, Upsert, Sync }),
                "the next sync's pull shows the update was not applied: it is sent again");
            Assert.That(report.Pushed, Is.EqualTo(1));
            Assert.That(harness.Server.Get(task.SenteraId).Notes, Is.EqualTo("Creek corner flooded"));
        });
    }

    [Test]
    public async Task SyncAsync_BeginAndDeletePending_GoInTheirOwnCallsBetweenThePulls()
    {
        await using var harness = new PushSyncHarness();
        var tasks = harness.Server.AddTasks(PushSyncHarness.Scope.OrganizationSenteraId, 3);
        await harness.SyncAsync();
        await harness.Editor.BeginAsync(PushSyncHarness.Scope, tasks[0].SenteraId);
        await harness.Editor.DeleteAsync(PushSyncHarness.Scope, tasks[1].SenteraId);

        var report = await harness.SyncAsync();

        Assert.Multiple(() =>
        {
            Assert.That(harness.Server.Operations, Is.EqualTo(new[] { Sync, Sync, "BeginTasks", "DeleteTasks", Sync }));
            Assert.That(report.Pushed, Is.EqualTo(2));
            Assert.That(report.Deleted, Is.EqualTo(1), "the second pull removes the deleted task");
            Assert.That(harness.Server.Get(tasks[0].SenteraId).Status, Is.EqualTo("IN_PROGRESS"));
            Assert.That(report.TasksHeld, Is.EqualTo(2));
        });
    }
}
