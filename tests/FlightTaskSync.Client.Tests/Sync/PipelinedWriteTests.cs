using FlightTaskSync.Client.Storage;
using FlightTaskSync.Client.Tests.Reliability;
using FlightTaskSync.Client.Tests.TestDoubles;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace FlightTaskSync.Client.Tests.Sync;

/// <summary>
/// The next page is asked for while a page is written (issue 5): pages still commit one at a
/// time and in order, a failed write stops the sync before anything after it is taken in, and
/// a page whose write has started commits even when the sync is canceled.
/// </summary>
public sealed class PipelinedWriteTests
{
    private static readonly string Acme = FakeTask.OrganizationId("pipe001");
    private static readonly SyncScope AcmeScope = new(Acme);

    // Only a guard against a hang if the pipeline were missing: the tests assert order, not speed.
    private static readonly TimeSpan Deadlock = TimeSpan.FromSeconds(30);

    [Test]
    public async Task SyncAsync_NextPageIsRequestedBeforeTheWriteOfThePageBeforeIt()
    {
        await using var harness = Harness(out var store);
        var secondRequest = ThreePagesSignallingTheSecondRequest(harness);

        // The first page's write waits until the second page has been asked for: without the
        // pipeline the second request would never come, and the write would give up.
        var firstWriteWaited = false;
        store.BeforeWrite = async write =>
        {
            if (write == 1)
            {
                await secondRequest.WaitAsync(Deadlock);
                firstWriteWaited = true;
            }
        };

        var report = await harness.SyncAsync(AcmeScope);

        Assert.Multiple(() =>
        {
            Assert.That(firstWriteWaited, Is.True);
            Assert.That(report.Pages, Is.EqualTo(3));
            Assert.That(report.TasksHeld, Is.EqualTo(300));
            Assert.That(store.PageWrites, Is.EqualTo(3));
        });
        await FlightTaskSyncClientTests.AssertStoreEqualsServerAsync(harness, AcmeScope);
    }

    [Test]
    public async Task SyncAsync_NextRequestCarriesTheHashesOfThePageBeingWritten()
    {
        await using var harness = Harness(out var store);
        var secondRequest = ThreePagesSignallingTheSecondRequest(harness);
        store.BeforeWrite = write => write == 1 ? secondRequest.WaitAsync(Deadlock) : Task.CompletedTask;

        await harness.SyncAsync(AcmeScope);

        // The server answered each request by what it carried: three pages of distinct tasks
        // means the second request held the first page's hashes before that page committed.
        var requests = harness.Server.Requests;
        Assert.Multiple(() =>
        {
            Assert.That(requests, Has.Count.EqualTo(3));
            Assert.That(requests.Select(r => r.ContentHashes.Count), Is.EqualTo(new[] { 0, 100, 200 }));
        });
    }

    [Test]
    public async Task SyncAsync_WriteFailsWhileTheNextPageIsFetched_FailsWithTheStoreErrorAndKeepsThePagesBefore()
    {
        await using var harness = Harness(out var store);
        harness.Server.AddTasks(Acme, 500);
        harness.Server.PageSize = 100;
        var committedBefore = new Dictionary<string, string>();
        store.BeforeWrite = write =>
        {
            if (write == 2)
            {
                committedBefore = new Dictionary<string, string>(StoredTasks.Hashes(harness.DatabasePath));
                throw new SqliteException("SQLite Error 13: 'database or disk is full'.", 13);
            }

            return Task.CompletedTask;
        };

        var thrown = Assert.CatchAsync<FlightTaskSyncException>(() => harness.SyncAsync(AcmeScope));

        Assert.Multiple(() =>
        {
            Assert.That(thrown!.InnerException, Is.InstanceOf<SqliteException>());
            Assert.That(thrown.Message, Does.Contain("offline store at page 2"));
            Assert.That(store.PageWrites, Is.EqualTo(2), "nothing after the failed page is written");
            Assert.That(StoredTasks.Hashes(harness.DatabasePath), Is.EquivalentTo(committedBefore).And.Count.EqualTo(100));
        });
    }

    [Test]
    public async Task SyncAsync_CanceledWhileAPageIsWritten_ThatPageStillCommits()
    {
        await using var harness = Harness(out var store);
        harness.Server.AddTasks(Acme, 300);
        harness.Server.PageSize = 100;
        using var cancellation = new CancellationTokenSource();
        store.BeforeWrite = async write =>
        {
            if (write == 1)
            {
                await cancellation.CancelAsync();
            }
        };

        Assert.CatchAsync<OperationCanceledException>(() => harness.SyncAsync(AcmeScope, cancellationToken: cancellation.Token));

        Assert.Multiple(async () =>
        {
            Assert.That(store.PageWrites, Is.EqualTo(1));
            Assert.That(await harness.Store.CountAsync(AcmeScope), Is.EqualTo(100), "the page whose write had started is kept");
            Assert.That((await harness.Client.GetStatusAsync(AcmeScope)).State, Is.EqualTo(SyncState.NeverSynced), "canceled, not failed; the first sync never completed");
        });
    }

    /// <summary>Serves 300 tasks in pages of 100; the task completes when the second request arrives.</summary>
    private static Task ThreePagesSignallingTheSecondRequest(SyncHarness harness)
    {
        harness.Server.AddTasks(Acme, 300);
        harness.Server.PageSize = 100;
        var secondRequest = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Server.BeforeAnswer = index =>
        {
            if (index == 1)
            {
                secondRequest.TrySetResult();
            }
        };
        return secondRequest.Task;
    }

    private static SyncHarness Harness(out CountingPageStore store)
    {
        var harness = new SyncHarness(servicesFirst: services => services.AddSingleton<IPageStore>(
            sp => new CountingPageStore(sp.GetRequiredService<SqliteFlightTaskStore>())));
        store = (CountingPageStore)harness.Services.GetRequiredService<IPageStore>();
        return harness;
    }
}
