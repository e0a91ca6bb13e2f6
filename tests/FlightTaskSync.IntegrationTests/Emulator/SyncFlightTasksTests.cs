using System.Net;
using FlightTaskSync.Emulator;
using FlightTaskSync.IntegrationTests.Emulator.Support;

namespace FlightTaskSync.IntegrationTests.Emulator;

[TestFixture]
public sealed class SyncFlightTasksTests
{
    [Test]
    public async Task Sync_FiveThousandTasksAtTwoThousandPerPage_TakesThreePagesAsTheHashSetGrows()
    {
        await using var emulator = await FieldAgentEmulator.StartAsync(new EmulatorOptions { TaskCount = 5000 });
        using var client = new EmulatorClient(emulator);
        var replica = new ClientReplica();

        await replica.SyncToCompletionAsync(client, emulator.OrganizationIds[0], includeDescendants: true);

        Assert.Multiple(() =>
        {
            Assert.That(replica.Pages.Select(p => p.Upserted.Count), Is.EqualTo(new[] { 2000, 2000, 1000 }));
            Assert.That(replica.Pages.Select(p => p.RemainingCount), Is.EqualTo(new[] { 3000, 1000, 0 }));
            Assert.That(replica.Pages.All(p => p.Status == HttpStatusCode.OK && p.Deleted.Count == 0), Is.True);
            Assert.That(replica.Hashes, Is.EquivalentTo(emulator.Data.TasksOf(emulator.OrganizationIds[0], includeDescendants: true)));
        });
    }

    [Test]
    public async Task Sync_HashSetGrowsPageByPage_EachRequestCarriesEverythingHeld()
    {
        await using var emulator = await FieldAgentEmulator.StartAsync(new EmulatorOptions { TaskCount = 250, PageSize = 100 });
        using var client = new EmulatorClient(emulator);
        var replica = new ClientReplica();
        var sentSizes = new List<int>();
        var organization = emulator.OrganizationIds[0];

        for (var page = 0; page < 3; page++)
        {
            sentSizes.Add(replica.Hashes.Count);
            replica.Apply(await client.SyncAsync(organization, replica.Hashes.Values, includeDescendants: true));
        }

        Assert.That(sentSizes, Is.EqualTo(new[] { 0, 100, 200 }));
        Assert.That(replica.Hashes, Has.Count.EqualTo(250));
    }

