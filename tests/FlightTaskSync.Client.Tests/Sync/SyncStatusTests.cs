using FlightTaskSync.Client.Storage;
using FlightTaskSync.Client.Sync;
using FlightTaskSync.Client.Tests.Fixtures;
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
    public async Task StatusChanged_ASyncOfAScopeHoldingTasks_AnnouncesItsStartWithTheTasksHeld()
    {
        await using var harness = new SyncHarness();
        harness.Server.AddTasks(Scope.OrganizationSenteraId, 250);
        harness.Server.PageSize = 100;
        await harness.SyncAsync(Scope);
        harness.Server.AddTasks(Scope.OrganizationSenteraId, 150, firstNumber: 1_000);
        var seen = new List<SyncStatus>();
        harness.Client.StatusChanged += (sender, e) => seen.Add(e.Status);

        await harness.SyncAsync(Scope);

        Assert.Multiple(() =>
        {
            Assert.That(seen.Select(s => s.State), Is.EqualTo(new[] { SyncState.Syncing, SyncState.Syncing, SyncState.Syncing, SyncState.Idle }));
            Assert.That(seen.Select(s => s.TasksHeld), Is.EqualTo(new[] { 250, 350, 400, 400 }), "the start says what was held before any page");
            Assert.That(seen[0].LastSucceededAt, Is.Not.Null, "the start keeps what the store knew of the scope");
        });
    }

    [Test]
    public async Task StatusChanged_ASyncFailingBeforeItCountedTheTasksHeld_EndsSayingHowManyAreHeld()
    {
        FaultyPageStore? faulty = null;
        await using var harness = new SyncHarness(servicesFirst: services => services.AddSingleton<IPageStore>(
            sp => faulty = new FaultyPageStore(sp.GetRequiredService<SqliteFlightTaskStore>())));
        harness.Server.AddTasks(Scope.OrganizationSenteraId, 120);
        await harness.SyncAsync(Scope);
        faulty!.FailIn = nameof(IPageStore.ReadHeldHashesAsync);
        var seen = new List<SyncStatus>();
        harness.Client.StatusChanged += (sender, e) => seen.Add(e.Status);

        Assert.That(() => harness.SyncAsync(Scope), Throws.InstanceOf<FlightTaskSyncException>());
        var status = await harness.Client.GetStatusAsync(Scope);

        Assert.Multiple(() =>
        {
            Assert.That(seen.Select(s => s.State), Is.EqualTo(new[] { SyncState.Failed }), "a start never counted is not announced; its end is");
            Assert.That(seen[0].TasksHeld, Is.EqualTo(120));
            Assert.That(seen[0].LastSucceededAt, Is.Not.Null);
            Assert.That(status, Is.EqualTo(seen[0]), "the event says what GetStatusAsync says");
        });
    }

    [Test]
    public async Task GetStatusAsync_AsASyncStartsBeforeItCountedTheTasksHeld_IsSyncingWithTheTasksHeld()
    {
        FaultyPageStore? faulty = null;
        await using var harness = new SyncHarness(servicesFirst: services => services.AddSingleton<IPageStore>(
            sp => faulty = new FaultyPageStore(sp.GetRequiredService<SqliteFlightTaskStore>())));
        harness.Server.AddTasks(Scope.OrganizationSenteraId, 120);
        await harness.SyncAsync(Scope);
        SyncStatus? asked = null;
        faulty!.BeforeStep = async step =>
        {
            if (step == nameof(IPageStore.ReadHeldHashesAsync))
            {
                asked = await harness.Client.GetStatusAsync(Scope);
            }
        };

        await harness.SyncAsync(Scope);

        Assert.Multiple(() =>
        {
            Assert.That(asked?.State, Is.EqualTo(SyncState.Syncing));
            Assert.That(asked?.TasksHeld, Is.EqualTo(120));
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
            Assert.That(afterRestart.LastErrorKind, Is.EqualTo(SyncErrorKind.Authentication));
            Assert.That(afterRestart.LastErrorMessage, Does.Contain("403").And.Not.Contain("token-"));
            Assert.That(afterRestart.LastFailedAt, Is.Not.Null);
            Assert.That(afterRestart.LastSucceededAt, Is.Not.Null, "the earlier success is still known");
            Assert.That(afterRestart.TasksHeld, Is.EqualTo(5));
            Assert.That(afterSuccess.State, Is.EqualTo(SyncState.Idle));
            Assert.That(afterSuccess.LastErrorKind, Is.EqualTo(SyncErrorKind.None));
        });
    }

    [Test]
    public async Task GetStatusAsync_ASyncAfterACompletedOneCanceled_IsIdle()
    {
        await using var harness = new SyncHarness();
        harness.Server.AddTasks(Scope.OrganizationSenteraId, 100);
        harness.Server.PageSize = 100;
        await harness.SyncAsync(Scope);
        harness.Server.AddTasks(Scope.OrganizationSenteraId, 200, firstNumber: 1_000);
        using var cancellation = new CancellationTokenSource();
        harness.Server.BeforeAnswer = index =>
        {
            if (index == 2)
            {
                cancellation.Cancel();
            }
        };

        Assert.That(() => harness.SyncAsync(Scope, cancellationToken: cancellation.Token), Throws.InstanceOf<OperationCanceledException>());
        var status = await harness.Client.GetStatusAsync(Scope);

        Assert.Multiple(() =>
        {
            Assert.That(status.State, Is.EqualTo(SyncState.Idle));
            Assert.That(status.TasksHeld, Is.EqualTo(200));
            Assert.That(status.LastErrorKind, Is.EqualTo(SyncErrorKind.None));
        });
    }

    [TestCase(0, 0)]
    [TestCase(1, 100)]
    public async Task GetStatusAsync_FirstSyncCanceled_IsStillNeverSynced(int cancelAtRequest, int held)
    {
        await using var harness = new SyncHarness();
        harness.Server.AddTasks(Scope.OrganizationSenteraId, 300);
        harness.Server.PageSize = 100;
        using var cancellation = new CancellationTokenSource();
        var published = new List<SyncStatus>();
        harness.Client.StatusChanged += (_, e) => published.Add(e.Status);
        harness.Server.BeforeAnswer = index =>
        {
            if (index == cancelAtRequest)
            {
                cancellation.Cancel();
            }
        };

        Assert.That(() => harness.SyncAsync(Scope, cancellationToken: cancellation.Token), Throws.InstanceOf<OperationCanceledException>());
        var status = await harness.Client.GetStatusAsync(Scope);

        Assert.Multiple(() =>
        {
            Assert.That(status.State, Is.EqualTo(SyncState.NeverSynced), "no sync of the scope has completed");
            Assert.That(status.TasksHeld, Is.EqualTo(held));
            Assert.That(status.LastSucceededAt, Is.Null);
            Assert.That(published[^1], Is.EqualTo(status), "the last event says what GetStatusAsync says");
        });
    }

    [Test]
    public async Task StatusChanged_PageWaitingForARetry_ShowsRetryingWithTheRetryAndItsTimeThenSyncingAgain()
    {
        await using var harness = new SyncHarness();
        harness.Server.AddTasks(Scope.OrganizationSenteraId, 10);
        harness.Server.Enqueue(FakeResponse.WithStatus(503), FakeResponse.WithStatus(503));
        var published = new List<SyncStatus>();
        var readWhileRetrying = new List<SyncStatus>();
        harness.Client.StatusChanged += (_, e) =>
        {
            published.Add(e.Status);
            if (e.Status.State == SyncState.Retrying)
            {
                readWhileRetrying.Add(harness.Client.GetStatusAsync(Scope).GetAwaiter().GetResult());
            }
        };

        await harness.SyncAsync(Scope);

        var retrying = published.Where(s => s.State == SyncState.Retrying).ToList();
        var requests = harness.Server.Requests;
        Assert.Multiple(() =>
        {
            Assert.That(published.Select(s => s.State), Is.EqualTo(new[]
            {
                SyncState.Syncing, SyncState.Retrying, SyncState.Syncing, SyncState.Retrying, SyncState.Syncing, SyncState.Syncing, SyncState.Idle,
            }));
            Assert.That(retrying.Select(s => s.RetryAttempt), Is.EqualTo(new[] { 1, 2 }));
            Assert.That(retrying[0].NextAttemptAt, Is.Not.Null.And.LessThanOrEqualTo(requests[1].ReceivedAt), "the second request went out when announced");
            Assert.That(retrying[1].NextAttemptAt, Is.Not.Null.And.LessThanOrEqualTo(requests[2].ReceivedAt));
            Assert.That(retrying[1].NextAttemptAt, Is.GreaterThan(retrying[0].NextAttemptAt!.Value));
            Assert.That(readWhileRetrying.Select(s => s.State), Is.All.EqualTo(SyncState.Retrying), "GetStatusAsync says so too");
            Assert.That(published.Where(s => s.State != SyncState.Retrying).Select(s => (s.RetryAttempt, s.NextAttemptAt)), Is.All.EqualTo((0, (DateTimeOffset?)null)));
        });
    }

    [TestCase("FlightTaskSyncUnavailableException", SyncErrorKind.Unavailable)]
    [TestCase("FlightTaskSyncAuthenticationException", SyncErrorKind.Authentication)]
    [TestCase("FlightTaskSyncRejectedException", SyncErrorKind.Rejected)]
    [TestCase("FlightTaskSyncInvalidResponseException", SyncErrorKind.InvalidResponse)]
    [TestCase("FlightTaskSyncStalledException", SyncErrorKind.Stalled)]
    [TestCase("FlightTaskStoreException", SyncErrorKind.Store)]
    [TestCase("FlightTaskSyncException", SyncErrorKind.Other)]
    [TestCase("SqliteException", SyncErrorKind.Other)]
    public async Task GetStatusAsync_FailureStoredByAnEarlierReleaseAsATypeName_ReadsAsItsKind(string storedTypeName, SyncErrorKind expected)
    {
        using var folder = new TempDirectory();
        var path = folder.File("flighttasks.db");
        await Storage.DatabaseFileOwnershipTests.BuildEarlierReleaseAsync(path, 4);
        RawDatabase.Execute(path, $"""
            INSERT INTO sync_scopes (organization_sentera_id, include_descendants, created_at, state, last_failed_at, last_error_type, last_error_message)
            VALUES ('{Scope.OrganizationSenteraId}', 0, 1, 'failed', 2, '{storedTypeName}', 'It failed.');
            """);

        await using var harness = new SyncHarness(folder: folder);
        var status = await harness.Client.GetStatusAsync(Scope);

        Assert.Multiple(() =>
        {
            Assert.That(status.State, Is.EqualTo(SyncState.Failed));
            Assert.That(status.LastErrorKind, Is.EqualTo(expected));
            Assert.That(status.LastErrorMessage, Is.EqualTo("It failed."));
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
            Assert.That(status.LastErrorKind, Is.EqualTo(SyncErrorKind.Interrupted));
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
