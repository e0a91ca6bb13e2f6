using System.Text.Json;
using FlightTaskSync.Emulator;
using FlightTaskSync.IntegrationTests.Emulator.Support;

namespace FlightTaskSync.IntegrationTests.Emulator;

[TestFixture]
public sealed class UpsertFlightTasksTests
{
    private const string Mutation = """
        mutation Upsert($tasks: [FlightTaskImport!]!) {
          upsert_flight_tasks(flight_tasks: $tasks) {
            succeeded { sentera_id content_hash name notes provider status organization_sentera_id scheduled_at }
            failed { index item { sentera_id } attributes { attribute key message code } }
          }
        }
        """;

    private FieldAgentEmulator _emulator = null!;
    private EmulatorClient _client = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _emulator = await FieldAgentEmulator.StartAsync(new EmulatorOptions { TaskCount = 20 });
        _client = new EmulatorClient(_emulator);
    }

    [TearDown]
    public async Task StopAsync()
    {
        _client.Dispose();
        await _emulator.DisposeAsync();
    }

    [Test]
    public async Task Upsert_EntryWithoutId_CreatesATaskThatTheNextSyncBrings()
    {
        var organization = _emulator.OrganizationIds[1];
        var held = _emulator.Data.TasksOf(organization);

        var result = await UpsertAsync(new
        {
            organization_sentera_id = organization,
            name = "Back 160 — green snap check",
            notes = "After Tuesday's wind.",
            provider = "FLY_GUYS",
            scheduled_at = "2026-07-01T14:00:00Z",
        });
        var created = result.GetProperty("succeeded")[0];
        var id = created.GetProperty("sentera_id").GetString()!;
        var page = await _client.SyncAsync(organization, held.Values);

        Assert.Multiple(() =>
        {
            Assert.That(result.GetProperty("failed").GetArrayLength(), Is.Zero);
            Assert.That(id, Does.Match("^[a-z0-9]{7}_TA_"));
            Assert.That(created.GetProperty("status").GetString(), Is.EqualTo("OPEN"));
            Assert.That(created.GetProperty("provider").GetString(), Is.EqualTo("FLY_GUYS"));
            Assert.That(created.GetProperty("scheduled_at").GetString(), Is.EqualTo("2026-07-01T14:00:00Z"));
            Assert.That(_emulator.Data.Get(id)!.Notes, Is.EqualTo("After Tuesday's wind."));
            Assert.That(page.Upserted, Is.EqualTo(new[] { (id, created.GetProperty("content_hash").GetString()!) }));
        });
    }

    [Test]
    public async Task Upsert_EntryWithId_UpdatesOnlyTheFieldsItCarries()
    {
        var (id, hash) = _emulator.Data.TasksOf(_emulator.OrganizationIds[0]).First();
        var before = _emulator.Data.Get(id)!;

        var result = await UpsertAsync(new { sentera_id = id, notes = (string?)null });
        var after = _emulator.Data.Get(id)!;

        Assert.Multiple(() =>
        {
            Assert.That(result.GetProperty("succeeded")[0].GetProperty("content_hash").GetString(), Is.Not.EqualTo(hash));
            Assert.That(after.Notes, Is.Null);
            Assert.That(after.Name, Is.EqualTo(before.Name));
            Assert.That(after.FieldSenteraId, Is.EqualTo(before.FieldSenteraId));
        });
    }

    [Test]
    public async Task Upsert_BadEntries_FailOneByOneWithTheirIndexAndAttribute()
    {
        var (id, _) = _emulator.Data.TasksOf(_emulator.OrganizationIds[0]).First();

        var result = await UpsertAsync(
            new { sentera_id = "nope" },
            new { organization_sentera_id = _emulator.OrganizationIds[0] },
            new { sentera_id = id, name = new string('x', 256) },
            new { sentera_id = id, organization_sentera_id = _emulator.OrganizationIds[1] },
            new { sentera_id = id, name = "Hilltop — yield estimate" });

        var failed = result.GetProperty("failed").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(failed.Select(f => f.GetProperty("index").GetInt32()), Is.EqualTo(new[] { 0, 1, 2, 3 }));
            Assert.That(failed.Select(f => Attribute(f, "key")), Is.EqualTo(new[] { "not_found", "blank", "too_long", "immutable" }));
            Assert.That(failed.Select(f => Attribute(f, "attribute")), Is.EqualTo(new[] { "sentera_id", "name", "name", "organization_sentera_id" }));
            Assert.That(failed[2].GetProperty("item").GetProperty("sentera_id").GetString(), Is.EqualTo(id));
            Assert.That(failed[1].GetProperty("item").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(result.GetProperty("succeeded").GetArrayLength(), Is.EqualTo(1));
            Assert.That(_emulator.Data.Get(id)!.Name, Is.EqualTo("Hilltop — yield estimate"));
        });
    }

    [Test]
    public async Task Upsert_MoreThanOneHundredEntries_IsRejectedWhole()
    {
        var entries = Enumerable.Range(0, 101).Select(_ => (object)new { organization_sentera_id = _emulator.OrganizationIds[0], name = "x" }).ToArray();

        var root = await _client.QueryAsync(Mutation, new { tasks = entries });

        Assert.That(root.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString(), Is.EqualTo("BAD_USER_INPUT"));
        Assert.That(_emulator.Data.TaskCount, Is.EqualTo(20));
    }

    private static string? Attribute(JsonElement failure, string name) =>
        failure.GetProperty("attributes")[0].GetProperty(name).GetString();

    private async Task<JsonElement> UpsertAsync(params object[] entries)
    {
        var root = await _client.QueryAsync(Mutation, new { tasks = entries });
        Assert.That(root.TryGetProperty("errors", out _), Is.False, root.ToString());
        return root.GetProperty("data").GetProperty("upsert_flight_tasks");
    }
}
