using System.Text;
using System.Text.Json;
using FlightTaskSync.Client.Sync;
using FlightTaskSync.Client.Tests.TestDoubles;
using FlightTaskSync.Client.Transport;

namespace FlightTaskSync.Client.Tests.Sync;

/// <summary>The sync's page parser: one pass from the body to the store's rows, and its pooled buffer.</summary>
public sealed class SyncPageParserTests
{
    private static readonly string Org = FakeTask.OrganizationId("parser");

    [Test]
    public void Parse_ValidPage_GivesTheRowsWithEachTasksRawJsonAsSent()
    {
        var tasks = new[] { new FakeTask(FakeTask.TaskId(1), Org, "Nord — Feld 1"), new FakeTask(FakeTask.TaskId(2), Org, "Two", "ON_HOLD", "notes") };
        var body = Encoding.UTF8.GetBytes(FakeFieldAgentServer.PageJson(7, tasks, [new FakeTask(FakeTask.TaskId(3), Org, "Gone")]));
        var pool = new CountingArrayPool();

        var result = GraphQLResponseReader.Read(body, new SyncPageParser(4, pool));

        using var page = result.Data!;
        using var document = JsonDocument.Parse(body);
        var sent = document.RootElement.GetProperty("data").GetProperty("sync_flight_tasks").GetProperty("upserted");
        Assert.Multiple(() =>
        {
            Assert.That(result.Errors, Is.Empty);
            Assert.That(page.Problem, Is.Null);
            Assert.That(page.RemainingCount, Is.EqualTo(7));
            Assert.That(page.DeletedIds, Is.EqualTo(new[] { FakeTask.TaskId(3) }));
            Assert.That(page.Upserted.Select(r => r.SenteraId), Is.EqualTo(tasks.Select(t => t.SenteraId)));
            Assert.That(page.Upserted.Select(r => r.ContentHash), Is.EqualTo(tasks.Select(t => t.ContentHash)));
            Assert.That(page.Upserted[0].Name, Is.EqualTo("Nord — Feld 1"));
            Assert.That(page.Upserted[0].Status, Is.EqualTo("OPEN"));
            Assert.That(page.Upserted[1].Status, Is.EqualTo("ON_HOLD"), "a status this version does not know is kept as sent");
            Assert.That(page.Upserted[0].Provider, Is.EqualTo("SELF"));
            Assert.That(page.Upserted[1].Notes, Is.EqualTo("notes"));
            Assert.That(page.Upserted[0].OrganizationSenteraId, Is.EqualTo(Org));
            Assert.That(page.Upserted[0].CreatedBySenteraId, Does.StartWith("p4d9s2w_US"));
            Assert.That(page.Upserted[0].PlanSenteraId, Is.Null);
            Assert.That(page.Upserted[0].CreatedAt, Is.EqualTo(new DateTimeOffset(2026, 3, 14, 9, 30, 0, TimeSpan.Zero)));
            Assert.That(Encoding.UTF8.GetString(page.Upserted[0].RawJson.Span), Is.EqualTo(sent[0].GetRawText()));
            Assert.That(Encoding.UTF8.GetString(page.Upserted[1].RawJson.Span), Is.EqualTo(sent[1].GetRawText()));
            Assert.That(pool.Outstanding, Is.EqualTo(1), "the page holds one buffer while it lives");
        });

        page.Dispose();
        Assert.That(pool.Outstanding, Is.Zero, "disposed, the page gave its buffer back");
    }

    [Test]
    public void Parse_RawJsonIsACopy_TheBodyCanBeReusedWhileThePageLives()
    {
        var task = new FakeTask(FakeTask.TaskId(1), Org, "One");
        var body = Encoding.UTF8.GetBytes(FakeFieldAgentServer.PageJson(0, [task]));
        var expected = JsonDocument.Parse(body).RootElement.GetProperty("data").GetProperty("sync_flight_tasks").GetProperty("upserted")[0].GetRawText();

        using var page = GraphQLResponseReader.Read(body, new SyncPageParser(1)).Data!;
        Array.Fill(body, (byte)'x');

        Assert.That(Encoding.UTF8.GetString(page.Upserted[0].RawJson.Span), Is.EqualTo(expected));
    }

    [Test]
    public void Parse_BodyWithByteOrderMark_ReadsThePageAndKeepsRawJsonWithoutIt()
    {
        var task = new FakeTask(FakeTask.TaskId(1), Org, "One");
        var json = FakeFieldAgentServer.PageJson(0, [task]);
        byte[] body = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(json)];

        var result = GraphQLResponseReader.Read(body, new SyncPageParser(1));

