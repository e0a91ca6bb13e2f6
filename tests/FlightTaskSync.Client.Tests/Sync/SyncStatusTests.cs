using FlightTaskSync.Client.Storage;
using FlightTaskSync.Client.Sync;
using FlightTaskSync.Client.Tests.TestDoubles;
using FlightTaskSync.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace FlightTaskSync.Client.Tests.Sync;

/// <summary>The sync status of a scope: persisted, observable, and honest about interrupted syncs.</summary>
public sealed class SyncStatusTests
{
    private static readonly SyncScope Scope = new(FakeTask.OrganizationId("acme001"));

    [Test]
    public async Task GetStatusAsync_NeverSynced_SaysSo()
    {
        await using var harness = new SyncHarness();

        var status = await harness.Client.GetStatusAsync(Scope);

        Assert.Multiple(() =>
        {
            Assert.That(status.State, Is.EqualTo(SyncState.NeverSynced));
            Assert.That(status.TasksHeld, Is.Zero);
            Assert.That(status.LastSucceededAt, Is.Null);
        });
    }

    [Test]
    public async Task StatusChanged_ASync_GoesSyncingPageByPageThenIdle()
    {
        await using var harness = new SyncHarness();
        harness.Server.AddTasks(Scope.OrganizationSenteraId, 250);
        harness.Server.PageSize = 100;
        var seen = new List<SyncStatus>();
        harness.Client.StatusChanged += (sender, e) => seen.Add(e.Status);

        await harness.SyncAsync(Scope);

        var status = await harness.Client.GetStatusAsync(Scope);
        Assert.Multiple(() =>
        {
            Assert.That(seen.Select(s => s.State), Is.EqualTo(new[] { SyncState.Syncing, SyncState.Syncing, SyncState.Syncing, SyncState.Syncing, SyncState.Idle }));
            Assert.That(seen.Select(s => s.TasksHeld), Is.EqualTo(new[] { 0, 100, 200, 250, 250 }));
            Assert.That(status.State, Is.EqualTo(SyncState.Idle));
            Assert.That(status.TasksHeld, Is.EqualTo(250));
            Assert.That(status.LastSucceededAt, Is.Not.Null);
            Assert.That(status.LastStartedAt, Is.LessThanOrEqualTo(status.LastSucceededAt!.Value));
        });
    }

    [Test]
    public async Task GetStatusAsync_AfterAFailure_IsFailedWithTheErrorAlsoAfterARestart()
    {
        using var folder = new TempDirectory();
        using var server = new FakeFieldAgentServer();
        server.AddTasks(Scope.OrganizationSenteraId, 5);
        await using (var first = new SyncHarness(folder: folder, server: server))
        {
            await first.SyncAsync(Scope);
            server.Enqueue(FakeResponse.WithStatus(403));
            Assert.That(() => first.SyncAsync(Scope), Throws.TypeOf<FlightTaskSyncAuthenticationException>());
        }

        await using var restarted = new SyncHarness(folder: folder, server: server);
        var afterRestart = await restarted.Client.GetStatusAsync(Scope);
        await restarted.SyncAsync(Scope);
        var afterSuccess = await restarted.Client.GetStatusAsync(Scope);

        Assert.Multiple(() =>
        {
            Assert.That(afterRestart.State, Is.EqualTo(SyncState.Failed));
            Assert.That(afterRestart.LastErrorType, Is.EqualTo(nameof(FlightTaskSyncAuthenticationException)));
            Assert.That(afterRestart.LastErrorMessage, Does.Contain("403").And.Not.Contain("token-"));
            Assert.That(afterRestart.LastFailedAt, Is.Not.Null);
            Assert.That(afterRestart.LastSucceededAt, Is.Not.Null, "the earlier success is still known");
            Assert.That(afterRestart.TasksHeld, Is.EqualTo(5));
            Assert.That(afterSuccess.State, Is.EqualTo(SyncState.Idle));
            Assert.That(afterSuccess.LastErrorType, Is.Null);
        });
    }

    [Test]
    public async Task GetStatusAsync_Canceled_IsIdle()
    {
        await using var harness = new SyncHarness();
        harness.Server.AddTasks(Scope.OrganizationSenteraId, 300);
        harness.Server.PageSize = 100;
        using var cancellation = new CancellationTokenSource();
        harness.Server.BeforeAnswer = index =>
        {
            if (index == 1)
            {
                cancellation.Cancel();
            }
        };

        Assert.That(() => harness.SyncAsync(Scope, cancellationToken: cancellation.Token), Throws.InstanceOf<OperationCanceledException>());
        var status = await harness.Client.GetStatusAsync(Scope);

        Assert.Multiple(() =>
        {
            Assert.That(status.State, Is.EqualTo(SyncState.Idle));
            Assert.That(status.TasksHeld, Is.EqualTo(100));
            Assert.That(status.LastErrorType, Is.Null);
        });
    }

    [Test]
    public async Task GetStatusAsync_SyncingInTheDatabaseButNoSyncRunning_IsReportedAsInterrupted()
    {
        await using var harness = new SyncHarness();
        await harness.Services.GetRequiredService<IPageStore>().MarkSyncStartedAsync(Scope);

        var status = await harness.Client.GetStatusAsync(Scope);

        Assert.Multiple(() =>
        {
            Assert.That(status.State, Is.EqualTo(SyncState.Failed));
            Assert.That(status.LastErrorType, Is.EqualTo("SyncInterrupted"));
            Assert.That(status.LastErrorMessage, Does.Contain("resumes"));
        });
    }

    [Test]
    public async Task GetStatusAsync_AnotherProcessHoldsTheScope_IsSyncing()
    {
        await using var harness = new SyncHarness();
        await harness.Services.GetRequiredService<IPageStore>().MarkSyncStartedAsync(Scope);
        var lockPath = new ScopeSyncLock(harness.DatabasePath, NullLogger.Instance).LockFilePath(Scope);
        await using var otherProcess = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

        var status = await harness.Client.GetStatusAsync(Scope);

        Assert.That(status.State, Is.EqualTo(SyncState.Syncing));
    }

    [Test]
    public async Task StatusChanged_HandlerThrows_DoesNotFailTheSync()
    {
        await using var harness = new SyncHarness();
        harness.Server.AddTasks(Scope.OrganizationSenteraId, 3);
        harness.Client.StatusChanged += (_, _) => throw new InvalidOperationException("UI bug");

        var report = await harness.SyncAsync(Scope);

        Assert.Multiple(() =>
        {
            Assert.That(report.TasksHeld, Is.EqualTo(3));
            Assert.That(harness.Logs.Entries.Select(e => e.EventId.Id), Does.Contain(1010));
        });
    }
}
