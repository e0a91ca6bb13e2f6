using FlightTaskSync.Client.Storage;
using FlightTaskSync.Client.Tests.Fixtures;
using FlightTaskSync.Client.Tests.TestDoubles;
using FlightTaskSync.Tests.Shared;

namespace FlightTaskSync.Client.Tests.Storage;

/// <summary>
/// A first sync into a store holding no task writes without the list indexes and builds them once
/// after its last page; every other sync keeps them live; whatever way a deferral ends (completed,
/// failed, its process gone), the file has every index again and its lists are right.
/// </summary>
public sealed class ListIndexDeferralTests
{
    private static readonly string Acme = FakeTask.OrganizationId("acme001");
    private static readonly string Beta = FakeTask.OrganizationId("beta002");
    private static readonly SyncScope AcmeScope = new(Acme);
    private static readonly SyncScope BetaScope = new(Beta);
    private static readonly string[] Statuses = ["OPEN", "IN_PROGRESS", "FLIGHT_COMPLETED"];
    private static readonly string[] AllIndexes = [.. ListIndexes.All.Select(index => index.Name)];

    [Test]
    public async Task FirstSyncIntoAnEmptyStore_WritesWithoutTheIndexes_AndBuildsThemBeforeItCompletes()
    {
        await using var harness = new SyncHarness();
        AddTasks(harness, Acme, 1_000);
        harness.Server.PageSize = 200;
        IReadOnlyList<string>? indexesDuring = null;
        var markerDuring = false;
        harness.Server.BeforeAnswer = request =>
        {
            if (request == 2)
            {
                indexesDuring = RawDatabase.IndexNames(harness.DatabasePath);
                markerDuring = File.Exists(harness.DatabasePath + ".indexing");
            }
        };

        var report = await harness.SyncAsync(AcmeScope);

        var events = harness.Logs.Entries.Select(e => e.EventId.Id).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(report.TasksHeld, Is.EqualTo(1_000));
            Assert.That(indexesDuring, Has.None.AnyOf(AllIndexes), "no list or hash index while the pages are written");
            Assert.That(markerDuring, Is.True, "the marker tells other processes a deferral runs");
            Assert.That(RawDatabase.IndexNames(harness.DatabasePath), Is.SupersetOf(AllIndexes));
            Assert.That(File.Exists(harness.DatabasePath + ".indexing"), Is.False, "the marker is gone once the indexes are built");
            Assert.That(events, Does.Contain(2002).And.Contain(2003).And.Contain(2004));
            Assert.That(events.IndexOf(2004), Is.LessThan(events.IndexOf(1003)), "indexed before the sync reports completion");
        });
        await FlightTaskSync.Client.Tests.Sync.FlightTaskSyncClientTests.AssertStoreEqualsServerAsync(harness, AcmeScope);
        await AssertListsAgreeAsync(harness.Store, AcmeScope);
    }

    [Test]
    public async Task ReaderDuringADeferredFirstSync_GetsCorrectAnswers()
    {
        await using var harness = new SyncHarness();
        AddTasks(harness, Acme, 1_200);
        harness.Server.PageSize = 200;
        var failures = new List<Exception>();
        var checkedWhileDeferred = 0;

        // Each committed page, before the next one is written: the lists, counts and lookups of
        // what is held, checked against what the full list holds.
        harness.Store.Changed += (_, _) =>
        {
            try
            {
                var deferred = !RawDatabase.IndexNames(harness.DatabasePath).Contains("ix_flight_tasks_status");
                AssertListsAgreeAsync(harness.Store, AcmeScope).GetAwaiter().GetResult();
                if (deferred)
                {
                    checkedWhileDeferred++;
                }
            }
            catch (Exception exception)
            {
                failures.Add(exception);
            }
        };

        // And while pages are being written: every read answers (no SQLITE_BUSY), seeing whole pages.
        var counts = new List<int>();
        harness.Server.BeforeAnswer = request =>
        {
            try
            {
                counts.Add(harness.Store.CountAsync(AcmeScope, new FlightTaskQuery { Status = FlightTaskStatus.Open }).GetAwaiter().GetResult());
                _ = harness.Store.ListAsync(AcmeScope, new FlightTaskQuery { OrderBy = FlightTaskOrder.UpdatedAt, Descending = true, Take = 50 }).GetAwaiter().GetResult();
            }
            catch (Exception exception)
            {
                failures.Add(exception);
            }
        };

        await harness.SyncAsync(AcmeScope);

        Assert.Multiple(() =>
        {
            Assert.That(failures, Is.Empty);
            Assert.That(checkedWhileDeferred, Is.EqualTo(6), "every page was checked while the indexes were deferred");
            // Task n is open when n % 3 == 0, and pages come in id order: whole pages show as
            // n/3 open tasks among the first n, whatever page is being written meanwhile.
            Assert.That(counts, Has.Count.EqualTo(6));
            Assert.That(counts, Has.All.AnyOf(Enumerable.Range(0, 7).Select(pages => pages * 200 / 3).Cast<object>().ToArray()));
        });
        await AssertListsAgreeAsync(harness.Store, AcmeScope);
    }

    [Test]
    public async Task FirstSyncOfAScope_StoreHoldingAnotherScope_KeepsTheIndexesLive()
    {
        await using var harness = new SyncHarness();
        AddTasks(harness, Beta, 300);
        AddTasks(harness, Acme, 1_000, firstNumber: 10_000);
        harness.Server.PageSize = 200;
        await harness.SyncAsync(BetaScope);
        var seen = new List<IReadOnlyList<string>>();
        harness.Server.BeforeAnswer = _ => seen.Add(RawDatabase.IndexNames(harness.DatabasePath));

        await harness.SyncAsync(AcmeScope);

        Assert.Multiple(() =>
        {
            Assert.That(seen, Has.Count.EqualTo(5));
            Assert.That(seen, Has.All.SupersetOf(AllIndexes), "the other scope's lists stay fast");
            Assert.That(harness.Logs.Entries.Count(e => e.EventId.Id == 2002), Is.EqualTo(1), "only the first sync into the empty store deferred");
        });
        await FlightTaskSync.Client.Tests.Sync.FlightTaskSyncClientTests.AssertStoreEqualsServerAsync(harness, AcmeScope);
        await FlightTaskSync.Client.Tests.Sync.FlightTaskSyncClientTests.AssertStoreEqualsServerAsync(harness, BetaScope);
    }

    [Test]
    public async Task TwoFirstSyncsAtOnceIntoAnEmptyStore_BothComplete_AndTheIndexesAreBuilt()
    {
        await using var harness = new SyncHarness();
        AddTasks(harness, Acme, 600);
        AddTasks(harness, Beta, 600, firstNumber: 10_000);
        harness.Server.PageSize = 100;

        await Task.WhenAll(harness.SyncAsync(AcmeScope), harness.SyncAsync(BetaScope));

        Assert.That(RawDatabase.IndexNames(harness.DatabasePath), Is.SupersetOf(AllIndexes));
        Assert.That(File.Exists(harness.DatabasePath + ".indexing"), Is.False);
        await AssertListsAgreeAsync(harness.Store, AcmeScope);
        await AssertListsAgreeAsync(harness.Store, BetaScope);
    }

    [Test]
    public async Task FirstSyncFailingPartWay_LeavesEveryIndex_AndCorrectLists()
    {
        await using var harness = new SyncHarness();
        AddTasks(harness, Acme, 1_000);
        harness.Server.PageSize = 200;
        harness.Server.BeforeAnswer = request =>
        {
            if (request == 2)
            {
                harness.Server.Enqueue(FakeResponse.WithStatus(400, """{"errors":[{"message":"bad request"}]}"""));
            }
        };

        Assert.That(async () => await harness.SyncAsync(AcmeScope), Throws.InstanceOf<FlightTaskSyncException>());

        Assert.Multiple(() =>
        {
            Assert.That(RawDatabase.IndexNames(harness.DatabasePath), Is.SupersetOf(AllIndexes));
            Assert.That(File.Exists(harness.DatabasePath + ".indexing"), Is.False);
        });
        Assert.That(await harness.Store.CountAsync(AcmeScope), Is.EqualTo(400), "the two committed pages are kept");
        await AssertListsAgreeAsync(harness.Store, AcmeScope);

        // The next sync is a delta sync into a store that holds tasks: nothing deferred, all there.
        harness.Server.BeforeAnswer = null;
        await harness.SyncAsync(AcmeScope);
        await FlightTaskSync.Client.Tests.Sync.FlightTaskSyncClientTests.AssertStoreEqualsServerAsync(harness, AcmeScope);
        Assert.That(harness.Logs.Entries.Count(e => e.EventId.Id == 2002), Is.EqualTo(1));
    }

    [Test]
    public async Task DeferralOfAProcessGone_OtherOpensLeaveItWhileItRuns_AndTheNextOpenOrSyncBuildsTheIndexes()
    {
        using var folder = new TempDirectory();
        var path = folder.File("flighttasks.db");
        var tasks = Enumerable.Range(1, 300).Select(n => FlightTaskBuilder.Task(n).WithStatus(Statuses[n % 3]).Build()).ToList();

        // "Process" A: a first sync into the empty store that writes two pages and is killed: its
        // database is let go without ending the sync (what a killed process leaves: no indexes, the
        // marker's lock released with the process).
        var a = new FlightTaskDatabase(path);
        var storeA = new SqliteFlightTaskStore(a, TimeProvider.System);
        await storeA.MarkSyncStartedAsync(StoreFixture.Scope);
        await storeA.ApplyPageAsync(StoreFixture.Scope, tasks[..150], []);

        // B opens the same file while A's deferral runs: it leaves the indexes to A, and still answers.
        using (var b = new FlightTaskDatabase(path))
        {
            var storeB = new SqliteFlightTaskStore(b, TimeProvider.System);
            Assert.That(await storeB.CountAsync(StoreFixture.Scope), Is.EqualTo(150));
            Assert.That(RawDatabase.IndexNames(path), Has.None.AnyOf(AllIndexes), "not rebuilt under a running deferral");
            await AssertListsAgreeAsync(storeB, StoreFixture.Scope);
        }

        await storeA.ApplyPageAsync(StoreFixture.Scope, tasks[150..], []);
        a.Dispose();
        Assert.That(RawDatabase.IndexNames(path), Has.None.AnyOf(AllIndexes));

        // C opens the file after A is gone: it builds them before its first read.
        using var c = new FlightTaskDatabase(path);
        var storeC = new SqliteFlightTaskStore(c, TimeProvider.System);
        Assert.That(await storeC.CountAsync(StoreFixture.Scope), Is.EqualTo(300));
        Assert.That(RawDatabase.IndexNames(path), Is.SupersetOf(AllIndexes));
        await AssertListsAgreeAsync(storeC, StoreFixture.Scope);
        var read = await storeC.GetAsync(StoreFixture.Scope, tasks[42].SenteraId);
        Assert.That((read?.ContentHash, read?.RawJson), Is.EqualTo((tasks[42].ContentHash, tasks[42].RawJson)));
    }

    [Test]
    public async Task IndexesMissingWithNoDeferralRunning_TheNextSyncStartBuildsThem()
    {
        using var folder = new TempDirectory();
        var path = folder.File("flighttasks.db");
        using var database = new FlightTaskDatabase(path);
        var store = new SqliteFlightTaskStore(database, TimeProvider.System);
        await store.ApplyPageAsync(StoreFixture.Scope, [.. Enumerable.Range(1, 50).Select(n => FlightTaskBuilder.Task(n).Build())], []);

        // Dropped behind the store's back once the file is prepared (as a killed sync would leave them).
        RawDatabase.Execute(path, ListIndexes.DropSql);
        await store.MarkSyncStartedAsync(StoreFixture.Scope);

        Assert.That(RawDatabase.IndexNames(path), Is.SupersetOf(AllIndexes));
        Assert.That(RawDatabase.Long(path, "SELECT count(*) FROM flight_tasks;"), Is.EqualTo(50));
    }

    [Test]
    public async Task DatabaseOfTodaysSchemaVersionFive_OpensSyncsAndKeepsEveryTask()
    {
        // A file as schema version 5 (today's released schema) makes it, holding another scope's tasks.
        using var folder = new TempDirectory();
        var path = folder.File("flighttasks.db");
        using (var connection = RawDatabase.Open(path))
        {
            await SchemaMigrator.MigrateAsync(connection, targetVersion: 5, CancellationToken.None);
            using var wal = connection.CreateCommand();
            wal.CommandText = "PRAGMA journal_mode = WAL;";
            wal.ExecuteNonQuery();
        }

        var held = Enumerable.Range(1, 250).Select(n => FlightTaskBuilder.Task(n).WithStatus(Statuses[n % 3]).Build()).ToList();
        using (var connection = RawDatabase.Open(path))
        {
            // As the store of version 5 wrote them: only the columns that version has.
            LegacyTaskWriter.Write(connection, StoreFixture.Scope, FlightTaskBuilder.SyncTime, [.. held]);
        }

        Assert.That(RawDatabase.Long(path, "PRAGMA user_version;"), Is.EqualTo(5));
        await using var harness = new SyncHarness(folder: folder);
        Assert.That(harness.DatabasePath, Is.EqualTo(path));
        AddTasks(harness, Acme, 500);
        harness.Server.PageSize = 200;

        await harness.SyncAsync(AcmeScope);

        await FlightTaskSync.Client.Tests.Sync.FlightTaskSyncClientTests.AssertStoreEqualsServerAsync(harness, AcmeScope);
        Assert.That(await harness.Store.CountAsync(StoreFixture.Scope), Is.EqualTo(250));
        foreach (var task in held)
        {
            Assert.That(await harness.Store.GetAsync(StoreFixture.Scope, task.SenteraId), Is.EqualTo(task).UsingPropertiesComparer());
        }

        Assert.Multiple(() =>
        {
            Assert.That(RawDatabase.Long(path, "PRAGMA user_version;"), Is.EqualTo(SchemaMigrations.LatestVersion));
            Assert.That(RawDatabase.IndexNames(path), Is.SupersetOf(AllIndexes));
            Assert.That(harness.Logs.Entries.Select(e => e.EventId.Id), Does.Not.Contain(2002), "a store holding tasks never defers");
        });
    }

    private static void AddTasks(SyncHarness harness, string organization, int count, int firstNumber = 1)
    {
        foreach (var task in harness.Server.AddTasks(organization, count, firstNumber))
        {
            var number = int.Parse(task.SenteraId.AsSpan(1, 6), System.Globalization.CultureInfo.InvariantCulture);
            harness.Server.Put(task with { Status = Statuses[number % 3] });
        }
    }

    /// <summary>
    /// The first screen's reads (open tasks by UpdatedAt, by assignee, counts by status, a task by
    /// id) agree with what the scope's full list holds.
    /// </summary>
    private static async Task AssertListsAgreeAsync(IFlightTaskStore store, SyncScope scope)
    {
        var all = await store.ListAsync(scope, new FlightTaskQuery { Take = int.MaxValue, IncludeRawJson = true });
        var open = await store.ListAsync(scope, new FlightTaskQuery { Status = FlightTaskStatus.Open, OrderBy = FlightTaskOrder.UpdatedAt, Descending = true, Take = 40 });
        var expectedOpen = all.Where(t => t.Status == FlightTaskStatus.Open)
            .OrderByDescending(t => t.UpdatedAt).ThenByDescending(t => t.SenteraId, StringComparer.Ordinal).Take(40);
        Assert.That(open.Select(t => t.SenteraId), Is.EqualTo(expectedOpen.Select(t => t.SenteraId)));

        foreach (var assignee in all.Select(t => t.AssignedToSenteraId).OfType<string>().Distinct())
        {
            var assigned = await store.ListAsync(scope, new FlightTaskQuery { AssignedToSenteraId = assignee, Take = int.MaxValue });
            Assert.That(assigned.Select(t => t.SenteraId), Is.EquivalentTo(all.Where(t => t.AssignedToSenteraId == assignee).Select(t => t.SenteraId)));
        }

        foreach (var status in Enum.GetValues<FlightTaskStatus>())
        {
            Assert.That(await store.CountAsync(scope, new FlightTaskQuery { Status = status }), Is.EqualTo(all.Count(t => t.Status == status)), status.ToString());
        }

        if (all.Count > 0)
        {
            var some = all[all.Count / 2];
            Assert.That(await store.GetAsync(scope, some.SenteraId), Is.EqualTo(some).UsingPropertiesComparer());
        }
    }
}
