using FlightTaskSync.Client.Storage;
using FlightTaskSync.Client.Tests.TestDoubles;
using FlightTaskSync.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FlightTaskSync.Client.Tests.Sync;

/// <summary>
/// Disposing the service provider while a sync runs (issue 13): the sync is canceled at once (the
/// page being written commits), disposal waits for it to end, and the cancellation is not a
/// failure: no Error log, no stored last error.
/// </summary>
public sealed class DisposalTests
{
    private static readonly string Acme = FakeTask.OrganizationId("disp001");
    private static readonly SyncScope AcmeScope = new(Acme);

    // Only a guard against a hang: the tests wait for signals, never for time to pass.
    private static readonly TimeSpan Deadlock = TimeSpan.FromSeconds(30);

    [TestCase(true)]
    [TestCase(false)]
    public async Task Dispose_WhileAPageRequestIsInFlight_CancelsTheSyncWaitsForItAndRecordsNoFailure(bool asynchronously)
    {
        using var folder = new TempDirectory();
        using var server = new FakeFieldAgentServer();
        server.AddTasks(Acme, 300);
        server.PageSize = 100;
        server.BeforeAnswer = index =>
        {
            if (index == 1)
            {
                server.Enqueue(FakeResponse.Never());
            }
        };
        var harness = new SyncHarness(folder: folder, server: server);
        var sync = harness.Client.SyncAsync(AcmeScope);
        await server.WhenRequestsReceivedAsync(2).WaitAsync(Deadlock);

        if (asynchronously)
        {
            await harness.Services.DisposeAsync().AsTask().WaitAsync(Deadlock);
        }
        else
        {
            await Task.Run(harness.Services.Dispose).WaitAsync(Deadlock);
        }

        var endedBeforeDisposeReturned = sync.IsCompleted;
        var thrown = Assert.CatchAsync(() => sync.WaitAsync(Deadlock));
        var logs = harness.Logs.Entries;
        await harness.DisposeAsync();

        await using var restarted = new SyncHarness(folder: folder, server: server);
        var status = await restarted.Client.GetStatusAsync(AcmeScope);
        Assert.Multiple(() =>
        {
            Assert.That(endedBeforeDisposeReturned, Is.True, "disposal waited for the sync to end");
            Assert.That(thrown, Is.InstanceOf<OperationCanceledException>(), thrown?.ToString());
            Assert.That(logs.Where(e => e.Level >= LogLevel.Error).Select(e => e.Message), Is.Empty, "a cancellation is no error");
            Assert.That(logs.Select(e => e.EventId.Id), Does.Contain(1006), "logged as canceled");
            Assert.That(status.State, Is.EqualTo(SyncState.NeverSynced), "canceled, not failed");
            Assert.That(status.LastErrorKind, Is.EqualTo(SyncErrorKind.None));
            Assert.That(status.TasksHeld, Is.EqualTo(100), "the committed page is kept");
        });
    }

    [Test]
    public async Task DisposeAsync_WhileAPageIsBeingWritten_ThatPageCommitsBeforeDisposalReturns()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var harness = new SyncHarness(servicesFirst: services => services.AddSingleton<IPageStore>(
            sp => new CountingPageStore(sp.GetRequiredService<SqliteFlightTaskStore>())));
        harness.Server.AddTasks(Acme, 300);
        harness.Server.PageSize = 100;
        var store = (CountingPageStore)harness.Services.GetRequiredService<IPageStore>();
        store.BeforeWrite = async write =>
        {
            if (write == 2)
            {
                writing.TrySetResult();
                await release.Task;
            }
        };
        var sync = harness.Client.SyncAsync(AcmeScope);
        await writing.Task.WaitAsync(Deadlock);

        var disposal = harness.Services.DisposeAsync().AsTask();
        var disposedWhileWriting = disposal.IsCompleted;
        release.SetResult();
        await disposal.WaitAsync(Deadlock);

        Assert.That(disposedWhileWriting, Is.False, "disposal waits for the page being written");
        Assert.CatchAsync<OperationCanceledException>(() => sync.WaitAsync(Deadlock));
        Assert.That(StoredTaskCount(harness.DatabasePath), Is.EqualTo(200), "the page whose write had begun committed");
        await harness.DisposeAsync();
    }

    [Test]
    public async Task SyncAsync_AfterTheProviderIsDisposed_ThrowsObjectDisposed()
    {
        await using var harness = new SyncHarness();
        var client = harness.Client;
        await harness.Services.DisposeAsync();

        Assert.That(() => client.SyncAsync(AcmeScope), Throws.InstanceOf<ObjectDisposedException>());
    }

    private static long StoredTaskCount(string path) => Fixtures.RawDatabase.Long(path, "SELECT count(*) FROM flight_tasks;");
}
