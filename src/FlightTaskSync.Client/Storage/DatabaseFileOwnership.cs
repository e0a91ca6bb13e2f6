using Microsoft.Data.Sqlite;

namespace FlightTaskSync.Client.Storage;

/// <summary>
/// Tells a database file of the store from any other file at <c>DatabasePath</c>, before SQLite
/// writes anything to it. Files of the store carry <see cref="ApplicationId"/> in their header
/// (<c>PRAGMA application_id</c>, stamped by schema step 5); files of releases before it carry 0,
/// a schema version from 1 to 4 and the store's two tables. A missing, zero-length or empty SQLite
/// file is the store's to take. Anything else is refused and left as it was: no byte of it
/// changes, and no -wal, -shm or -journal file is made beside it.
/// </summary>
internal static class DatabaseFileOwnership
{
    /// <summary>The store's <c>PRAGMA application_id</c>: 0x4654534B, "FTSK" in ASCII.</summary>
    public const int ApplicationId = 0x4654534B;

    /// <summary>The last schema version released before files were stamped with <see cref="ApplicationId"/>.</summary>
    public const int LastUnstampedVersion = 4;

    private const int HeaderLength = 100;

    private static ReadOnlySpan<byte> SqliteMagic => "SQLite format 3\0"u8;

    /// <summary>Refuses a file at <paramref name="path"/> that is not the store's; returns when it is (or is missing or empty).</summary>
    /// <exception cref="FlightTaskStoreException">The file is another application's, or not a SQLite database.</exception>
    public static async Task EnsureOursAsync(string path, CancellationToken cancellationToken)
    {
        var file = new FileInfo(path);
        if (!file.Exists || file.Length == 0)
        {
            return;
        }

        var header = new byte[HeaderLength];
        int read;
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1);
        await using (stream.ConfigureAwait(false))
        {
            read = await stream.ReadAtLeastAsync(header, HeaderLength, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        }

        if (read < HeaderLength || !header.AsSpan(0, SqliteMagic.Length).SequenceEqual(SqliteMagic))
        {
            throw Refused(path, "it is not a SQLite database");
        }

        // Another process may be using the file: its newest header (version, application id) is
        // then in the -wal file, not in the main file's first page. SQLite reads both.
        var (applicationId, userVersion, tables) = await ReadIdentityAsync(path, cancellationToken).ConfigureAwait(false);
        if (applicationId == ApplicationId)
        {
            return;
        }

        if (applicationId != 0)
        {
            throw Refused(path, $"it belongs to another application (its application id is 0x{applicationId:X8})");
        }

        // Unmarked: empty, of an earlier release, or another application's. The schema says which.
        if (tables.Count == 0 && userVersion == 0)
        {
            return;
        }

        if (userVersion is >= 1 and <= LastUnstampedVersion && tables.Contains("sync_scopes") && tables.Contains("flight_tasks"))
        {
            return;
        }

        throw Refused(path, "it belongs to another application (it holds tables FlightTaskSync did not make)");
    }

    /// <summary>
    /// Reads the application id, schema version and table names without writing or creating
    /// anything. With no -wal file the main file is complete, and is read as immutable (no locks,
    /// no -shm); with one (another process using the file, or one killed before a checkpoint), the
    /// main file's header may be stale, so SQLite reads both, read-only.
    /// </summary>
    private static async Task<(int ApplicationId, long UserVersion, HashSet<string> Tables)> ReadIdentityAsync(string path, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(FlightTaskDatabase.InspectionConnectionString(path));
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA application_id; PRAGMA user_version; SELECT name FROM sqlite_master WHERE type = 'table';";
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                var applicationId = reader.GetInt32(0);
                await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
                await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                var userVersion = reader.GetInt64(0);
                await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
                var tables = new HashSet<string>(StringComparer.Ordinal);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    tables.Add(reader.GetString(0));
                }

                return (applicationId, userVersion, tables);
            }
        }
    }

    private static FlightTaskStoreException Refused(string path, string reason) => new(
        $"The file '{path}' is not a FlightTaskSync database: {reason}. It was left as it was. " +
        "Set DatabasePath to a file of FlightTaskSync's own (a missing file is created); if this was FlightTaskSync's file " +
        "and is damaged, delete it with its -wal and -shm files and sync again.");
}
