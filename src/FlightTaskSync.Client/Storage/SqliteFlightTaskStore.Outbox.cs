using System.Globalization;
using FlightTaskSync.Client.Editing;
using FlightTaskSync.Client.Storage.Outbox;
using Microsoft.Data.Sqlite;

namespace FlightTaskSync.Client.Storage;

/// <summary>The push's side of the outbox: <see cref="IOutboxStore"/> over outbox_edits, pulled_rows and own_content_hashes.</summary>
internal sealed partial class SqliteFlightTaskStore : IOutboxStore
{
    private const string ReadEditsSql = $"""
        SELECT edit_id, task_id, kind, state, made_at, base_content_hash, changes, base_values, new_task, first_sent_at, errors
        FROM outbox_edits WHERE scope_id = {ScopeSql.ScopeIdOf} AND state <> 3 ORDER BY edit_id;
        """;

    private const string MarkSendingSql = $"""
        UPDATE outbox_edits SET state = 1, first_sent_at = coalesce(first_sent_at, $sent_at)
        WHERE scope_id = {ScopeSql.ScopeIdOf} AND state <> 3 AND edit_id IN (SELECT value FROM json_each($ids));
        """;

    // The server's rows as last pulled: pulled_rows where the view differs, else the view's row (a
    // pulled one: never a task created offline, whose hash is empty), with the own hash when known.
    private static readonly string ServerRowsByIdSql = BuildServerRowsSql("{0}.sentera_id IN (SELECT value FROM json_each($ids))");

    private static readonly string ServerRowsFirstHeldSinceSql = BuildServerRowsSql("coalesce({0}.first_held_at, {0}.synced_at) >= $since");

    /// <inheritdoc/>
    public async Task<IReadOnlyList<OutboxEdit>> ReadEditsAsync(SyncScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        try
        {
            var connection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                using var command = connection.CreateCommand();
                command.CommandText = ReadEditsSql;
                ScopeSql.AddParameters(command, scope);
                var edits = new List<OutboxEdit>();
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        edits.Add(new OutboxEdit
                        {
                            Id = reader.GetInt64(0),
                            TaskId = reader.GetString(1),
                            Kind = (PendingEditKind)reader.GetInt32(2),
                            State = (OutboxEditState)reader.GetInt32(3),
                            MadeAt = StoredTime.FromStored(reader.GetInt64(4)),
                            BaseContentHash = reader.IsDBNull(5) ? null : reader.GetString(5),
                            Changes = reader.IsDBNull(6) ? null : OutboxJson.ReadChanges(reader.GetString(6)),
                            BaseValues = reader.IsDBNull(7) ? null : OutboxJson.ReadChanges(reader.GetString(7)),
                            NewTask = reader.IsDBNull(8) ? null : OutboxJson.ReadNewTask(reader.GetString(8)),
                            FirstSentAt = reader.IsDBNull(9) ? null : StoredTime.FromStored(reader.GetInt64(9)),
                            Errors = reader.IsDBNull(10) ? [] : OutboxJson.ReadErrors(reader.GetString(10)),
                        });
                    }
                }

