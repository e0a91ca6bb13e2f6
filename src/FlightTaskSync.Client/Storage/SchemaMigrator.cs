using System.Globalization;
using Microsoft.Data.Sqlite;

namespace FlightTaskSync.Client.Storage;

/// <summary>
/// Brings a database to a schema version, one <see cref="SchemaMigration"/> per transaction, with
/// <c>PRAGMA user_version</c> as the record of what is applied.
/// </summary>
internal static class SchemaMigrator
{
    /// <summary>Reads the database's schema version (0 for a new file).</summary>
    public static async Task<int> ReadVersionAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "PRAGMA user_version;";
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return Convert.ToInt32(value, CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Refuses a database made by a newer version of the SDK, before anything touches it: its
    /// schema may mean things this version would get wrong.
    /// </summary>
    /// <exception cref="FlightTaskStoreException">The database's version is newer than <see cref="SchemaMigrations.LatestVersion"/>.</exception>
    public static async Task EnsureNotNewerAsync(SqliteConnection connection, string databasePath, CancellationToken cancellationToken)
    {
        var version = await ReadVersionAsync(connection, null, cancellationToken).ConfigureAwait(false);
        if (version > SchemaMigrations.LatestVersion)
        {
            throw new FlightTaskStoreException(
                $"The flight task database '{databasePath}' has schema version {version}: it was created by a newer version of FlightTaskSync " +
                $"(this one knows versions up to {SchemaMigrations.LatestVersion}). It was left as it is. " +
                "Update the FlightTaskSync package, or set DatabasePath to another file.");
        }
    }

    /// <summary>
    /// Applies every step above the database's version, up to <paramref name="targetVersion"/>.
    /// Each step takes the write lock first and reads the version again, so two processes opening
    /// the same file at once apply each step once.
    /// </summary>
    public static async Task MigrateAsync(SqliteConnection connection, int targetVersion, CancellationToken cancellationToken)
    {
        foreach (var migration in SchemaMigrations.All)
        {
            if (migration.Version > targetVersion)
            {
                break;
            }

            // BeginTransaction() is BEGIN IMMEDIATE: the write lock is held from the version read on.
            using var transaction = connection.BeginTransaction();
            var current = await ReadVersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            if (current >= migration.Version)
            {
                continue;
            }

            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            // PRAGMA takes no parameters; the version is one of our own constants.
            command.CommandText = string.Create(CultureInfo.InvariantCulture, $"{migration.Sql}\nPRAGMA user_version = {migration.Version};");
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
