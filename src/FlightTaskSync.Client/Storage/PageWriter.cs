using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace FlightTaskSync.Client.Storage;

/// <summary>
/// The prepared commands that write one page to one scope inside the page's transaction: made
/// and prepared once per page, then run once per task with only the parameter values changing.
/// </summary>
internal sealed class PageWriter : IDisposable
{
    private static readonly string UpsertSql = BuildUpsertSql();

    private const string DeleteSql = "DELETE FROM flight_tasks WHERE scope_id = $scope_id AND sentera_id = $sentera_id;";

    // How many of the given ids the scope already holds: tells inserts from updates in one query.
    private const string CountHeldSql =
        "SELECT count(*) FROM flight_tasks WHERE scope_id = $scope_id AND sentera_id IN (SELECT value FROM json_each($ids));";

    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly RawStatements _upsert;
    private readonly int[][] _upsertIndexes;
    private readonly SqliteCommand _delete;
    private readonly SqliteParameter _deleteId;
    private readonly long _scopeId;
    private readonly long _syncedAt;

    private PageWriter(SqliteConnection connection, SqliteTransaction transaction, long scopeId, long syncedAt)
    {
        _scopeId = scopeId;
        _syncedAt = syncedAt;

        _connection = connection;
        _transaction = transaction;

        // Prepared on the connection's own handle (inside its transaction), so that each row's raw
        // JSON is bound as the UTF-8 it already is: SqliteParameter would take it only as a string
        // (UTF-16, encoded again) or as a byte[] (stored as a BLOB).
        _upsert = RawStatements.Prepare(connection, UpsertSql);
        try
        {
            _upsert.BindInt64("$scope_id", scopeId);
            _upsertIndexes = [.. FlightTaskColumns.Names.Select(name => _upsert.IndexesOf("$" + name))];
        }
        catch
        {
            _upsert.Dispose();
            throw;
        }

        _delete = CreateCommand(connection, transaction, DeleteSql);
        _delete.Parameters.AddWithValue("$scope_id", scopeId);
        _deleteId = _delete.Parameters.Add(new SqliteParameter("$sentera_id", DBNull.Value));
        _delete.Prepare();
    }

    /// <summary>Records the page in the scope's row (creating it if needed) and prepares the commands.</summary>
    public static async Task<PageWriter> CreateAsync(
        SqliteConnection connection, SqliteTransaction transaction, SyncScope scope, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var stored = StoredTime.ToStored(now);
        using var command = CreateCommand(connection, transaction, ScopeSql.RecordPage);
        ScopeSql.AddParameters(command, scope);
        command.Parameters.AddWithValue("$now", stored);
        var scopeId = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        return new PageWriter(connection, transaction, scopeId, stored);
    }

    /// <summary>
    /// Counts how many of <paramref name="rows"/> the scope holds already (they will be updates). The
    /// sync does not ask: it knows from the hashes it holds (<see cref="PageRows.HeldCount"/>).
    /// </summary>
    public async Task<int> CountHeldAsync(IReadOnlyList<TaskRow> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return 0;
        }

        using var command = CreateCommand(_connection, _transaction, CountHeldSql);
        command.Parameters.AddWithValue("$scope_id", _scopeId);
        command.Parameters.AddWithValue("$ids", ToJsonArray(rows, []));
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    /// <summary>Inserts the row, or replaces the row held for its id.</summary>
    /// <remarks>
    /// Synchronous on purpose: Microsoft.Data.Sqlite runs its async methods synchronously, so an
    /// async call per row only adds a task and a state machine to each of a page's 2,000 rows.
    /// </remarks>
    public void Upsert(TaskRow row)
    {
        // Same order as FlightTaskColumns.Names.
        var upsert = _upsert;
        var at = _upsertIndexes;
        upsert.BindText(at[0], row.SenteraId);
        upsert.BindText(at[1], row.ContentHash);
        upsert.BindText(at[2], row.Name);
        upsert.BindText(at[3], row.Status);
        upsert.BindText(at[4], row.Provider);
        upsert.BindText(at[5], row.Notes);
        upsert.BindText(at[6], row.OrganizationSenteraId);
        upsert.BindText(at[7], row.FieldSenteraId);
        upsert.BindText(at[8], row.PlanSenteraId);
        upsert.BindText(at[9], row.SurveySenteraId);
        upsert.BindText(at[10], row.AssignedToSenteraId);
        upsert.BindText(at[11], row.CompletedBySenteraId);
        upsert.BindText(at[12], row.CreatedBySenteraId);
        upsert.BindText(at[13], row.UpdatedBySenteraId);
        upsert.BindInt64(at[14], StoredTime.ToStored(row.CreatedAt));
        upsert.BindInt64(at[15], StoredTime.ToStored(row.UpdatedAt));
        upsert.BindInt64(at[16], row.ScheduledAt);
        upsert.BindInt64(at[17], row.TargetedAt);
        upsert.BindInt64(at[18], row.DueAt);
        upsert.BindInt64(at[19], row.StartedAt);
        upsert.BindInt64(at[20], row.CompletedAt);
        upsert.BindInt64(at[21], row.CanceledAt);
        upsert.BindUtf8Text(at[22], row.RawJson.Span);
        upsert.BindInt64(at[23], _syncedAt);
        upsert.Execute();
    }

    /// <summary>Deletes the task with this id; returns 1 when a row was removed, 0 when none was held.</summary>
    public async Task<int> DeleteAsync(string senteraId, CancellationToken cancellationToken)
    {
        _deleteId.Value = senteraId;
        return await _delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _upsert.Dispose();
        _delete.Dispose();
    }

    private static SqliteCommand CreateCommand(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    /// <summary>The page's ids (upserted, then deleted) as a JSON array, for <c>json_each</c>.</summary>
    internal static string ToJsonArray(IReadOnlyList<TaskRow> upserted, IReadOnlyList<string> deletedIds)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var row in upserted)
            {
                json.WriteStringValue(row.SenteraId);
            }

            foreach (var id in deletedIds)
            {
                json.WriteStringValue(id);
            }

            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    // Built once from the fixed column list: every value is a parameter.
    private static string BuildUpsertSql()
    {
        var names = FlightTaskColumns.Names;
        return $"""
            INSERT INTO flight_tasks (scope_id, {string.Join(", ", names)})
            VALUES ($scope_id, {string.Join(", ", names.Select(name => "$" + name))})
            ON CONFLICT (scope_id, sentera_id) DO UPDATE SET
                {string.Join(", ", names.Where(name => name != "sentera_id").Select(name => $"{name} = excluded.{name}"))}, first_held_at = CASE WHEN content_hash = '' THEN excluded.synced_at ELSE coalesce(first_held_at, synced_at) END;
            """;
    }
}
