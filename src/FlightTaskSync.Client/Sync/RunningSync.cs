namespace FlightTaskSync.Client.Sync;

/// <summary>
/// One call of a sync, from its start to its end: the token its work runs under (the caller's,
/// linked with the client's own stop), why the client stopped it if it did, and when it ended.
/// </summary>
internal sealed class RunningSync : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();
    private Task? _stopping;
    private bool _disposed;

    public RunningSync(SyncScope scope, CancellationToken callerToken)
    {
        Scope = scope;
        CallerToken = callerToken;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(callerToken);
        Token = _stop.Token;
    }

    public SyncScope Scope { get; }

    /// <summary>Gets the caller's own token: its cancellation is the caller's, and goes out as it is.</summary>
    public CancellationToken CallerToken { get; }

    /// <summary>Gets the token the sync's work runs under.</summary>
    public CancellationToken Token { get; }

    /// <summary>Gets why the client stopped the sync, or <see cref="SyncStopReason.None"/>.</summary>
    public SyncStopReason StoppedBy { get; private set; }

    /// <summary>Gets a task that completes when the sync has ended.</summary>
    public Task Ended => _ended.Task;

    /// <summary>Stops the sync (the first reason given is kept); its callbacks run on the thread pool, not the caller's thread.</summary>
    public void Stop(SyncStopReason reason)
    {
        lock (_gate)
        {
            if (_disposed || _stopping is not null)
            {
                return;
            }

            StoppedBy = reason;
            _stopping = _stop.CancelAsync();
        }
    }

    /// <summary>Marks the sync ended; waits for a stop in progress to finish its callbacks before letting the token go.</summary>
    public async ValueTask DisposeAsync()
    {
        Task? stopping;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            stopping = _stopping;
        }

        if (stopping is not null)
        {
            await stopping.ConfigureAwait(false);
        }

        _stop.Dispose();
        _ended.TrySetResult();
    }
}
