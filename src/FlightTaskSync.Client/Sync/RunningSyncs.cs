using System.Collections.Concurrent;

namespace FlightTaskSync.Client.Sync;

/// <summary>The syncs of a client that have been called and not yet ended, so that a reset or the client's disposal can stop them.</summary>
internal sealed class RunningSyncs
{
    private readonly ConcurrentDictionary<RunningSync, byte> _runs = new();
    private readonly Lock _gate = new();
    private bool _closed;

    /// <summary>Registers a sync called with <paramref name="callerToken"/>.</summary>
    /// <exception cref="ObjectDisposedException">The client is disposed.</exception>
    public RunningSync Start(SyncScope scope, CancellationToken callerToken)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_closed, typeof(IFlightTaskSyncClient));
            var run = new RunningSync(scope, callerToken);
            _runs[run] = 0;
            return run;
        }
    }

    /// <summary>Unregisters an ended sync.</summary>
    public ValueTask EndAsync(RunningSync run)
    {
        _runs.TryRemove(run, out _);
        return run.DisposeAsync();
    }

    /// <summary>Stops every sync of <paramref name="scope"/>, running or waiting for the scope.</summary>
    public void Stop(SyncScope scope, SyncStopReason reason)
    {
        foreach (var run in _runs.Keys)
        {
            if (run.Scope == scope)
            {
                run.Stop(reason);
            }
        }
    }

    /// <summary>Refuses new syncs, stops every one, and completes when all have ended.</summary>
    public Task StopAllAsync(SyncStopReason reason)
    {
        lock (_gate)
        {
            _closed = true;
        }

        var runs = _runs.Keys.ToList();
        foreach (var run in runs)
        {
            run.Stop(reason);
        }

        return Task.WhenAll(runs.Select(run => run.Ended));
    }
}