                return edits;
            }
        }
        catch (Exception exception) when (StoreFailure.IsStoreFailure(exception))
        {
            throw StoreFailure.Wrap(_database.Path, "read", exception);
        }
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyDictionary<string, ServerTaskState>> ReadServerTasksAsync(
        SyncScope scope, IReadOnlyCollection<string> senteraIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(senteraIds);
        var found = new Dictionary<string, ServerTaskState>(StringComparer.Ordinal);
        if (senteraIds.Count == 0)
        {
            return found;
        }

        var ids = PageWriter.ToJsonArray([], [.. senteraIds]);
        foreach (var state in await ReadServerRowsAsync(scope, ids, since: null, cancellationToken).ConfigureAwait(false))
        {
            found[state.SenteraId] = state;
        }

        return found;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<ServerTaskState>> ReadServerTasksFirstHeldSinceAsync(
        SyncScope scope, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return await ReadServerRowsAsync(scope, ids: null, StoredTime.ToStored(since), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task MarkSendingAsync(SyncScope scope, IReadOnlyCollection<long> editIds, DateTimeOffset sentAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(editIds);
        if (editIds.Count == 0)
        {
            return;
        }

        try
        {
            var connection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                using var transaction = connection.BeginTransaction();
                using var command = Command(connection, transaction, MarkSendingSql);
                ScopeSql.AddParameters(command, scope);
                command.Parameters.AddWithValue("$sent_at", StoredTime.ToStored(sentAt));
                command.Parameters.AddWithValue("$ids", "[" + string.Join(",", editIds) + "]");
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (StoreFailure.IsStoreFailure(exception))
        {
            throw StoreFailure.Wrap(_database.Path, "written", exception);
        }
    }

    /// <inheritdoc/>
    public async Task RecordOutcomesAsync(SyncScope scope, IReadOnlyList<EditOutcome> outcomes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(outcomes);
        if (outcomes.Count == 0)
        {
            return;
        }

        var replaced = new Dictionary<string, string>(StringComparer.Ordinal);
        var upsertedIds = new List<string>();
        var deletedIds = new List<string>();
        try
        {
            var connection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                using var transaction = connection.BeginTransaction();
                if (await ScopeIdAsync(connection, transaction, scope, cancellationToken).ConfigureAwait(false) is not { } scopeId)
                {
                    return;
                }

                var touched = new List<string>();
                foreach (var outcome in outcomes)
                {
                    var task = await RecordOutcomeAsync(connection, transaction, scopeId, outcome, replaced, cancellationToken).ConfigureAwait(false);
                    if (task is not null && !touched.Contains(task, StringComparer.Ordinal))
                    {
                        touched.Add(task);
                    }
                }

                var now = _timeProvider.GetUtcNow();
                foreach (var taskId in touched)
                {
                    var shown = await RecomputeViewAsync(connection, transaction, scopeId, taskId, now, cancellationToken).ConfigureAwait(false);
                    (shown is null ? deletedIds : upsertedIds).Add(taskId);
                }

                deletedIds.AddRange(replaced.Keys);
                cancellationToken.ThrowIfCancellationRequested();
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (StoreFailure.IsStoreFailure(exception))
        {
            throw StoreFailure.Wrap(_database.Path, "written", exception);
        }

        if (upsertedIds.Count > 0 || deletedIds.Count > 0)
        {
            RaiseChanged(new FlightTasksChangedEventArgs(scope, upsertedIds, deletedIds, isReset: false, replaced));
        }
    }

    /// <summary>Records one outcome; returns the id of the task whose view it may change, or null when the edit is no longer queued.</summary>
    private static async Task<string?> RecordOutcomeAsync(
        SqliteConnection connection, SqliteTransaction transaction, long scopeId, EditOutcome outcome, Dictionary<string, string> replaced,
        CancellationToken cancellationToken)
    {
        if (await ReadQueuedEditAsync(connection, transaction, scopeId, outcome.EditId, cancellationToken).ConfigureAwait(false) is not { } edit)
        {
            return null;
        }

        var taskId = edit.TaskId;
        var createReplaced = false;
        if (outcome.NewSenteraId is { } newId && LocalTaskId.IsLocal(taskId))
        {
            createReplaced = await ReplaceLocalIdAsync(connection, transaction, scopeId, taskId, newId, outcome.EditId, cancellationToken).ConfigureAwait(false);
            replaced[taskId] = newId;
            taskId = newId;
        }

        switch (outcome.Kind)
        {
            case EditOutcomeKind.Applied:
                if (edit.Kind != PendingEditKind.Delete)
                {
                    await RecordOwnHashAsync(connection, transaction, scopeId, taskId, outcome.NewContentHash, cancellationToken).ConfigureAwait(false);
                }

                // Shown until a pull brings the task; gone at once when the server's row already is its result.
                var server = await ReadServerRowAsync(connection, transaction, scopeId, taskId, cancellationToken).ConfigureAwait(false);
                var alreadyPulled = (createReplaced && edit.Kind == PendingEditKind.Create) || (outcome.NewContentHash is { } hash && server is not null && string.Equals(server.ContentHash, hash, StringComparison.Ordinal));
                await SetEditAsync(connection, transaction, outcome.EditId, alreadyPulled ? "DELETE FROM outbox_edits WHERE edit_id = $edit_id;" : "UPDATE outbox_edits SET state = 3 WHERE edit_id = $edit_id;", null, cancellationToken).ConfigureAwait(false);
                break;
            case EditOutcomeKind.Rejected:
                await SetEditAsync(connection, transaction, outcome.EditId, "UPDATE outbox_edits SET state = 2, errors = $errors WHERE edit_id = $edit_id;", OutboxJson.WriteErrors(outcome.Errors), cancellationToken).ConfigureAwait(false);
                break;
            case EditOutcomeKind.InDoubt:
                await SetEditAsync(connection, transaction, outcome.EditId, "UPDATE outbox_edits SET state = 1 WHERE edit_id = $edit_id;", null, cancellationToken).ConfigureAwait(false);
                break;
            case EditOutcomeKind.NotSent:
                await SetEditAsync(connection, transaction, outcome.EditId, "UPDATE outbox_edits SET state = 0 WHERE edit_id = $edit_id;", null, cancellationToken).ConfigureAwait(false);
                break;
            case EditOutcomeKind.Dropped:
                await SetEditAsync(connection, transaction, outcome.EditId, "DELETE FROM outbox_edits WHERE edit_id = $edit_id;", null, cancellationToken).ConfigureAwait(false);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(outcome), outcome.Kind, "Not an outcome kind.");
        }

        return taskId;
    }

    /// <summary>
    /// Replaces a local id by the server's id in every edit and the local row. When the scope holds a
    /// pulled row with that id already, the local row is dropped in its favour, and so is the create
    /// (the pulled row is its result): returns true then.
    /// </summary>
    private static async Task<bool> ReplaceLocalIdAsync(
        SqliteConnection connection, SqliteTransaction transaction, long scopeId, string localId, string newId, long createEditId, CancellationToken cancellationToken)
    {
        var pulled = await ReadServerRowAsync(connection, transaction, scopeId, newId, cancellationToken).ConfigureAwait(false) is not null;
        using var command = Command(connection, transaction, pulled
            ? """
              UPDATE outbox_edits SET task_id = $new_id WHERE scope_id = $scope_id AND task_id = $local_id;
              DELETE FROM outbox_edits WHERE scope_id = $scope_id AND task_id = $new_id AND kind = 0;
              DELETE FROM flight_tasks WHERE scope_id = $scope_id AND sentera_id = $local_id;
              """
            : """
              UPDATE outbox_edits SET task_id = $new_id WHERE scope_id = $scope_id AND task_id = $local_id;
              UPDATE flight_tasks SET sentera_id = $new_id WHERE scope_id = $scope_id AND sentera_id = $local_id;
              """);
        command.Parameters.AddWithValue("$scope_id", scopeId);
        command.Parameters.AddWithValue("$local_id", localId);
        command.Parameters.AddWithValue("$new_id", newId);
        command.Parameters.AddWithValue("$edit_id", createEditId);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return pulled;
    }

    // NULL: the next hash a pull brings for the task is this client's own.
    private static async Task RecordOwnHashAsync(
        SqliteConnection connection, SqliteTransaction transaction, long scopeId, string senteraId, string? contentHash, CancellationToken cancellationToken)
    {
        using var command = Command(connection, transaction, """
            INSERT INTO own_content_hashes (scope_id, sentera_id, content_hash) VALUES ($scope_id, $sentera_id, $hash)
            ON CONFLICT (scope_id, sentera_id) DO UPDATE SET content_hash = excluded.content_hash;
            """);
        command.Parameters.AddWithValue("$scope_id", scopeId);
        command.Parameters.AddWithValue("$sentera_id", senteraId);
        command.Parameters.AddWithValue("$hash", (object?)contentHash ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task SetEditAsync(
        SqliteConnection connection, SqliteTransaction transaction, long editId, string sql, string? errors, CancellationToken cancellationToken)
    {
        using var command = Command(connection, transaction, sql);
        command.Parameters.AddWithValue("$edit_id", editId);
        if (errors is not null)
        {
            command.Parameters.AddWithValue("$errors", errors);
        }

        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<ServerTaskState>> ReadServerRowsAsync(SyncScope scope, string? ids, long? since, CancellationToken cancellationToken)
    {
        try
        {
            var connection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                using var command = connection.CreateCommand();
                command.CommandText = ids is null ? ServerRowsFirstHeldSinceSql : ServerRowsByIdSql;
                ScopeSql.AddParameters(command, scope);
                command.Parameters.AddWithValue("$ids", (object?)ids ?? DBNull.Value);
                command.Parameters.AddWithValue("$since", (object?)since ?? DBNull.Value);
                var states = new List<ServerTaskState>();
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    var firstHeld = FlightTaskColumns.HasPendingEditsOrdinal + 1;
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        states.Add(new ServerTaskState
                        {
                            Task = FlightTaskRowReader.Read(reader),
                            FirstHeldAt = StoredTime.FromStored(reader.GetInt64(firstHeld)),
                            OwnContentHash = reader.IsDBNull(firstHeld + 1) ? null : reader.GetString(firstHeld + 1),
                        });
                    }
                }

                return states;
            }
        }
        catch (Exception exception) when (StoreFailure.IsStoreFailure(exception))
        {
            throw StoreFailure.Wrap(_database.Path, "read", exception);
        }
    }

    private static string BuildServerRowsSql(string filter)
    {
        static string Columns(string table) => string.Join(", ", FlightTaskColumns.Names.Select(name => $"{table}.{name}"));
        static string FilterOf(string filter, string table) => string.Format(CultureInfo.InvariantCulture, filter, table);
        return $"""
            WITH s AS {ScopeSql.ScopeIdOf}
            SELECT {Columns("p")}, 0, p.first_held_at, o.content_hash
            FROM pulled_rows p LEFT JOIN own_content_hashes o ON o.scope_id = p.scope_id AND o.sentera_id = p.sentera_id
            WHERE p.scope_id = (SELECT scope_id FROM s) AND {FilterOf(filter, "p")}
            UNION ALL
            SELECT {Columns("f")}, 0, coalesce(f.first_held_at, f.synced_at), o.content_hash
            FROM flight_tasks f LEFT JOIN own_content_hashes o ON o.scope_id = f.scope_id AND o.sentera_id = f.sentera_id
            WHERE f.scope_id = (SELECT scope_id FROM s) AND f.content_hash <> '' AND {FilterOf(filter, "f")}
              AND NOT EXISTS (SELECT 1 FROM pulled_rows q WHERE q.scope_id = f.scope_id AND q.sentera_id = f.sentera_id);
            """;
    }
}
