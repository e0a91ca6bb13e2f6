using FlightTaskSync.Client.Storage;
using FlightTaskSync.Client.Sync;
using FlightTaskSync.Client.Transport;

namespace FlightTaskSync.Client.Tests.Sync;

public sealed class HeldContentHashesTests
{
    private static readonly Dictionary<string, string> NothingHeld = new(StringComparer.Ordinal);

    [Test]
    public void Apply_SameHashOrUnheldDeletion_IsNoChange()
    {
        var held = FromStore("h1", "h2");
        var page = Page(upserted: [Task("a", "h1"), Task("b", "h2-new"), Task("c", "h3")], deleted: ["zzz", "a-other"]);

        // The store held a → h1 and b → h2 among the page's ids; zzz and a-other were not held.
        var changes = held.Apply(page, Before(("a", "h1"), ("b", "h2")));

        Assert.Multiple(() =>
        {
            Assert.That(changes, Is.EqualTo(2), "b changed, c is new; a's same hash and the unheld deletions are nothing");
            Assert.That(held.ToRequestList(), Is.EquivalentTo(new[] { "h1", "h2-new", "h3" }));
        });
    }

    [Test]
    public void Apply_UpsertsAndDeletes_LeavesExactlyTheNewHashes()
    {
        var held = FromStore("h1", "h2");

        var changes = held.Apply(Page(upserted: [Task("b", "h2-new"), Task("c", "h3")], deleted: ["a"]), Before(("a", "h1"), ("b", "h2")));

        Assert.Multiple(() =>
        {
            Assert.That(changes, Is.EqualTo(3));
            Assert.That(held.ToRequestList(), Is.EquivalentTo(new[] { "h2-new", "h3" }));
            Assert.That(held.Count, Is.EqualTo(2));
        });
    }

    [Test]
    public void Apply_NewTasksOnly_AppendsTheirHashesToTheSameRequestList()
    {
        var held = FromStore("h1");
        var list = held.ToRequestList();

        held.Apply(Page(upserted: [Task("b", "h2"), Task("c", "h3"), Task("a", "h1")], deleted: ["not-held"]), Before(("a", "h1")));

        Assert.Multiple(() =>
        {
            Assert.That(held.ToRequestList(), Is.SameAs(list));
            Assert.That(list, Is.EqualTo(new[] { "h1", "h2", "h3" }), "appended in page order, the unchanged task not twice");
        });
    }

    [Test]
    public void Apply_ChangedTask_RemovesItsOldHashOnly()
    {
        var held = FromStore("h1", "h2");

        held.Apply(Page(upserted: [Task("c", "h3"), Task("a", "h1-new"), Task("d", "h4")], deleted: []), Before(("a", "h1")));

        Assert.That(held.ToRequestList(), Is.EquivalentTo(new[] { "h1-new", "h2", "h3", "h4" }));
    }

    [Test]
    public void Apply_DeletedTask_RemovesItsHash()
    {
        var held = FromStore("h1", "h2");

        held.Apply(Page(upserted: [Task("c", "h3")], deleted: ["b"]), Before(("b", "h2")));

        Assert.That(held.ToRequestList(), Is.EquivalentTo(new[] { "h1", "h3" }));
    }

    [Test]
    public void Apply_TwoTasksShareAHash_RemovingOneKeepsTheOther()
    {
        // Content hashes are not promised to be unique across tasks: the list is a multiset.
        var held = FromStore("same", "same", "h3");

        held.Apply(Page(upserted: [], deleted: ["a"]), Before(("a", "same")));

        Assert.That(held.ToRequestList(), Is.EquivalentTo(new[] { "same", "h3" }));
    }

    [Test]
    public void FullResync_StartsEmptyAndCountsAgainstWhatItReceived_NotTheStore()
    {
        var held = HeldContentHashes.ForFullResync();

        // The store held a → h1 before the resync; the resync has not received it yet, so a is new to it.
        var first = held.Apply(Page(upserted: [Task("a", "h1"), Task("b", "h2")], deleted: []), Before(("a", "h1")));
        var again = held.Apply(Page(upserted: [Task("a", "h1")], deleted: []), Before(("a", "h1")));
        var changed = held.Apply(Page(upserted: [Task("b", "h2-new")], deleted: ["a"]), Before(("a", "h1"), ("b", "h2")));

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.EqualTo(2));
            Assert.That(again, Is.Zero, "a was received already with the same hash");
            Assert.That(changed, Is.EqualTo(2));
            Assert.That(held.ToRequestList(), Is.EqualTo(new[] { "h2-new" }));
            Assert.That(held.HasReceived("b"), Is.True);
            Assert.That(held.HasReceived("a"), Is.False, "deleted after it was received");
        });
    }

    [Test]
    public void HasReceived_DeltaSync_Throws()
    {
        var held = FromStore("h1");

        Assert.That(() => held.HasReceived("a"), Throws.InvalidOperationException);
    }

    [Test]
    public void ToRequestList_WritesItselfAsJson()
    {
        var held = FromStore("h1");

        Assert.That(held.ToRequestList(), Is.InstanceOf<IPreserializedJsonValue>());
        Assert.That(HeldContentHashes.ForFullResync().Apply(Page([], []), NothingHeld), Is.Zero);
    }

    [Test]
    public void Apply_DeltaSync_TellsThePageHowManyOfItsRowsTheStoreHolds()
    {
        var held = FromStore("h1", "h2");
        using var page = Page(upserted: [Task("a", "h1"), Task("b", "h2-new"), Task("c", "h3")], deleted: ["zzz"]);

        held.Apply(page, Before(("a", "h1"), ("b", "h2")));

        Assert.That(page.Rows.HeldCount, Is.EqualTo(2), "a and b are updates, c an insert");
    }

    [Test]
    public void Apply_FullResyncGivenTheStoresIds_TellsHeldRowsAcrossPagesAndDeletions()
    {
        var held = HeldContentHashes.ForFullResync(Before(("a", "h1"), ("b", "h2"), ("d", "h4")));
        using var first = Page(upserted: [Task("a", "h1-new"), Task("c", "h3")], deleted: ["b"]);
        using var second = Page(upserted: [Task("b", "h2-back"), Task("c", "h3-new"), Task("d", "h4")], deleted: []);

        held.Apply(first, NothingHeld);
        held.Apply(second, NothingHeld);

        Assert.Multiple(() =>
        {
            Assert.That(first.Rows.HeldCount, Is.EqualTo(1), "a was stored before the resync; c is new");
            Assert.That(second.Rows.HeldCount, Is.EqualTo(2), "b was deleted by the first page; c arrived in it; d was stored before");
        });
    }

    [Test]
    public void Apply_FullResyncWithoutTheStoresIds_LeavesTheCountToTheStore()
    {
        var held = HeldContentHashes.ForFullResync();
        using var page = Page(upserted: [Task("a", "h1")], deleted: []);

        held.Apply(page, NothingHeld);

        Assert.That(page.Rows.HeldCount, Is.Null);
    }

    private static HeldContentHashes FromStore(params string[] hashes)
    {
        var list = new JsonStringList();
        foreach (var hash in hashes)
        {
            list.Add(hash);
        }

        return HeldContentHashes.FromStore(list);
    }

    private static Dictionary<string, string> Before(params (string Id, string Hash)[] held) =>
        held.ToDictionary(pair => pair.Id, pair => pair.Hash, StringComparer.Ordinal);

    private static SyncPage Page(IReadOnlyList<FlightTask> upserted, IReadOnlyList<string> deleted) => new(PageRows.FromTasks(upserted, deleted), [], 0);

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
