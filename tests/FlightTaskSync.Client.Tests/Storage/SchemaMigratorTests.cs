using FlightTaskSync.Client.Storage;
using FlightTaskSync.Client.Tests.Fixtures;
using FlightTaskSync.Tests.Shared;

namespace FlightTaskSync.Client.Tests.Storage;

/// <summary>The schema steps: in order, each once, and a database of an older version brought up with its data.</summary>
public class SchemaMigratorTests
{
    private static readonly SyncScope Scope = StoreFixture.Scope;
    private TempDirectory _folder = null!;
    private string _path = null!;

    [SetUp]
    public void SetUp()
    {
        _folder = new TempDirectory();
        _path = _folder.File("flighttasks.db");
    }

    [TearDown]
    public void TearDown() => _folder.Dispose();

    [Test]
    public void All_Versions_StartAtOneAndIncreaseByOne()
    {
        Assert.That(SchemaMigrations.All.Select(m => m.Version), Is.EqualTo(Enumerable.Range(1, SchemaMigrations.All.Count)));
        Assert.That(SchemaMigrations.LatestVersion, Is.EqualTo(6));
    }

    [Test]
    public void All_Steps_NeverDropOrDeleteData()
    {
        // A step that must remove something copies it first and says so; none does yet.
        Assert.That(SchemaMigrations.All.Select(m => m.Sql.ToUpperInvariant()), Has.None.Match(@"DROP\s+(TABLE|COLUMN)|DELETE\s+FROM"));
    }

    [Test]
    public async Task MigrateAsync_UpToVersionOne_CreatesTheTablesWithoutTheListIndexes()
    {
        await MigrateAsync(targetVersion: 1);

        Assert.That(RawDatabase.Long(_path, "PRAGMA user_version;"), Is.EqualTo(1));
        Assert.That(RawDatabase.Long(_path, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('sync_scopes', 'flight_tasks');"), Is.EqualTo(2));
        Assert.That(RawDatabase.IndexNames(_path), Is.Empty);
    }

    [Test]
    public async Task MigrateAsync_AtTheLatestVersion_ChangesNothing()
    {
        await MigrateAsync(SchemaMigrations.LatestVersion);
        var before = File.ReadAllBytes(_path);

        await MigrateAsync(SchemaMigrations.LatestVersion);

        Assert.That(File.ReadAllBytes(_path), Is.EqualTo(before));
    }

    [Test]
    public async Task OpenConnectionAsync_VersionOneDatabaseHoldingTasks_MigratesToTheLatestWithTheDataIntact()
    {
        // A database as the first release left it: schema 1, rollback journal, two scopes of tasks.
        await MigrateAsync(targetVersion: 1);
        var task = FlightTaskBuilder.Task(1).WithStatus("FLIGHT_COMPLETED").TargetedAt(FlightTaskBuilder.SyncTime.AddDays(2)).Build();
        var other = FlightTaskBuilder.Task(2).Build();
        var descendants = new SyncScope(FlightTaskBuilder.OrganizationId, IncludeDescendantOrganizations: true);
        await WriteAsync(Scope, task, other);
        await WriteAsync(descendants, other);

        using var database = new FlightTaskDatabase(_path);
        var store = new SqliteFlightTaskStore(database, TimeProvider.System);
        var read = await store.GetAsync(Scope, task.SenteraId);

        Assert.That(read, Is.EqualTo(task).UsingPropertiesComparer());
        Assert.That(await store.CountAsync(Scope), Is.EqualTo(2));
        Assert.That(await store.ReadContentHashesAsync(descendants), Is.EqualTo(new Dictionary<string, string> { [other.SenteraId] = other.ContentHash }));
        Assert.That(RawDatabase.Long(_path, "PRAGMA user_version;"), Is.EqualTo(SchemaMigrations.LatestVersion));
        Assert.That(RawDatabase.IndexNames(_path), Does.Contain("ix_flight_tasks_status").And.Contain("ix_flight_tasks_targeted_at"));
        Assert.That(RawDatabase.Scalar(_path, "PRAGMA journal_mode;"), Is.EqualTo("wal"));
    }

    [Test]
    public async Task OpenConnectionAsync_FileWithFourKilobytePages_KeepsItsPagesAndTasksAndCheckpointsEvery128MB()
    {
        // A file as the store made it before new files got 16 KB pages: 4 KB pages, WAL, the latest schema.
        using (var connection = RawDatabase.Open(_path))
        {
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA page_size = 4096; PRAGMA journal_mode = WAL;";
            command.ExecuteNonQuery();
        }

        await MigrateAsync(SchemaMigrations.LatestVersion);
        var tasks = Enumerable.Range(1, 50).Select(number => FlightTaskBuilder.Task(number).Build()).ToArray();
        await WriteAsync(Scope, tasks);

        using var database = new FlightTaskDatabase(_path);
        var store = new SqliteFlightTaskStore(database, TimeProvider.System);
        Assert.That(await store.CountAsync(Scope), Is.EqualTo(50));
        Assert.That(await store.GetAsync(Scope, tasks[17].SenteraId), Is.EqualTo(tasks[17]).UsingPropertiesComparer());
        var connectionOfTheStore = await database.OpenConnectionAsync(CancellationToken.None);
        await using (connectionOfTheStore)
        {
            using var command = connectionOfTheStore.CreateCommand();
            command.CommandText = "PRAGMA page_size;";
            Assert.That(command.ExecuteScalar(), Is.EqualTo(4096L), "an existing file keeps its page size");
            command.CommandText = "PRAGMA wal_autocheckpoint;";
            Assert.That(command.ExecuteScalar(), Is.EqualTo(32768L), "still a checkpoint every 128 MB: 32,768 pages of 4 KB");
        }

        Assert.That(RawDatabase.Scalar(_path, "PRAGMA integrity_check;"), Is.EqualTo("ok"));
    }

    [Test]
    public async Task MigrateAsync_StepFailsPartWay_RollsBackTheWholeStepAndKeepsTheVersion()
    {
        await MigrateAsync(targetVersion: 1);
        // Takes the name of the last index of step 2, so that step fails after creating the others.
        RawDatabase.Execute(_path, "CREATE TABLE ix_flight_tasks_organization (x INTEGER);");

        Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => MigrateAsync(targetVersion: 2));

        Assert.That(RawDatabase.Long(_path, "PRAGMA user_version;"), Is.EqualTo(1));
        Assert.That(RawDatabase.IndexNames(_path), Is.Empty);
    }

    private async Task MigrateAsync(int targetVersion)
    {
        using var connection = RawDatabase.Open(_path);
        await SchemaMigrator.MigrateAsync(connection, targetVersion, CancellationToken.None);
    }

    // Writes straight onto the file, as the store of that version did: the v1 tables are what it writes to.
    private Task WriteAsync(SyncScope scope, params FlightTask[] tasks)
    {
        using var connection = RawDatabase.Open(_path);
        LegacyTaskWriter.Write(connection, scope, FlightTaskBuilder.SyncTime, tasks);
        return Task.CompletedTask;
    }
}
