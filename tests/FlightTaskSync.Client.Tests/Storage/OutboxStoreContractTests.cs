using FlightTaskSync.Client.Storage.Outbox;
using FlightTaskSync.Client.Tests.Fixtures;
using FlightTaskSync.Tests.Shared;
using Microsoft.Extensions.Time.Testing;
using static FlightTaskSync.Client.Tests.Push.PushFixtures;

namespace FlightTaskSync.Client.Tests.Storage;

/// <summary>
/// The guarantees <see cref="IOutboxStore"/> and <see cref="ILocalEditStore"/> state, run against
/// both implementations: the SQLite store (a real file in a temp folder) and the in-memory store
/// the push's tests use, so that the push is tested against a store that behaves like the real one.
/// </summary>
[TestFixture(OutboxStoreKind.Sqlite)]
[TestFixture(OutboxStoreKind.InMemory)]
internal sealed class OutboxStoreContractTests
{
    private readonly OutboxStoreKind _kind;
    private OutboxStoreUnderTest _store = null!;

    public OutboxStoreContractTests(OutboxStoreKind kind)
    {
        _kind = kind;
    }

    private IOutboxStore Outbox => _store.Outbox;

    private ILocalEditStore Local => _store.Local;

    [SetUp]
    public void SetUp() => _store = OutboxStoreUnderTest.Create(_kind);

    [TearDown]
    public void TearDown() => _store.Dispose();

    [Test]
    public async Task AddEditAsync_Update_QueuesItPendingWithTheServerRowsHashAndValuesOfWhatItSets()
    {
        await _store.PullAsync(ServerTask(TaskId(1), hash: "hash-1", notes: "old notes", field: FieldId(1)));
        var changes = new FlightTaskChanges { Notes = "Creek corner flooded", FieldSenteraId = null, AssignedToEmail = "pilot@example.com" };

        await Local.AddEditAsync(Scope, new LocalEdit { Kind = PendingEditKind.Update, TaskId = TaskId(1), MadeAt = T0, Changes = changes });

        var edit = (await Outbox.ReadEditsAsync(Scope)).Single();
        Assert.Multiple(() =>
        {
            Assert.That(edit.Kind, Is.EqualTo(PendingEditKind.Update));
            Assert.That(edit.TaskId, Is.EqualTo(TaskId(1)));
            Assert.That(edit.State, Is.EqualTo(OutboxEditState.Pending));
            Assert.That(edit.MadeAt, Is.EqualTo(T0));
            Assert.That(edit.BaseContentHash, Is.EqualTo("hash-1"));
            Assert.That(edit.FirstSentAt, Is.Null);
            Assert.That(edit.Changes!.ChangedProperties, Is.EqualTo(new[] { FlightTaskProperty.Notes, FlightTaskProperty.FieldSenteraId, FlightTaskProperty.AssignedToEmail }));
            Assert.That(edit.Changes.Notes, Is.EqualTo("Creek corner flooded"));
            Assert.That(edit.Changes.FieldSenteraId, Is.Null);
            Assert.That(edit.Changes.AssignedToEmail, Is.EqualTo("pilot@example.com"));
            Assert.That(edit.BaseValues!.ChangedProperties, Is.EqualTo(new[] { FlightTaskProperty.Notes, FlightTaskProperty.FieldSenteraId }));
            Assert.That(edit.BaseValues.Notes, Is.EqualTo("old notes"));
            Assert.That(edit.BaseValues.FieldSenteraId, Is.EqualTo(FieldId(1)));
        });
    }

    [Test]
    public async Task AddEditAsync_Create_HasNoBaseAndReturnsTheLocalTask()
    {
        var task = new NewFlightTask { Name = "Replant check", OrganizationSenteraId = Organization, FieldSenteraId = FieldId(3), ScheduledAt = T0.AddDays(1) };

        var shown = await Local.AddEditAsync(Scope, new LocalEdit { Kind = PendingEditKind.Create, TaskId = LocalId(1), MadeAt = T0, NewTask = task });

        var edit = (await Outbox.ReadEditsAsync(Scope)).Single();
        Assert.Multiple(() =>
        {
            Assert.That(shown!.SenteraId, Is.EqualTo(LocalId(1)));
            Assert.That(shown.ContentHash, Is.Empty);
            Assert.That(shown.Status, Is.EqualTo(FlightTaskStatus.Open));
            Assert.That(shown.Name, Is.EqualTo("Replant check"));
            Assert.That(edit.BaseContentHash, Is.Null);
            Assert.That(edit.BaseValues, Is.Null);
            Assert.That(edit.NewTask!.Name, Is.EqualTo("Replant check"));
            Assert.That(edit.NewTask.FieldSenteraId, Is.EqualTo(FieldId(3)));
            Assert.That(edit.NewTask.ScheduledAt, Is.EqualTo(T0.AddDays(1)));
            Assert.That(edit.NewTask.OrganizationSenteraId, Is.EqualTo(Organization));
        });
    }

