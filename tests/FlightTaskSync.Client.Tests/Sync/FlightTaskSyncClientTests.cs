using FlightTaskSync.Client.Tests.TestDoubles;
using FlightTaskSync.Tests.Shared;

namespace FlightTaskSync.Client.Tests.Sync;

/// <summary>The sync loop end to end: DI registration, generated client, HTTP, SQLite, against a fake FieldAgent server.</summary>
public sealed class FlightTaskSyncClientTests
{
    private static readonly string Acme = FakeTask.OrganizationId("acme001");
    private static readonly string Beta = FakeTask.OrganizationId("beta002");
    private static readonly SyncScope AcmeScope = new(Acme);

    [Test]
    public async Task SyncAsync_SeveralPages_EachRequestCarriesTheHashesHeldAfterThePreviousPage()
    {
        await using var harness = new SyncHarness();
        harness.Server.AddTasks(Acme, 5_000);
        var progress = new List<SyncProgress>();

        var report = await harness.SyncAsync(AcmeScope, new SynchronousProgress<SyncProgress>(progress.Add));

        var requests = harness.Server.Requests;
        var pages = requests.Select(r => r.ContentHashes.Count).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(pages, Is.EqualTo(new[] { 0, 2_000, 4_000 }));
            Assert.That(report.Pages, Is.EqualTo(3));
            Assert.That(report.Upserted, Is.EqualTo(5_000));
            Assert.That(report.Deleted, Is.Zero);
            Assert.That(report.TasksHeld, Is.EqualTo(5_000));
            Assert.That(report.Retries, Is.Zero);
            Assert.That(progress.Select(p => p.RemainingCount), Is.EqualTo(new[] { 3_000, 1_000, 0 }));
            Assert.That(progress.Select(p => p.PageNumber), Is.EqualTo(new[] { 1, 2, 3 }));
            Assert.That(requests.Select(r => r.OrganizationSenteraId), Is.All.EqualTo(Acme));
            Assert.That(requests.Select(r => r.OperationName), Is.All.EqualTo("SyncFlightTasks"));
        });

        // Request n+1 carries exactly the hashes of pages 1..n, whatever their order.
        var served = harness.Server.TasksOf(AcmeScope);
        Assert.That(requests[2].ContentHashes, Is.EquivalentTo(served.OrderBy(t => t.Key, StringComparer.Ordinal).Take(4_000).Select(t => t.Value)));
        await AssertStoreEqualsServerAsync(harness, AcmeScope);
    }

    [Test]
    public async Task SyncAsync_TasksChangedOnTheServer_ReplacesTheirHashesAndContent()
    {
        await using var harness = new SyncHarness();
        var tasks = harness.Server.AddTasks(Acme, 50);
        await harness.SyncAsync(AcmeScope);
        var oldHash = tasks[7].ContentHash;
        harness.Server.Put(tasks[7] with { Name = "Renamed in the office", Status = "IN_PROGRESS" });

        var report = await harness.SyncAsync(AcmeScope);

        var stored = await harness.Store.GetAsync(AcmeScope, tasks[7].SenteraId);
        Assert.Multiple(() =>
        {
            Assert.That(report.Upserted, Is.EqualTo(1));
            Assert.That(report.Pages, Is.EqualTo(1));
            Assert.That(harness.Server.Requests[1].ContentHashes, Has.Count.EqualTo(50).And.Contains(oldHash));
            Assert.That(stored!.Name, Is.EqualTo("Renamed in the office"));
            Assert.That(stored.Status, Is.EqualTo(FlightTaskStatus.InProgress));
            Assert.That(stored.ContentHash, Is.Not.EqualTo(oldHash).And.EqualTo(harness.Server.Get(tasks[7].SenteraId).ContentHash));
        });
        await AssertStoreEqualsServerAsync(harness, AcmeScope);
    }

    [Test]
    public async Task SyncAsync_TasksDeletedOnTheServer_RemovesTheirRows()
    {
        await using var harness = new SyncHarness();
        var tasks = harness.Server.AddTasks(Acme, 30);
        await harness.SyncAsync(AcmeScope);
        foreach (var task in tasks.Take(5))
        {
            harness.Server.Delete(task.SenteraId);
        }

        var report = await harness.SyncAsync(AcmeScope);

        var count = await harness.Store.CountAsync(AcmeScope);
        var deletedTask = await harness.Store.GetAsync(AcmeScope, tasks[0].SenteraId);
        Assert.Multiple(() =>
        {
            Assert.That(report.Deleted, Is.EqualTo(5));
            Assert.That(report.TasksHeld, Is.EqualTo(25));
            Assert.That(count, Is.EqualTo(25));
            Assert.That(deletedTask, Is.Null);
        });
        await AssertStoreEqualsServerAsync(harness, AcmeScope);
    }

    [Test]
    public async Task SyncAsync_TwoOrganizationsAndADescendantScope_StayApart()
    {
        await using var harness = new SyncHarness();
        var child = FakeTask.OrganizationId("acmekid");
        harness.Server.AddChildOrganization(Acme, child);
        harness.Server.AddTasks(Acme, 20, firstNumber: 1);
        harness.Server.AddTasks(child, 5, firstNumber: 100);
        harness.Server.AddTasks(Beta, 7, firstNumber: 200);
        var withChildren = new SyncScope(Acme, IncludeDescendantOrganizations: true);
        var betaScope = new SyncScope(Beta);

        await harness.SyncAsync(AcmeScope);
        await harness.SyncAsync(withChildren);
        await harness.SyncAsync(betaScope);
        await harness.SyncAsync(betaScope);

        var requests = harness.Server.Requests;
        var acmeCount = await harness.Store.CountAsync(AcmeScope);
        var withChildrenCount = await harness.Store.CountAsync(withChildren);
        var betaCount = await harness.Store.CountAsync(betaScope);
        Assert.Multiple(() =>
        {
            Assert.That(acmeCount, Is.EqualTo(20));
            Assert.That(withChildrenCount, Is.EqualTo(25));
            Assert.That(betaCount, Is.EqualTo(7));
            Assert.That(requests[1].IncludeDescendants, Is.True);
            Assert.That(requests[1].ContentHashes, Is.Empty, "a new scope starts from nothing, whatever other scopes hold");
            Assert.That(requests[3].ContentHashes, Is.EquivalentTo(harness.Server.TasksOf(betaScope).Values));
        });
        await AssertStoreEqualsServerAsync(harness, AcmeScope);
        await AssertStoreEqualsServerAsync(harness, withChildren);
        await AssertStoreEqualsServerAsync(harness, betaScope);
    }

    [Test]
    public async Task SyncAsync_ServerFailuresInThePage_AreReportedWithoutStoppingTheSync()
    {
        await using var harness = new SyncHarness();
        harness.Server.Enqueue(FakeResponse.Json("""
            {"data":{"sync_flight_tasks":{"__typename":"SyncResult","remaining_count":0,"deleted":[],"upserted":[],
              "failed":[{"__typename":"SyncError","key":"task_unreadable","message":"Task could not be read","code":"INTERNAL","reason":null,"details":{"id":"x"}}]}}}
            """));

        var report = await harness.SyncAsync(AcmeScope);

        var failure = report.Failures.Single();
        Assert.Multiple(() =>
        {
            Assert.That(failure.Key, Is.EqualTo("task_unreadable"));
            Assert.That(failure.Message, Is.EqualTo("Task could not be read"));
            Assert.That(failure.Code, Is.EqualTo("INTERNAL"));
            Assert.That(failure.DetailsJson, Is.EqualTo("""{"id":"x"}"""));
            Assert.That(failure.PageNumber, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task SyncAsync_UnknownStatus_IsStoredAsUnknownWithTheServersText()
    {
        await using var harness = new SyncHarness();
        var task = harness.Server.AddTasks(Acme, 1)[0];
        harness.Server.Put(task with { Status = "AWAITING_PERMIT" });

        await harness.SyncAsync(AcmeScope);

        var stored = await harness.Store.GetAsync(AcmeScope, task.SenteraId);
        Assert.Multiple(() =>
        {
            Assert.That(stored!.Status, Is.EqualTo(FlightTaskStatus.Unknown));
            Assert.That(stored.StatusValue, Is.EqualTo("AWAITING_PERMIT"));
            Assert.That(stored.RawJson, Does.Contain("\"AWAITING_PERMIT\""));
        });
    }

    [Test]
    public async Task SyncAsync_DatabaseReopened_KeepsTheTasksAndSendsTheirHashes()
    {
        using var folder = new TempDirectory();
        using var server = new FakeFieldAgentServer();
        server.AddTasks(Acme, 120);
        await using (var first = new SyncHarness(folder: folder, server: server))
        {
            await first.SyncAsync(AcmeScope);
        }

        await using var second = new SyncHarness(folder: folder, server: server);
        var countAfterReopen = await second.Store.CountAsync(AcmeScope);
        var report = await second.SyncAsync(AcmeScope);

        Assert.Multiple(() =>
        {
            Assert.That(countAfterReopen, Is.EqualTo(120));
            Assert.That(server.Requests[^1].ContentHashes, Is.EquivalentTo(server.TasksOf(AcmeScope).Values));
            Assert.That(report.Upserted, Is.Zero);
            Assert.That(report.TasksHeld, Is.EqualTo(120));
        });
    }

    [Test]
    public async Task SyncAsync_ConcurrentCallsForOneScope_RunOneAfterTheOther()
    {
        await using var harness = new SyncHarness();
        harness.Server.AddTasks(Acme, 3_000);
        harness.Server.PageSize = 500;

        var reports = await harness.RunWithClockAsync(() => Task.WhenAll(
            harness.Client.SyncAsync(AcmeScope),
            harness.Client.SyncAsync(AcmeScope),
            harness.Client.SyncAsync(AcmeScope)));

        Assert.Multiple(() =>
        {
            Assert.That(harness.Server.MostConcurrentRequests, Is.EqualTo(1));
            Assert.That(reports.Sum(r => r.Upserted), Is.EqualTo(3_000), "the later syncs find nothing left to bring");
            Assert.That(reports.Select(r => r.TasksHeld), Is.All.EqualTo(3_000));
        });
        await AssertStoreEqualsServerAsync(harness, AcmeScope);
    }

    [Test]
    public async Task SyncAsync_TwoScopesAtOnce_BothComplete()
    {
        await using var harness = new SyncHarness();
        harness.Server.AddTasks(Acme, 1_500, firstNumber: 1);
        harness.Server.AddTasks(Beta, 1_500, firstNumber: 5_000);
        harness.Server.PageSize = 300;
        var betaScope = new SyncScope(Beta);

        await harness.RunWithClockAsync(() => Task.WhenAll(harness.Client.SyncAsync(AcmeScope), harness.Client.SyncAsync(betaScope)));

        await AssertStoreEqualsServerAsync(harness, AcmeScope);
        await AssertStoreEqualsServerAsync(harness, betaScope);
    }

    [Test]
    public async Task SyncAsync_EditsBetweenPages_ConvergeToTheServersSet()
    {
        await using var harness = new SyncHarness();
        var tasks = harness.Server.AddTasks(Acme, 1_000);
        harness.Server.PageSize = 200;
        harness.Server.BeforeAnswer = index =>
        {
            if (index == 2)
            {
                harness.Server.Put(tasks[3] with { Notes = "edited while the client was on page 3" });
                harness.Server.Delete(tasks[10].SenteraId);
                harness.Server.AddTasks(Acme, 3, firstNumber: 9_000);
            }
        };

        await harness.SyncAsync(AcmeScope);

        await AssertStoreEqualsServerAsync(harness, AcmeScope);
    }

    [Test]
    public async Task SyncAsync_StoreReadDuringTheSync_IsNotBlocked()
    {
        await using var harness = new SyncHarness();
        harness.Server.AddTasks(Acme, 2_000);
        harness.Server.PageSize = 250;
        var countsSeen = new List<int>();
        harness.Server.BeforeAnswer = _ => countsSeen.Add(harness.Store.CountAsync(AcmeScope).GetAwaiter().GetResult());

        await harness.SyncAsync(AcmeScope);

        // Each read returned, and saw whole pages: every page before the one being asked for, or
        // all but the last of them while that one is still being written as the next request goes out.
        Assert.That(countsSeen, Has.Count.EqualTo(8));
        for (var request = 0; request < countsSeen.Count; request++)
        {
            Assert.That(countsSeen[request], Is.EqualTo(request * 250).Or.EqualTo(Math.Max(0, request - 1) * 250), $"request {request + 1}");
        }
    }

    [Test]
    public async Task SyncAsync_PagesStartWithAByteOrderMark_AreAcceptedAtOnce()
    {
        await using var harness = new SyncHarness();
        var tasks = harness.Server.AddTasks(Acme, 30);
        byte[] page = [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(FakeFieldAgentServer.PageJson(0, tasks))];
        harness.Server.Enqueue(new FakeResponse(200) { BodyBytes = page });

        var report = await harness.SyncAsync(AcmeScope);

        Assert.Multiple(() =>
        {
            Assert.That(report.Retries, Is.Zero, "a byte order mark is not a broken body");
            Assert.That(harness.Server.Requests, Has.Count.EqualTo(1));
        });
        await AssertStoreEqualsServerAsync(harness, AcmeScope);
    }

    [Test]
    public async Task SyncAsync_NullScope_ThrowsArgumentNullException()
    {
        await using var harness = new SyncHarness();

        Assert.That(() => harness.Client.SyncAsync(null!), Throws.ArgumentNullException);
    }

    internal static async Task AssertStoreEqualsServerAsync(SyncHarness harness, SyncScope scope)
    {
        var stored = await harness.Store.ListAsync(scope, new FlightTaskQuery { Take = int.MaxValue });
        var expected = harness.Server.TasksOf(scope);
        Assert.That(
            stored.ToDictionary(t => t.SenteraId, t => t.ContentHash),
            Is.EquivalentTo(expected),
            $"the store of {scope} holds exactly the server's tasks and hashes");
    }
}
