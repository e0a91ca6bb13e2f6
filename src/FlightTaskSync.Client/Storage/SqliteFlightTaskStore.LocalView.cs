using System.Globalization;
using FlightTaskSync.Client.Editing;
using FlightTaskSync.Client.Storage.Outbox;
using Microsoft.Data.Sqlite;

namespace FlightTaskSync.Client.Storage;

/// <summary>
/// The local view: flight_tasks holds each task as reads show it (the server's row with the
/// scope's pending edits applied, or a task created offline), so that reads need no change and
/// keep their indexes. The server's row as last pulled of a task whose view differs is kept in
/// pulled_rows; outbox_edits is the queue. Every change of the view recomputes the task from
/// those, in the transaction of the change.
/// </summary>
internal sealed partial class SqliteFlightTaskStore : ILocalEditStore
{
    /// <summary>
    /// The stored state of an edit the server applied whose effect the view keeps showing until a
    /// pull brings the task: not queued (never read as an <see cref="OutboxEdit"/>), still applied.
    /// </summary>
    private const int AppliedState = 3;

    private static readonly string WriteViewRowSql = BuildWriteViewRowSql();

    private static readonly string ReadViewRowSql =
        $"SELECT {FlightTaskColumns.SelectList}, first_held_at FROM flight_tasks WHERE scope_id = $scope_id AND sentera_id = $sentera_id;";

    private static readonly string ReadPulledRowSql =
        $"SELECT {string.Join(", ", FlightTaskColumns.Names)}, 0, first_held_at FROM pulled_rows WHERE scope_id = $scope_id AND sentera_id = $sentera_id;";

    private static readonly string KeepPulledRowSql =
        $"""
        INSERT OR REPLACE INTO pulled_rows (scope_id, {string.Join(", ", FlightTaskColumns.Names)}, first_held_at)
        SELECT scope_id, {string.Join(", ", FlightTaskColumns.Names)}, coalesce(first_held_at, synced_at)
        FROM flight_tasks WHERE scope_id = $scope_id AND sentera_id = $sentera_id;
        """;

    private const string ScopeIdSql = "SELECT scope_id FROM sync_scopes WHERE organization_sentera_id = $organization AND include_descendants = $descendants;";

    private const string EnsureScopeSql = """
        INSERT INTO sync_scopes (organization_sentera_id, include_descendants, created_at) VALUES ($organization, $descendants, $now)
        ON CONFLICT (organization_sentera_id, include_descendants) DO NOTHING;
        """;

    private const string ReadTaskEditsSql =
        "SELECT edit_id, kind, state, made_at, changes, new_task FROM outbox_edits WHERE scope_id = $scope_id AND task_id = $task_id ORDER BY edit_id;";

    private const string InsertEditSql = """
        INSERT INTO outbox_edits (scope_id, task_id, kind, state, made_at, base_content_hash, changes, base_values, new_task)
        VALUES ($scope_id, $task_id, $kind, 0, $made_at, $base_content_hash, $changes, $base_values, $new_task);
        """;

    private const string ListPendingSql = $"""
        SELECT edit_id, task_id, kind, state, made_at, changes, new_task, errors FROM outbox_edits
        WHERE scope_id = {ScopeSql.ScopeIdOf} AND state <> 3 ORDER BY edit_id;
        """;

    // The scope's tasks whose view a page may change: edited, with a pulled row, or with an own hash to learn.
    private const string TasksWithLocalStateSql = """
        SELECT task_id FROM outbox_edits WHERE scope_id = $scope_id
        UNION SELECT sentera_id FROM pulled_rows WHERE scope_id = $scope_id
        UNION SELECT sentera_id FROM own_content_hashes WHERE scope_id = $scope_id AND content_hash IS NULL;
        """;

