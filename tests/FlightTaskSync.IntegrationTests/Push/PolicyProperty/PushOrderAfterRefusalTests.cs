using FlightTaskSync.Client;
using FlightTaskSync.Emulator;

namespace FlightTaskSync.IntegrationTests.Push.PolicyProperty;

/// <summary>
/// A case the offline-edit property reaches, pinned: edits of one task go to the server in the
/// order they were made, also when an update entry folded from several edits is refused and the
/// edits it did not name go again.
/// </summary>
[TestFixture(OfflineEditWorldKind.InMemory)]
[TestFixture(OfflineEditWorldKind.PublicApi)]
public sealed class PushOrderAfterRefusalTests(OfflineEditWorldKind kind)
{
    private IOfflineEditWorld _world = null!;

    [SetUp]
    public async Task StartAsync() => _world = await OfflineEditWorld.StartAsync(kind);

    [TearDown]
    public async Task StopAsync() => await _world.DisposeAsync();

    [Test]
    public async Task Sync_FoldedUpdateRefusedForOneEdit_ItsOtherEditDoesNotOverwriteALaterEditOfTheTask()
    {
        // Arrange: an open task; offline, notes, then an unknown field (folded with the notes into one
        // entry, which the server refuses), then a begin, then newer notes.
        var harness = await _world.NewCaseAsync(ConflictResolution.MergeFields);
        var data = _world.Emulator.Data;
        var task = data.AddTask(data.GenerateTask(harness.Organization) with
        {
            Status = EmulatorTaskStatus.Open, StartedAt = null, CompletedAt = null, CanceledAt = null, CompletedBySenteraId = null,
        });
        await harness.PullAsync();
        var scope = harness.Scope;
        await harness.Editor.UpdateAsync(scope, task.SenteraId, new FlightTaskChanges { Notes = "made first" });
        await harness.Editor.UpdateAsync(scope, task.SenteraId, new FlightTaskChanges { FieldSenteraId = OfflineEditValues.UnknownFieldId });
        await harness.Editor.BeginAsync(scope, task.SenteraId);
        await harness.Editor.UpdateAsync(scope, task.SenteraId, new FlightTaskChanges { Notes = "made last" });
        var fieldEdit = (await harness.Editor.ListPendingAsync(scope))[1].Id;

        // Act: the first sync sends the notes again after the refusal; the second sends what is left.
        var first = await harness.SyncAsync();
        var second = await harness.SyncAsync();

        // Assert
        var pending = await harness.Editor.ListPendingAsync(scope);
        Assert.Multiple(() =>
        {
            Assert.That(data.Get(task.SenteraId)!.Notes, Is.EqualTo("made last"), "the newest notes stay: edits of a task apply in the order made");
            Assert.That(data.Get(task.SenteraId)!.Status, Is.EqualTo(EmulatorTaskStatus.InProgress));
            Assert.That(first.Rejections.Concat(second.Rejections).Select(r => r.EditId), Is.EqualTo(new[] { fieldEdit }));
            Assert.That(first.Pushed + second.Pushed, Is.EqualTo(3));
            Assert.That(pending.Select(p => (p.Id, p.State)), Is.EqualTo(new[] { (fieldEdit, PendingEditState.Rejected) }));
        });
    }
}
