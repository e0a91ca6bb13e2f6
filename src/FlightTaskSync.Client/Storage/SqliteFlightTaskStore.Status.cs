using Microsoft.Data.Sqlite;

namespace FlightTaskSync.Client.Storage;

/// <summary>The store's side of the sync status: one row of <c>sync_scopes</c> per scope.</summary>
internal sealed partial class SqliteFlightTaskStore
{
    /// <inheritdoc/>
    public async Task MarkSyncCompletedAsync(
        SyncScope scope, DateTimeOffset completedAt, bool fullResync = false, SyncClaim? claim = null, CancellationToken cancellationToken = default)
    {
        // Before the sync reports completion, its deferred list indexes are built.
        await EndSyncIndexingAsync(scope, cancellationToken).ConfigureAwait(false);
        var generation = _database.FileGeneration;
        var recorded = await ExecuteScopeCommandAsync(scope, ScopeSql.RecordCompleted, command =>
        {
            command.Parameters.AddWithValue("$completed", StoredTime.ToStored(completedAt));
            command.Parameters.AddWithValue("$full", fullResync ? StoredTime.ToStored(completedAt) : DBNull.Value);
        }, claim, cancellationToken, confirmFile: true).ConfigureAwait(false);
        if (!recorded)
        {
            throw ClaimLost(scope, claim!.Value);
        }

        // A sync never reports success for tasks in no file: removed between the check and the commit, it is not over.
        if (claim is not null && !File.Exists(_database.Path))
        {
            throw FileGone(scope, generation);
        }
    }

    /// <inheritdoc/>
    public async Task MarkSyncStartedAsync(SyncScope scope, SyncClaim? claim = null, CancellationToken cancellationToken = default)
    {
        if (!await ExecuteScopeCommandAsync(scope, ScopeSql.RecordStarted, _ => { }, claim, cancellationToken).ConfigureAwait(false))
        {
            throw ClaimLost(scope, claim!.Value);
        }

        await StartSyncIndexingAsync(scope, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<bool> MarkSyncEndedAsync(
        SyncScope scope, SyncErrorKind errorKind, string? errorMessage, SyncClaim? claim = null, CancellationToken cancellationToken = default)
    {
        var recorded = await ExecuteScopeCommandAsync(scope, ScopeSql.RecordEnded, command =>
        {
            var failed = errorKind != SyncErrorKind.None;
            command.Parameters.AddWithValue("$state", failed ? "failed" : "idle");
            command.Parameters.AddWithValue("$failed", failed ? StoredTime.ToStored(_timeProvider.GetUtcNow()) : DBNull.Value);
            command.Parameters.AddWithValue("$error_kind", failed ? (int)errorKind : DBNull.Value);
            command.Parameters.AddWithValue("$error_message", failed ? (object?)errorMessage ?? string.Empty : DBNull.Value);
        }, claim, cancellationToken).ConfigureAwait(false);

        // However it ended (the scope reset included), a deferral of its list indexes ends too.
        await EndSyncIndexingAsync(scope, cancellationToken).ConfigureAwait(false);
        return recorded;
    }

    /// <inheritdoc/>
    public async Task<ScopeSyncRecord?> ReadSyncRecordAsync(SyncScope scope, bool countTasks, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        try
        {
            var connection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                using var command = connection.CreateCommand();
                command.CommandText = countTasks ? ScopeSql.ReadStatus : ScopeSql.ReadStatusUncounted;
                ScopeSql.AddParameters(command, scope);
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        return null;
                    }

                    return new ScopeSyncRecord(
                        reader.GetString(0),
                        StoredTime.FromStored(reader.GetInt64(1)),
                        Time(reader, 2),
                        Time(reader, 3),
                        Time(reader, 4),
                        Enum.IsDefined((SyncErrorKind)reader.GetInt32(5)) ? (SyncErrorKind)reader.GetInt32(5) : SyncErrorKind.Other,
                        reader.IsDBNull(6) ? null : reader.GetString(6),
                        Time(reader, 7),
                        reader.IsDBNull(8) ? null : reader.GetInt32(8));
                }
            }
        }
        catch (Exception exception) when (StoreFailure.IsStoreFailure(exception))
        {
            throw StoreFailure.Wrap(_database.Path, "read", exception);
        }
    }

    private static DateTimeOffset? Time(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : StoredTime.FromStored(reader.GetInt64(ordinal));

    /// <summary>
    /// Runs one statement on the scope's row; with a <paramref name="claim"/>, in a transaction that
    /// first checks the claim is still there, and returns <see langword="false"/> (nothing written) when it is not;
    /// with <paramref name="confirmFile"/>, also that the file at the path is the one written.
    /// </summary>
    private async Task<bool> ExecuteScopeCommandAsync(
        SyncScope scope, string sql, Action<SqliteCommand> bind, SyncClaim? claim, CancellationToken cancellationToken, bool confirmFile = false)
    {
        ArgumentNullException.ThrowIfNull(scope);
        try
        {
            var generation = _database.FileGeneration;
            var connection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                using var transaction = connection.BeginTransaction();
                if (claim is { } held && !await IsClaimedAsync(connection, transaction, scope, held, cancellationToken).ConfigureAwait(false))
                {
                    return false;
                }

                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = sql;
                ScopeSql.AddParameters(command, scope);
                command.Parameters.AddWithValue("$now", StoredTime.ToStored(_timeProvider.GetUtcNow()));
                bind(command);
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                if (confirmFile && claim is { } claimed)
                {
                    await EnsureFileAtPathAsync(scope, claimed, generation, cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return true;
            }
        }
        catch (Exception exception) when (StoreFailure.IsStoreFailure(exception))
        {
            throw StoreFailure.Wrap(_database.Path, "written", exception);
        }
    }
}
