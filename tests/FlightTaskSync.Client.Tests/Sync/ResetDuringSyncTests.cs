using FlightTaskSync.Client.Storage;
using FlightTaskSync.Client.Sync;
using FlightTaskSync.Client.Tests.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace FlightTaskSync.Client.Tests.Sync;

/// <summary>
/// <see cref="IFlightTaskStore.ResetAsync"/> while a sync of the scope runs or waits (issue 13):
/// once the reset returns the scope holds nothing, no page of a sync called before it lands
/// afterwards, that sync ends with a clear exception, and no report claims what is not held.
/// </summary>
public sealed class ResetDuringSyncTests
{
    private static readonly string Acme = FakeTask.OrganizationId("reset01");
    private static readonly SyncScope AcmeScope = new(Acme);

    // Only a guard against a hang: the tests wait for signals, never for time to pass.
    private static readonly TimeSpan Deadlock = TimeSpan.FromSeconds(30);

    [Test]
    public async Task ResetAsync_WhileTheServerAnswersThe4thPage_NoLaterPageLandsAndTheSyncFails()
    {
        // As the issue found it: 2,000 tasks at 250 a page, reset while request 4 is answered.
        await using var harness = new SyncHarness();
        harness.Server.AddTasks(Acme, 2_000);
        harness.Server.PageSize = 250;
        var changes = new List<FlightTasksChangedEventArgs>();
        harness.Store.Changed += (_, e) =>
        {
            lock (changes)
            {
                changes.Add(e);
            }
        };
        harness.Server.BeforeAnswer = index =>
        {
            if (index == 3)
            {
                harness.Store.ResetAsync(AcmeScope).GetAwaiter().GetResult();
            }
        };

        var thrown = Assert.CatchAsync(() => harness.SyncAsync(AcmeScope));
        var held = await harness.Store.CountAsync(AcmeScope);
        var status = await harness.Client.GetStatusAsync(AcmeScope);

        Assert.Multiple(() =>
        {
            Assert.That(thrown, Is.InstanceOf<FlightTaskSyncException>().Or.InstanceOf<OperationCanceledException>(), thrown?.ToString());
            Assert.That(thrown!.Message, Does.Contain("reset").IgnoreCase);
            Assert.That(held, Is.Zero, "the scope holds nothing after the reset");
            Assert.That(changes.SkipWhile(c => !c.IsReset).Skip(1), Is.Empty, "no page landed after the reset");
            Assert.That(status.State, Is.EqualTo(SyncState.NeverSynced));
            Assert.That(status.TasksHeld, Is.Zero);
        });

        harness.Server.BeforeAnswer = null;
        var again = await harness.SyncAsync(AcmeScope);
        Assert.That(again.TasksHeld, Is.EqualTo(2_000), "the next sync starts from nothing and completes");
        await FlightTaskSyncClientTests.AssertStoreEqualsServerAsync(harness, AcmeScope);
    }

    [Test]
    public async Task ResetAsync_ByAnotherStoreOnTheSameFile_StopsTheSyncAtItsNextPage()
    {
        // Another process's reset: nothing in this process hears of it; the database says it.
        await using var harness = new SyncHarness();
        harness.Server.AddTasks(Acme, 1_000);
        harness.Server.PageSize = 100;
        using var otherDatabase = new FlightTaskDatabase(harness.DatabasePath);
        var otherProcess = new SqliteFlightTaskStore(otherDatabase, TimeProvider.System);
        var reportedAfterTheReset = new List<int>();
        var resetDone = false;
        harness.Server.BeforeAnswer = index =>
        {
            if (index == 4)
            {
                otherProcess.ResetAsync(AcmeScope).GetAwaiter().GetResult();
                Volatile.Write(ref resetDone, true);
            }
        };
        var progress = new SynchronousProgress<SyncProgress>(p =>
        {
            if (Volatile.Read(ref resetDone))
            {
                reportedAfterTheReset.Add(p.PageNumber);
            }
        });

        var thrown = Assert.CatchAsync(() => harness.SyncAsync(AcmeScope, progress));
        var held = await harness.Store.CountAsync(AcmeScope);

        Assert.Multiple(() =>
        {
            Assert.That(thrown, Is.InstanceOf<FlightTaskSyncException>(), thrown?.ToString());
            Assert.That(thrown!.Message, Does.Contain("reset").IgnoreCase);
            Assert.That(held, Is.Zero);
            Assert.That(reportedAfterTheReset, Has.Count.LessThanOrEqualTo(1), "at most the page whose write had begun before the reset, which the reset removed");
            Assert.That(harness.Server.Requests, Has.Count.LessThanOrEqualTo(6), "the sync stopped at its next page");
        });
    }

