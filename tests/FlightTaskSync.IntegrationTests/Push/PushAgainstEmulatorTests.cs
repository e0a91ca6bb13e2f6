using FlightTaskSync.Client;
using FlightTaskSync.Client.Editing;
using FlightTaskSync.Client.Storage.Outbox;
using FlightTaskSync.Client.Sync.Push;
using FlightTaskSync.Client.Transport;
using FlightTaskSync.Emulator;
using FlightTaskSync.IntegrationTests.Sdk;
using FlightTaskSync.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FlightTaskSync.IntegrationTests.Push;

/// <summary>
/// The push against the emulator over real HTTP: the SDK pulls into SQLite, the outbox (in memory
/// until the store implements it) takes the pulled tasks, the editor queues edits, and the runner
/// sends them. The emulator's journal says what reached the server, and how many times.
/// </summary>
[TestFixture]
public sealed class PushAgainstEmulatorTests
{
    private EmulatorSyncHost _host = null!;
    private InMemoryOutboxStore _outbox = null!;
    private FlightTaskEditor _editor = null!;
    private PushRunner _runner = null!;
    private SyncScope _scope = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _host = await EmulatorSyncHost.StartAsync(new EmulatorOptions { TaskCount = 60, ChildrenPerOrganization = 0 });
        _scope = new SyncScope(_host.RootOrganization);
        _outbox = new InMemoryOutboxStore(TimeProvider.System);
        _editor = new FlightTaskEditor(_outbox, TimeProvider.System);
        var options = _host.Services.GetRequiredService<IOptions<FlightTaskSyncOptions>>().Value;
        var sender = new MutationSender(
            _host.Services.GetRequiredService<IFieldAgentClient>(),
            MutationResiliencePipelineFactory.Create(options, TimeProvider.System, NullLogger.Instance),
            NullLogger.Instance);
        _runner = new PushRunner(_outbox, sender, TimeProvider.System, NullLogger.Instance);
        await PullAsync();
    }

    [TearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    [Test]
    public async Task PushAsync_CreatesBeginsUpdatesAndDeletes_LandOnTheServerOnceEachInThePlannedOrder()
    {
        // Arrange: offline, the pilot begins one open task and completes it with a note, notes
        // another, deletes a third, and creates two (one on a field, one renamed after creating it).
        var open = (await _host.Store.ListAsync(_scope, new FlightTaskQuery { Status = FlightTaskStatus.Open })).Take(3).ToList();
        var field = _host.Emulator.Data.FieldIdsOf(_host.RootOrganization)[0];
        var completedAt = DateTimeOffset.UtcNow.AddMinutes(-1);
        await _editor.BeginAsync(_scope, open[0].SenteraId);
        await _editor.UpdateAsync(_scope, open[0].SenteraId, new FlightTaskChanges { CompletedAt = completedAt, Notes = "Creek corner flooded" });
        await _editor.UpdateAsync(_scope, open[1].SenteraId, new FlightTaskChanges { Notes = "Bring the RGB camera", AssignedToSenteraId = null });
        await _editor.DeleteAsync(_scope, open[2].SenteraId);
        var replant = await _editor.CreateAsync(_scope, new NewFlightTask { Name = "Replant check 5f2c", OrganizationSenteraId = _host.RootOrganization, FieldSenteraId = field });
        var scout = await _editor.CreateAsync(_scope, new NewFlightTask { Name = "Scout 5f2c", OrganizationSenteraId = _host.RootOrganization });
        await _editor.UpdateAsync(_scope, scout.SenteraId, new FlightTaskChanges { Name = "Scout 5f2c, east side" });

        // Act
        await _runner.ReconcileAsync(_scope, CancellationToken.None);
        var result = await _runner.PushAsync(_scope, ConflictResolution.MergeFields, CancellationToken.None);
        await PullAsync();

        // Assert
        var journal = _host.Emulator.Data.Journal;
        var requests = journal.GroupBy(m => m.RequestNumber).Select(g => g.Select(m => (m.Kind, m.TaskSenteraId)).ToList()).ToList();
        var created = journal.Where(m => m.Kind == EmulatorMutationKind.Create).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(result.Pushed, Is.EqualTo(7));
            Assert.That(result.Calls, Is.EqualTo(4));
            Assert.That(result.Rejections, Is.Empty);
            Assert.That(requests, Has.Count.EqualTo(4));
            Assert.That(requests[0].Select(m => m.Kind), Is.EqualTo(new[] { EmulatorMutationKind.Update, EmulatorMutationKind.Create, EmulatorMutationKind.Create }),
                "first the upserts that need no begin, in the order made");
            Assert.That(requests[0][0].TaskSenteraId, Is.EqualTo(open[1].SenteraId));
            Assert.That(requests[1], Is.EqualTo(new[] { (EmulatorMutationKind.Begin, open[0].SenteraId) }));
            Assert.That(requests[2], Is.EqualTo(new[] { (EmulatorMutationKind.Update, open[0].SenteraId) }), "completed after the begin");
            Assert.That(requests[3], Is.EqualTo(new[] { (EmulatorMutationKind.Delete, open[2].SenteraId) }), "deletes last");
            Assert.That(journal[0].Fields, Is.EquivalentTo(new Dictionary<string, string?> { ["notes"] = "Bring the RGB camera", ["assigned_to_sentera_id"] = null }),
                "an update carries exactly what it changed, a clear as null");
            Assert.That(created.Select(m => m.Fields["name"]), Is.EqualTo(new[] { "Replant check 5f2c", "Scout 5f2c, east side" }), "the rename went with the create");
            Assert.That(created[0].Fields["field_sentera_id"], Is.EqualTo(field));
            Assert.That(_host.Emulator.Data.Get(open[0].SenteraId)!.Status, Is.EqualTo(EmulatorTaskStatus.Completed));
            Assert.That(_host.Emulator.Data.Get(open[2].SenteraId), Is.Null);
            Assert.That(_outbox.Edits, Is.Empty);
            Assert.That(replant.SenteraId, Does.StartWith(LocalTaskId.Prefix));
        });
        await _host.AssertStoreEqualsServerAsync(_scope);
    }

    [Test]
    public async Task PushAsync_CreateAppliedThenConnectionDropped_InDoubtThenAdoptedAfterThePullNeverCreatedTwice()
    {
        // Arrange
        await _editor.CreateAsync(_scope, new NewFlightTask { Name = "Replant check 91ad", OrganizationSenteraId = _host.RootOrganization });
        _host.Emulator.Faults.Enqueue(EmulatorFault.AppliedThenDropped().OnMutations());

        // Act: the push loses the answer; the next sync pulls, reconciles, pushes.
        var firstPush = () => _runner.PushAsync(_scope, ConflictResolution.MergeFields, CancellationToken.None);
        Assert.That(firstPush, Throws.TypeOf<FlightTaskSyncUnavailableException>());
        var stateAfterTheDrop = _outbox.Edits.Single().State;
        await PullAsync();
        var reconciled = await _runner.ReconcileAsync(_scope, CancellationToken.None);
        var secondPush = await _runner.PushAsync(_scope, ConflictResolution.MergeFields, CancellationToken.None);

        // Assert
        var creates = _host.Emulator.Data.Journal.Where(m => m.Kind == EmulatorMutationKind.Create).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(stateAfterTheDrop, Is.EqualTo(OutboxEditState.Sending), "in doubt, not pending");
            Assert.That(creates, Has.Count.EqualTo(1), "created once");
            Assert.That(reconciled.Pushed, Is.EqualTo(1), "found on the server and adopted");
            Assert.That(secondPush.Calls, Is.Zero);
            Assert.That(_outbox.Edits, Is.Empty);
        });
    }

    [Test]
    public async Task PushAsync_BeginWhoseAnswerWasLost_ReconciledAsAppliedNotRejected()
    {
        // Arrange
        var open = (await _host.Store.ListAsync(_scope, new FlightTaskQuery { Status = FlightTaskStatus.Open }))[0];
        await _editor.BeginAsync(_scope, open.SenteraId);
        _host.Emulator.Faults.Enqueue(EmulatorFault.AppliedThenDropped().OnRootField("begin_tasks"));
        Assert.That(() => _runner.PushAsync(_scope, ConflictResolution.MergeFields, CancellationToken.None), Throws.TypeOf<FlightTaskSyncUnavailableException>());

        // Act
        await PullAsync();
        var reconciled = await _runner.ReconcileAsync(_scope, CancellationToken.None);
        var pushed = await _runner.PushAsync(_scope, ConflictResolution.MergeFields, CancellationToken.None);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(reconciled.Pushed, Is.EqualTo(1));
            Assert.That(pushed.Calls, Is.Zero);
            Assert.That(_host.Emulator.Data.Journal.Count(m => m.Kind == EmulatorMutationKind.Begin), Is.EqualTo(1));
            Assert.That(_outbox.Edits, Is.Empty);
        });
    }

    [Test]
    public async Task PushAsync_ServerRefusesAnEntry_ItIsRejectedWithTheServersMessageTheRestApplied()
    {
        // Arrange: the device cannot know that this field id does not exist.
        var tasks = await _host.Store.ListAsync(_scope);
        await _editor.UpdateAsync(_scope, tasks[0].SenteraId, new FlightTaskChanges { FieldSenteraId = "zzzzzzz_AS_unknown" });
        await _editor.UpdateAsync(_scope, tasks[1].SenteraId, new FlightTaskChanges { Notes = "fine" });

        // Act
        var result = await _runner.PushAsync(_scope, ConflictResolution.MergeFields, CancellationToken.None);

        // Assert
        var pending = await _editor.ListPendingAsync(_scope);
        Assert.Multiple(() =>
        {
            Assert.That(result.Pushed, Is.EqualTo(1));
            Assert.That(result.Rejections.Single().Errors.Single().ToString(), Is.EqualTo("field_sentera_id does not exist (not_found)"));
            Assert.That(pending.Single().State, Is.EqualTo(PendingEditState.Rejected));
            Assert.That(_host.Emulator.Data.Journal.Single().TaskSenteraId, Is.EqualTo(tasks[1].SenteraId));
        });
    }

    /// <summary>A sync, then the outbox takes the store's tasks as pulled (until the store keeps them itself).</summary>
    private async Task PullAsync()
    {
        await _host.Sync.SyncAsync(_scope);
        _outbox.Pull(await _host.Store.ListAsync(_scope));
    }
}
