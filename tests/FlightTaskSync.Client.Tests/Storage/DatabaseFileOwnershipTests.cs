using FlightTaskSync.Client.Storage;
using FlightTaskSync.Client.Tests.Fixtures;
using FlightTaskSync.Client.Tests.TestDoubles;
using FlightTaskSync.Tests.Shared;
using Microsoft.Data.Sqlite;

namespace FlightTaskSync.Client.Tests.Storage;

/// <summary>
/// A file at <c>DatabasePath</c> the store did not make (issue 13): another app's SQLite file or
/// any other file is refused and left byte for byte as it was; a new or empty file, or one made
/// by an earlier FlightTaskSync, is taken and marked with the store's application id.
/// </summary>
public sealed class DatabaseFileOwnershipTests
{
    private TempDirectory _folder = null!;
    private string _path = null!;

    [SetUp]
    public void SetUp()
    {
        _folder = new TempDirectory();
        _path = _folder.File("flighttasks.db");
    }

    [TearDown]
    public void TearDown()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    [Test]
    public void OpenConnectionAsync_AnotherAppsSqliteFile_IsRefusedAndLeftByteIdentical()
    {
        // As the issue found it: user_version 0, a table of its own.
        RawDatabase.Execute(_path, "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('shopping list');");

        AssertRefusedAndUntouched("another application");
    }

    [Test]
    public void OpenConnectionAsync_AnotherAppsSqliteFileInWalMode_IsRefusedAndLeftByteIdentical()
    {
        RawDatabase.Execute(_path, "PRAGMA journal_mode = WAL; CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('x');");

        AssertRefusedAndUntouched("another application");
    }

    [Test]
    public void OpenConnectionAsync_SqliteFileWithAnotherApplicationId_IsRefusedEvenWithTablesNamedLikeOurs()
    {
        RawDatabase.Execute(_path, "PRAGMA application_id = 305419896; CREATE TABLE sync_scopes (x); CREATE TABLE flight_tasks (y); PRAGMA user_version = 3;");

        AssertRefusedAndUntouched("another application");
    }

    [Test]
    public void OpenConnectionAsync_UnmarkedFileAtAnOldVersionWithoutOurTables_IsRefused()
    {
        RawDatabase.Execute(_path, "CREATE TABLE invoices (id INTEGER PRIMARY KEY); PRAGMA user_version = 2;");

        AssertRefusedAndUntouched("another application");
    }

    [Test]
    public void OpenConnectionAsync_UnmarkedFileAtAVersionNoReleaseLeftUnmarked_IsRefused()
    {
        RawDatabase.Execute(_path, "CREATE TABLE sync_scopes (x); CREATE TABLE flight_tasks (y); PRAGMA user_version = 7;");

        AssertRefusedAndUntouched("another application");
    }

    [TestCase("a text file\n")]
    [TestCase("SQLite format 3")]
    public void OpenConnectionAsync_NotASqliteFile_IsRefusedAndLeftByteIdentical(string content)
    {
        File.WriteAllText(_path, content);

        AssertRefusedAndUntouched("not a SQLite database");
    }

    [Test]
    public async Task SyncAsync_DatabasePathNamesAnotherAppsFile_FailsAndLeavesTheFolderAsItWas()
    {
        await using var harness = new SyncHarness();
        RawDatabase.Execute(harness.DatabasePath, "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('x');");
        SqliteConnection.ClearAllPools();
        var before = File.ReadAllBytes(harness.DatabasePath);
        var scope = new SyncScope(FakeTask.OrganizationId("notes01"));
        harness.Server.AddTasks(scope.OrganizationSenteraId, 5);

        var thrown = Assert.CatchAsync(() => harness.SyncAsync(scope));
        var status = Assert.CatchAsync(() => harness.Client.GetStatusAsync(scope));

        Assert.Multiple(() =>
        {
            Assert.That(thrown, Is.TypeOf<FlightTaskStoreException>());
            Assert.That(status, Is.TypeOf<FlightTaskStoreException>());
            Assert.That(harness.Server.Requests, Is.Empty, "nothing is asked for that could not be kept");
            Assert.That(File.ReadAllBytes(harness.DatabasePath), Is.EqualTo(before));
            Assert.That(Directory.GetFiles(harness.Folder.Path).Select(Path.GetFileName), Is.EqualTo(new[] { "flighttasks.db" }), "no -wal, -shm or lock file beside it");
        });
    }

    [Test]
    public async Task OpenConnectionAsync_NewFile_IsMarkedWithTheApplicationId()
    {
        using var database = new FlightTaskDatabase(_path);

        await (await database.OpenConnectionAsync(CancellationToken.None)).DisposeAsync();

        Assert.That(RawDatabase.Long(_path, "PRAGMA application_id;"), Is.EqualTo(DatabaseFileOwnership.ApplicationId));
    }

    [Test]
    public async Task OpenConnectionAsync_EmptySqliteFile_IsTakenAndMarked()
    {
        RawDatabase.Execute(_path, "VACUUM;");
        Assert.That(new FileInfo(_path).Length, Is.GreaterThan(0), "SQLite wrote a header: an empty database, not an empty file");

        using var database = new FlightTaskDatabase(_path);
        var store = new SqliteFlightTaskStore(database, TimeProvider.System);

        Assert.That(await store.CountAsync(StoreFixture.Scope), Is.Zero);
        Assert.That(RawDatabase.Long(_path, "PRAGMA application_id;"), Is.EqualTo(DatabaseFileOwnership.ApplicationId));
    }

