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
    /// and commits each page before asking for the next, until the server says nothing is left.
    /// One sync of a scope runs at a time per database, also across processes: a second call for
    /// the same scope waits for the first to end, then runs (and usually finds nothing to do).
    /// Reading the store while a sync runs is never blocked.
    /// </summary>
    /// <param name="scope">The organization to sync, with or without its descendants.</param>
    /// <param name="progress">Told after each committed page; optional.</param>
    /// <param name="cancellationToken">Stops the sync; the page in flight is rolled back and committed pages are kept.</param>
    /// <returns>What the sync did, the server's per-item failures included.</returns>
    /// <exception cref="FlightTaskSyncUnavailableException">The server stayed unreachable or failing after every retry.</exception>
    /// <exception cref="FlightTaskSyncAuthenticationException">The access token was refused.</exception>
    /// <exception cref="FlightTaskSyncRejectedException">The server rejected the request.</exception>
    /// <exception cref="FlightTaskSyncInvalidResponseException">A page could not be used.</exception>
    /// <exception cref="FlightTaskSyncStalledException">The server stopped making progress.</exception>
    /// <exception cref="FlightTaskSyncException">Another failure, e.g. of the database.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    Task<SyncReport> SyncAsync(SyncScope scope, IProgress<SyncProgress>? progress = null, CancellationToken cancellationToken = default);
}
