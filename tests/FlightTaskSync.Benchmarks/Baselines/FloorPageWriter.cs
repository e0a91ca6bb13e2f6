using FlightTaskSync.Client;
using FlightTaskSync.Client.Storage;
using Microsoft.Data.Sqlite;

namespace FlightTaskSync.Benchmarks.Baselines;

/// <summary>
/// The floor of page apply: the same rows upserted into the same table with one prepared
/// command in one transaction, on a connection kept open, with nothing checked or counted.
/// Also fills large stores quickly for the other benchmarks.
/// </summary>
internal sealed class FloorPageWriter : IDisposable
{
    private const string Columns =
        "sentera_id, content_hash, name, status, provider, notes, organization_sentera_id, field_sentera_id, plan_sentera_id, " +
        "survey_sentera_id, assigned_to_sentera_id, completed_by_sentera_id, created_by_sentera_id, updated_by_sentera_id, " +
        "created_at, updated_at, scheduled_at, targeted_at, due_at, started_at, completed_at, canceled_at, raw_json, synced_at";

    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _scope;
    private readonly SqliteCommand _upsert;
    private readonly SqliteParameter[] _values;

    /// <param name="databasePath">A database the SDK has created (so the schema is its own).</param>
    public FloorPageWriter(string databasePath)
    {
        _connection = new SqliteConnection($"Data Source={databasePath};Pooling=False;Foreign Keys=True");
        _connection.Open();
        // The SDK's own connection settings (foreign keys enforced, as the schema declares them,
        // and the same pragmas): the floor differs in code, not in what SQLite is asked to do.
        Execute("PRAGMA synchronous = NORMAL; " + FlightTaskDatabase.PerformancePragmas +
            FlightTaskDatabase.CheckpointPragmaFor(_connection) + Environment.GetEnvironmentVariable("FTS_PRAGMAS"));

        _scope = _connection.CreateCommand();
        _scope.CommandText = """
            INSERT INTO sync_scopes (organization_sentera_id, include_descendants, created_at, last_page_at) VALUES ($org, $desc, $now, $now)
            ON CONFLICT (organization_sentera_id, include_descendants) DO UPDATE SET last_page_at = excluded.last_page_at
            RETURNING scope_id;
            """;
        _scope.Parameters.Add(new SqliteParameter("$org", DBNull.Value));
        _scope.Parameters.Add(new SqliteParameter("$desc", DBNull.Value));
        _scope.Parameters.Add(new SqliteParameter("$now", DBNull.Value));

        var names = Columns.Split(", ");
        _upsert = _connection.CreateCommand();
        _upsert.CommandText =
            $"INSERT INTO flight_tasks (scope_id, {Columns}) VALUES ($scope_id, {string.Join(", ", names.Select(n => "$" + n))}) " +
            $"ON CONFLICT (scope_id, sentera_id) DO UPDATE SET {string.Join(", ", names.Skip(1).Select(n => $"{n} = excluded.{n}"))};";
        _upsert.Parameters.Add(new SqliteParameter("$scope_id", DBNull.Value));
        _values = [.. names.Select(n => _upsert.Parameters.Add(new SqliteParameter("$" + n, DBNull.Value)))];
        _upsert.Prepare();
    }

    /// <summary>Upserts the page's tasks into the scope in one transaction.</summary>
    public void Apply(SyncScope scope, IReadOnlyList<FlightTask> tasks)
    {
        using var transaction = _connection.BeginTransaction();
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        _scope.Transaction = transaction;
        _scope.Parameters[0].Value = scope.OrganizationSenteraId;
        _scope.Parameters[1].Value = scope.IncludeDescendantOrganizations;
        _scope.Parameters[2].Value = now;
        var scopeId = (long)_scope.ExecuteScalar()!;

        _upsert.Transaction = transaction;
        _upsert.Parameters[0].Value = scopeId;
        var v = _values;
        foreach (var task in tasks)
        {
            v[0].Value = task.SenteraId;
            v[1].Value = task.ContentHash;
            v[2].Value = task.Name;
            v[3].Value = task.StatusValue;
            v[4].Value = task.Provider switch
            {
                FlightTaskProvider.Self => "SELF",
                FlightTaskProvider.Sentera => "SENTERA",
                FlightTaskProvider.FlyGuys => "FLY_GUYS",
                _ => DBNull.Value,
            };
            v[5].Value = (object?)task.Notes ?? DBNull.Value;
            v[6].Value = (object?)task.OrganizationSenteraId ?? DBNull.Value;
            v[7].Value = (object?)task.FieldSenteraId ?? DBNull.Value;
            v[8].Value = (object?)task.PlanSenteraId ?? DBNull.Value;
            v[9].Value = (object?)task.SurveySenteraId ?? DBNull.Value;
            v[10].Value = (object?)task.AssignedToSenteraId ?? DBNull.Value;
            v[11].Value = (object?)task.CompletedBySenteraId ?? DBNull.Value;
            v[12].Value = task.CreatedBySenteraId;
            v[13].Value = (object?)task.UpdatedBySenteraId ?? DBNull.Value;
            v[14].Value = task.CreatedAt.ToUnixTimeMilliseconds();
            v[15].Value = task.UpdatedAt.ToUnixTimeMilliseconds();
            v[16].Value = Milliseconds(task.ScheduledAt);
            v[17].Value = Milliseconds(task.TargetedAt);
            v[18].Value = Milliseconds(task.DueAt);
            v[19].Value = Milliseconds(task.StartedAt);
            v[20].Value = Milliseconds(task.CompletedAt);
            v[21].Value = Milliseconds(task.CanceledAt);
            v[22].Value = task.RawJson;
            v[23].Value = now;
            _upsert.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    /// <summary>Empties the task table (between iterations; not measured).</summary>
    public void DeleteAllTasks() => Execute("DELETE FROM flight_tasks;");

    /// <summary>Moves the WAL into the file, so a measured page never pays for an earlier page's checkpoint.</summary>
    public void Checkpoint() => Execute("PRAGMA wal_checkpoint(TRUNCATE);");

    public void Dispose()
    {
        _scope.Dispose();
        _upsert.Dispose();
        _connection.Dispose();
    }

    private static object Milliseconds(DateTimeOffset? value) => value is { } date ? date.ToUnixTimeMilliseconds() : DBNull.Value;

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
