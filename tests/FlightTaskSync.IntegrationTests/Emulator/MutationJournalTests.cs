using FlightTaskSync.Emulator;
using FlightTaskSync.IntegrationTests.Emulator.Support;
using Microsoft.Extensions.Time.Testing;

namespace FlightTaskSync.IntegrationTests.Emulator;

[TestFixture]
public sealed class MutationJournalTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private FakeTimeProvider _time = null!;
    private FieldAgentEmulator _emulator = null!;
    private EmulatorClient _client = null!;
    private string _organization = null!;
    private List<string> _ids = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _time = new FakeTimeProvider(Now);
        _emulator = await FieldAgentEmulator.StartAsync(new EmulatorOptions { TaskCount = 40, ChildrenPerOrganization = 0, TimeProvider = _time });
        _client = new EmulatorClient(_emulator);
        _organization = _emulator.OrganizationIds[0];
        _ids = [.. _emulator.Data.TasksOf(_organization).Keys.Order(StringComparer.Ordinal)];
    }

    [TearDown]
    public async Task StopAsync()
    {
        _client.Dispose();
        await _emulator.DisposeAsync();
    }

    [Test]
    public async Task Journal_RecordsEveryAppliedChangeInOrderWithItsRequestOperationAndTask()
    {
        var open = _ids.First(id => _emulator.Data.Get(id)!.Status == EmulatorTaskStatus.Open);
        var updated = _ids.First(id => id != open);
        var deleted = _ids.Last();

        var upsert = await _client.UpsertAsync(
            new { organization_sentera_id = _organization, name = "Replant check" },
            new { sentera_id = updated, name = string.Empty },
            new { sentera_id = updated, notes = "Creek corner flooded" });
        _time.Advance(TimeSpan.FromSeconds(5));
        await _client.BeginAsync(open);
        await _client.DeleteAsync([deleted]);
        var requests = _emulator.RequestCount;

        var journal = _emulator.Data.Journal;
        var createdId = upsert.GetProperty("succeeded")[0].GetProperty("sentera_id").GetString();
        Assert.Multiple(() =>
        {
            Assert.That(journal.Select(m => m.Sequence), Is.EqualTo(new long[] { 1, 2, 3, 4 }));
            Assert.That(journal.Select(m => m.Kind), Is.EqualTo(new[] { EmulatorMutationKind.Create, EmulatorMutationKind.Update, EmulatorMutationKind.Begin, EmulatorMutationKind.Delete }));
            Assert.That(journal.Select(m => m.TaskSenteraId), Is.EqualTo(new[] { createdId, updated, open, deleted }));
            Assert.That(journal.Select(m => m.Operation), Is.EqualTo(new[] { "upsert_flight_tasks", "upsert_flight_tasks", "begin_tasks", "delete_tasks" }));
            Assert.That(journal.Select(m => m.Index), Is.EqualTo(new[] { 0, 2, 0, 0 }), "the rejected entry 1 is not recorded");
            Assert.That(journal.Select(m => m.RequestNumber), Is.EqualTo(new[] { requests - 2, requests - 2, requests - 1, requests }));
            Assert.That(journal.Select(m => m.AppliedAt), Is.EqualTo(new[] { Now, Now, Now.AddSeconds(5), Now.AddSeconds(5) }));
            Assert.That(journal.Select(m => m.UserSenteraId), Is.All.EqualTo(_emulator.UserSenteraId));
            Assert.That(journal.Select(m => m.OrganizationSenteraId), Is.All.EqualTo(_organization));
            Assert.That(journal[1].ContentHash, Is.EqualTo(_emulator.Data.Get(updated)!.ContentHash), "the hash after the change");
            Assert.That(journal[3].ContentHash, Is.EqualTo(_emulator.Data.TombstonesOf(_organization).Single().LastContentHash));
        });
    }

    [Test]
    public async Task Journal_UpsertEntries_RecordTheFieldsTheyCarriedWithTheirValuesAsText()
    {
        var id = _ids[0];

        await _client.UpsertAsync(
            new { sentera_id = id, notes = (string?)null, completed_at = "2026-05-30T16:45:00Z", provider = "FLY_GUYS" },
            new { organization_sentera_id = _organization, name = "Scout — hail", scheduled_at = "2026-06-02T08:00:00+02:00" });

        var journal = _emulator.Data.Journal;
        Assert.Multiple(() =>
        {
            Assert.That(journal[0].Fields, Is.EquivalentTo(new Dictionary<string, string?>
            {
                ["notes"] = null,
                ["completed_at"] = "2026-05-30T16:45:00Z",
                ["provider"] = "FLY_GUYS",
            }));
            Assert.That(journal[1].Fields, Is.EquivalentTo(new Dictionary<string, string?>
            {
                ["organization_sentera_id"] = _organization,
                ["name"] = "Scout — hail",
                ["scheduled_at"] = "2026-06-02T06:00:00Z",
            }));
        });
    }

    [Test]
    public async Task Journal_CreatesOfTheSameContentInTwoCalls_AreTwoTasks_SoDuplicatesShowUp()
    {
        var entry = new { organization_sentera_id = _organization, name = "Stand count — east pivot" };

        await _client.UpsertAsync(entry);
        await _client.UpsertAsync(entry);

        var creates = _emulator.Data.Journal.Where(m => m.Kind == EmulatorMutationKind.Create).ToList();
        Assert.That(creates, Has.Count.EqualTo(2));
        Assert.That(creates.Select(m => m.TaskSenteraId), Is.Unique, "the server has no idempotency key: a resend is a second task");
    }

    [Test]
    public async Task Journal_OfficeEditsAndRejectedEntries_AreNotRecorded_AndASnapshotDoesNotChange()
    {
        _emulator.Data.Update(_ids[0], t => t with { Notes = "Office note." });
        _emulator.Data.Delete(_ids[1]);
        _emulator.Data.AddGeneratedTasks(_organization, 2);
        await _client.UpsertAsync(new { sentera_id = "w9n9629_TA_nope", notes = "x" });
        await _client.BeginAsync("w9n9629_TA_nope");
        await _client.DeleteAsync(["w9n9629_TA_nope"]);
        var snapshot = _emulator.Data.Journal;

        await _client.UpsertAsync(new { sentera_id = _ids[2], notes = "Applied." });

        Assert.That(snapshot, Is.Empty);
        Assert.That(_emulator.Data.Journal, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Journal_ConcurrentCalls_EachCallAppliesAsOneBlockAndEveryCreateGetsItsOwnId()
    {
        using var second = new EmulatorClient(_emulator);
        var calls = Enumerable.Range(0, 8).Select(c => (c % 2 == 0 ? _client : second).UpsertAsync(
            [.. Enumerable.Range(0, 10).Select(i => (object)new { organization_sentera_id = _organization, name = $"Call {c} task {i}" })]));

        var results = await Task.WhenAll(calls);

        var journal = _emulator.Data.Journal;
        Assert.Multiple(() =>
        {
            Assert.That(results.Sum(r => r.GetProperty("succeeded").GetArrayLength()), Is.EqualTo(80));
            Assert.That(journal.Select(m => m.Sequence), Is.EqualTo(Enumerable.Range(1, 80).Select(i => (long)i)));
            Assert.That(journal.Select(m => m.TaskSenteraId), Is.Unique);
            Assert.That(journal.Chunk(10).Select(block => block.Select(m => m.RequestNumber).Distinct().Count()), Is.All.EqualTo(1), "no call interleaves with another");
            Assert.That(journal.Chunk(10).Select(block => block.Select(m => m.Index)), Is.All.EqualTo(Enumerable.Range(0, 10)));
            Assert.That(_emulator.Data.TaskCount, Is.EqualTo(120));
        });
    }

    [Test]
    public async Task OfficeEdit_BetweenTwoClientSyncs_ChangesTheHashTheClientHolds_AndTheLastWriteWinsPerField()
    {
        var replica = new ClientReplica();
        await replica.SyncToCompletionAsync(_client, _organization);
        var id = _ids[3];
        var heldHash = replica.Hashes[id];

        // The office changes the notes while the pilot, offline, changes the name.
        _time.Advance(TimeSpan.FromMinutes(10));
        var office = _emulator.Data.Update(id, t => t with { Notes = "Office: spray drift reported.", UpdatedBySenteraId = _emulator.Data.UserIds[4] });
        var serverHashBeforePush = _emulator.Data.TasksOf(_organization)[id];
        _time.Advance(TimeSpan.FromMinutes(10));
        await _client.UpsertAsync(new { sentera_id = id, name = "Pilot renamed it" });
        var page = await _client.SyncAsync(_organization, replica.Hashes.Values);

        var merged = _emulator.Data.Get(id)!;
        Assert.Multiple(() =>
        {
            Assert.That(serverHashBeforePush, Is.Not.EqualTo(heldHash), "a client comparing hashes sees the conflict before pushing");
            Assert.That(office.UpdatedAt, Is.EqualTo(Now.AddMinutes(10)));
            Assert.That(merged.Notes, Is.EqualTo("Office: spray drift reported."), "fields the push did not carry are the office's");
            Assert.That(merged.Name, Is.EqualTo("Pilot renamed it"));
            Assert.That(merged.UpdatedBySenteraId, Is.EqualTo(_emulator.UserSenteraId));
            Assert.That(page.Upserted, Is.EqualTo(new[] { (id, merged.ContentHash) }));
            Assert.That(_emulator.Data.Journal.Single().Fields.Keys, Is.EqualTo(new[] { "name" }));
        });
    }
}
