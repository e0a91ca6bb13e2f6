using System.Runtime.Versioning;
using FlightTaskSync.Client.Storage;
using FlightTaskSync.Client.Tests.Fixtures;
using FlightTaskSync.Tests.Shared;
using Microsoft.Data.Sqlite;

namespace FlightTaskSync.Client.Tests.Storage;

/// <summary>The database file: where it goes, how connections are set up, how it is prepared, what it refuses.</summary>
public class FlightTaskDatabaseTests
{
    private TempDirectory _folder = null!;
    private readonly List<FlightTaskDatabase> _databases = [];

    [SetUp]
    public void SetUp() => _folder = new TempDirectory();

    [TearDown]
    public void TearDown()
    {
        foreach (var database in _databases)
        {
            database.Dispose();
        }

        _databases.Clear();
        _folder.Dispose();
    }

    [Test]
    public async Task OpenConnectionAsync_FolderMissing_CreatesItAndTheFile()
    {
        var path = Path.Combine(_folder.Path, "app", "data", "flighttasks.db");
        var database = Track(new FlightTaskDatabase(path));

        await using (await database.OpenConnectionAsync(CancellationToken.None))
        {
        }

        Assert.That(File.Exists(path), Is.True);
    }

    [Test]
    [Platform(Exclude = "Win", Reason = "Unix file modes; on Windows the file takes its folder's ACL.")]
    [UnsupportedOSPlatform("windows")]
    public async Task OpenConnectionAsync_NewFileOnUnix_ItAndItsWalFilesAreReadableByTheOwnerOnly()
    {
        var path = _folder.File("flighttasks.db");
        var database = Track(new FlightTaskDatabase(path));

        var connection = await database.OpenConnectionAsync(CancellationToken.None);
        await using (connection)
        {
            // A write while the connection stays open keeps the -wal and -shm files in place.
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE probe (x); INSERT INTO probe VALUES (1);";
            await command.ExecuteNonQueryAsync();

            const UnixFileMode ownerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            Assert.Multiple(() =>
            {
                Assert.That(File.GetUnixFileMode(path), Is.EqualTo(ownerOnly), "the database file");
                Assert.That(File.GetUnixFileMode(path + "-wal"), Is.EqualTo(ownerOnly), "the -wal file");
                Assert.That(File.GetUnixFileMode(path + "-shm"), Is.EqualTo(ownerOnly), "the -shm file");
            });
        }
    }

    [Test]
    [Platform(Exclude = "Win", Reason = "Unix file modes.")]
    [UnsupportedOSPlatform("windows")]
    public async Task OpenConnectionAsync_ExistingFile_KeepsTheModeTheAppGaveIt()
    {
        var path = _folder.File("flighttasks.db");
        const UnixFileMode appMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead;
        await File.WriteAllBytesAsync(path, []);
        File.SetUnixFileMode(path, appMode);
        var database = Track(new FlightTaskDatabase(path));

        await using (await database.OpenConnectionAsync(CancellationToken.None))
        {
        }

        Assert.That(File.GetUnixFileMode(path), Is.EqualTo(appMode));
    }

    [Test]
    public async Task OpenConnectionAsync_NewFile_IsInWalModeAtTheLatestSchema()
    {
        var path = _folder.File("flighttasks.db");
        var database = Track(new FlightTaskDatabase(path));

        await using (await database.OpenConnectionAsync(CancellationToken.None))
        {
        }

        Assert.That(RawDatabase.Scalar(path, "PRAGMA journal_mode;"), Is.EqualTo("wal"));
        Assert.That(RawDatabase.Long(path, "PRAGMA user_version;"), Is.EqualTo(SchemaMigrations.LatestVersion));
    }

    [Test]
    public async Task OpenConnectionAsync_EveryConnection_HasTheStoreSettings()
    {
        var database = Track(new FlightTaskDatabase(_folder.File("flighttasks.db")));

        for (var i = 0; i < 2; i++)
        {
            // The second connection comes from the pool: the settings hold there too.
            var connection = await database.OpenConnectionAsync(CancellationToken.None);
            await using (connection)
            {
                Assert.That(Pragma(connection, "busy_timeout"), Is.EqualTo(30_000));
                Assert.That(Pragma(connection, "synchronous"), Is.EqualTo(1), "NORMAL");
                Assert.That(Pragma(connection, "foreign_keys"), Is.EqualTo(1));
                Assert.That(Pragma(connection, "cache_size"), Is.EqualTo(-32768), "a 32 MB page cache");
                Assert.That(Pragma(connection, "page_size"), Is.EqualTo(16384), "a new file gets 16 KB pages");
                Assert.That(Pragma(connection, "wal_autocheckpoint"), Is.EqualTo(8192), "a checkpoint every 128 MB of WAL (8,192 pages of 16 KB)");
                Assert.That(Pragma(connection, "journal_size_limit"), Is.EqualTo(32 * 1024 * 1024), "the WAL file cut back to 32 MB after one");
                Assert.That(connection.DefaultTimeout, Is.EqualTo(30));
            }
        }
    }

