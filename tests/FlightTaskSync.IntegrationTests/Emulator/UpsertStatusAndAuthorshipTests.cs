using FlightTaskSync.Emulator;
using FlightTaskSync.IntegrationTests.Emulator.Support;
using Microsoft.Extensions.Time.Testing;

namespace FlightTaskSync.IntegrationTests.Emulator;

[TestFixture]
public sealed class UpsertStatusAndAuthorshipTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 4, 7, 15, 30, TimeSpan.Zero);
    private static readonly DateTimeOffset Started = new(2026, 5, 3, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Completed = new(2026, 5, 3, 11, 30, 0, TimeSpan.Zero);

    private FakeTimeProvider _time = null!;
    private FieldAgentEmulator _emulator = null!;
    private EmulatorClient _client = null!;
    private string _organization = null!;
    private string _taskId = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _time = new FakeTimeProvider(Now);
        _emulator = await FieldAgentEmulator.StartAsync(new EmulatorOptions { TaskCount = 10, ChildrenPerOrganization = 0, TimeProvider = _time });
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

    private static IEnumerable<TestCaseData> Inferences()
    {
        var started = Iso(Started);
        var completed = Iso(Completed);
        yield return Case(EmulatorTaskStatus.Open, null, null, null, new { started_at = started }, EmulatorTaskStatus.InProgress, "started_at on an OPEN task");
        yield return Case(EmulatorTaskStatus.Open, null, null, null, new { completed_at = completed }, EmulatorTaskStatus.Completed, "completed_at on an OPEN task");
        yield return Case(EmulatorTaskStatus.InProgress, Started, null, null, new { completed_at = completed }, EmulatorTaskStatus.Completed, "completed_at on an IN_PROGRESS task");
        yield return Case(EmulatorTaskStatus.Completed, Started, Completed, null, new { canceled_at = completed }, EmulatorTaskStatus.Canceled, "canceled_at wins over completed_at");
        yield return Case(EmulatorTaskStatus.Completed, Started, Completed, null, new { completed_at = (string?)null }, EmulatorTaskStatus.InProgress, "completed_at cleared, started");
        yield return Case(EmulatorTaskStatus.Canceled, null, null, Completed, new { canceled_at = (string?)null }, EmulatorTaskStatus.Open, "canceled_at cleared, never started");
        yield return Case(EmulatorTaskStatus.InProgress, Started, null, null, new { started_at = (string?)null }, EmulatorTaskStatus.Open, "started_at cleared");
        yield return Case(EmulatorTaskStatus.FlightCompleted, Started, null, null, new { started_at = completed }, EmulatorTaskStatus.FlightCompleted, "FLIGHT_COMPLETED is not a date");
        yield return Case(EmulatorTaskStatus.Failed, Started, null, null, new { started_at = completed }, EmulatorTaskStatus.Failed, "FAILED is not a date");
        yield return Case(EmulatorTaskStatus.Canceled, null, null, null, new { notes = "No date in this entry." }, EmulatorTaskStatus.Canceled, "no lifecycle date, no inference");

        static TestCaseData Case(EmulatorTaskStatus status, DateTimeOffset? startedAt, DateTimeOffset? completedAt, DateTimeOffset? canceledAt, object change, EmulatorTaskStatus expected, string name) =>
            new TestCaseData(status, startedAt, completedAt, canceledAt, change, expected).SetArgDisplayNames(name);
    }

    [TestCaseSource(nameof(Inferences))]
    public async Task Upsert_LifecycleDates_TheStatusIsInferredAndTheHashChanges(
        EmulatorTaskStatus status, DateTimeOffset? startedAt, DateTimeOffset? completedAt, DateTimeOffset? canceledAt, object change, EmulatorTaskStatus expected)
    {
        var before = _emulator.Data.Update(_taskId, t => t with { Status = status, StartedAt = startedAt, CompletedAt = completedAt, CanceledAt = canceledAt });
        var entry = System.Text.Json.JsonSerializer.SerializeToNode(change)!.AsObject();
        entry["sentera_id"] = _taskId;

        var result = await _client.UpsertAsync(entry);

        var after = _emulator.Data.Get(_taskId)!;
        Assert.Multiple(() =>
        {
            Assert.That(result.GetProperty("failed").GetArrayLength(), Is.Zero);
            Assert.That(after.Status, Is.EqualTo(expected));
            Assert.That(result.GetProperty("succeeded")[0].GetProperty("status").GetString(), Is.EqualTo(SchemaName(expected)));
            Assert.That(result.GetProperty("succeeded")[0].GetProperty("content_hash").GetString(), Is.EqualTo(after.ContentHash).And.Not.EqualTo(before.ContentHash));
        });
    }

    [Test]
    public async Task Upsert_CreateWithStartedAt_IsInProgress_AndWithoutDates_IsOpen()
    {
        var result = await _client.UpsertAsync(
            new { organization_sentera_id = _organization, name = "Started offline", started_at = Iso(Started) },
            new { organization_sentera_id = _organization, name = "Not started" });

        var statuses = result.GetProperty("succeeded").EnumerateArray().Select(s => s.GetProperty("status").GetString());
        Assert.That(statuses, Is.EqualTo(new[] { "IN_PROGRESS", "OPEN" }));
    }

    [Test]
    public async Task Upsert_Completing_RecordsTheTokensUserAsCompletedBy_UnlessTheEntryNamesOne()
    {
        var other = _emulator.Data.UserIds[3];
        var ids = _emulator.Data.TasksOf(_organization).Keys.Order(StringComparer.Ordinal).Take(2).ToArray();
        foreach (var id in ids)
        {
            _emulator.Data.Update(id, t => t with { Status = EmulatorTaskStatus.InProgress, StartedAt = Started, CompletedAt = null, CompletedBySenteraId = null, CanceledAt = null });
        }

        await _client.UpsertAsync(
            new { sentera_id = ids[0], completed_at = Iso(Completed) },
            new { sentera_id = ids[1], completed_at = Iso(Completed), completed_by_sentera_id = other });
        await _client.UpsertAsync(new { sentera_id = ids[0], completed_at = (string?)null });

        Assert.Multiple(() =>
        {
            Assert.That(_emulator.Data.Get(ids[1])!.CompletedBySenteraId, Is.EqualTo(other));
            Assert.That(_emulator.Data.Journal[0].UserSenteraId, Is.EqualTo(_emulator.UserSenteraId));
            Assert.That(_emulator.Data.Get(ids[0])!.CompletedBySenteraId, Is.Null, "reopened: no longer completed by anyone");
            Assert.That(_emulator.Data.Get(ids[0])!.Status, Is.EqualTo(EmulatorTaskStatus.InProgress));
        });
    }

    [Test]
    public async Task Upsert_Create_StampsCreatedAndUpdatedWithTheServersTimeAndTheTokensUser()
    {
        _time.Advance(TimeSpan.FromMilliseconds(700));

        var created = (await _client.UpsertAsync(new { organization_sentera_id = _organization, name = "Replant check" })).GetProperty("succeeded")[0];

        var id = created.GetProperty("sentera_id").GetString()!;
        Assert.Multiple(() =>
        {
            Assert.That(created.GetProperty("created_by").GetProperty("sentera_id").GetString(), Is.EqualTo(_emulator.UserSenteraId));
            Assert.That(created.GetProperty("updated_by").GetProperty("sentera_id").GetString(), Is.EqualTo(_emulator.UserSenteraId));
            Assert.That(created.GetProperty("created_at").GetString(), Is.EqualTo("2026-05-04T07:15:30Z"));
            Assert.That(created.GetProperty("updated_at").GetString(), Is.EqualTo("2026-05-04T07:15:30Z"));
            Assert.That(created.GetProperty("provider").GetString(), Is.EqualTo("SELF"));
            Assert.That(id, Does.Match("^[a-z0-9]{7}_TA_[a-z0-9]+[A-Za-z0-9]*_CV_[a-z]{4}_[0-9a-f]{9}_260504_071530$"), "an id of the real shape, stamped with its creation time");
        });
    }

    [Test]
    public async Task Upsert_WithAnotherUsersToken_RecordsThatUserAsUpdatedBy()
    {
        var office = _emulator.Data.UserIds[5];
        var token = _emulator.IssueTokenFor(office);
        _time.Advance(TimeSpan.FromMinutes(3));

        var updated = (await _client.UpsertAsync(token, new { sentera_id = _taskId, notes = "Checked from the office." })).GetProperty("succeeded")[0];

        Assert.Multiple(() =>
        {
            Assert.That(updated.GetProperty("updated_by").GetProperty("sentera_id").GetString(), Is.EqualTo(office));
            Assert.That(updated.GetProperty("updated_at").GetString(), Is.EqualTo("2026-05-04T07:18:30Z"));
            Assert.That(_emulator.Data.Journal.Single().UserSenteraId, Is.EqualTo(office));
            Assert.That(_emulator.AccessToken, Is.Not.EqualTo(token), "a token for another user does not replace the emulator's own");
            Assert.That(() => _emulator.IssueTokenFor("w9n9629_US_nope"), Throws.ArgumentException);
        });
    }

    private static string Iso(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private static string SchemaName(EmulatorTaskStatus status) => status switch
    {
        EmulatorTaskStatus.InProgress => "IN_PROGRESS",
        EmulatorTaskStatus.FlightCompleted => "FLIGHT_COMPLETED",
        _ => status.ToString().ToUpperInvariant(),
    };
}