    [Test]
    public async Task ResetAsync_WhileThePageWaitsForARetry_EndsTheSyncAtOnce()
    {
        await using var harness = new SyncHarness();
        harness.Server.AddTasks(Acme, 300);
        harness.Server.PageSize = 100;
        harness.Server.BeforeAnswer = index =>
        {
            if (index == 1)
            {
                harness.Server.Enqueue(FakeResponse.WithStatus(503));
            }
        };
        var retrying = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Client.StatusChanged += (_, e) =>
        {
            if (e.Status.State == SyncState.Retrying)
            {
                retrying.TrySetResult();
            }
        };

        // The fake clock never moves here: only the reset can end the wait for the retry.
        var sync = harness.Client.SyncAsync(AcmeScope);
        await retrying.Task.WaitAsync(Deadlock);
        await harness.Store.ResetAsync(AcmeScope);
        var thrown = Assert.CatchAsync(() => sync.WaitAsync(Deadlock));

        Assert.Multiple(async () =>
        {
            Assert.That(thrown, Is.InstanceOf<FlightTaskSyncException>(), thrown?.ToString());
            Assert.That(thrown!.Message, Does.Contain("reset").IgnoreCase);
            Assert.That(await harness.Store.CountAsync(AcmeScope), Is.Zero);
            Assert.That((await harness.Client.GetStatusAsync(AcmeScope)).State, Is.EqualTo(SyncState.NeverSynced));
        });
    }

    [Test]
    public async Task ResetAsync_WhileTheSyncWaitsForAnotherProcessToLetTheScopeGo_TheSyncFailsWithoutWriting()
    {
        await using var harness = new SyncHarness();
        harness.Server.AddTasks(Acme, 50);
        var lockPath = new ScopeSyncLock(harness.DatabasePath, NullLogger.Instance).LockFilePath(AcmeScope);
        using var otherDatabase = new FlightTaskDatabase(harness.DatabasePath);
        var otherProcess = new SqliteFlightTaskStore(otherDatabase, TimeProvider.System);
        var otherSync = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

        var sync = harness.Client.SyncAsync(AcmeScope);
        await harness.Logs.WhenLoggedAsync(1007).WaitAsync(Deadlock);
        await otherProcess.ResetAsync(AcmeScope);
        await otherSync.DisposeAsync();
        var thrown = Assert.CatchAsync(() => sync.WaitAsync(Deadlock));

        Assert.Multiple(async () =>
        {
            Assert.That(thrown, Is.InstanceOf<FlightTaskSyncException>(), thrown?.ToString());
            Assert.That(harness.Server.Requests, Is.Empty, "a sync called before the reset asks for nothing after it");
            Assert.That(await harness.Store.CountAsync(AcmeScope), Is.Zero);
            Assert.That((await harness.Client.GetStatusAsync(AcmeScope)).State, Is.EqualTo(SyncState.NeverSynced));
        });
    }

    [Test]
    public async Task ResetAsync_AfterTheLastPageBeforeTheSyncRecordsItsEnd_TheSyncDoesNotReportTasksItNoLongerHolds()
    {
        await using var harness = new SyncHarness(servicesFirst: services => services.AddSingleton<IPageStore>(
            sp => new CountingPageStore(sp.GetRequiredService<SqliteFlightTaskStore>())));
        harness.Server.AddTasks(Acme, 100);
        var store = (CountingPageStore)harness.Services.GetRequiredService<IPageStore>();
        store.BeforeCompleted = () => harness.Store.ResetAsync(AcmeScope);

        var thrown = Assert.CatchAsync(() => harness.SyncAsync(AcmeScope));

        Assert.Multiple(async () =>
        {
            Assert.That(thrown, Is.InstanceOf<FlightTaskSyncException>(), "no report: the tasks it would count are gone");
            Assert.That(await harness.Store.CountAsync(AcmeScope), Is.Zero);
            Assert.That((await harness.Client.GetStatusAsync(AcmeScope)).State, Is.EqualTo(SyncState.NeverSynced));
        });
    }
}