    [TestCase(1)]
    [TestCase(4)]
    public async Task OpenConnectionAsync_UnmarkedFileOfAnEarlierRelease_OpensKeepsItsTasksAndIsMarked(int version)
    {
        await BuildEarlierReleaseAsync(_path, version, FlightTaskBuilder.Task(1).Build());

        using var database = new FlightTaskDatabase(_path);
        var store = new SqliteFlightTaskStore(database, TimeProvider.System);
        var count = await store.CountAsync(StoreFixture.Scope);

        Assert.Multiple(() =>
        {
            Assert.That(count, Is.EqualTo(1));
            Assert.That(RawDatabase.Long(_path, "PRAGMA application_id;"), Is.EqualTo(DatabaseFileOwnership.ApplicationId));
            Assert.That(RawDatabase.Long(_path, "PRAGMA user_version;"), Is.EqualTo(SchemaMigrations.LatestVersion));
        });
    }

    [Test]
    public async Task OpenConnectionAsync_EarlierReleaseKilledWithItsSchemaStillInTheWal_OpensAsOurs()
    {
        // An app of an earlier release killed before any checkpoint: the main file's header still
        // says an empty database; the tables and the task are in the -wal file beside it.
        var crashed = _folder.File("crashed.db");
        using (var live = RawDatabase.Open(crashed))
        {
            using (var command = live.CreateCommand())
            {
                command.CommandText = "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0;";
                command.ExecuteNonQuery();
            }

            await SchemaMigrator.MigrateAsync(live, 4, CancellationToken.None);
            await WriteTaskAsync(live, FlightTaskBuilder.Task(1).Build());
            foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
            {
                File.Copy(crashed + suffix, _path + suffix);
            }
        }

        Assert.That(new FileInfo(_path + "-wal").Length, Is.GreaterThan(0), "the copy holds its schema in the WAL");
        using var database = new FlightTaskDatabase(_path);
        var store = new SqliteFlightTaskStore(database, TimeProvider.System);

        Assert.That(await store.CountAsync(StoreFixture.Scope), Is.EqualTo(1));
    }

    [Test]
    public async Task OpenConnectionAsync_FileInUseByAnotherProcessItsMarkStillInTheWal_OpensAsOurs()
    {
        // The first "process" made the file and keeps it open: its mark and tables are in the WAL,
        // the main file's header still says an empty, unmarked database.
        using var first = new FlightTaskDatabase(_path);
        var firstStore = new SqliteFlightTaskStore(first, TimeProvider.System);
        await firstStore.ApplyPageAsync(StoreFixture.Scope, [FlightTaskBuilder.Task(1).Build()], []);
        Assert.That(new FileInfo(_path + "-wal").Length, Is.GreaterThan(0));

        using var second = new FlightTaskDatabase(_path);
        var secondStore = new SqliteFlightTaskStore(second, TimeProvider.System);

        Assert.That(await secondStore.CountAsync(StoreFixture.Scope), Is.EqualTo(1));
    }

    private void AssertRefusedAndUntouched(string expectedReason)
    {
        SqliteConnection.ClearAllPools();
        Assert.That(File.Exists(_path + "-wal") || File.Exists(_path + "-shm"), Is.False, "the arrangement leaves no -wal/-shm behind");
        var before = File.ReadAllBytes(_path);
        var database = new FlightTaskDatabase(_path);
        var store = new SqliteFlightTaskStore(database, TimeProvider.System);

        var thrown = Assert.ThrowsAsync<FlightTaskStoreException>(() => store.CountAsync(StoreFixture.Scope));
        database.Dispose();

        Assert.Multiple(() =>
        {
            Assert.That(thrown!.Message, Does.Contain(_path).And.Contain(expectedReason).And.Contain("left as it was").And.Contain("DatabasePath"));
            Assert.That(File.ReadAllBytes(_path), Is.EqualTo(before), "byte for byte as it was");
            Assert.That(File.Exists(_path + "-wal"), Is.False, "no -wal file made beside it");
            Assert.That(File.Exists(_path + "-shm"), Is.False, "no -shm file made beside it");
            Assert.That(File.Exists(_path + "-journal"), Is.False, "no journal made beside it");
        });
    }

    /// <summary>Builds a database as an earlier release left it: schema <paramref name="version"/>, WAL, no application id.</summary>
    internal static async Task BuildEarlierReleaseAsync(string path, int version, params FlightTask[] tasks)
    {
        using var connection = RawDatabase.Open(path);
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "PRAGMA journal_mode = WAL;";
            command.ExecuteNonQuery();
        }

        await SchemaMigrator.MigrateAsync(connection, version, CancellationToken.None);
        await WriteTaskAsync(connection, tasks);
    }

    private static async Task WriteTaskAsync(SqliteConnection connection, params FlightTask[] tasks)
    {
        using var transaction = connection.BeginTransaction();
        using (var writer = await PageWriter.CreateAsync(connection, transaction, StoreFixture.Scope, FlightTaskBuilder.SyncTime, CancellationToken.None))
        {
            using var page = PageRows.FromTasks(tasks, []);
            foreach (var row in page.Upserted)
            {
                writer.Upsert(row);
            }
        }

        transaction.Commit();
    }
}
