using System.Collections.Concurrent;
using FlightTaskSync.Client.Storage;
using FlightTaskSync.Client.Tests.Fixtures;
using FlightTaskSync.Client.Tests.TestDoubles;
using FlightTaskSync.Tests.Shared;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using SQLitePCL;

namespace FlightTaskSync.Client.Tests.Storage;

/// <summary>
/// The build of the list indexes sorts their keys in a small page cache (which bounds the sort's
/// memory), and the connection goes back to the pool with the cache every connection has, built
/// or not.
/// </summary>
public sealed class ListIndexBuildTests
{
    private static readonly SyncScope Scope = new(FakeTask.OrganizationId("acme001"));

    [Test]
    public async Task BuildMissingAsync_BuildsInASmallCache_AndGivesTheConnectionItsCacheBack()
    {
        using var folder = new TempDirectory();
        var statements = new ConcurrentQueue<string>();
        using var database = await HeldDatabaseAsync(folder, statements);
        var connection = await database.OpenConnectionAsync(CancellationToken.None);
        await using (connection)
        {
            await ListIndexes.ExecuteAsync(connection, null, ListIndexes.DropSql, CancellationToken.None);
            statements.Clear();

            var built = await ListIndexes.BuildMissingAsync(connection, CancellationToken.None);

            var order = statements.ToList();
            var smallCacheAt = order.FindIndex(sql => sql.Contains(FlightTaskDatabase.IndexBuildCachePragma, StringComparison.Ordinal));
            var firstCreateAt = order.FindIndex(sql => sql.Contains("CREATE INDEX", StringComparison.Ordinal));
            Assert.Multiple(() =>
            {
                Assert.That(built, Is.True);
                Assert.That(RawDatabase.IndexNames(database.Path), Is.SupersetOf(ListIndexes.All.Select(index => index.Name)));
                Assert.That(smallCacheAt, Is.GreaterThanOrEqualTo(0).And.LessThan(firstCreateAt), "the cache is cut before the build");
                Assert.That(Scalar(connection, "PRAGMA cache_size;"), Is.EqualTo(-32768), "the connection has its 32 MB cache again");
            });
        }
    }

    [Test]
    public async Task BuildMissingAsync_BuildFailing_GivesTheConnectionItsCacheBackAndKeepsEveryTask()
    {
        using var folder = new TempDirectory();
        using var database = await HeldDatabaseAsync(folder, new ConcurrentQueue<string>());
        var connection = await database.OpenConnectionAsync(CancellationToken.None);
        await using (connection)
        {
            // A table with the name of one of the indexes: its CREATE INDEX fails, and the build with it.
            var taken = ListIndexes.All[^1].Name;
            await ListIndexes.ExecuteAsync(connection, null, ListIndexes.DropSql + $"CREATE TABLE {taken} (x);", CancellationToken.None);

            Assert.That(() => ListIndexes.BuildMissingAsync(connection, CancellationToken.None), Throws.InstanceOf<SqliteException>());

            Assert.Multiple(() =>
            {
                Assert.That(Scalar(connection, "PRAGMA cache_size;"), Is.EqualTo(-32768), "the connection has its 32 MB cache again");
                Assert.That(RawDatabase.IndexNames(database.Path).Intersect(ListIndexes.All.Select(index => index.Name)), Is.Empty, "all or none");
                Assert.That(Scalar(connection, "SELECT count(*) FROM flight_tasks;"), Is.EqualTo(300));
            });
        }
    }

    private static async Task<FlightTaskDatabase> HeldDatabaseAsync(TempDirectory folder, ConcurrentQueue<string> statements)
    {
        var database = new FlightTaskDatabase(folder.File("flighttasks.db"))
        {
            ConnectionOpened = connection => raw.sqlite3_profile(connection.Handle, (_, sql, _) => statements.Enqueue(sql), null),
        };
        var store = new SqliteFlightTaskStore(database, new FakeTimeProvider(FlightTaskBuilder.SyncTime));
        await store.ApplyPageAsync(Scope, [.. Enumerable.Range(1, 300).Select(number => FlightTaskBuilder.Task(number).Build())], []);
        return database;
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
