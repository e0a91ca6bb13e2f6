namespace FlightTaskSync.Client.Storage;

/// <summary>What the sync engine needs of the store: the scope's hash set, and atomic page writes.</summary>
internal interface IPageStore
{
    /// <summary>Reads the content hash of every task held for the scope, keyed by sentera id (ordinal).</summary>
    Task<Dictionary<string, string>> ReadContentHashesAsync(SyncScope scope, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads the content hash of every task held for the scope, handing each to <paramref name="addHash"/>
    /// as UTF-8 bytes, no string made (a delta sync needs the hashes alone, kept as its request's
    /// list: <see cref="ReadHashesOfAsync"/> tells each page's previous ones).
    /// </summary>
    /// <returns>How many hashes were read.</returns>
    Task<int> ReadHeldHashesAsync(SyncScope scope, Utf8TextSink addHash, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads the content hash the scope holds for each of a page's ids (upserted or deleted) that it
    /// holds, keyed by sentera id (ordinal); an id it does not hold is absent.
    /// </summary>
    Task<Dictionary<string, string>> ReadHashesOfAsync(SyncScope scope, PageRows page, CancellationToken cancellationToken = default);

    /// <summary>
    /// Raised after each committed change: every page applied, and every reset (the sync engine
    /// stops its running syncs of a scope that was reset at once, instead of at their next write).
    /// </summary>
    event EventHandler<FlightTasksChangedEventArgs>? Changed;

    /// <summary>Takes a <see cref="SyncClaim"/> for a sync of the scope, as the sync is called (before it waits for the scope).</summary>
    Task<SyncClaim> ClaimAsync(SyncScope scope, CancellationToken cancellationToken = default);

    /// <summary>Lets a sync's claim go, as the sync ends.</summary>
    Task ReleaseAsync(SyncClaim claim, CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies one page in one transaction: records the scope, upserts every row, deletes every id.
    /// The page was checked as it was built (<see cref="PageRows"/>); a failure or a cancellation
    /// before the commit leaves the store exactly as it was. With a <paramref name="claim"/>, nothing
    /// is written unless the claim is still there (checked under the write lock). The page stays
    /// the caller's to dispose, once this has ended.
    /// </summary>
    /// <exception cref="OperationCanceledException">Canceled before the commit; nothing is written.</exception>
    /// <exception cref="ScopeClaimLostException">The claim is gone (the scope was reset, the file removed or replaced); nothing is written.</exception>
    Task<PageWriteResult> ApplyPageAsync(SyncScope scope, PageRows page, SyncClaim? claim = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records that a sync of the scope reached the end (<c>remaining_count</c> 0): the scope is idle
    /// and its last error forgotten; a full resync also records <paramref name="completedAt"/> as its end.
    /// </summary>
    /// <exception cref="ScopeClaimLostException">The claim is gone; nothing is written.</exception>
    Task MarkSyncCompletedAsync(SyncScope scope, DateTimeOffset completedAt, bool fullResync = false, SyncClaim? claim = null, CancellationToken cancellationToken = default);

    /// <summary>Records that a sync of the scope started.</summary>
    /// <exception cref="ScopeClaimLostException">The claim is gone; nothing is written.</exception>
    Task MarkSyncStartedAsync(SyncScope scope, SyncClaim? claim = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records that a sync of the scope ended without completing: failed (with the error's kind
    /// and message) or, when <paramref name="errorKind"/> is <see cref="SyncErrorKind.None"/>, canceled
    /// (back to idle). Returns <see langword="false"/>, writing nothing, when the claim is gone.
    /// </summary>
    Task<bool> MarkSyncEndedAsync(SyncScope scope, SyncErrorKind errorKind, string? errorMessage, SyncClaim? claim = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads the scope's persisted sync status, or <see langword="null"/> for a scope never synced;
    /// with <paramref name="countTasks"/>, also how many tasks it holds (a scan of an index of them),
    /// else <see cref="ScopeSyncRecord.TasksHeld"/> is <see langword="null"/>.
    /// </summary>
    Task<ScopeSyncRecord?> ReadSyncRecordAsync(SyncScope scope, bool countTasks, CancellationToken cancellationToken = default);
}
