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
        await Task.Delay(TimeSpan.FromMilliseconds(400));
        var requestsWhileHeld = harness.Server.Requests.Count;
        await otherProcess.DisposeAsync();
        var report = await sync.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Multiple(() =>
        {
            Assert.That(requestsWhileHeld, Is.Zero);
            Assert.That(report.TasksHeld, Is.EqualTo(5));
        });
    }

    [Test]
    public async Task AcquireAsync_OtherScope_DoesNotWait()
    {
        using var folder = new TempDirectory();
        var locks = new ScopeSyncLock(folder.File("tasks.db"), NullLogger.Instance);
        await using var first = await locks.AcquireAsync(Scope, CancellationToken.None);

        var other = locks.AcquireAsync(Scope with { IncludeDescendantOrganizations = true }, CancellationToken.None);
        var acquired = await other.WaitAsync(TimeSpan.FromSeconds(10));
        await acquired.DisposeAsync();

        Assert.That(other.IsCompletedSuccessfully, Is.True);
    }

    [Test]
    public async Task AcquireAsync_SameScopeCanceledWhileWaiting_ThrowsOperationCanceled()
    {
        using var folder = new TempDirectory();
        var locks = new ScopeSyncLock(folder.File("tasks.db"), NullLogger.Instance);
        await using var first = await locks.AcquireAsync(Scope, CancellationToken.None);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        Assert.That(() => locks.AcquireAsync(Scope, cancellation.Token), Throws.InstanceOf<OperationCanceledException>());
    }
}
