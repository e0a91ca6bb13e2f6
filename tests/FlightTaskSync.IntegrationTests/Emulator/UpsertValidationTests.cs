using System.Text.Json;
using FlightTaskSync.Emulator;
using FlightTaskSync.IntegrationTests.Emulator.Support;

namespace FlightTaskSync.IntegrationTests.Emulator;

[TestFixture]
public sealed class UpsertValidationTests
{
    private FieldAgentEmulator _emulator = null!;
    private EmulatorClient _client = null!;
    private string _organization = null!;
    private string _taskId = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _emulator = await FieldAgentEmulator.StartAsync(new EmulatorOptions { TaskCount = 30, OrganizationCount = 2, ChildrenPerOrganization = 0 });
        _client = new EmulatorClient(_emulator);
        _organization = _emulator.OrganizationIds[0];
        _taskId = _emulator.Data.TasksOf(_organization).Keys.Order(StringComparer.Ordinal).First();
    }

    [TearDown]
    public async Task StopAsync()
    {
        _client.Dispose();
        await _emulator.DisposeAsync();
    }

    private static IEnumerable<TestCaseData> BadUpdates()
    {
        yield return Case("name", string.Empty, "blank", "can't be blank");
        yield return Case("name", "   ", "blank", "can't be blank");
        yield return Case("name", null, "blank", "can't be blank");
        yield return Case("name", new string('n', 256), "too_long", "is too long (maximum is 255 characters)");
        yield return Case("notes", new string('n', 65_536), "too_long", "is too long (maximum is 65535 characters)");
        yield return Case("organization_sentera_id", null, "blank", "can't be blank");
        yield return Case("field_sentera_id", "w9n9629_AS_nope", "not_found", "does not exist");
        yield return Case("plan_sentera_id", "w9n9629_FS_nope", "not_found", "does not exist");
        yield return Case("survey_sentera_id", "w9n9629_CO_nope", "not_found", "does not exist");
        yield return Case("assigned_to_sentera_id", "w9n9629_US_nope", "not_found", "does not exist");
        yield return Case("completed_by_sentera_id", "w9n9629_US_nope", "not_found", "does not exist");
        yield return Case("assigned_to_email", "nobody@example.com", "not_found", "does not exist");

        static TestCaseData Case(string attribute, string? value, string key, string message) =>
            new TestCaseData(attribute, value, key, message).SetArgDisplayNames(attribute, value is null ? "null" : value.Length > 20 ? $"{value.Length} chars" : $"\"{value}\"");
    }

    [TestCaseSource(nameof(BadUpdates))]
    public async Task Upsert_UpdateWithABadValue_FailsWithARailsStyleErrorAndChangesNothing(string attribute, string? value, string key, string message)
    {
        var before = _emulator.Data.Get(_taskId)!;
        var entry = new Dictionary<string, object?> { ["sentera_id"] = _taskId, ["notes"] = "Would be set if the entry were valid.", [attribute] = value };

        var result = await _client.UpsertAsync(entry);

        var failure = result.GetProperty("failed")[0];
        var error = failure.GetProperty("attributes")[0];
        Assert.Multiple(() =>
        {
            Assert.That(result.GetProperty("succeeded").GetArrayLength(), Is.Zero);
            Assert.That(failure.GetProperty("index").GetInt32(), Is.Zero);
            Assert.That(failure.GetProperty("attributes").GetArrayLength(), Is.EqualTo(1));
            Assert.That(error.GetProperty("attribute").GetString(), Is.EqualTo(attribute));
            Assert.That(error.GetProperty("key").GetString(), Is.EqualTo(key));
            Assert.That(error.GetProperty("message").GetString(), Is.EqualTo(message));
            Assert.That(error.GetProperty("code").GetString(), Is.EqualTo(key.ToUpperInvariant()));
            Assert.That(failure.GetProperty("item").GetProperty("content_hash").GetString(), Is.EqualTo(before.ContentHash), "the item is the task as it stands");
            Assert.That(_emulator.Data.Get(_taskId), Is.EqualTo(before), "a failed entry applies none of its fields");
            Assert.That(_emulator.Data.Journal, Is.Empty);
        });
    }

    [Test]
    public async Task Upsert_TooLong_CarriesTheMaximumInDetails()
    {
        var result = await _client.UpsertAsync(new { sentera_id = _taskId, name = new string('n', 256) });

        Assert.That(result.GetProperty("failed")[0].GetProperty("attributes")[0].GetProperty("details").GetProperty("count").GetInt32(), Is.EqualTo(255));
    }

    [Test]
    public async Task Upsert_NameOf255AndNotesOf65535Characters_AreAccepted()
    {
        var name = new string('n', 255);
        var notes = new string('o', 65_535);

        var result = await _client.UpsertAsync(new { sentera_id = _taskId, name, notes });

        Assert.That(result.GetProperty("failed").GetArrayLength(), Is.Zero);
        Assert.That(_emulator.Data.Get(_taskId)!.Name, Is.EqualTo(name));
        Assert.That(_emulator.Data.Get(_taskId)!.Notes, Is.EqualTo(notes));
    }

    [Test]
    public async Task Upsert_CreateWithoutNameOrOrganization_FailsOnEachMissingAttribute()
    {
        var result = await _client.UpsertAsync(new { notes = "No name, no organization." });

        var failure = result.GetProperty("failed")[0];
        Assert.Multiple(() =>
        {
            Assert.That(Attributes(failure), Is.EqualTo(new[] { ("organization_sentera_id", "blank"), ("name", "blank") }));
            Assert.That(failure.GetProperty("item").ValueKind, Is.EqualTo(JsonValueKind.Null), "a create has no task to echo");
            Assert.That(_emulator.Data.TaskCount, Is.EqualTo(30));
        });
    }

    [Test]
    public async Task Upsert_CreateInAnUnknownOrganization_FailsWithNotFound()
    {
        var result = await _client.UpsertAsync(new { organization_sentera_id = "w9n9629_OR_nope", name = "Nowhere — stand count" });

        Assert.That(Attributes(result.GetProperty("failed")[0]), Is.EqualTo(new[] { ("organization_sentera_id", "not_found") }));
    }

    [Test]
    public async Task Upsert_FieldOfAnotherOrganization_IsInvalid_AndAFieldOfItsOwnIsAccepted()
    {
        var foreignField = _emulator.Data.FieldIdsOf(_emulator.OrganizationIds[1])[0];
        var ownField = _emulator.Data.FieldIdsOf(_organization)[0];

        var result = await _client.UpsertAsync(
            new { sentera_id = _taskId, field_sentera_id = foreignField },
            new { sentera_id = _taskId, field_sentera_id = ownField });

        var error = result.GetProperty("failed")[0].GetProperty("attributes")[0];
        Assert.Multiple(() =>
        {
            Assert.That(error.GetProperty("key").GetString(), Is.EqualTo("invalid"));
            Assert.That(error.GetProperty("message").GetString(), Is.EqualTo("belongs to another organization"));
            Assert.That(result.GetProperty("succeeded")[0].GetProperty("field").GetProperty("sentera_id").GetString(), Is.EqualTo(ownField));
        });
    }

    [Test]
    public async Task Upsert_UpdateOfAnUnknownOrDeletedTask_FailsWithNotFoundAndNoItem()
    {
        var deleted = _emulator.Data.TasksOf(_organization).Keys.Order(StringComparer.Ordinal).Last();
        _emulator.Data.Delete(deleted);

        var result = await _client.UpsertAsync(new { sentera_id = "w9n9629_TA_nope", notes = "x" }, new { sentera_id = deleted, notes = "x" });

        var failed = result.GetProperty("failed").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(failed.Select(f => Attributes(f).Single()), Is.All.EqualTo(("sentera_id", "not_found")));
            Assert.That(failed.Select(f => f.GetProperty("item").ValueKind), Is.All.EqualTo(JsonValueKind.Null));
            Assert.That(_emulator.Data.Get(deleted), Is.Null, "an update does not bring a deleted task back");
        });
    }

    [Test]
    public async Task Upsert_EntryWithSeveralBadValues_ListsEveryAttribute()
    {
        var result = await _client.UpsertAsync(new { sentera_id = _taskId, name = string.Empty, notes = new string('n', 70_000), field_sentera_id = "w9n9629_AS_nope" });

        Assert.That(Attributes(result.GetProperty("failed")[0]), Is.EquivalentTo(new[] { ("name", "blank"), ("notes", "too_long"), ("field_sentera_id", "not_found") }));
    }

    [Test]
    public async Task Upsert_GoodAndBadEntriesMixed_EachSucceedsOrFailsAloneAndFailuresKeepTheirInputIndex()
    {
        var ids = _emulator.Data.TasksOf(_organization).Keys.Order(StringComparer.Ordinal).Take(3).ToArray();

        var result = await _client.UpsertAsync(
            new { sentera_id = ids[0], notes = "first" },
            new { sentera_id = ids[1], name = string.Empty },
            new { organization_sentera_id = _organization, name = "Home quarter — emergence count" },
            new { organization_sentera_id = _organization },
            new { sentera_id = ids[2], notes = "last" });

        var succeeded = result.GetProperty("succeeded").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(succeeded.Select(s => s.GetProperty("notes").GetString()), Is.EqualTo(new[] { "first", null, "last" }));
            Assert.That(succeeded[1].GetProperty("name").GetString(), Is.EqualTo("Home quarter — emergence count"));
            Assert.That(result.GetProperty("failed").EnumerateArray().Select(f => f.GetProperty("index").GetInt32()), Is.EqualTo(new[] { 1, 3 }));
            Assert.That(_emulator.Data.Journal.Select(m => (m.Index, m.Kind)), Is.EqualTo(new[] { (0, EmulatorMutationKind.Update), (2, EmulatorMutationKind.Create), (4, EmulatorMutationKind.Update) }));
        });
    }

    [Test]
    public async Task Upsert_OneHundredEntries_AreAccepted()
    {
        var entries = Enumerable.Range(0, 100).Select(i => (object)new { organization_sentera_id = _organization, name = $"Batch task {i}" }).ToArray();

        var result = await _client.UpsertAsync(entries);

        Assert.That(result.GetProperty("succeeded").GetArrayLength(), Is.EqualTo(100));
        Assert.That(_emulator.Data.TaskCount, Is.EqualTo(130));
    }

    private static List<(string? Attribute, string? Key)> Attributes(JsonElement failure) =>
        [.. failure.GetProperty("attributes").EnumerateArray().Select(a => (a.GetProperty("attribute").GetString(), a.GetProperty("key").GetString()))];
}
