using FlightTaskSync.Client.Sync;

namespace FlightTaskSync.Client.Tests.Sync;

public sealed class HeldContentHashesTests
{
    [Test]
    public void CountChanges_SameHashOrUnheldDeletion_IsNoChange()
    {
        var held = new HeldContentHashes(new Dictionary<string, string> { ["a"] = "h1", ["b"] = "h2" });
        var page = Page(upserted: [Task("a", "h1"), Task("b", "h2-new"), Task("c", "h3")], deleted: ["zzz", "a"]);

        Assert.That(held.CountChanges(page), Is.EqualTo(3), "b changed, c is new, a is deleted; a's same hash and zzz are nothing");
    }

    [Test]
    public void Apply_UpsertsAndDeletes_LeavesExactlyTheNewHashes()
    {
        var held = new HeldContentHashes(new Dictionary<string, string> { ["a"] = "h1", ["b"] = "h2" });

        held.Apply(Page(upserted: [Task("b", "h2-new"), Task("c", "h3")], deleted: ["a"]));

        Assert.Multiple(() =>
        {
            Assert.That(held.ToRequestList(), Is.EquivalentTo(new[] { "h2-new", "h3" }));
            Assert.That(held.Count, Is.EqualTo(2));
        });
    }

    [Test]
    public void Apply_NewTasksOnly_AppendsTheirHashesToTheSameRequestList()
    {
        var held = new HeldContentHashes(new Dictionary<string, string> { ["a"] = "h1" });
        var list = held.ToRequestList();

        held.Apply(Page(upserted: [Task("b", "h2"), Task("c", "h3"), Task("a", "h1")], deleted: ["not-held"]));

        Assert.Multiple(() =>
        {
            Assert.That(held.ToRequestList(), Is.SameAs(list));
            Assert.That(list, Is.EqualTo(new[] { "h1", "h2", "h3" }), "appended in page order, the unchanged task not twice");
        });
    }

    [Test]
    public void Apply_ChangedTask_RewritesTheListWithoutItsOldHash()
    {
        var held = new HeldContentHashes(new Dictionary<string, string> { ["a"] = "h1", ["b"] = "h2" });

        held.Apply(Page(upserted: [Task("c", "h3"), Task("a", "h1-new"), Task("d", "h4")], deleted: []));

        Assert.That(held.ToRequestList(), Is.EquivalentTo(new[] { "h1-new", "h2", "h3", "h4" }));
    }

    [Test]
    public void Apply_DeletedTask_RewritesTheListWithoutItsHash()
    {
        var held = new HeldContentHashes(new Dictionary<string, string> { ["a"] = "h1", ["b"] = "h2" });

        held.Apply(Page(upserted: [Task("c", "h3")], deleted: ["b"]));

        Assert.That(held.ToRequestList(), Is.EquivalentTo(new[] { "h1", "h3" }));
    }

    [Test]
    public void ToRequestList_WritesItselfAsJson()
    {
        var held = new HeldContentHashes(new Dictionary<string, string> { ["a"] = "h1" });

        Assert.That(held.ToRequestList(), Is.InstanceOf<FlightTaskSync.Client.Transport.IPreserializedJsonValue>());
    }

    private static SyncPage Page(IReadOnlyList<FlightTask> upserted, IReadOnlyList<string> deleted) => new(upserted, deleted, [], 0);

    private static FlightTask Task(string id, string hash) => new()
    {
        SenteraId = id,
        ContentHash = hash,
        Name = "n",
        Status = FlightTaskStatus.Open,
        StatusValue = "OPEN",
        Provider = FlightTaskProvider.Self,
        CreatedBySenteraId = "u",
        CreatedAt = DateTimeOffset.UnixEpoch,
        UpdatedAt = DateTimeOffset.UnixEpoch,
        RawJson = "{}",
        SyncedAt = DateTimeOffset.UnixEpoch,
    };
}