    [Test]
    public async Task OpenConnectionAsync_ManyCallersAtOnceOnANewFile_AllGetAMigratedDatabase()
    {
        var path = _folder.File("flighttasks.db");
        var database = Track(new FlightTaskDatabase(path));
        var store = new SqliteFlightTaskStore(database, TimeProvider.System);

        var counts = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => store.CountAsync(StoreFixture.Scope))));

        Assert.That(counts, Is.All.Zero);
        Assert.That(RawDatabase.Long(path, "PRAGMA user_version;"), Is.EqualTo(SchemaMigrations.LatestVersion));
    }

    [Test]
    public async Task OpenConnectionAsync_AfterTheFirstUse_DoesNotPrepareTheFileAgain()
    {
        var path = _folder.File("flighttasks.db");
        var database = Track(new FlightTaskDatabase(path));
        await using (await database.OpenConnectionAsync(CancellationToken.None))
        {
        }

        // Were the file checked again, this would now be refused (see the newer-version test).
        RawDatabase.Execute(path, "PRAGMA user_version = 99;");

        Assert.DoesNotThrowAsync(async () => await (await database.OpenConnectionAsync(CancellationToken.None)).DisposeAsync());
        Assert.ThrowsAsync<FlightTaskStoreException>(async () => await Track(new FlightTaskDatabase(path)).OpenConnectionAsync(CancellationToken.None));
    }

    [Test]
    public void OpenConnectionAsync_DatabaseFromANewerVersion_IsRefusedAndLeftUntouched()
    {
        var path = _folder.File("flighttasks.db");
        // Made by a newer FlightTaskSync: marked as the store's, at a schema version this one does not know.
        RawDatabase.Execute(path, $"CREATE TABLE future_tasks (id TEXT PRIMARY KEY, body TEXT); INSERT INTO future_tasks VALUES ('a', 'kept'); PRAGMA application_id = {DatabaseFileOwnership.ApplicationId}; PRAGMA user_version = 99;");
        var before = File.ReadAllBytes(path);
        var database = Track(new FlightTaskDatabase(path));

        var thrown = Assert.ThrowsAsync<FlightTaskStoreException>(() => database.OpenConnectionAsync(CancellationToken.None));
        database.Dispose();

        Assert.That(thrown.Message, Does.Contain(path).And.Contain("newer version of FlightTaskSync").And.Contain("DatabasePath"));
        Assert.That(File.ReadAllBytes(path), Is.EqualTo(before));
        Assert.That(File.Exists(path + "-wal"), Is.False);
        Assert.That(RawDatabase.Scalar(path, "PRAGMA journal_mode;"), Is.EqualTo("delete"));
    }

    [Test]
    public void OpenConnectionAsync_FolderPathIsAFile_ThrowsNamingThePathAndWhatToDo()
    {
        var blocker = _folder.File("not-a-folder");
        File.WriteAllText(blocker, "a file where the database folder should be");
        var path = Path.Combine(blocker, "flighttasks.db");
        var database = Track(new FlightTaskDatabase(path));

        var thrown = Assert.ThrowsAsync<FlightTaskStoreException>(() => database.OpenConnectionAsync(CancellationToken.None));

        Assert.That(thrown.Message, Does.Contain(path).And.Contain("set DatabasePath to another file"));
        Assert.That(thrown.InnerException, Is.InstanceOf<IOException>());
    }

    [Test]
    public void OpenConnectionAsync_PathIsAFolder_ThrowsNamingThePathAndWhatToDo()
    {
        var path = _folder.File("a-folder");
        Directory.CreateDirectory(path);
        var database = Track(new FlightTaskDatabase(path));

        var thrown = Assert.ThrowsAsync<FlightTaskStoreException>(() => database.OpenConnectionAsync(CancellationToken.None));

        Assert.That(thrown.Message, Does.Contain(path).And.Contain("set DatabasePath to another file"));
        Assert.That(thrown.InnerException, Is.InstanceOf<SqliteException>());
    }

    [Test]
    public void OpenConnectionAsync_FileIsNotADatabase_ThrowsNamingThePath()
    {
        var path = _folder.File("flighttasks.db");
        File.WriteAllText(path, new string('x', 4096));
        var database = Track(new FlightTaskDatabase(path));

        var thrown = Assert.ThrowsAsync<FlightTaskStoreException>(() => database.OpenConnectionAsync(CancellationToken.None));

        Assert.That(thrown.Message, Does.Contain(path));
        Assert.That(File.ReadAllText(path), Is.EqualTo(new string('x', 4096)));
    }

    [TestCase("")]
    [TestCase("   ")]
    public void Constructor_BlankPath_ThrowsSayingWhatIsExpected(string path)
    {
        var thrown = Assert.Throws<ArgumentException>(() => new FlightTaskDatabase(path));

        Assert.That(thrown.Message, Does.Contain("path of the flight task database file is required"));
    }

    [Test]
    public void Constructor_RelativePath_IsMadeFull()
    {
        var database = Track(new FlightTaskDatabase("flighttasks.db"));

        Assert.That(database.Path, Is.EqualTo(Path.Combine(Environment.CurrentDirectory, "flighttasks.db")));
    }

    private FlightTaskDatabase Track(FlightTaskDatabase database)
    {
        _databases.Add(database);
        return database;
    }

    private static long Pragma(SqliteConnection connection, string name)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {name};";
        return (long)command.ExecuteScalar()!;
    }
}
