namespace FlightTaskSync.Client.Tests.TestDoubles;

/// <summary>An <see cref="IFlightTaskSyncClient"/> (an app's own, or one with a bug) whose syncs throw what a test gives it.</summary>
internal sealed class ThrowingSyncClient(Func<Exception> failure) : IFlightTaskSyncClient
{
    private int _calls;

    public event EventHandler<SyncStatusChangedEventArgs>? StatusChanged
    {
        add { }
        remove { }
    }

    public int Calls => Volatile.Read(ref _calls);

    public Task<SyncReport> SyncAsync(SyncScope scope, IProgress<SyncProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        return Task.FromException<SyncReport>(failure());
    }

    public Task<SyncReport> FullResyncAsync(SyncScope scope, IProgress<SyncProgress>? progress = null, CancellationToken cancellationToken = default) =>
        SyncAsync(scope, progress, cancellationToken);

    public Task<SyncStatus> GetStatusAsync(SyncScope scope, CancellationToken cancellationToken = default) =>
        Task.FromResult(new SyncStatus { Scope = scope, State = SyncState.NeverSynced });
}
