using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace FlightTaskSync.Client.Tests.Fixtures;

/// <summary>
/// Looks at a database file directly, around the store: what the file says, not what the store
/// reports. Connections here are not pooled, so they leave nothing open behind them.
/// </summary>
internal static class RawDatabase
{
    public static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    public static object? Scalar(string path, string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var value1 = command.ExecuteScalar();
        return value1 is DBNull ? null : value1;
    }

    public static long Long(string path, string sql) => Convert.ToInt64(Scalar(path, sql), CultureInfo.InvariantCulture);

    public static void Execute(string path, string sql)
    {
        using var connection = Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public static IReadOnlyList<string> IndexNames(string path)
    {
        using var connection = Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_autoindex%' ORDER BY name;";
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    /// <summary>
    /// Tells whether another connection holds the write lock, without waiting: BEGIN IMMEDIATE
    /// through the native API (no busy handler, no retry loop) fails at once with SQLITE_BUSY if so.
    /// </summary>
    public static bool IsWriteLocked(string path)
    {
        using var connection = Open(path);
        var result = raw.sqlite3_exec(connection.Handle, "BEGIN IMMEDIATE;");
        if (result == raw.SQLITE_OK)
        {
            raw.sqlite3_exec(connection.Handle, "ROLLBACK;");
            return false;
        }

        return result == raw.SQLITE_BUSY ? true : throw new InvalidOperationException($"BEGIN IMMEDIATE failed with SQLite code {result}.");
    }

    /// <summary>Reads the scope's bookkeeping row: (created_at, last_page_at, last_completed_at), or null when it has none.</summary>
    public static (long CreatedAt, long? LastPageAt, long? LastCompletedAt)? ScopeRow(string path, SyncScope scope)
    {
        using var connection = Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT created_at, last_page_at, last_completed_at FROM sync_scopes WHERE organization_sentera_id = $o AND include_descendants = $d;";
        command.Parameters.AddWithValue("$o", scope.OrganizationSenteraId);
        command.Parameters.AddWithValue("$d", scope.IncludeDescendantOrganizations);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        return (reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetInt64(2));
    }
}