    [Test]
    public async Task Sync_AcrossPages_ServesItemsInOrdinalOrderOfIdWithoutRepeats()
    {
        await using var emulator = await FieldAgentEmulator.StartAsync(new EmulatorOptions { TaskCount = 700, PageSize = 150 });
        using var client = new EmulatorClient(emulator);
        var replica = new ClientReplica();

        await replica.SyncToCompletionAsync(client, emulator.OrganizationIds[0], includeDescendants: true);

        var ids = replica.Pages.SelectMany(p => p.Upserted).Select(i => i.Id).ToList();
        Assert.That(ids, Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
        Assert.That(ids, Is.Unique);
        Assert.That(ids, Has.Count.EqualTo(700));
    }

    [Test]
    public async Task Sync_WhenUpToDate_ReturnsNothingAndZeroRemaining()
    {
        await using var emulator = await FieldAgentEmulator.StartAsync(new EmulatorOptions { TaskCount = 50 });
        using var client = new EmulatorClient(emulator);
        var held = emulator.Data.TasksOf(emulator.OrganizationIds[0], includeDescendants: true);

        var page = await client.SyncAsync(emulator.OrganizationIds[0], held.Values, includeDescendants: true);

        Assert.Multiple(() =>
        {
            Assert.That(page.Upserted, Is.Empty);
            Assert.That(page.Deleted, Is.Empty);
            Assert.That(page.RemainingCount, Is.Zero);
            Assert.That(page.Failed.ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
        });
    }

    [Test]
    public async Task Sync_EditedTask_ComesBackAloneWithANewHash()
    {
        await using var emulator = await FieldAgentEmulator.StartAsync(new EmulatorOptions { TaskCount = 40 });
        using var client = new EmulatorClient(emulator);
        var organization = emulator.OrganizationIds[0];
        var held = emulator.Data.TasksOf(organization, includeDescendants: true);
        var id = held.Keys.First();

        var edited = emulator.Data.Update(id, t => t with { Notes = "Moved to Thursday." });
        var page = await client.SyncAsync(organization, held.Values, includeDescendants: true);

        Assert.Multiple(() =>
        {
            Assert.That(edited.ContentHash, Is.Not.EqualTo(held[id]));
            Assert.That(page.Upserted, Is.EqualTo(new[] { (id, edited.ContentHash) }));
            Assert.That(page.RemainingCount, Is.Zero);
        });
    }

    [Test]
    public async Task Sync_DeletedTaskWhoseHashTheClientHolds_IsReportedUntilTheClientDropsIt()
    {
        await using var emulator = await FieldAgentEmulator.StartAsync(new EmulatorOptions { TaskCount = 30 });
        using var client = new EmulatorClient(emulator);
        var organization = emulator.OrganizationIds[0];
        var replica = new ClientReplica();
        await replica.SyncToCompletionAsync(client, organization, includeDescendants: true);
        var victim = replica.Hashes.First();

        var tombstone = emulator.Data.Delete(victim.Key);
        var first = await client.SyncAsync(organization, replica.Hashes.Values, includeDescendants: true);
        replica.Apply(first);
        var second = await client.SyncAsync(organization, replica.Hashes.Values, includeDescendants: true);

        Assert.Multiple(() =>
        {
            Assert.That(tombstone, Is.Not.Null);
            Assert.That(tombstone!.LastContentHash, Is.EqualTo(victim.Value));
            Assert.That(first.Deleted, Is.EqualTo(new[] { (victim.Key, victim.Value) }));
            Assert.That(first.Upserted, Is.Empty);
            Assert.That(first.RemainingCount, Is.Zero, "deletions do not count toward remaining_count");
            Assert.That(second.Deleted, Is.Empty);
            Assert.That(replica.Hashes, Has.Count.EqualTo(29));
        });
    }

    [Test]
    public async Task Sync_TaskEditedAfterTheClientSyncedItThenDeleted_IsStillReported()
    {
        await using var emulator = await FieldAgentEmulator.StartAsync(new EmulatorOptions { TaskCount = 20 });
        using var client = new EmulatorClient(emulator);
        var organization = emulator.OrganizationIds[0];
        var replica = new ClientReplica();
        await replica.SyncToCompletionAsync(client, organization, includeDescendants: true);
        var victim = replica.Hashes.First();

        // Edited twice while the client was away, then deleted: the client holds the first hash only.
        emulator.Data.Update(victim.Key, t => t with { Notes = "first edit" });
        emulator.Data.Update(victim.Key, t => t with { Notes = "second edit" });
        emulator.Data.Delete(victim.Key);
        var page = await client.SyncAsync(organization, replica.Hashes.Values, includeDescendants: true);

        Assert.Multiple(() =>
        {
            Assert.That(page.Deleted.Select(d => d.Id), Is.EqualTo(new[] { victim.Key }));
            Assert.That(page.Upserted, Is.Empty);
        });
    }

    [Test]
    public async Task Sync_DeletedTaskTheClientNeverHeld_IsNotReported()
    {
        await using var emulator = await FieldAgentEmulator.StartAsync(new EmulatorOptions { TaskCount = 10 });
        using var client = new EmulatorClient(emulator);
        var organization = emulator.OrganizationIds[0];
        var id = emulator.Data.TasksOf(organization, includeDescendants: true).Keys.First();
        emulator.Data.Delete(id);

        var page = await client.SyncAsync(organization, [], includeDescendants: true);

        Assert.That(page.Deleted, Is.Empty);
        Assert.That(page.Upserted.Select(u => u.Id), Does.Not.Contain(id));
        Assert.That(page.Upserted, Has.Count.EqualTo(9));
    }

    [Test]
    public async Task Sync_DeletionsAlongsideAFullPage_DoNotCountTowardTheCap()
    {
        await using var emulator = await FieldAgentEmulator.StartAsync(new EmulatorOptions { TaskCount = 60, PageSize = 10, ChildrenPerOrganization = 0 });
        using var client = new EmulatorClient(emulator);
        var organization = emulator.OrganizationIds[0];
        var held = emulator.Data.TasksOf(organization).Take(20).ToDictionary();
        foreach (var id in held.Keys.Take(5))
        {
            emulator.Data.Delete(id);
        }

        var page = await client.SyncAsync(organization, held.Values);

        Assert.Multiple(() =>
        {
            Assert.That(page.Deleted, Has.Count.EqualTo(5));
            Assert.That(page.Upserted, Has.Count.EqualTo(10));
            Assert.That(page.RemainingCount, Is.EqualTo(60 - 20 - 10));
        });
    }

    [Test]
    public async Task Sync_TombstoneOlderThanTheRetention_IsNoLongerReported()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero));
        await using var emulator = await FieldAgentEmulator.StartAsync(new EmulatorOptions
        {
            TaskCount = 10,
            TimeProvider = time,
            TombstoneRetention = TimeSpan.FromDays(30),
        });
        using var client = new EmulatorClient(emulator);
        var organization = emulator.OrganizationIds[0];
        var held = emulator.Data.TasksOf(organization, includeDescendants: true);
        emulator.Data.Delete(held.Keys.First());

