using FlightTaskSync.Client.Storage;
using FlightTaskSync.Client.Tests.Fixtures;
using FlightTaskSync.Client.Tests.TestDoubles;
using FlightTaskSync.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace FlightTaskSync.Client.Tests.Storage;

/// <summary>
/// The database file removed or replaced while the app runs (issue 13): a sync never reports
/// success for tasks that are not in the file at <c>DatabasePath</c> (writes would otherwise go on
/// into the unlinked file the pool still holds open); it fails clearly, and the next call uses
/// the file at the path, created anew when it is missing.
/// </summary>
public sealed class RemovedDatabaseFileTests
{
    private static readonly string Acme = FakeTask.OrganizationId("gone001");
    private static readonly SyncScope AcmeScope = new(Acme);

    [Test]
    public async Task SyncAsync_DatabaseFolderDeletedDuringTheSync_FailsAndTheNextSyncFillsANewFile()
    {
        // As the issue found it: the folder deleted while a 2,000-task sync ran.
        using var parent = new TempDirectory();
        var folder = Path.Combine(parent.Path, "app-data");
        Directory.CreateDirectory(folder);
        await using var harness = new SyncHarness(o => o.DatabasePath = Path.Combine(folder, "flighttasks.db"));
        harness.Server.AddTasks(Acme, 2_000);
        harness.Server.PageSize = 250;
        harness.Server.BeforeAnswer = index =>
        {
            if (index == 3)
            {
                Directory.Delete(folder, recursive: true);
            }
        };

        var thrown = Assert.CatchAsync(() => harness.SyncAsync(AcmeScope));
        harness.Server.BeforeAnswer = null;
        var next = await harness.SyncAsync(AcmeScope);
        var counted = await harness.Store.CountAsync(AcmeScope);

        var path = Path.Combine(folder, "flighttasks.db");
        Assert.Multiple(() =>
        {
            Assert.That(thrown, Is.TypeOf<FlightTaskStoreException>(), thrown?.ToString());
            Assert.That(thrown!.Message, Does.Contain("removed or replaced").And.Contain(path));
            Assert.That(next.TasksHeld, Is.EqualTo(2_000));
            Assert.That(counted, Is.EqualTo(2_000));
            Assert.That(File.Exists(path), Is.True, "the tasks are in a file at DatabasePath");
            Assert.That(RawDatabase.Long(path, "SELECT count(*) FROM flight_tasks;"), Is.EqualTo(2_000), "and that file holds them");
        });
    }

    [Test]
    public async Task SyncAsync_DatabaseFileReplacedDuringTheSync_FailsAndTheNextSyncUsesTheNewFile()
    {
        // A backup restored over the file while a sync runs: the pool still holds the old one open.
        await using var harness = new SyncHarness();
        harness.Server.AddTasks(Acme, 1_000);
        harness.Server.PageSize = 100;
        var backup = harness.Folder.File("backup.db");
        using (var other = new FlightTaskDatabase(backup))
        {
            await new SqliteFlightTaskStore(other, TimeProvider.System).ApplyPageAsync(new SyncScope("other_org"), [FlightTaskBuilder.Task(1).Build()], []);
        }

        harness.Server.BeforeAnswer = index =>
        {
            if (index == 4)
            {
                File.Delete(harness.DatabasePath + "-wal");
                File.Delete(harness.DatabasePath + "-shm");
                File.Move(backup, harness.DatabasePath, overwrite: true);
            }
        };

        var thrown = Assert.CatchAsync(() => harness.SyncAsync(AcmeScope));
        harness.Server.BeforeAnswer = null;
        var next = await harness.SyncAsync(AcmeScope);

        Assert.Multiple(() =>
        {
            Assert.That(thrown, Is.TypeOf<FlightTaskStoreException>(), thrown?.ToString());
            Assert.That(thrown!.Message, Does.Contain("removed or replaced"));
            Assert.That(next.TasksHeld, Is.EqualTo(1_000));
            Assert.That(RawDatabase.Long(harness.DatabasePath, "SELECT count(*) FROM flight_tasks;"), Is.EqualTo(1_001), "the restored file: its task and the synced ones");
        });
    }

    [Test]
    public async Task SyncAsync_DatabaseFolderDeletedAfterTheLastPageBeforeTheSyncRecordsItsEnd_DoesNotReportSuccess()
    {
        using var parent = new TempDirectory();
        var folder = Path.Combine(parent.Path, "app-data");
        await using var harness = new SyncHarness(
            o => o.DatabasePath = Path.Combine(folder, "flighttasks.db"),
            servicesFirst: services => services.AddSingleton<IPageStore>(sp => new CountingPageStore(sp.GetRequiredService<SqliteFlightTaskStore>())));
        harness.Server.AddTasks(Acme, 100);
        var store = (CountingPageStore)harness.Services.GetRequiredService<IPageStore>();
        store.BeforeCompleted = () =>
        {
            Directory.Delete(folder, recursive: true);
            return Task.CompletedTask;
        };

        var thrown = Assert.CatchAsync(() => harness.SyncAsync(AcmeScope));

        Assert.That(thrown, Is.TypeOf<FlightTaskStoreException>(), "no report of tasks that are in no file");
    }

    [Test]
    public async Task SyncAsync_DatabaseFileReplacedWhileNoSyncRan_SyncsIntoTheNewFile()
    {
        await using var harness = new SyncHarness();
        harness.Server.AddTasks(Acme, 300);
        await harness.SyncAsync(AcmeScope);
        var backup = harness.Folder.File("backup.db");
        using (var other = new FlightTaskDatabase(backup))
        {
            await new SqliteFlightTaskStore(other, TimeProvider.System).ApplyPageAsync(new SyncScope("other_org"), [FlightTaskBuilder.Task(1).Build()], []);
        }

        File.Delete(harness.DatabasePath + "-wal");
        File.Delete(harness.DatabasePath + "-shm");
        File.Move(backup, harness.DatabasePath, overwrite: true);
        var report = await harness.SyncAsync(AcmeScope);

        Assert.Multiple(() =>
        {
            Assert.That(report.Upserted, Is.EqualTo(300), "the new file held none of the scope's tasks");
            Assert.That(RawDatabase.Long(harness.DatabasePath, "SELECT count(*) FROM flight_tasks;"), Is.EqualTo(301));
        });
    }

    [Test]
    public async Task Reads_AfterTheDatabaseFolderWasDeleted_ReadTheFileAtThePathNotTheOneGone()
    {
        using var parent = new TempDirectory();
        var folder = Path.Combine(parent.Path, "app-data");
        await using var harness = new SyncHarness(o => o.DatabasePath = Path.Combine(folder, "flighttasks.db"));
        harness.Server.AddTasks(Acme, 100);
        await harness.SyncAsync(AcmeScope);

        Directory.Delete(folder, recursive: true);
        var counted = await harness.Store.CountAsync(AcmeScope);
        var listed = await harness.Store.ListAsync(AcmeScope);
        var status = await harness.Client.GetStatusAsync(AcmeScope);

        Assert.Multiple(() =>
        {
            Assert.That(counted, Is.Zero);
            Assert.That(listed, Is.Empty);
            Assert.That(status.State, Is.EqualTo(SyncState.NeverSynced));
            Assert.That(File.Exists(Path.Combine(folder, "flighttasks.db")), Is.True);
        });
    }
}
