using FlightTaskSync.Emulator;
using FlightTaskSync.IntegrationTests.Emulator.Support;

namespace FlightTaskSync.IntegrationTests.Emulator;

[TestFixture]
public sealed class DeleteTasksTests
{
    private FieldAgentEmulator _emulator = null!;
    private EmulatorClient _client = null!;
    private string _organization = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _emulator = await FieldAgentEmulator.StartAsync(new EmulatorOptions { TaskCount = 80, ChildrenPerOrganization = 0 });
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
    public async Task Delete_KnownIds_DeletesThemAndReturnsThemAsTheyWereInInputOrder()
    {
        var ids = Ids().Take(3).Reverse().ToArray();
        var before = ids.Select(id => _emulator.Data.Get(id)!).ToList();

        var deleted = await _client.DeleteAsync(ids);

        Assert.Multiple(() =>
        {
            Assert.That(deleted.EnumerateArray().Select(t => t.GetProperty("sentera_id").GetString()), Is.EqualTo(ids));
            Assert.That(deleted.EnumerateArray().Select(t => t.GetProperty("name").GetString()), Is.EqualTo(before.Select(t => t.Name)));
            Assert.That(deleted.EnumerateArray().Select(t => t.GetProperty("content_hash").GetString()), Is.EqualTo(before.Select(t => t.ContentHash)));
            Assert.That(ids.Select(_emulator.Data.Get), Is.All.Null);
            Assert.That(_emulator.Data.TombstonesOf(_organization).Select(t => t.SenteraId), Is.EquivalentTo(ids));
        });
    }

    [Test]
    public async Task Delete_UnknownAlreadyDeletedAndRepeatedIds_AreIgnoredAndNotReturned()
    {
        var ids = Ids();
        _emulator.Data.Delete(ids[1]);

        var deleted = await _client.DeleteAsync([ids[0], "w9n9629_TA_nope", ids[1], ids[0], ids[2]]);

        Assert.Multiple(() =>
        {
            Assert.That(deleted.EnumerateArray().Select(t => t.GetProperty("sentera_id").GetString()), Is.EqualTo(new[] { ids[0], ids[2] }));
            Assert.That(_emulator.Data.Journal.Select(m => (m.Kind, m.TaskSenteraId, m.Index)),
                Is.EqualTo(new[] { (EmulatorMutationKind.Delete, ids[0], 0), (EmulatorMutationKind.Delete, ids[2], 4) }));
        });
    }

    [Test]
    public async Task Delete_WithAField_DeletesOnlyTheGivenTasksOnThatField()
    {
        var byField = Ids().Select(id => _emulator.Data.Get(id)!).Where(t => t.FieldSenteraId is not null).GroupBy(t => t.FieldSenteraId!).First(g => g.Count() >= 2);
        var onField = byField.Select(t => t.SenteraId).ToList();
        var elsewhere = Ids().First(id => _emulator.Data.Get(id)!.FieldSenteraId != byField.Key);

        var deleted = await _client.DeleteAsync([onField[0], elsewhere], byField.Key);

        Assert.Multiple(() =>
        {
            Assert.That(deleted.EnumerateArray().Select(t => t.GetProperty("sentera_id").GetString()), Is.EqualTo(new[] { onField[0] }));
            Assert.That(_emulator.Data.Get(onField[0]), Is.Null);
            Assert.That(_emulator.Data.Get(elsewhere), Is.Not.Null, "a task on another field is left alone");
            Assert.That(_emulator.Data.Get(onField[1]), Is.Not.Null, "a task of the field that was not named is left alone");
        });
    }

    [Test]
    public async Task Delete_ThenSync_AClientHoldingTheTasksIsToldInDeleted()
    {
        var replica = new ClientReplica();
        await replica.SyncToCompletionAsync(_client, _organization);
        var ids = Ids().Take(2).ToArray();

        await _client.DeleteAsync(ids);
        var page = await _client.SyncAsync(_organization, replica.Hashes.Values);
        var fresh = await _client.SyncAsync(_organization, []);

        Assert.Multiple(() =>
        {
            Assert.That(page.Deleted.Select(d => d.Id), Is.EquivalentTo(ids));
            Assert.That(page.Upserted, Is.Empty);
            Assert.That(fresh.Deleted, Is.Empty, "a client that never held them is not told");
            Assert.That(fresh.Upserted.Select(u => u.Id).Intersect(ids), Is.Empty);
        });
    }

    [Test]
    public async Task Delete_OneThousandIds_IsAccepted()
    {
        var ids = Ids().Take(1).Concat(Enumerable.Range(0, 999).Select(i => $"w9n9629_TA_unknown{i}")).ToArray();

        var deleted = await _client.DeleteAsync(ids);

        Assert.That(deleted.GetArrayLength(), Is.EqualTo(1));
    }

    [Test]
    public async Task Delete_MoreThanOneThousandIds_IsAGraphQLErrorAndNothingIsDeleted()
    {
        var ids = Ids().Take(1).Concat(Enumerable.Range(0, 1000).Select(i => $"w9n9629_TA_unknown{i}")).ToArray();

        var root = await _client.QueryAsync(MutationRequests.Delete, new { ids });

        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString(), Is.EqualTo("BAD_USER_INPUT"));
            Assert.That(root.GetProperty("errors")[0].GetProperty("message").GetString(), Does.Contain("1000").And.Contain("1001"));
            Assert.That(_emulator.Data.Get(ids[0]), Is.Not.Null);
            Assert.That(_emulator.Data.TaskCount, Is.EqualTo(80));
        });
    }

    private List<string> Ids() => [.. _emulator.Data.TasksOf(_organization).Keys.Order(StringComparer.Ordinal)];
}