        time.Advance(TimeSpan.FromDays(30));
        var withinRetention = await client.SyncAsync(organization, held.Values, includeDescendants: true);
        time.Advance(TimeSpan.FromSeconds(1));
        var afterRetention = await client.SyncAsync(organization, held.Values, includeDescendants: true);

        Assert.That(withinRetention.Deleted, Has.Count.EqualTo(1));
        Assert.That(afterRetention.Deleted, Is.Empty);
        Assert.That(emulator.Data.TombstoneCount, Is.Zero);
    }

    [Test]
    public async Task Sync_OrganizationAloneOrWithDescendants_ScopesTheTasks()
    {
        await using var emulator = await FieldAgentEmulator.StartAsync(new EmulatorOptions { TaskCount = 300, ChildrenPerOrganization = 2 });
        using var client = new EmulatorClient(emulator);
        var root = emulator.OrganizationIds[0];
        var child = emulator.OrganizationIds[1];

        var rootAlone = await client.SyncAsync(root, [], includeDescendants: false);
        var rootWithNull = await client.SyncAsync(root, [], includeDescendants: null);
        var rootWithChildren = await client.SyncAsync(root, [], includeDescendants: true);
        var childAlone = await client.SyncAsync(child, [], includeDescendants: true);

        Assert.Multiple(() =>
        {
            Assert.That(rootAlone.Upserted.Select(u => u.Id), Is.EquivalentTo(emulator.Data.TasksOf(root).Keys));
            Assert.That(rootWithNull.Upserted, Is.EqualTo(rootAlone.Upserted), "null include_descendant_organizations means false");
            Assert.That(rootWithChildren.Upserted, Has.Count.EqualTo(300));
            Assert.That(childAlone.Upserted.Select(u => u.Id), Is.EquivalentTo(emulator.Data.TasksOf(child).Keys));
            Assert.That(rootAlone.Upserted.Count + childAlone.Upserted.Count, Is.LessThan(300));
        });
    }

    [Test]
    public async Task Sync_GrandchildOrganization_IsADescendantToo()
    {
        await using var emulator = await FieldAgentEmulator.StartAsync(new EmulatorOptions { ChildrenPerOrganization = 1 });
        using var client = new EmulatorClient(emulator);
        var grandchild = emulator.Data.AddOrganization("Field office", emulator.OrganizationIds[1]);
        var task = emulator.Data.AddGeneratedTasks(grandchild.SenteraId, 1).Single();

        var fromRoot = await client.SyncAsync(emulator.OrganizationIds[0], [], includeDescendants: true);
        var rootAlone = await client.SyncAsync(emulator.OrganizationIds[0], [], includeDescendants: false);

        Assert.That(fromRoot.Upserted.Select(u => u.Id), Is.EqualTo(new[] { task.SenteraId }));
        Assert.That(rootAlone.Upserted, Is.Empty);
    }

    [Test]
    public async Task Sync_UnknownOrganization_AnswersNotFoundWithNullData()
    {
        await using var emulator = await FieldAgentEmulator.StartAsync(new EmulatorOptions { TaskCount = 5 });
        using var client = new EmulatorClient(emulator);

        var page = await client.SyncAsync("zzzzzzz_OR_nopeAcme_CV_deve_000000000_200101_000000", []);

        Assert.Multiple(() =>
        {
            Assert.That(page.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(page.FirstErrorCode, Is.EqualTo("NOT_FOUND"));
            Assert.That(page.Root.GetProperty("data").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
        });
    }

    [Test]
    public async Task Sync_HashWithDifferentCase_DoesNotMatch()
    {
        await using var emulator = await FieldAgentEmulator.StartAsync(new EmulatorOptions { TaskCount = 20, ChildrenPerOrganization = 0 });
        using var client = new EmulatorClient(emulator);
        var organization = emulator.OrganizationIds[0];
        var held = emulator.Data.TasksOf(organization);
        var (id, hash) = held.First(h => h.Value.Any(char.IsLetter));
        var swapped = new string([.. hash.Select(c => char.IsUpper(c) ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c))]);

        var page = await client.SyncAsync(organization, held.Where(h => h.Key != id).Select(h => h.Value).Append(swapped));

        Assert.That(page.Upserted, Is.EqualTo(new[] { (id, hash) }));
    }
}
