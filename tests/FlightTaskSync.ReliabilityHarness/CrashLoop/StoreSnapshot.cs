using Microsoft.Data.Sqlite;

namespace FlightTaskSync.ReliabilityHarness.CrashLoop;

/// <summary>
/// What a database file holds after a crash, read with plain SQL beside the SDK (as the next app
/// start would open it): the result of <c>PRAGMA integrity_check</c>, the scope's tasks (id to
/// hash), and how many rows disagree with their own raw JSON (a torn row would).
/// </summary>
internal sealed record StoreSnapshot(string Integrity, IReadOnlyDictionary<string, string> Tasks, long RowsDisagreeingWithTheirJson)
{
    public static StoreSnapshot Empty { get; } = new("ok", new Dictionary<string, string>(StringComparer.Ordinal), 0);

    public bool IntegrityOk => Integrity == "ok";

    public static async Task<StoreSnapshot> ReadAsync(string databasePath, string organization, bool includeDescendants, CancellationToken cancellationToken)
    {
        if (!File.Exists(databasePath))
        {
            return Empty;
        }

        var connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString();
        var connection = new SqliteConnection(connectionString);
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            var integrity = string.Join("; ", await ColumnAsync(connection, "PRAGMA integrity_check;", cancellationToken).ConfigureAwait(false));
            var tables = await ColumnAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('flight_tasks', 'sync_scopes');", cancellationToken).ConfigureAwait(false);
            if (tables.Count < 2)
            {
                // Killed before the first migration committed: a new, empty store.
                return Empty with { Integrity = integrity };
            }

            var tasks = new Dictionary<string, string>(StringComparer.Ordinal);
            using (var command = connection.CreateCommand())
            {
                command.CommandText = """
                    SELECT t.sentera_id, t.content_hash FROM flight_tasks t
                    JOIN sync_scopes s ON s.scope_id = t.scope_id
                    WHERE s.organization_sentera_id = $organization AND s.include_descendants = $descendants;
                    """;
                command.Parameters.AddWithValue("$organization", organization);
                command.Parameters.AddWithValue("$descendants", includeDescendants);
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        tasks.Add(reader.GetString(0), reader.GetString(1));
                    }
                }
            }

            long disagreeing;
            using (var command = connection.CreateCommand())
            {
                command.CommandText = """
                    SELECT count(*) FROM flight_tasks
                    WHERE json_extract(raw_json, '$.sentera_id') IS NOT sentera_id
                       OR json_extract(raw_json, '$.content_hash') IS NOT content_hash;
                    """;
                disagreeing = (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            }

            return new StoreSnapshot(integrity, tasks, disagreeing);
        }
    }

    private static async Task<List<string>> ColumnAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        var values = new List<string>();
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                values.Add(reader.GetString(0));
            }
        }

        return values;
    }
}
