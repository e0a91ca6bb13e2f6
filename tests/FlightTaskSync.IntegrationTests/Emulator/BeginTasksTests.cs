using System.Text.Json;
using FlightTaskSync.Emulator;
using FlightTaskSync.IntegrationTests.Emulator.Support;
using Microsoft.Extensions.Time.Testing;

namespace FlightTaskSync.IntegrationTests.Emulator;

[TestFixture]
public sealed class BeginTasksTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 4, 7, 15, 30, TimeSpan.Zero);

    private FakeTimeProvider _time = null!;
    private FieldAgentEmulator _emulator = null!;
    private EmulatorClient _client = null!;
    private string _organization = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _time = new FakeTimeProvider(Now.AddTicks(1234));
        _emulator = await FieldAgentEmulator.StartAsync(new EmulatorOptions { TaskCount = 60, ChildrenPerOrganization = 0, TimeProvider = _time });
        _client = new EmulatorClient(_emulator);
        _organization = _emulator.OrganizationIds[0];
    }

    [TearDown]
    public async Task StopAsync()
    {
        _client.Dispose();
        await _emulator.DisposeAsync();
    }

    [Test]
    public async Task Begin_OpenTask_BecomesInProgressWithStartedAtUpdatedAtUpdatedByAndANewHash()
    {
        var id = IdsWithStatus(EmulatorTaskStatus.Open)[0];
        var hashBefore = _emulator.Data.Get(id)!.ContentHash;

        var result = await _client.BeginAsync(id);
        var after = _emulator.Data.Get(id)!;

        Assert.Multiple(() =>
        {
            Assert.That(result.GetProperty("succeeded").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(new[] { id }));
            Assert.That(result.GetProperty("failed").GetArrayLength(), Is.Zero);
            Assert.That(after.Status, Is.EqualTo(EmulatorTaskStatus.InProgress));
            Assert.That(after.StartedAt, Is.EqualTo(Now), "the server's time, to the second");
            Assert.That(after.UpdatedAt, Is.EqualTo(Now));
            Assert.That(after.UpdatedBySenteraId, Is.EqualTo(_emulator.UserSenteraId));
            Assert.That(after.ContentHash, Is.Not.EqualTo(hashBefore));
        });
    }

    [Test]
    public async Task Begin_MixOfOpenUnknownAndNotOpen_SucceedsForTheOpenOnesAndFailsTheOthersWithTheirIndex()
    {
        var open = IdsWithStatus(EmulatorTaskStatus.Open);
        var completed = IdsWithStatus(EmulatorTaskStatus.Completed)[0];
        var inProgress = IdsWithStatus(EmulatorTaskStatus.InProgress)[0];
        var deleted = open[2];
        _emulator.Data.Delete(deleted);

        var result = await _client.BeginAsync(open[0], "w9n9629_TA_nope", completed, open[1], inProgress, deleted);

        var failed = result.GetProperty("failed").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(result.GetProperty("succeeded").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(new[] { open[0], open[1] }));
            Assert.That(failed.Select(f => f.GetProperty("index").GetInt32()), Is.EqualTo(new[] { 1, 2, 4, 5 }));
            Assert.That(failed.Select(f => Error(f, "key")), Is.EqualTo(new[] { "not_found", "invalid_transition", "invalid_transition", "not_found" }));
            Assert.That(failed.Select(f => Error(f, "attribute")), Is.EqualTo(new[] { "sentera_id", "status", "status", "sentera_id" }));
            Assert.That(failed.Select(f => Error(f, "code")), Is.EqualTo(new[] { "NOT_FOUND", "INVALID_TRANSITION", "INVALID_TRANSITION", "NOT_FOUND" }));
            Assert.That(Error(failed[1], "message"), Is.EqualTo("cannot transition via \"begin\""));
            Assert.That(failed[1].GetProperty("errors")[0].GetProperty("details").GetProperty("status").GetString(), Is.EqualTo("COMPLETED"));
            Assert.That(failed[2].GetProperty("errors")[0].GetProperty("details").GetProperty("status").GetString(), Is.EqualTo("IN_PROGRESS"));
            Assert.That(_emulator.Data.Get(completed)!.Status, Is.EqualTo(EmulatorTaskStatus.Completed));
        });
    }

    [Test]
    public async Task Begin_SameTaskTwice_TheFirstBeginsAndTheResendFailsAsAlreadyInProgress()
    {
        var id = IdsWithStatus(EmulatorTaskStatus.Open)[0];

        var first = await _client.BeginAsync(id, id);
        var resent = await _client.BeginAsync(id);

        Assert.Multiple(() =>
        {
            Assert.That(first.GetProperty("succeeded").GetArrayLength(), Is.EqualTo(1));
            Assert.That(first.GetProperty("failed")[0].GetProperty("index").GetInt32(), Is.EqualTo(1));
            Assert.That(resent.GetProperty("failed")[0].GetProperty("errors")[0].GetProperty("details").GetProperty("status").GetString(), Is.EqualTo("IN_PROGRESS"));
            Assert.That(_emulator.Data.Journal.Count(m => m.Kind == EmulatorMutationKind.Begin), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Begin_OneHundredIds_IsAccepted()
    {
        var ids = Enumerable.Range(0, 100).Select(i => $"w9n9629_TA_unknown{i}").ToArray();

        var result = await _client.BeginAsync(ids);

        Assert.That(result.GetProperty("failed").EnumerateArray().Select(f => f.GetProperty("index").GetInt32()), Is.EqualTo(Enumerable.Range(0, 100)));
    }

    [Test]
    public async Task Begin_MoreThanOneHundredIds_IsAGraphQLErrorAndNothingBegins()
    {
        var open = IdsWithStatus(EmulatorTaskStatus.Open)[0];
        var ids = new[] { open }.Concat(Enumerable.Range(0, 100).Select(i => $"w9n9629_TA_unknown{i}")).ToArray();

        var root = await _client.QueryAsync(MutationRequests.Begin, new { ids });

        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString(), Is.EqualTo("BAD_USER_INPUT"));
            Assert.That(root.GetProperty("errors")[0].GetProperty("message").GetString(), Does.Contain("100").And.Contain("101"));
            Assert.That(_emulator.Data.Get(open)!.Status, Is.EqualTo(EmulatorTaskStatus.Open));
            Assert.That(_emulator.Data.Journal, Is.Empty);
        });
    }

    [Test]
    public async Task Begin_ThenSync_TheClientHoldingTheOldHashGetsTheBegunTask()
    {
        var replica = new ClientReplica();
        await replica.SyncToCompletionAsync(_client, _organization);
        var id = IdsWithStatus(EmulatorTaskStatus.Open)[0];

        await _client.BeginAsync(id);
        var page = await _client.SyncAsync(_organization, replica.Hashes.Values);

        Assert.That(page.Upserted, Is.EqualTo(new[] { (id, _emulator.Data.Get(id)!.ContentHash) }));
        Assert.That(page.Result.GetProperty("upserted")[0].GetProperty("status").GetString(), Is.EqualTo("IN_PROGRESS"));
    }

    private static string? Error(JsonElement failure, string name) =>
        failure.GetProperty("errors")[0].GetProperty(name).GetString();

    private List<string> IdsWithStatus(EmulatorTaskStatus status) =>
        [.. _emulator.Data.TasksOf(_organization).Keys.Order(StringComparer.Ordinal).Where(id => _emulator.Data.Get(id)!.Status == status)];
}
