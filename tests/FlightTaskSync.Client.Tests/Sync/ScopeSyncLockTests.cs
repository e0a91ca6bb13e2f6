using FlightTaskSync.Client.Sync;
using FlightTaskSync.Client.Tests.TestDoubles;
using FlightTaskSync.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;

namespace FlightTaskSync.Client.Tests.Sync;

public sealed class ScopeSyncLockTests
{
    private static readonly SyncScope Scope = new(FakeTask.OrganizationId("acme001"));

    [Test]
    public async Task SyncAsync_LockFileHeldElsewhere_WaitsUntilItIsReleased()
    {
        await using var harness = new SyncHarness();
        harness.Server.AddTasks(Scope.OrganizationSenteraId, 5);
        var lockPath = new ScopeSyncLock(harness.DatabasePath, NullLogger.Instance).LockFilePath(Scope);

        // What another process's sync of the same scope holds: the lock file, opened exclusively.
        var otherProcess = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        var sync = harness.Client.SyncAsync(Scope);

        // The sync says it waits for the other process before it would ask for anything.
        await harness.Logs.WhenLoggedAsync(1007);
        var requestsWhileHeld = harness.Server.Requests.Count;
        var endedWhileHeld = sync.IsCompleted;
        await otherProcess.DisposeAsync();
        var report = await sync;

        Assert.Multiple(() =>
        {
            Assert.That(requestsWhileHeld, Is.Zero);
            Assert.That(endedWhileHeld, Is.False);
            Assert.That(report.TasksHeld, Is.EqualTo(5));
        });
    }

    [Test]
    public async Task AcquireAsync_OtherScope_DoesNotWait()
    {
        using var folder = new TempDirectory();
        var locks = new ScopeSyncLock(folder.File("tasks.db"), NullLogger.Instance);
        var first = await locks.AcquireAsync(Scope, CancellationToken.None);

        // A free lock waits on nothing: the call returns it acquired. The same scope's, held, does not.
        var other = locks.AcquireAsync(Scope with { IncludeDescendantOrganizations = true }, CancellationToken.None);
        var otherAcquiredAtOnce = other.IsCompletedSuccessfully;
        using var stop = new CancellationTokenSource();
        var same = locks.AcquireAsync(Scope, stop.Token);
        var sameAcquiredAtOnce = same.IsCompleted;
        await stop.CancelAsync();
        await first.DisposeAsync();
        await (await other).DisposeAsync();

        Assert.Multiple(() =>
        {
            Assert.That(otherAcquiredAtOnce, Is.True, "another scope's lock is free");
            Assert.That(sameAcquiredAtOnce, Is.False, "the same scope's lock is held");
        });
        Assert.That(() => same, Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public async Task AcquireAsync_SameScopeCanceledWhileWaiting_ThrowsOperationCanceled()
    {
        using var folder = new TempDirectory();
        var locks = new ScopeSyncLock(folder.File("tasks.db"), NullLogger.Instance);
        await using var first = await locks.AcquireAsync(Scope, CancellationToken.None);
        using var cancellation = new CancellationTokenSource();

        var waiting = locks.AcquireAsync(Scope, cancellation.Token);
        var waitedAtFirst = !waiting.IsCompleted;
        await cancellation.CancelAsync();

        Assert.That(waitedAtFirst, Is.True);
        Assert.That(() => waiting, Throws.InstanceOf<OperationCanceledException>());
    }
}