        using var page = result.Data!;
        Assert.That(result.Errors, Is.Empty);
        Assert.That(Encoding.UTF8.GetString(page.Upserted[0].RawJson.Span), Does.StartWith("{\"__typename\":\"FlightTask\""));
    }

    [Test]
    public void Parse_TruncatedBody_IsAnErrorAndEveryBufferGoesBack()
    {
        var json = FakeFieldAgentServer.PageJson(0, Enumerable.Range(1, 20).Select(n => new FakeTask(FakeTask.TaskId(n), Org, $"Task {n}")));
        var body = Encoding.UTF8.GetBytes(json)[..(json.Length * 2 / 3)];
        var pool = new CountingArrayPool();

        var result = GraphQLResponseReader.Read(body, new SyncPageParser(1, pool));

        Assert.Multiple(() =>
        {
            Assert.That(result.Data, Is.Null);
            Assert.That(result.Errors.Single().Code, Is.EqualTo(ClientErrorCodes.ResponseNotJson));
            Assert.That(pool.Rented, Is.EqualTo(1), "the page's buffer was rented before the body broke");
            Assert.That(pool.Outstanding, Is.Zero);
        });
    }

    [Test]
    public void Parse_NameThatIsNotUtf8_IsAnErrorAndEveryBufferGoesBack()
    {
        var json = FakeFieldAgentServer.PageJson(0, [new FakeTask(FakeTask.TaskId(1), Org, "Na@me")]);
        var body = Encoding.UTF8.GetBytes(json);
        body[json.IndexOf("Na@me", StringComparison.Ordinal) + 2] = 0xFF;
        var pool = new CountingArrayPool();

        var result = GraphQLResponseReader.Read(body, new SyncPageParser(1, pool));

        Assert.Multiple(() =>
        {
            Assert.That(result.Data, Is.Null);
            Assert.That(result.Errors.Single().Code, Is.EqualTo(ClientErrorCodes.ResponseInvalid));
            Assert.That(pool.Outstanding, Is.Zero);
        });
    }

    [Test]
    public void Parse_MissingRequiredField_SaysWhereAndEveryBufferGoesBack()
    {
        var json = FakeFieldAgentServer.PageJson(0, [new FakeTask(FakeTask.TaskId(1), Org, "One"), new FakeTask(FakeTask.TaskId(2), Org, "Two")]);
        var second = json.LastIndexOf("\"created_by\":", StringComparison.Ordinal);
        var end = json.IndexOf('}', second) + 2;
        var body = Encoding.UTF8.GetBytes(json[..second] + json[end..]);
        var pool = new CountingArrayPool();

        var result = GraphQLResponseReader.Read(body, new SyncPageParser(1, pool));

        Assert.Multiple(() =>
        {
            Assert.That(result.Data, Is.Null);
            Assert.That(result.Errors.Single().Message, Does.Contain("sync_flight_tasks.upserted[1].created_by: the field is required"));
            Assert.That(pool.Outstanding, Is.Zero);
        });
    }

    [Test]
    public void Parse_IdUpsertedTwice_RefusesThePageAndItsBufferGoesBack()
    {
        var task = new FakeTask(FakeTask.TaskId(1), Org, "One");
        var body = Encoding.UTF8.GetBytes(FakeFieldAgentServer.PageJson(3, [task, task]));
        var pool = new CountingArrayPool();

        var result = GraphQLResponseReader.Read(body, new SyncPageParser(2, pool));

        using var page = result.Data!;
        Assert.Multiple(() =>
        {
            Assert.That(page.Problem, Is.EqualTo($"task {task.SenteraId} is upserted twice in one page"));
            Assert.That(page.IsEmpty, Is.True, "a refused page carries no rows");
            Assert.That(pool.Outstanding, Is.Zero);
        });
    }

    [Test]
    public void Parse_LargePage_KeepsEveryRawJsonWhole()
    {
        var tasks = Enumerable.Range(1, 2_000).Select(n => new FakeTask(FakeTask.TaskId(n), Org, $"Task {n} " + new string('é', n % 300), Notes: new string('n', 500))).ToArray();
        var body = Encoding.UTF8.GetBytes(FakeFieldAgentServer.PageJson(0, tasks));
        var pool = new CountingArrayPool();

        using (var page = GraphQLResponseReader.Read(body, new SyncPageParser(1, pool)).Data!)
        {
            var sent = JsonDocument.Parse(body).RootElement.GetProperty("data").GetProperty("sync_flight_tasks").GetProperty("upserted");
            Assert.That(page.Upserted, Has.Count.EqualTo(2_000));
            for (var i = 0; i < tasks.Length; i += 97)
            {
                Assert.That(Encoding.UTF8.GetString(page.Upserted[i].RawJson.Span), Is.EqualTo(sent[i].GetRawText()), $"task {i}");
            }

            Assert.That(Encoding.UTF8.GetString(page.Upserted[^1].RawJson.Span), Is.EqualTo(sent[1_999].GetRawText()));
        }

        Assert.That(pool.Outstanding, Is.Zero);
    }

    [Test]
    public void KeepsSlicesOfBody_IsFalse_SoTheConnectionLendsItThePooledBody()
    {
        IOperationResultParser<SyncPage> parser = new SyncPageParser(1);
        IOperationResultParser<ISyncFlightTasksResult> generated = SyncFlightTasksResultParser.Instance;

        Assert.That((parser.KeepsSlicesOfBody, generated.KeepsSlicesOfBody), Is.EqualTo((false, true)));
    }
}
