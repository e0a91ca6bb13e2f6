namespace FlightTaskSync.Client;

/// <summary>
/// Brings the offline copy of a scope's flight tasks level with the FieldAgent server. Get it
/// from the service provider after <c>services.AddFlightTaskSync(...)</c>; every member is
/// thread-safe.
/// </summary>
public interface IFlightTaskSyncClient
{
    /// <summary>
    /// Syncs one scope: asks the server for every change since the tasks held, page by page,
    /// and commits each page in its own transaction, in order, until the server says nothing is
    /// left. The next page is asked for while a page is being written.
    /// One sync of a scope runs at a time per database, also across processes: a second call for
    /// the same scope waits for the first to end, then runs (and usually finds nothing to do).
    /// Reading the store while a sync runs is never blocked.
    /// With offline edits pending (<see cref="IFlightTaskEditor"/>), the sync pulls first, then pushes
    /// them in the order they were made, then pulls what the push changed; with nothing pending it is
    /// the pull alone. An edit the server refuses or one in conflict does not fail the sync (see
    /// <see cref="SyncReport.PushRejections"/> and <see cref="SyncReport.Conflicts"/>); a push the
    /// network or the server did not answer fails it as a failed page would, with the same exceptions,
    /// and its edits stay pending for the next sync.
    /// </summary>
    /// <param name="scope">The organization to sync, with or without its descendants.</param>
    /// <param name="progress">Told after each committed page, and during a push after each call; optional.</param>
    /// <param name="cancellationToken">
    /// Stops the sync; the page being fetched is dropped, a page whose write has begun commits, and
    /// committed pages are kept.
    /// </param>
    /// <returns>What the sync did, the server's per-item failures included.</returns>
    /// <exception cref="FlightTaskSyncUnavailableException">The server stayed unreachable or failing after every retry.</exception>
    /// <exception cref="FlightTaskSyncAuthenticationException">The access token was refused.</exception>
    /// <exception cref="FlightTaskSyncRejectedException">The server rejected the request.</exception>
    /// <exception cref="FlightTaskSyncInvalidResponseException">A page could not be used.</exception>
    /// <exception cref="FlightTaskSyncStalledException">The server stopped making progress.</exception>
    /// <exception cref="FlightTaskStoreException">The offline database could not be used (damaged, full, not writable, ...).</exception>
    /// <exception cref="FlightTaskSyncException">
    /// Another failure; an exception that is not the library's (one from the app's own progress handler,
    /// say) is inside it. Whatever ends a sync, its status ends with it.
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    Task<SyncReport> SyncAsync(SyncScope scope, IProgress<SyncProgress>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Syncs one scope from an empty hash set, then removes every task the server did not send:
    /// catches deletions the server no longer reports. Pages commit as in <see cref="SyncAsync"/>;
    /// the removal commits only at the end, so an interrupted full resync loses nothing and the
    /// previous tasks stay readable throughout. <see cref="SyncAsync"/> runs one by itself every
    /// <see cref="FlightTaskSyncOptions.FullResyncInterval"/>.
    /// </summary>
    /// <param name="scope">The organization to resync, with or without its descendants.</param>
    /// <param name="progress">Told after each committed page; optional.</param>
    /// <param name="cancellationToken">Stops the resync; nothing is removed then.</param>
    /// <returns>What the resync did; <see cref="SyncReport.IsFullResync"/> is set.</returns>
    /// <exception cref="FlightTaskSyncException">As for <see cref="SyncAsync"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    Task<SyncReport> FullResyncAsync(SyncScope scope, IProgress<SyncProgress>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>Reads a scope's sync status: state, freshness, last error, tasks held.</summary>
    /// <param name="scope">The scope.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The status; <see cref="SyncState.NeverSynced"/> for a scope never synced.</returns>
    Task<SyncStatus> GetStatusAsync(SyncScope scope, CancellationToken cancellationToken = default);

    /// <summary>
    /// Raised when a scope's status changes: a sync starts (raised once it has read what the scope
    /// holds), commits a page, completes, fails or is canceled. Raised on the syncing thread;
    /// marshal to the UI thread yourself. An exception from a handler is logged and does not
    /// affect the sync.
    /// </summary>
    event EventHandler<SyncStatusChangedEventArgs>? StatusChanged;
}
