namespace FlightTaskSync.Client.Sync;

/// <summary>
/// The life of a sync around its pages: its claim on the scope, the scope's lock, the end of its
/// status; and the client's own end, which stops its running syncs.
/// </summary>
internal sealed partial class FlightTaskSyncClient
{
    /// <summary>
    /// Cancels every running sync (a page whose write has begun commits; each is recorded as
    /// canceled, not failed) and returns when all have ended; later calls of a sync throw
    /// <see cref="ObjectDisposedException"/>.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _store.Changed -= OnStoreChanged;
        await _runs.StopAllAsync(SyncStopReason.Disposed).ConfigureAwait(false);
    }

    /// <summary>As <see cref="DisposeAsync"/>, blocking until the running syncs have ended.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>
    /// Claims the scope as the sync is called, so that a reset from then on stops it, waits for the
    /// scope's lock, and runs; lets the claim go however it ends.
    /// </summary>
    private async Task<SyncReport> RunClaimedAsync(SyncRun run, bool forceFullResync, IProgress<SyncProgress>? progress)
    {
        var claim = await _store.ClaimAsync(run.Scope, run.Token).ConfigureAwait(false);
        run.Claim = claim;
        try
        {
            return await RunHeldAsync(run, forceFullResync, progress).ConfigureAwait(false);
        }
        finally
        {
            try
            {
                await _store.ReleaseAsync(claim, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A claim left behind only keeps a small row until the scope's next reset.
                SyncLog.StatusNotSaved(_logger, run.Scope, exception);
            }
        }
    }

    /// <summary>Holds the scope's lock while the sync runs; every way out of a started sync ends its status before the lock is let go.</summary>
    private async Task<SyncReport> RunHeldAsync(SyncRun run, bool forceFullResync, IProgress<SyncProgress>? progress)
    {
        var held = await _lock.AcquireAsync(run.Scope, run.Token).ConfigureAwait(false);
        await using (held.ConfigureAwait(false))
        {
            var before = await _status.StartedAsync(run.Scope, run.Claim, run.Token).ConfigureAwait(false);
            try
            {
                run.IsFullResync = forceFullResync || IsFullResyncDue(before);
                return await RunAsync(run, progress, run.Token).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                var failure = SyncFailures.Of(run, exception);
                run.Ended = (exception, failure);
                await _status.EndedAsync(run.Scope, failure, run.Claim).ConfigureAwait(false);
                throw;
            }
        }
    }

    private void OnStoreChanged(object? sender, FlightTasksChangedEventArgs e)
    {
        // The database already keeps every page of these syncs out (their claims are gone); this
        // stops them now rather than at their next write (a sync waiting to retry may wait long).
        if (e.IsReset)
        {
            _runs.Stop(e.Scope, SyncStopReason.ScopeReset);
        }
    }
}