    /// <inheritdoc/>
    public async Task<FlightTask?> AddEditAsync(SyncScope scope, LocalEdit edit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(edit);
        Exception? refusal = null;
        FlightTask? shown = null;
        try
        {
            var connection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                // Disposed without a commit (a refusal, a failure, a cancellation), the transaction rolls back.
                using var transaction = connection.BeginTransaction();
                var now = _timeProvider.GetUtcNow();
                var scopeId = edit.Kind == PendingEditKind.Create
                    ? await EnsureScopeIdAsync(connection, transaction, scope, now, cancellationToken).ConfigureAwait(false)
                    : await ScopeIdAsync(connection, transaction, scope, cancellationToken).ConfigureAwait(false);
                var current = scopeId is { } id ? await ReadRowAsync(connection, transaction, ReadViewRowSql, id, edit.TaskId, cancellationToken).ConfigureAwait(false) : null;
                refusal = Refusal(edit, current?.Task);
                if (refusal is null)
                {
                    var server = await ReadServerRowAsync(connection, transaction, scopeId!.Value, edit.TaskId, cancellationToken).ConfigureAwait(false);
                    await InsertEditAsync(connection, transaction, scopeId.Value, edit, server, cancellationToken).ConfigureAwait(false);
                    shown = await RecomputeViewAsync(connection, transaction, scopeId.Value, edit.TaskId, now, cancellationToken).ConfigureAwait(false);
                    cancellationToken.ThrowIfCancellationRequested();
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (Exception exception) when (StoreFailure.IsStoreFailure(exception))
        {
            throw StoreFailure.Wrap(_database.Path, "written", exception);
        }

        if (refusal is not null)
        {
            throw refusal;
        }

        RaiseChanged(shown is null
            ? new FlightTasksChangedEventArgs(scope, [], [edit.TaskId], isReset: false)
            : new FlightTasksChangedEventArgs(scope, [edit.TaskId], [], isReset: false));
        return shown;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<PendingEdit>> ListPendingAsync(SyncScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        try
        {
            var connection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                using var command = connection.CreateCommand();
                command.CommandText = ListPendingSql;
                ScopeSql.AddParameters(command, scope);
                var edits = new List<PendingEdit>();
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        var state = (OutboxEditState)reader.GetInt32(3);
                        edits.Add(new PendingEdit
                        {
                            Id = reader.GetInt64(0),
                            TaskId = reader.GetString(1),
                            Kind = (PendingEditKind)reader.GetInt32(2),
                            State = state == OutboxEditState.Rejected ? PendingEditState.Rejected : PendingEditState.Pending,
                            MadeAt = StoredTime.FromStored(reader.GetInt64(4)),
                            Changes = reader.IsDBNull(5) ? null : OutboxJson.ReadChanges(reader.GetString(5)),
                            NewTask = reader.IsDBNull(6) ? null : OutboxJson.ReadNewTask(reader.GetString(6)),
                            Errors = reader.IsDBNull(7) ? [] : OutboxJson.ReadErrors(reader.GetString(7)),
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
    public async Task<bool> DiscardAsync(SyncScope scope, long editId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        string? taskId;
        FlightTask? shown;
        try
        {
            var connection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                using var transaction = connection.BeginTransaction();
                var scopeId = await ScopeIdAsync(connection, transaction, scope, cancellationToken).ConfigureAwait(false);
                var queued = scopeId is { } id ? await ReadQueuedEditAsync(connection, transaction, id, editId, cancellationToken).ConfigureAwait(false) : null;
                if (queued is null)
                {
                    return false;
                }

                taskId = queued.Value.TaskId;
                using (var command = Command(connection, transaction, queued.Value.Kind == PendingEditKind.Create
                    ? "DELETE FROM outbox_edits WHERE scope_id = $scope_id AND task_id = $task_id;"
                    : "DELETE FROM outbox_edits WHERE edit_id = $edit_id;"))
                {
                    command.Parameters.AddWithValue("$scope_id", scopeId!.Value);
                    command.Parameters.AddWithValue("$task_id", taskId);
                    command.Parameters.AddWithValue("$edit_id", editId);
                    await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                shown = await RecomputeViewAsync(connection, transaction, scopeId.Value, taskId, _timeProvider.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (StoreFailure.IsStoreFailure(exception))
        {
            throw StoreFailure.Wrap(_database.Path, "written", exception);
        }

        RaiseChanged(shown is null
            ? new FlightTasksChangedEventArgs(scope, [], [taskId], isReset: false)
            : new FlightTasksChangedEventArgs(scope, [taskId], [], isReset: false));
        return true;
    }

    /// <summary>
    /// The page's part of the local view, in the page's transaction after its upserts and deletes:
    /// a task with pending edits that the page upserted keeps them applied on the new server version
    /// (which goes to pulled_rows); one it deleted leaves the view (its edits stay queued, for the
    /// push to settle); edits applied by a push stop showing once the page brings their task; an own
    /// hash waiting for the next pull takes the page's. One query, answered from indexes, when the
    /// scope has no local state.
    /// </summary>
    private async Task ApplyPageToLocalViewAsync(
        SqliteConnection connection, SqliteTransaction transaction, SyncScope scope, IReadOnlyList<TaskRow> upserted, IReadOnlyList<string> deletedIds,
        CancellationToken cancellationToken)
    {
        if (upserted.Count == 0 && deletedIds.Count == 0)
        {
            return;
        }

        var scopeId = await ScopeIdAsync(connection, transaction, scope, cancellationToken).ConfigureAwait(false);
        if (scopeId is not { } id)
        {
            return;
        }

        var withLocalState = new HashSet<string>(StringComparer.Ordinal);
        using (var command = Command(connection, transaction, TasksWithLocalStateSql))
        {
            command.Parameters.AddWithValue("$scope_id", id);
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    withLocalState.Add(reader.GetString(0));
                }
            }
        }

        if (withLocalState.Count == 0)
        {
            return;
        }

        var now = _timeProvider.GetUtcNow();
        foreach (var task in upserted)
        {
            if (withLocalState.Contains(task.SenteraId))
            {
                await LearnOwnHashAsync(connection, transaction, id, task.SenteraId, task.ContentHash, cancellationToken).ConfigureAwait(false);
                await ForgetServerStateAsync(connection, transaction, id, task.SenteraId, cancellationToken).ConfigureAwait(false);
                await RecomputeViewAsync(connection, transaction, id, task.SenteraId, now, cancellationToken).ConfigureAwait(false);
            }
        }

        foreach (var deletedId in deletedIds)
        {
            if (withLocalState.Contains(deletedId))
            {
                await ForgetServerStateAsync(connection, transaction, id, deletedId, cancellationToken).ConfigureAwait(false);
                await RecomputeViewAsync(connection, transaction, id, deletedId, now, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static async Task LearnOwnHashAsync(
        SqliteConnection connection, SqliteTransaction transaction, long scopeId, string senteraId, string contentHash, CancellationToken cancellationToken)
    {
        using var command = Command(connection, transaction,
            "UPDATE own_content_hashes SET content_hash = $hash WHERE scope_id = $scope_id AND sentera_id = $sentera_id AND content_hash IS NULL;");
        command.Parameters.AddWithValue("$scope_id", scopeId);
        command.Parameters.AddWithValue("$sentera_id", senteraId);
        command.Parameters.AddWithValue("$hash", contentHash);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    // A pull brought the task (or its deletion): the old pulled row and the applied edits shown until then go.
    private static async Task ForgetServerStateAsync(
        SqliteConnection connection, SqliteTransaction transaction, long scopeId, string senteraId, CancellationToken cancellationToken)
    {
        using var command = Command(connection, transaction, """
            DELETE FROM pulled_rows WHERE scope_id = $scope_id AND sentera_id = $sentera_id;
            DELETE FROM outbox_edits WHERE scope_id = $scope_id AND task_id = $sentera_id AND state = 3;
            """);
        command.Parameters.AddWithValue("$scope_id", scopeId);
        command.Parameters.AddWithValue("$sentera_id", senteraId);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static Exception? Refusal(LocalEdit edit, FlightTask? current)
    {
        if (edit.Kind == PendingEditKind.Create)
        {
            return current is null ? null : new InvalidOperationException($"The scope already holds a task {edit.TaskId}: a new task needs a new local id.");
        }

        if (current is null)
        {
            return new KeyNotFoundException($"The scope holds no task {edit.TaskId} (never synced, deleted, or deleted by a pending edit).");
        }

        return edit.Kind == PendingEditKind.Begin && current.Status != FlightTaskStatus.Open
            ? new InvalidOperationException($"Task {edit.TaskId} cannot begin: it is {current.StatusValue}, and only an OPEN task begins.")
            : null;
    }

    private static async Task InsertEditAsync(
        SqliteConnection connection, SqliteTransaction transaction, long scopeId, LocalEdit edit, FlightTask? server, CancellationToken cancellationToken)
    {
        using var command = Command(connection, transaction, InsertEditSql);
        command.Parameters.AddWithValue("$scope_id", scopeId);
        command.Parameters.AddWithValue("$task_id", edit.TaskId);
        command.Parameters.AddWithValue("$kind", (int)edit.Kind);
        command.Parameters.AddWithValue("$made_at", StoredTime.ToStored(edit.MadeAt));
        command.Parameters.AddWithValue("$base_content_hash", (object?)server?.ContentHash ?? DBNull.Value);
        command.Parameters.AddWithValue("$changes", edit.Changes is { } changes ? OutboxJson.WriteChanges(changes) : DBNull.Value);
        command.Parameters.AddWithValue("$base_values", edit.Changes is { } changed && server is not null
            ? OutboxJson.WriteChanges(LocalViewRules.BaseValues(server, changed))
            : DBNull.Value);
        command.Parameters.AddWithValue("$new_task", edit.NewTask is { } task ? OutboxJson.WriteNewTask(task) : DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes the task's view from its server row (or its create) and its edits not rejected, keeps
    /// the server row in pulled_rows while the view differs from it, and returns the task as reads
    /// now show it (null when hidden or absent).
    /// </summary>
    private static async Task<FlightTask?> RecomputeViewAsync(
        SqliteConnection connection, SqliteTransaction transaction, long scopeId, string taskId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var edits = await ReadTaskEditsAsync(connection, transaction, scopeId, taskId, cancellationToken).ConfigureAwait(false);
        var create = edits.FirstOrDefault(e => e.Kind == PendingEditKind.Create);
        var pulled = await ReadRowAsync(connection, transaction, ReadPulledRowSql, scopeId, taskId, cancellationToken).ConfigureAwait(false);
        var current = await ReadRowAsync(connection, transaction, ReadViewRowSql, scopeId, taskId, cancellationToken).ConfigureAwait(false);

        FlightTask view;
        long? firstHeldAt = null;
        bool baseIsServer;
        if (create is not null)
        {
            var newTask = OutboxJson.ReadNewTask(create.NewTask!);
            view = LocalViewRules.Created(taskId, newTask, create.MadeAt, create.NewTask!);
            baseIsServer = false;
        }
        else if (pulled is not null)
        {
            (view, firstHeldAt) = pulled.Value;
            baseIsServer = true;
        }
        else if (current is { } row && (row.Task.ContentHash.Length > 0 || !LocalTaskId.IsLocal(taskId)))
        {
            view = row.Task;
            baseIsServer = row.Task.ContentHash.Length > 0;
        }
        else
        {
            // Nothing to show: a task the server deleted, or a local task whose create is gone.
            if (current is not null)
            {
                await DeleteViewRowAsync(connection, transaction, scopeId, taskId, cancellationToken).ConfigureAwait(false);
            }

            return null;
        }

        var hidden = false;
        var applied = 0;
        foreach (var edit in edits.Where(e => e.Kind != PendingEditKind.Create && e.State != (int)OutboxEditState.Rejected))
        {
            applied++;
            switch (edit.Kind)
            {
                case PendingEditKind.Delete: hidden = true; break;
                case PendingEditKind.Begin: view = LocalViewRules.Begun(view, edit.MadeAt); break;
                case PendingEditKind.Update: view = LocalViewRules.Updated(view, OutboxJson.ReadChanges(edit.Changes!)); break;
            }
        }

        var pending = edits.Any(e => e.State is (int)OutboxEditState.Pending or (int)OutboxEditState.Sending)
            || (create is not null && create.State != AppliedState);
        if (baseIsServer)
        {
            if (applied > 0 && pulled is null)
            {
                using var keep = Command(connection, transaction, KeepPulledRowSql);
                keep.Parameters.AddWithValue("$scope_id", scopeId);
                keep.Parameters.AddWithValue("$sentera_id", taskId);
                await keep.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            else if (applied == 0 && pulled is not null)
            {
                using var drop = Command(connection, transaction, "DELETE FROM pulled_rows WHERE scope_id = $scope_id AND sentera_id = $sentera_id;");
                drop.Parameters.AddWithValue("$scope_id", scopeId);
                drop.Parameters.AddWithValue("$sentera_id", taskId);
                await drop.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        if (hidden)
        {
            if (current is not null)
            {
                await DeleteViewRowAsync(connection, transaction, scopeId, taskId, cancellationToken).ConfigureAwait(false);
            }

            return null;
        }

        view = LocalViewRules.WithView(view, pending, now);
        await WriteViewRowAsync(connection, transaction, scopeId, view, firstHeldAt, cancellationToken).ConfigureAwait(false);
        return view;
    }

    private static async Task DeleteViewRowAsync(SqliteConnection connection, SqliteTransaction transaction, long scopeId, string taskId, CancellationToken cancellationToken)
    {
        using var command = Command(connection, transaction, "DELETE FROM flight_tasks WHERE scope_id = $scope_id AND sentera_id = $sentera_id;");
        command.Parameters.AddWithValue("$scope_id", scopeId);
        command.Parameters.AddWithValue("$sentera_id", taskId);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task WriteViewRowAsync(
        SqliteConnection connection, SqliteTransaction transaction, long scopeId, FlightTask task, long? firstHeldAt, CancellationToken cancellationToken)
    {
        using var command = Command(connection, transaction, WriteViewRowSql);
        command.Parameters.AddWithValue("$scope_id", scopeId);
        object?[] values =
        [
            task.SenteraId, task.ContentHash, task.Name, task.StatusValue, ServerEnumValues.ToServer(task.Provider), task.Notes,
            task.OrganizationSenteraId, task.FieldSenteraId, task.PlanSenteraId, task.SurveySenteraId,
            task.AssignedToSenteraId, task.CompletedBySenteraId, task.CreatedBySenteraId, task.UpdatedBySenteraId,
            StoredTime.ToStored(task.CreatedAt), StoredTime.ToStored(task.UpdatedAt), StoredTime.ToStoredOrNull(task.ScheduledAt),
            StoredTime.ToStoredOrNull(task.TargetedAt), StoredTime.ToStoredOrNull(task.DueAt), StoredTime.ToStoredOrNull(task.StartedAt),
            StoredTime.ToStoredOrNull(task.CompletedAt), StoredTime.ToStoredOrNull(task.CanceledAt),
            task.RawJson ?? "{}", StoredTime.ToStored(task.SyncedAt),
        ];
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters.AddWithValue("$" + FlightTaskColumns.Names[i], values[i] ?? DBNull.Value);
        }

        command.Parameters.AddWithValue("$has_pending_edits", task.HasPendingEdits ? 1 : 0);
        command.Parameters.AddWithValue("$first_held_at", (object?)firstHeldAt ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    // A task created offline has no first-held time (it was not pulled); a server row keeps its own.
    private static string BuildWriteViewRowSql()
    {
        var names = FlightTaskColumns.Names;
        return $"""
            INSERT INTO flight_tasks (scope_id, {string.Join(", ", names)}, has_pending_edits, first_held_at)
            VALUES ($scope_id, {string.Join(", ", names.Select(name => "$" + name))}, $has_pending_edits,
                    CASE WHEN $content_hash = '' THEN NULL ELSE $first_held_at END)
            ON CONFLICT (scope_id, sentera_id) DO UPDATE SET
                {string.Join(", ", names.Where(name => name != "sentera_id").Select(name => $"{name} = excluded.{name}"))},
                has_pending_edits = excluded.has_pending_edits,
                first_held_at = CASE WHEN excluded.content_hash = '' THEN NULL ELSE coalesce(excluded.first_held_at, first_held_at, synced_at) END;
            """;
    }

    private static async Task<IReadOnlyList<TaskEdit>> ReadTaskEditsAsync(
        SqliteConnection connection, SqliteTransaction transaction, long scopeId, string taskId, CancellationToken cancellationToken)
    {
        using var command = Command(connection, transaction, ReadTaskEditsSql);
        command.Parameters.AddWithValue("$scope_id", scopeId);
        command.Parameters.AddWithValue("$task_id", taskId);
        var edits = new List<TaskEdit>();
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                edits.Add(new TaskEdit(
                    reader.GetInt64(0),
                    (PendingEditKind)reader.GetInt32(1),
                    reader.GetInt32(2),
                    StoredTime.FromStored(reader.GetInt64(3)),
                    reader.IsDBNull(4) ? null : reader.GetString(4),
                    reader.IsDBNull(5) ? null : reader.GetString(5)));
            }
        }

        return edits;
    }

    private static async Task<(string TaskId, PendingEditKind Kind, int State)?> ReadQueuedEditAsync(
        SqliteConnection connection, SqliteTransaction transaction, long scopeId, long editId, CancellationToken cancellationToken)
    {
        using var command = Command(connection, transaction,
            "SELECT task_id, kind, state FROM outbox_edits WHERE scope_id = $scope_id AND edit_id = $edit_id AND state <> 3;");
        command.Parameters.AddWithValue("$scope_id", scopeId);
        command.Parameters.AddWithValue("$edit_id", editId);
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
                ? (reader.GetString(0), (PendingEditKind)reader.GetInt32(1), reader.GetInt32(2))
                : null;
        }
    }

    /// <summary>The server's row of the task as last pulled: pulled_rows, or else the view's row when it is a pulled one.</summary>
    private static async Task<FlightTask?> ReadServerRowAsync(
        SqliteConnection connection, SqliteTransaction transaction, long scopeId, string taskId, CancellationToken cancellationToken)
    {
        if (await ReadRowAsync(connection, transaction, ReadPulledRowSql, scopeId, taskId, cancellationToken).ConfigureAwait(false) is { } pulled)
        {
            return pulled.Task;
        }

        return await ReadRowAsync(connection, transaction, ReadViewRowSql, scopeId, taskId, cancellationToken).ConfigureAwait(false) is { } row
            && row.Task.ContentHash.Length > 0
            ? row.Task
            : null;
    }

    private static async Task<(FlightTask Task, long? FirstHeldAt)?> ReadRowAsync(
        SqliteConnection connection, SqliteTransaction transaction, string sql, long scopeId, string taskId, CancellationToken cancellationToken)
    {
        using var command = Command(connection, transaction, sql);
        command.Parameters.AddWithValue("$scope_id", scopeId);
        command.Parameters.AddWithValue("$sentera_id", taskId);
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            var firstHeld = FlightTaskColumns.HasPendingEditsOrdinal + 1;
            return (FlightTaskRowReader.Read(reader), reader.IsDBNull(firstHeld) ? null : reader.GetInt64(firstHeld));
        }
    }

    private static async Task<long?> ScopeIdAsync(SqliteConnection connection, SqliteTransaction transaction, SyncScope scope, CancellationToken cancellationToken)
    {
        using var command = Command(connection, transaction, ScopeIdSql);
        ScopeSql.AddParameters(command, scope);
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is null or DBNull ? null : Convert.ToInt64(value, CultureInfo.InvariantCulture);
    }

    private static async Task<long?> EnsureScopeIdAsync(
        SqliteConnection connection, SqliteTransaction transaction, SyncScope scope, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using (var command = Command(connection, transaction, EnsureScopeSql))
        {
            ScopeSql.AddParameters(command, scope);
            command.Parameters.AddWithValue("$now", StoredTime.ToStored(now));
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return await ScopeIdAsync(connection, transaction, scope, cancellationToken).ConfigureAwait(false);
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private sealed record TaskEdit(long Id, PendingEditKind Kind, int State, DateTimeOffset MadeAt, string? Changes, string? NewTask);
}
