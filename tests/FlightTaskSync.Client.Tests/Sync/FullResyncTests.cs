using FlightTaskSync.Client.Tests.TestDoubles;

namespace FlightTaskSync.Client.Tests.Sync;

/// <summary>Full resyncs: from an empty hash set, removing what the server no longer has, only at the end.</summary>
public sealed class FullResyncTests
{
    private static readonly SyncScope Scope = new(FakeTask.OrganizationId("acme001"));

    [Test]
    public async Task FullResyncAsync_TaskTheServerForgot_IsRemovedAtTheEnd()
    {
        await using var harness = new SyncHarness();
        var tasks = harness.Server.AddTasks(Scope.OrganizationSenteraId, 300);
        harness.Server.PageSize = 100;
        await harness.SyncAsync(Scope);
        harness.Server.DeleteAndForget(tasks[42].SenteraId);
        var incremental = await harness.SyncAsync(Scope);
        var heldAfterIncremental = await harness.Store.CountAsync(Scope);
        var firstResyncRequest = harness.Server.Requests.Count;

        var report = await harness.RunWithClockAsync(() => harness.Client.FullResyncAsync(Scope));

        Assert.Multiple(() =>
        {
            Assert.That(incremental.Deleted, Is.Zero, "the server no longer reports this deletion");
            Assert.That(heldAfterIncremental, Is.EqualTo(300));
            Assert.That(harness.Server.Requests[firstResyncRequest].ContentHashes, Is.Empty, "a full resync starts from nothing held");
            Assert.That(report.IsFullResync, Is.True);
            Assert.That(report.Deleted, Is.EqualTo(1));
            Assert.That(report.TasksHeld, Is.EqualTo(299));
        });
        await FlightTaskSyncClientTests.AssertStoreEqualsServerAsync(harness, Scope);
    }

    [Test]
    public async Task FullResyncAsync_Interrupted_RemovesNothingAndKeepsEveryTaskReadable()
    {
        await using var harness = new SyncHarness();
        var tasks = harness.Server.AddTasks(Scope.OrganizationSenteraId, 300);
        harness.Server.PageSize = 100;
        await harness.SyncAsync(Scope);
        harness.Server.DeleteAndForget(tasks[7].SenteraId);
        var start = harness.Server.Requests.Count;
        var countsDuringResync = new List<int>();
        harness.Server.BeforeAnswer = index =>
        {
            if (index > start)
            {
                countsDuringResync.Add(harness.Store.CountAsync(Scope).GetAwaiter().GetResult());
            }

            if (index == start + 2)
            {
                harness.Server.Enqueue(FakeResponse.WithStatus(400));
            }
        };

        Assert.That(() => harness.RunWithClockAsync(() => harness.Client.FullResyncAsync(Scope)), Throws.TypeOf<FlightTaskSyncRejectedException>());

        var held = await harness.Store.GetAsync(Scope, tasks[7].SenteraId);
        Assert.Multiple(() =>
        {
            Assert.That(countsDuringResync, Is.All.EqualTo(300), "the previous tasks stay readable throughout");
            Assert.That(held, Is.Not.Null, "nothing is removed before the resync ends");
        });
    }

    [Test]
    public async Task SyncAsync_FullResyncIntervalPassed_ResyncsFromNothingByItself()
    {
        await using var harness = new SyncHarness(o => o.FullResyncInterval = TimeSpan.FromDays(7));
        var tasks = harness.Server.AddTasks(Scope.OrganizationSenteraId, 50);
        var first = await harness.SyncAsync(Scope);
        harness.Server.DeleteAndForget(tasks[0].SenteraId);
        var soon = await harness.SyncAsync(Scope);
        harness.Clock.Advance(TimeSpan.FromDays(8));

        var due = await harness.SyncAsync(Scope);
        var after = await harness.SyncAsync(Scope);

        var status = await harness.Client.GetStatusAsync(Scope);
        Assert.Multiple(() =>
        {
            Assert.That(first.IsFullResync, Is.False, "a first sync starts from nothing anyway");
            Assert.That(soon.IsFullResync, Is.False);
            Assert.That(due.IsFullResync, Is.True);
            Assert.That(due.Deleted, Is.EqualTo(1));
            Assert.That(after.IsFullResync, Is.False);
            Assert.That(status.LastFullResyncAt, Is.Not.Null.And.GreaterThan(harness.Clock.GetUtcNow() - TimeSpan.FromDays(1)));
        });
    }

    [Test]
    public async Task SyncAsync_NoFullResyncInterval_NeverResyncsByItself()
    {
        await using var harness = new SyncHarness(o => o.FullResyncInterval = null);
        harness.Server.AddTasks(Scope.OrganizationSenteraId, 10);
        await harness.SyncAsync(Scope);
        harness.Clock.Advance(TimeSpan.FromDays(400));

        var report = await harness.SyncAsync(Scope);

        Assert.That(report.IsFullResync, Is.False);
    }
}
