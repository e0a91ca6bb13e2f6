using Microsoft.Data.Sqlite;

namespace FlightTaskSync.Client.Storage;

/// <summary>The store's side of the sync status: one row of <c>sync_scopes</c> per scope.</summary>
internal sealed partial class SqliteFlightTaskStore
{
    /// <inheritdoc/>
    public Task MarkSyncCompletedAsync(SyncScope scope, DateTimeOffset completedAt, bool fullResync = false, CancellationToken cancellationToken = default) =>
        ExecuteScopeCommandAsync(scope, ScopeSql.RecordCompleted, command =>
        {
            command.Parameters.AddWithValue("$completed", StoredTime.ToStored(completedAt));
            command.Parameters.AddWithValue("$full", fullResync ? StoredTime.ToStored(completedAt) : DBNull.Value);
        }, cancellationToken);

    /// <inheritdoc/>
    public Task MarkSyncStartedAsync(SyncScope scope, CancellationToken cancellationToken = default) =>
        ExecuteScopeCommandAsync(scope, ScopeSql.RecordStarted, _ => { }, cancellationToken);

    /// <inheritdoc/>
    public Task MarkSyncEndedAsync(SyncScope scope, SyncErrorKind errorKind, string? errorMessage, CancellationToken cancellationToken = default) =>
        ExecuteScopeCommandAsync(scope, ScopeSql.RecordEnded, command =>
        {
            var failed = errorKind != SyncErrorKind.None;
            command.Parameters.AddWithValue("$state", failed ? "failed" : "idle");
            command.Parameters.AddWithValue("$failed", failed ? StoredTime.ToStored(_timeProvider.GetUtcNow()) : DBNull.Value);
            command.Parameters.AddWithValue("$error_kind", failed ? (int)errorKind : DBNull.Value);
            command.Parameters.AddWithValue("$error_message", failed ? (object?)errorMessage ?? string.Empty : DBNull.Value);
        }, cancellationToken);

    /// <inheritdoc/>
    public async Task<ScopeSyncRecord?> ReadSyncRecordAsync(SyncScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        try
        {
            var connection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                using var command = connection.CreateCommand();
                command.CommandText = ScopeSql.ReadStatus;
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
                        reader.GetInt32(8));
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

    private async Task ExecuteScopeCommandAsync(SyncScope scope, string sql, Action<SqliteCommand> bind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        try
        {
            var connection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                using var command = connection.CreateCommand();
                command.CommandText = sql;
                ScopeSql.AddParameters(command, scope);
                command.Parameters.AddWithValue("$now", StoredTime.ToStored(_timeProvider.GetUtcNow()));
                bind(command);
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (StoreFailure.IsStoreFailure(exception))
        {
            throw StoreFailure.Wrap(_database.Path, "written", exception);
        }
    }
}