    [Test]
    public async Task AddEditAsync_UnknownTask_ThrowsKeyNotFoundAndQueuesNothing()
    {
        await _store.PullAsync(ServerTask(TaskId(1)));

        Assert.ThrowsAsync<KeyNotFoundException>(() =>
            Local.AddEditAsync(Scope, new LocalEdit { Kind = PendingEditKind.Begin, TaskId = TaskId(2), MadeAt = T0 }));

        Assert.That(await Outbox.ReadEditsAsync(Scope), Is.Empty);
    }

    [Test]
    public async Task AddEditAsync_TaskDeletedByAPendingEdit_CountsAsAbsent()
    {
        await _store.PullAsync(ServerTask(TaskId(1)));
        await Local.AddEditAsync(Scope, new LocalEdit { Kind = PendingEditKind.Delete, TaskId = TaskId(1), MadeAt = T0 });

        Assert.ThrowsAsync<KeyNotFoundException>(() => Local.AddEditAsync(
            Scope, new LocalEdit { Kind = PendingEditKind.Update, TaskId = TaskId(1), MadeAt = T0, Changes = new FlightTaskChanges { Notes = "x" } }));

        Assert.That(await Outbox.ReadEditsAsync(Scope), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task AddEditAsync_SeveralEdits_IdsGrowInTheOrderMade()
    {
        await _store.PullAsync(ServerTask(TaskId(1)), ServerTask(TaskId(2)));

        await Local.AddEditAsync(Scope, new LocalEdit { Kind = PendingEditKind.Begin, TaskId = TaskId(2), MadeAt = T0 });
        await Local.AddEditAsync(Scope, new LocalEdit { Kind = PendingEditKind.Create, TaskId = LocalId(1), MadeAt = T0, NewTask = NewTask("Scout") });
        await Local.AddEditAsync(Scope, new LocalEdit { Kind = PendingEditKind.Update, TaskId = TaskId(1), MadeAt = T0, Changes = new FlightTaskChanges { Notes = "n" } });

        var edits = await Outbox.ReadEditsAsync(Scope);
        Assert.That(edits.Select(e => e.TaskId), Is.EqualTo(new[] { TaskId(2), LocalId(1), TaskId(1) }));
        Assert.That(edits.Select(e => e.Id), Is.Ordered.Ascending.And.Unique);
    }

    [Test]
    public async Task MarkSendingAsync_SetsSendingAndKeepsTheFirstSentTime()
    {
        var ids = await QueueTwoUpdatesAsync();

        await Outbox.MarkSendingAsync(Scope, ids, T0.AddMinutes(5));
        await Outbox.RecordOutcomesAsync(Scope, [EditOutcome.Of(ids[0], EditOutcomeKind.NotSent)]);
        await Outbox.MarkSendingAsync(Scope, [ids[0], 999_999], T0.AddMinutes(9));

        var edits = await Outbox.ReadEditsAsync(Scope);
        Assert.That(edits.Select(e => (e.State, e.FirstSentAt)), Is.EqualTo(new[]
        {
            (OutboxEditState.Sending, (DateTimeOffset?)T0.AddMinutes(5)),
            (OutboxEditState.Sending, (DateTimeOffset?)T0.AddMinutes(5)),
        }));
    }

    [Test]
    public async Task RecordOutcomesAsync_EachKind_LeavesTheEditAsTheContractSays()
    {
        await _store.PullAsync(ServerTask(TaskId(1)), ServerTask(TaskId(2)), ServerTask(TaskId(3)), ServerTask(TaskId(4)), ServerTask(TaskId(5)));
        var ids = new List<long>();
        for (var n = 1; n <= 5; n++)
        {
            await Local.AddEditAsync(Scope, new LocalEdit { Kind = PendingEditKind.Update, TaskId = TaskId(n), MadeAt = T0, Changes = new FlightTaskChanges { Notes = $"n{n}" } });
            ids.Add((await Outbox.ReadEditsAsync(Scope))[^1].Id);
        }

        await Outbox.MarkSendingAsync(Scope, ids, T0.AddMinutes(1));
        var errors = new[] { new PendingEditError { Attribute = "notes", Key = "too_long", Message = "is too long", Code = "E1" } };
        await Outbox.RecordOutcomesAsync(Scope,
        [
            new EditOutcome { EditId = ids[0], Kind = EditOutcomeKind.Applied, NewContentHash = "hash-9" },
            new EditOutcome { EditId = ids[1], Kind = EditOutcomeKind.Rejected, Errors = errors },
            EditOutcome.Of(ids[2], EditOutcomeKind.InDoubt),
            EditOutcome.Of(ids[3], EditOutcomeKind.NotSent),
            EditOutcome.Of(ids[4], EditOutcomeKind.Dropped),
        ]);

        var edits = await Outbox.ReadEditsAsync(Scope);
        Assert.Multiple(() =>
        {
            Assert.That(edits.Select(e => (e.Id, e.State)), Is.EqualTo(new[]
            {
                (ids[1], OutboxEditState.Rejected), (ids[2], OutboxEditState.Sending), (ids[3], OutboxEditState.Pending),
            }));
            Assert.That(edits[0].Errors.Single().Key, Is.EqualTo("too_long"));
            Assert.That(edits[0].Errors.Single().Attribute, Is.EqualTo("notes"));
            Assert.That(edits[0].Errors.Single().Code, Is.EqualTo("E1"));
            Assert.That(edits[2].FirstSentAt, Is.EqualTo(T0.AddMinutes(1)));
        });
    }

    [Test]
    public async Task RecordOutcomesAsync_EditNoLongerQueued_IsSkipped()
    {
        var ids = await QueueTwoUpdatesAsync();
        await Local.DiscardAsync(Scope, ids[0]);

        await Outbox.RecordOutcomesAsync(Scope, [EditOutcome.Of(ids[0], EditOutcomeKind.Rejected), EditOutcome.Of(ids[1], EditOutcomeKind.InDoubt)]);

        Assert.That((await Outbox.ReadEditsAsync(Scope)).Select(e => e.Id), Is.EqualTo(new[] { ids[1] }));
    }

    [Test]
    public async Task RecordOutcomesAsync_AppliedCreate_ReplacesTheLocalIdInEveryQueuedEdit()
    {
        await Local.AddEditAsync(Scope, new LocalEdit { Kind = PendingEditKind.Create, TaskId = LocalId(1), MadeAt = T0, NewTask = NewTask("Scout") });
        await Local.AddEditAsync(Scope, new LocalEdit { Kind = PendingEditKind.Update, TaskId = LocalId(1), MadeAt = T0, Changes = new FlightTaskChanges { Notes = "n" } });
        var create = (await Outbox.ReadEditsAsync(Scope))[0];

        await Outbox.RecordOutcomesAsync(Scope, [new EditOutcome { EditId = create.Id, Kind = EditOutcomeKind.Applied, NewSenteraId = TaskId(7), NewContentHash = "hash-7" }]);

        var left = (await Outbox.ReadEditsAsync(Scope)).Single();
        Assert.That(left.TaskId, Is.EqualTo(TaskId(7)));
        Assert.That(left.Kind, Is.EqualTo(PendingEditKind.Update));
    }

    [Test]
    public async Task ReadServerTasksAsync_AfterAnAppliedUpsert_OwnHashIsTheAnswersHash()
    {
        await _store.PullAsync(ServerTask(TaskId(1), hash: "hash-1"));
        var id = await QueueUpdateAsync(TaskId(1));

        await Outbox.RecordOutcomesAsync(Scope, [new EditOutcome { EditId = id, Kind = EditOutcomeKind.Applied, NewContentHash = "hash-2" }]);
        await _store.PullAsync(ServerTask(TaskId(1), hash: "hash-2", notes: "n"));

        var state = (await Outbox.ReadServerTasksAsync(Scope, [TaskId(1)]))[TaskId(1)];
        Assert.That(state.OwnContentHash, Is.EqualTo("hash-2"));
        Assert.That(state.IsOwnVersion, Is.True);
    }

    [Test]
    public async Task ReadServerTasksAsync_AfterAnAppliedBegin_OwnHashIsTheNextHashAPullBrings()
    {
        await _store.PullAsync(ServerTask(TaskId(1), hash: "hash-1"));
        await Local.AddEditAsync(Scope, new LocalEdit { Kind = PendingEditKind.Begin, TaskId = TaskId(1), MadeAt = T0 });
        var id = (await Outbox.ReadEditsAsync(Scope)).Single().Id;

        await Outbox.RecordOutcomesAsync(Scope, [EditOutcome.Of(id, EditOutcomeKind.Applied)]);
        var before = (await Outbox.ReadServerTasksAsync(Scope, [TaskId(1)]))[TaskId(1)];
        await _store.PullAsync(ServerTask(TaskId(1), hash: "hash-2", status: FlightTaskStatus.InProgress));
        var own = (await Outbox.ReadServerTasksAsync(Scope, [TaskId(1)]))[TaskId(1)];
        await _store.PullAsync(ServerTask(TaskId(1), hash: "hash-3", status: FlightTaskStatus.Completed));
        var later = (await Outbox.ReadServerTasksAsync(Scope, [TaskId(1)]))[TaskId(1)];

        Assert.Multiple(() =>
        {
            Assert.That(before.OwnContentHash, Is.Null);
            Assert.That(own.OwnContentHash, Is.EqualTo("hash-2"));
            Assert.That(own.IsOwnVersion, Is.True);
            Assert.That(later.OwnContentHash, Is.EqualTo("hash-2"));
            Assert.That(later.IsOwnVersion, Is.False);
        });
    }

    [Test]
    public async Task ReadServerTasksAsync_TaskEditedLocally_ReturnsThePulledVersionAndOnlyHeldTasks()
    {
        await _store.PullAsync(ServerTask(TaskId(1), hash: "hash-1", notes: "server notes"));
        await QueueUpdateAsync(TaskId(1));
        await Local.AddEditAsync(Scope, new LocalEdit { Kind = PendingEditKind.Create, TaskId = LocalId(1), MadeAt = T0, NewTask = NewTask("Scout") });

        var states = await Outbox.ReadServerTasksAsync(Scope, [TaskId(1), TaskId(2), LocalId(1)]);

        Assert.That(states.Keys, Is.EquivalentTo(new[] { TaskId(1) }));
        Assert.That(states[TaskId(1)].Task.Notes, Is.EqualTo("server notes"));
        Assert.That(states[TaskId(1)].ContentHash, Is.EqualTo("hash-1"));
        Assert.That(states[TaskId(1)].OwnContentHash, Is.Null);
    }

    [Test]
    public async Task ReadServerTasksFirstHeldSinceAsync_KeepsTheTimeOfTheFirstPullAcrossUpdates()
    {
        var t1 = _store.Clock.GetUtcNow();
        await _store.PullAsync(ServerTask(TaskId(1), hash: "hash-1"));
        _store.Clock.Advance(TimeSpan.FromMinutes(10));
        var t2 = _store.Clock.GetUtcNow();
        await _store.PullAsync(ServerTask(TaskId(1), hash: "hash-2"), ServerTask(TaskId(2)));

        var sinceT2 = await Outbox.ReadServerTasksFirstHeldSinceAsync(Scope, t2);
        var sinceT1 = await Outbox.ReadServerTasksFirstHeldSinceAsync(Scope, t1);

        Assert.That(sinceT2.Select(s => s.SenteraId), Is.EqualTo(new[] { TaskId(2) }));
        Assert.That(sinceT1.ToDictionary(s => s.SenteraId, s => s.FirstHeldAt), Is.EquivalentTo(new Dictionary<string, DateTimeOffset>
        {
            [TaskId(1)] = t1,
            [TaskId(2)] = t2,
        }));
        Assert.That(sinceT1.Single(s => s.SenteraId == TaskId(1)).ContentHash, Is.EqualTo("hash-2"));
    }

    [Test]
    public async Task ListPendingAsync_ShowsPendingAndSendingAsPendingAndRejectedWithErrors()
    {
        var ids = await QueueTwoUpdatesAsync();
        await Outbox.MarkSendingAsync(Scope, ids, T0);
        await Outbox.RecordOutcomesAsync(Scope, [new EditOutcome { EditId = ids[1], Kind = EditOutcomeKind.Rejected, Errors = [new PendingEditError { Key = "k", Message = "m" }] }]);

        var pending = await Local.ListPendingAsync(Scope);

        Assert.That(pending.Select(p => (p.Id, p.State)), Is.EqualTo(new[] { (ids[0], PendingEditState.Pending), (ids[1], PendingEditState.Rejected) }));
        Assert.That(pending[1].Errors.Single().Message, Is.EqualTo("m"));
        Assert.That(pending[0].Changes!.Notes, Is.EqualTo("n1"));
        Assert.That(pending[0].Kind, Is.EqualTo(PendingEditKind.Update));
    }

    [Test]
    public async Task DiscardAsync_Create_DiscardsEveryEditOfItsTask()
    {
        await _store.PullAsync(ServerTask(TaskId(1)));
        await Local.AddEditAsync(Scope, new LocalEdit { Kind = PendingEditKind.Create, TaskId = LocalId(1), MadeAt = T0, NewTask = NewTask("Scout") });
        await Local.AddEditAsync(Scope, new LocalEdit { Kind = PendingEditKind.Update, TaskId = LocalId(1), MadeAt = T0, Changes = new FlightTaskChanges { Notes = "n" } });
        await QueueUpdateAsync(TaskId(1));
        var create = (await Outbox.ReadEditsAsync(Scope))[0];

        Assert.That(await Local.DiscardAsync(Scope, create.Id), Is.True);
        Assert.That(await Local.DiscardAsync(Scope, create.Id), Is.False);

        Assert.That((await Outbox.ReadEditsAsync(Scope)).Select(e => e.TaskId), Is.EqualTo(new[] { TaskId(1) }));
    }

    private static NewFlightTask NewTask(string name) => new() { Name = name, OrganizationSenteraId = Organization };

    private async Task<long> QueueUpdateAsync(string taskId, string notes = "n")
    {
        await Local.AddEditAsync(Scope, new LocalEdit { Kind = PendingEditKind.Update, TaskId = taskId, MadeAt = T0, Changes = new FlightTaskChanges { Notes = notes } });
        return (await Outbox.ReadEditsAsync(Scope))[^1].Id;
    }

    private async Task<long[]> QueueTwoUpdatesAsync()
    {
        await _store.PullAsync(ServerTask(TaskId(1)), ServerTask(TaskId(2)));
        return [await QueueUpdateAsync(TaskId(1), "n1"), await QueueUpdateAsync(TaskId(2), "n2")];
    }
}

/// <summary>The stores the outbox contract is run against.</summary>
internal enum OutboxStoreKind
{
    Sqlite,
    InMemory,
}

/// <summary>One store under the contract's tests, with a "pull": the scope's tasks as the server has them now.</summary>
internal sealed class OutboxStoreUnderTest : IDisposable
{
    private readonly StoreFixture? _fixture;
    private readonly InMemoryOutboxStore? _memory;

    private OutboxStoreUnderTest(StoreFixture? fixture, InMemoryOutboxStore? memory, FakeTimeProvider clock)
    {
        _fixture = fixture;
        _memory = memory;
        Clock = clock;
    }

    public FakeTimeProvider Clock { get; }

    public IOutboxStore Outbox => (IOutboxStore?)_fixture?.Store ?? _memory!;

    public ILocalEditStore Local => (ILocalEditStore?)_fixture?.Store ?? _memory!;

    public static OutboxStoreUnderTest Create(OutboxStoreKind kind)
    {
        if (kind == OutboxStoreKind.Sqlite)
        {
            var fixture = new StoreFixture();
            return new OutboxStoreUnderTest(fixture, null, fixture.Clock);
        }

        var clock = new FakeTimeProvider(FlightTaskBuilder.SyncTime);
        return new OutboxStoreUnderTest(null, new InMemoryOutboxStore(clock), clock);
    }

    /// <summary>A pull of the whole scope: tasks held and not given were deleted on the server.</summary>
    public async Task PullAsync(params FlightTask[] serverTasks)
    {
        if (_memory is not null)
        {
            _memory.Pull(serverTasks);
            return;
        }

        var held = await _fixture!.Store.ReadContentHashesAsync(Scope);
        var given = serverTasks.Select(t => t.SenteraId).ToHashSet(StringComparer.Ordinal);
        var changed = serverTasks.Where(t => !held.TryGetValue(t.SenteraId, out var hash) || hash != t.ContentHash).ToList();
        await _fixture.Store.ApplyPageAsync(Scope, changed, [.. held.Keys.Where(id => !given.Contains(id))]);
    }

    public void Dispose() => _fixture?.Dispose();
}
