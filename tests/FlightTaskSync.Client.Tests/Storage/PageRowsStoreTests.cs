using System.Text;
using FlightTaskSync.Client.Storage;
using FlightTaskSync.Client.Sync;
using FlightTaskSync.Client.Tests.Fixtures;
using FlightTaskSync.Client.Tests.TestDoubles;
using FlightTaskSync.Client.Transport;

namespace FlightTaskSync.Client.Tests.Storage;

/// <summary>How the store writes a page's rows: raw JSON bound as UTF-8 text, counts from what the sync holds.</summary>
public sealed class PageRowsStoreTests
{
    private static readonly SyncScope Scope = StoreFixture.Scope;
    private StoreFixture _fixture = null!;

    [SetUp]
    public void SetUp() => _fixture = new StoreFixture();

    [TearDown]
    public void TearDown() => _fixture.Dispose();

    [Test]
    public async Task ApplyPageAsync_ParsedPage_StoresEachRawJsonAsTextThatReadsBackAsSent()
    {
        var org = FlightTaskBuilder.OrganizationId;
        var tasks = new[] { new FakeTask(FakeTask.TaskId(1), org, "Nord — Feld ☀ 1", Notes: "emoji \U0001F681 and \"quotes\""), new FakeTask(FakeTask.TaskId(2), org, "Two") };
        var body = FakeFieldAgentServer.PageJson(0, tasks);
        using var sent = System.Text.Json.JsonDocument.Parse(body);
        var upserted = sent.RootElement.GetProperty("data").GetProperty("sync_flight_tasks").GetProperty("upserted");
        using var page = GraphQLResponseReader.Read(Encoding.UTF8.GetBytes(body), new SyncPageParser(1)).Data!;

        await _fixture.Store.ApplyPageAsync(Scope, page.Rows);

        var first = await _fixture.Store.GetAsync(Scope, tasks[0].SenteraId);
        Assert.Multiple(() =>
        {
            Assert.That(first!.RawJson, Is.EqualTo(upserted[0].GetRawText()));
            Assert.That(first.Name, Is.EqualTo("Nord — Feld ☀ 1"));
            Assert.That(first.Notes, Is.EqualTo("emoji \U0001F681 and \"quotes\""));
            Assert.That(first.Status, Is.EqualTo(FlightTaskStatus.Open));
            Assert.That(first.Provider, Is.EqualTo(FlightTaskProvider.Self));
            Assert.That(RawDatabase.Scalar(_fixture.DatabasePath, "SELECT group_concat(DISTINCT typeof(raw_json)) FROM flight_tasks;"), Is.EqualTo("text"));
            Assert.That(RawDatabase.Scalar(_fixture.DatabasePath, "SELECT raw_json FROM flight_tasks WHERE sentera_id = $id;", ("$id", tasks[1].SenteraId)), Is.EqualTo(upserted[1].GetRawText()));
            Assert.That(RawDatabase.Long(_fixture.DatabasePath, "SELECT count(*) FROM flight_tasks WHERE json_valid(raw_json);"), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task ApplyPageAsync_UnknownProviderAndStatus_StoresTheServersTextAndReadsThemAsUnknown()
    {
        var task = new FakeTask(FakeTask.TaskId(1), FlightTaskBuilder.OrganizationId, "One", "ON_HOLD");
        var body = FakeFieldAgentServer.PageJson(0, [task]).Replace("\"provider\":\"SELF\"", "\"provider\":\"DRONE_CO\"", StringComparison.Ordinal);
        using var page = GraphQLResponseReader.Read(Encoding.UTF8.GetBytes(body), new SyncPageParser(1)).Data!;

        await _fixture.Store.ApplyPageAsync(Scope, page.Rows);

        var stored = await _fixture.Store.GetAsync(Scope, task.SenteraId);
        Assert.Multiple(() =>
        {
            Assert.That((stored!.Status, stored.StatusValue), Is.EqualTo((FlightTaskStatus.Unknown, "ON_HOLD")));
            Assert.That(stored.Provider, Is.EqualTo(FlightTaskProvider.Unknown));
            Assert.That(RawDatabase.Scalar(_fixture.DatabasePath, "SELECT provider FROM flight_tasks;"), Is.EqualTo("DRONE_CO"));
        });
    }

    [Test]
    public async Task ApplyPageAsync_HeldCountGiven_CountsUpdatesFromItWithoutAsking()
    {
        await _fixture.SeedAsync(1, 2);
        using var page = PageRows.FromTasks([FlightTaskBuilder.Task(1).Version(2).Build(), FlightTaskBuilder.Task(3).Build()], []);
        page.HeldCount = 1;

        var result = await _fixture.Store.ApplyPageAsync(Scope, page);

        Assert.That((result.Inserted, result.Updated), Is.EqualTo((1, 1)));
        Assert.That(await _fixture.Store.CountAsync(Scope), Is.EqualTo(3));
    }

    [Test]
    public void FromTasks_BuildFailsOnAProblem_GivesItsBufferBack()
    {
        var pool = new CountingArrayPool();
        FlightTask[] twice = [FlightTaskBuilder.Task(1).Build(), FlightTaskBuilder.Task(1).Build()];

        Assert.Throws<ArgumentException>(() => PageRows.FromTasks(twice, [], pool));

        Assert.That((pool.Rented, pool.Outstanding), Is.EqualTo((1, 0)));
    }
}
