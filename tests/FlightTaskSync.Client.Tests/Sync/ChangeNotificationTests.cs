using FlightTaskSync.Client.Tests.TestDoubles;

namespace FlightTaskSync.Client.Tests.Sync;

/// <summary><see cref="IFlightTaskStore.Changed"/>: one event per committed page or reset.</summary>
public sealed class ChangeNotificationTests
{
    private static readonly SyncScope Scope = new(FakeTask.OrganizationId("acme001"));

    [Test]
    public async Task Changed_EachCommittedPage_CarriesItsIdsAndIsSeenByReads()
    {
        await using var harness = new SyncHarness();
        harness.Server.AddTasks(Scope.OrganizationSenteraId, 250);
        harness.Server.PageSize = 100;
        var events = new List<FlightTasksChangedEventArgs>();
        var countsInHandler = new List<int>();
        harness.Store.Changed += (_, e) =>
        {
            events.Add(e);
            countsInHandler.Add(harness.Store.CountAsync(e.Scope).GetAwaiter().GetResult());
        };

        await harness.SyncAsync(Scope);

        var serverIds = harness.Server.TasksOf(Scope).Keys.Order(StringComparer.Ordinal).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(events.Select(e => e.UpsertedIds.Count), Is.EqualTo(new[] { 100, 100, 50 }));
            Assert.That(events.SelectMany(e => e.UpsertedIds), Is.EqualTo(serverIds));
            Assert.That(events.Select(e => e.Scope), Is.All.EqualTo(Scope));
            Assert.That(events.Select(e => e.IsReset), Is.All.False);
            Assert.That(countsInHandler, Is.EqualTo(new[] { 100, 200, 250 }), "the handler runs after the commit");
        });
    }

    [Test]
    public async Task Changed_DeletedTasks_ListsOnlyThoseHeld()
    {
        await using var harness = new SyncHarness();
        var tasks = harness.Server.AddTasks(Scope.OrganizationSenteraId, 10);
        await harness.SyncAsync(Scope);
        harness.Server.Delete(tasks[2].SenteraId);
        harness.Server.Delete(tasks[5].SenteraId);
        var events = new List<FlightTasksChangedEventArgs>();
        harness.Store.Changed += (_, e) => events.Add(e);

        await harness.SyncAsync(Scope);

        var change = events.Single();
        Assert.Multiple(() =>
        {
            Assert.That(change.DeletedIds, Is.EquivalentTo(new[] { tasks[2].SenteraId, tasks[5].SenteraId }));
            Assert.That(change.UpsertedIds, Is.Empty);
        });
    }

    [Test]
    public async Task Changed_Reset_IsRaisedAsAReset()
    {
        await using var harness = new SyncHarness();
        harness.Server.AddTasks(Scope.OrganizationSenteraId, 3);
        await harness.SyncAsync(Scope);
        FlightTasksChangedEventArgs? change = null;
        harness.Store.Changed += (_, e) => change = e;

        await harness.Store.ResetAsync(Scope);

        Assert.Multiple(() =>
        {
            Assert.That(change?.IsReset, Is.True);
            Assert.That(change?.Scope, Is.EqualTo(Scope));
        });
    }

    [Test]
    public async Task Changed_HandlerThrows_SyncCompletesAndOtherHandlersHearOfIt()
    {
        await using var harness = new SyncHarness();
        harness.Server.AddTasks(Scope.OrganizationSenteraId, 150);
        harness.Server.PageSize = 100;
        var heard = 0;
        harness.Store.Changed += (_, _) => throw new InvalidOperationException("a UI bug");
        harness.Store.Changed += (_, _) => heard++;

        var report = await harness.SyncAsync(Scope);

        Assert.Multiple(() =>
        {
            Assert.That(heard, Is.EqualTo(2));
            Assert.That(report.TasksHeld, Is.EqualTo(150));
        });
    }
}
