using FlightTaskSync.Client.Storage;
using FlightTaskSync.Client.Tests.TestDoubles;
using Microsoft.Extensions.DependencyInjection;

namespace FlightTaskSync.Client.Tests.Sync;

/// <summary>
/// Every way out of a sync ends its status (issue 13): an exception that is not the library's
/// is wrapped in <see cref="FlightTaskSyncException"/> (only the caller's cancellation goes out as
/// it is), the status says Failed, an end is announced, and the scope is free for the next sync.
/// </summary>
public sealed class SyncExitPathTests
{
    private static readonly string Acme = FakeTask.OrganizationId("exit001");
    private static readonly SyncScope AcmeScope = new(Acme);

    [TestCase(false)]
    [TestCase(true)]
    public async Task SyncAsync_ProgressThrowsOnPage2_FailsWrappedEndsTheStatusAndFreesTheScope(bool fullResync)
    {
        await using var harness = new SyncHarness();
        harness.Server.AddTasks(Acme, 300);
        harness.Server.PageSize = 100;
        var published = new List<SyncStatus>();
        harness.Client.StatusChanged += (_, e) => published.Add(e.Status);
        var progress = new SynchronousProgress<SyncProgress>(p =>
        {
            if (p.PageNumber == 2)
            {
                throw new InvalidOperationException("A bug in the app's progress bar.");
            }
        });

        var thrown = Assert.CatchAsync(() => harness.RunWithClockAsync(() => fullResync
            ? harness.Client.FullResyncAsync(AcmeScope, progress)
            : harness.Client.SyncAsync(AcmeScope, progress)));
        var status = await harness.Client.GetStatusAsync(AcmeScope);
        var next = await harness.SyncAsync(AcmeScope);

        Assert.Multiple(() =>
        {
            Assert.That(thrown, Is.TypeOf<FlightTaskSyncException>(), thrown?.ToString());
            Assert.That(thrown!.InnerException, Is.TypeOf<InvalidOperationException>());
            Assert.That(thrown.Message, Does.Contain(AcmeScope.ToString()).And.Contain("progress bar"));
            Assert.That(status.State, Is.EqualTo(SyncState.Failed));
            Assert.That(status.LastErrorKind, Is.EqualTo(SyncErrorKind.Other));
            Assert.That(published.Select(s => s.State), Has.Some.EqualTo(SyncState.Failed), "the end was announced");
            Assert.That(next.TasksHeld, Is.EqualTo(300), "the scope was free for the next sync");
        });
    }

    [Test]
    public async Task SyncAsync_ProgressThrowsACancellationTheCallerDidNotAskFor_IsWrappedNotPassedOffAsCanceled()
    {
        await using var harness = new SyncHarness();
        harness.Server.AddTasks(Acme, 10);

        var thrown = Assert.CatchAsync(() => harness.SyncAsync(AcmeScope, new SynchronousProgress<SyncProgress>(_ => throw new OperationCanceledException())));
        var status = await harness.Client.GetStatusAsync(AcmeScope);

        Assert.Multiple(() =>
        {
            Assert.That(thrown, Is.TypeOf<FlightTaskSyncException>());
            Assert.That(status.State, Is.EqualTo(SyncState.Failed));
        });
    }

    [TestCase(nameof(IPageStore.ReadHeldHashesAsync), false)]
    [TestCase(nameof(IPageStore.ReadContentHashesAsync), true)]
    [TestCase(nameof(IPageStore.ReadHashesOfAsync), false)]
    [TestCase(nameof(IPageStore.ApplyPageAsync), false)]
    [TestCase(nameof(IPageStore.ApplyPageAsync), true)]
    [TestCase(nameof(IPageStore.MarkSyncCompletedAsync), false)]
    public async Task SyncAsync_UnexpectedExceptionAtAnyStep_FailsWrappedAndNeverLeavesTheStatusSyncing(string step, bool fullResync)
    {
        await using var harness = new SyncHarness(servicesFirst: services => services.AddSingleton<IPageStore>(
            sp => new FaultyPageStore(sp.GetRequiredService<SqliteFlightTaskStore>()) { FailIn = step }));
        harness.Server.AddTasks(Acme, 250);
        harness.Server.PageSize = 100;
        var published = new List<SyncStatus>();
        harness.Client.StatusChanged += (_, e) => published.Add(e.Status);

        var thrown = Assert.CatchAsync(() => harness.RunWithClockAsync(() => fullResync
            ? harness.Client.FullResyncAsync(AcmeScope)
            : harness.Client.SyncAsync(AcmeScope)));
        var status = await harness.Client.GetStatusAsync(AcmeScope);

        Assert.Multiple(() =>
        {
            Assert.That(thrown, Is.TypeOf<FlightTaskSyncException>(), thrown?.ToString());
            Assert.That(thrown!.InnerException, Is.TypeOf<InvalidOperationException>());
            Assert.That(status.State, Is.EqualTo(SyncState.Failed));
            Assert.That(published[^1].State, Is.EqualTo(SyncState.Failed), "the last announced status is the end");
        });
    }
}
