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

    private readonly SqliteCommand _upsert;
    private readonly SqliteParameter[] _upsertValues;
    private readonly SqliteCommand _delete;
    private readonly SqliteParameter _deleteId;
    private readonly long _scopeId;
    private readonly long _syncedAt;

    private PageWriter(SqliteConnection connection, SqliteTransaction transaction, long scopeId, long syncedAt)
    {
        _scopeId = scopeId;
        _syncedAt = syncedAt;

        _upsert = CreateCommand(connection, transaction, UpsertSql);
        _upsert.Parameters.AddWithValue("$scope_id", scopeId);
        _upsertValues = [.. FlightTaskColumns.Names.Select(name => _upsert.Parameters.Add(new SqliteParameter("$" + name, DBNull.Value)))];
        _upsert.Prepare();

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

    /// <summary>Counts how many of <paramref name="tasks"/> the scope holds already (they will be updates).</summary>
    public async Task<int> CountHeldAsync(IReadOnlyList<FlightTask> tasks, CancellationToken cancellationToken)
    {
        if (tasks.Count == 0)
        {
            return 0;
        }

        using var command = CreateCommand(_upsert.Connection!, _upsert.Transaction!, CountHeldSql);
        command.Parameters.AddWithValue("$scope_id", _scopeId);
        command.Parameters.AddWithValue("$ids", ToJsonArray(tasks, []));
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    /// <summary>Inserts the task, or replaces the row held for its id.</summary>
    /// <remarks>
    /// Synchronous on purpose: Microsoft.Data.Sqlite runs its async methods synchronously, so an
    /// async call per row only adds a task and a state machine to each of a page's 2,000 rows.
    /// </remarks>
    public void Upsert(FlightTask task)
    {
        // Same order as FlightTaskColumns.Names.
        var values = _upsertValues;
        values[0].Value = task.SenteraId;
        values[1].Value = task.ContentHash;
        values[2].Value = task.Name;
        values[3].Value = task.StatusValue;
        values[4].Value = (object?)ServerEnumValues.ToServer(task.Provider) ?? DBNull.Value;
        values[5].Value = (object?)task.Notes ?? DBNull.Value;
        values[6].Value = (object?)task.OrganizationSenteraId ?? DBNull.Value;
        values[7].Value = (object?)task.FieldSenteraId ?? DBNull.Value;
        values[8].Value = (object?)task.PlanSenteraId ?? DBNull.Value;
        values[9].Value = (object?)task.SurveySenteraId ?? DBNull.Value;
        values[10].Value = (object?)task.AssignedToSenteraId ?? DBNull.Value;
        values[11].Value = (object?)task.CompletedBySenteraId ?? DBNull.Value;
        values[12].Value = task.CreatedBySenteraId;
        values[13].Value = (object?)task.UpdatedBySenteraId ?? DBNull.Value;
        values[14].Value = StoredTime.ToStored(task.CreatedAt);
        values[15].Value = StoredTime.ToStored(task.UpdatedAt);
        values[16].Value = StoredTime.ToStoredOrNull(task.ScheduledAt);
        values[17].Value = StoredTime.ToStoredOrNull(task.TargetedAt);
        values[18].Value = StoredTime.ToStoredOrNull(task.DueAt);
        values[19].Value = StoredTime.ToStoredOrNull(task.StartedAt);
        values[20].Value = StoredTime.ToStoredOrNull(task.CompletedAt);
        values[21].Value = StoredTime.ToStoredOrNull(task.CanceledAt);
        values[22].Value = task.RawJson;
        values[23].Value = _syncedAt;
        _upsert.ExecuteNonQuery();
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
    internal static string ToJsonArray(IReadOnlyList<FlightTask> upserted, IReadOnlyList<string> deletedIds)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var task in upserted)
            {
                json.WriteStringValue(task.SenteraId);
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
