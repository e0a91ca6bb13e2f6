namespace FlightTaskSync.Client.Storage;

/// <summary>
/// The store's side of <see cref="IndexDeferral"/>: at the start of a sync, a first sync into a
/// store holding no task drops the <see cref="ListIndexes"/>; at the end of the last such sync
/// they are built once. Any other sync's start and end build them if they are missing and no
/// deferral is running (one that a killed process left unfinished).
/// </summary>
/// <remarks>
/// Each of the 2,000 rows of a page otherwise updates nine B-trees (the table, its primary key,
/// six list indexes, the hash index), the index entries at scattered places that outgrow the page
/// cache as the store grows. While deferred, lists and counts of the scope scan its rows (correct,
/// slower); lookups by id and the sync's own reads use the primary key.
/// </remarks>
internal sealed partial class SqliteFlightTaskStore
{
    /// <summary>
    /// Called as a sync of <paramref name="scope"/> starts (its status recorded): defers the
    /// indexes when the store holds no task, else builds any that are missing and not deferred.
    /// </summary>
    private async Task StartSyncIndexingAsync(SyncScope scope, CancellationToken cancellationToken)
    {
        var deferral = _database.IndexDeferral;
        await deferral.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var connection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                // Read first: a store holding tasks (every sync but the first) takes no write lock here.
                // Then under BEGIN IMMEDIATE: no page of another connection commits between the check and the drop.
                using (var transaction = await ListIndexes.StoreIsEmptyAsync(connection, null, cancellationToken).ConfigureAwait(false)
                    ? connection.BeginTransaction()
                    : null)
                {
                    if (transaction is not null && await ListIndexes.StoreIsEmptyAsync(connection, transaction, cancellationToken).ConfigureAwait(false))
                    {
                        if (deferral.IsDeferringHere)
                        {
                            // Another first sync of this instance started on the empty store: its end builds them.
                            deferral.Join(scope);
                            return;
                        }

                        if (!deferral.TryTakeMarker())
                        {
                            // Deferred by another process on the same file: built when it ends.
                            return;
                        }

                        try
                        {
                            await ListIndexes.ExecuteAsync(connection, transaction, ListIndexes.DropSql, cancellationToken).ConfigureAwait(false);
                            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                        }
                        catch
                        {
                            deferral.ReleaseMarker();
                            throw;
                        }

                        deferral.Join(scope);
                        StoreLog.IndexesDeferred(_logger, scope);
                        return;
                    }
                }

                if (!deferral.IsInProgressAnywhere())
                {
                    await BuildMissingIndexesAsync(connection, scope, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            deferral.Gate.Release();
        }
    }

    /// <summary>
    /// Called as a sync of <paramref name="scope"/> ends, completed or not: when it was the last
    /// sync writing with the indexes deferred, builds them (before the sync reports completion)
    /// and lets the marker go; when no deferral runs, builds any that are missing.
    /// </summary>
    private async Task EndSyncIndexingAsync(SyncScope scope, CancellationToken cancellationToken)
    {
        var deferral = _database.IndexDeferral;
        await deferral.Gate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            var wasDeferring = deferral.Leave(scope, out var wasLast);
            if (wasDeferring ? !wasLast : deferral.IsInProgressAnywhere())
            {
                return;
            }

            try
            {
                var connection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                await using (connection.ConfigureAwait(false))
                {
                    await BuildMissingIndexesAsync(connection, scope, cancellationToken).ConfigureAwait(false);
                }
            }
            finally
            {
                // Built or not (a failure, a cancellation): either way the deferral is over, and
                // whoever starts or ends a sync next, here or in another process, builds what is missing.
                if (wasDeferring)
                {
                    deferral.ReleaseMarker();
                }
            }
        }
        finally
        {
            deferral.Gate.Release();
        }
    }

    private async Task BuildMissingIndexesAsync(Microsoft.Data.Sqlite.SqliteConnection connection, SyncScope scope, CancellationToken cancellationToken)
    {
        if (await ListIndexes.AreCompleteAsync(connection, null, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        StoreLog.Indexing(_logger, scope);
        var started = _timeProvider.GetTimestamp();
        if (await ListIndexes.BuildMissingAsync(connection, cancellationToken).ConfigureAwait(false))
        {
            var duration = _timeProvider.GetElapsedTime(started);
            StoreLog.Indexed(_logger, scope, duration);
        }
    }
}
