using System.Globalization;
using Microsoft.Data.Sqlite;

namespace FlightTaskSync.Client.Storage;

/// <summary>
/// The secondary indexes of <c>flight_tasks</c> (the six that serve <c>ListAsync</c> and
/// <c>CountAsync</c>, and the one of the sync's hash read): what a first sync into an empty store
/// leaves out while it writes, and builds once after its last page (<see cref="IndexDeferral"/>).
/// The definitions are those of schema versions 2 and 4; the primary key is never dropped.
/// </summary>
internal static class ListIndexes
{
    /// <summary>Each index's name and columns, as schema versions 2 and 4 create them.</summary>
    public static IReadOnlyList<(string Name, string Columns)> All { get; } =
    [
        ("ix_flight_tasks_status", "scope_id, status, updated_at, sentera_id"),
        ("ix_flight_tasks_updated_at", "scope_id, updated_at, sentera_id"),
        ("ix_flight_tasks_targeted_at", "scope_id, targeted_at, sentera_id"),
        ("ix_flight_tasks_field", "scope_id, field_sentera_id"),
        ("ix_flight_tasks_assigned_to", "scope_id, assigned_to_sentera_id"),
        ("ix_flight_tasks_organization", "scope_id, organization_sentera_id"),
        ("ix_flight_tasks_hashes", "scope_id, sentera_id, content_hash"),
    ];

    /// <summary>Creates every index that is missing; those present are left as they are.</summary>
    public static readonly string CreateMissingSql = string.Concat(
        All.Select(index => $"CREATE INDEX IF NOT EXISTS {index.Name} ON flight_tasks ({index.Columns});\n"));

    /// <summary>Drops every one of the indexes (the rows and the primary key stay).</summary>
    public static readonly string DropSql = string.Concat(All.Select(index => $"DROP INDEX IF EXISTS {index.Name};\n"));

    /// <summary>Counts how many of the indexes the file has.</summary>
    public static readonly string CountPresentSql =
        $"SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'flight_tasks' AND name IN ({string.Join(", ", All.Select(index => $"'{index.Name}'"))});";

    /// <summary>Tells whether the store holds no task at all, of any scope.</summary>
    public const string StoreIsEmptySql = "SELECT NOT EXISTS (SELECT 1 FROM flight_tasks);";

    /// <summary>Tells whether every index is there.</summary>
    public static async Task<bool> AreCompleteAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken) =>
        await ScalarAsync(connection, transaction, CountPresentSql, cancellationToken).ConfigureAwait(false) == All.Count;

    /// <summary>Tells whether the store holds no task at all.</summary>
    public static async Task<bool> StoreIsEmptyAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken) =>
        await ScalarAsync(connection, transaction, StoreIsEmptySql, cancellationToken).ConfigureAwait(false) == 1;

    /// <summary>
    /// Builds the missing indexes in one transaction (all or none). Returns <see langword="false"/>
    /// when none was missing. The connection's cache is cut to 4 MB for the build
    /// (<see cref="FlightTaskDatabase.IndexBuildCachePragma"/>), then given back its 32 MB.
    /// </summary>
    /// <remarks>
    /// The cache size also bounds the memory of the sorter that orders each index's keys, which
    /// comes on top of the cache itself: with 32 MB, a 200,000-task build held both, and the peak
    /// working set of a first sync rose by 9% over keeping the indexes live. Past the bound, the
    /// sorter writes sorted runs to temporary files and merges them: SQLite puts those in
    /// <c>TMPDIR</c> (set to the app's cache folder by .NET for Android and by iOS). A 128 MB
    /// cache measured no faster and raised the peak by about 100 MB.
    /// </remarks>
    public static async Task<bool> BuildMissingAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        // Read first: the common case (all there) takes no write lock.
        if (await AreCompleteAsync(connection, null, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        return await FlightTaskDatabase.WithCacheAsync(connection, FlightTaskDatabase.IndexBuildCachePragma, async () =>
        {
            // BEGIN IMMEDIATE: whoever built them first, the check and the build see the same schema.
            using var transaction = connection.BeginTransaction();
            if (await AreCompleteAsync(connection, transaction, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }

            await ExecuteAsync(connection, transaction, CreateMissingSql, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    internal static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
