using FlightTaskSync.Client.Storage;
using FlightTaskSync.Client.Storage.Outbox;
using FlightTaskSync.Client.Tests.Fixtures;
using static FlightTaskSync.Client.Tests.Push.PushFixtures;

namespace FlightTaskSync.Client.Tests.Storage;

/// <summary>
/// The SQLite store's local view (flight_tasks as reads show it) and what only a real file can
/// show: one transaction per edit, ids across scopes and restarts, pulls over pending edits,
/// the hash sets a pull sends, reset, and the migration of a version 5 file.
/// </summary>
[TestFixture]
internal sealed class OutboxLocalViewTests
{
    private static readonly SyncScope OtherScope = new(Organization, IncludeDescendantOrganizations: true);

    private StoreFixture _fixture = null!;
    private List<FlightTasksChangedEventArgs> _changes = null!;

    private SqliteFlightTaskStore Store => _fixture.Store;

    [SetUp]
    public void SetUp()
    {
        _fixture = new StoreFixture();
        _changes = [];
        _fixture.Store.Changed += (_, e) => _changes.Add(e);
    }

    [TearDown]
    public void TearDown() => _fixture.Dispose();

    [Test]
    public async Task Update_ReadsShowTheEditMarkedPendingWithTheServersHashAndJson()
    {
        await PullAsync(ServerTask(TaskId(1), hash: "hash-1", notes: "server"));
        _changes.Clear();

        var shown = await UpdateAsync(TaskId(1), new FlightTaskChanges { Notes = "Creek corner flooded", CompletedAt = T0 });

        var read = await Store.GetAsync(Scope, TaskId(1));
        var listed = (await Store.ListAsync(Scope)).Single();
        Assert.Multiple(() =>
        {
            Assert.That(shown!.Notes, Is.EqualTo("Creek corner flooded"));
            Assert.That(read!.Notes, Is.EqualTo("Creek corner flooded"));
            Assert.That(read.CompletedAt, Is.EqualTo(T0));
            Assert.That(read.Status, Is.EqualTo(FlightTaskStatus.Completed), "status inferred from CompletedAt");
            Assert.That(read.HasPendingEdits, Is.True);
            Assert.That(listed.HasPendingEdits, Is.True);
            Assert.That(read.ContentHash, Is.EqualTo("hash-1"));
            Assert.That(read.RawJson, Is.EqualTo("{}"));
            Assert.That(_changes.Single().UpsertedIds, Is.EqualTo(new[] { TaskId(1) }));
            Assert.That(_changes.Single().ReplacedIds, Is.Empty);
        });
    }

    [Test]
    public async Task Begin_OpenTask_ShowsInProgressStartedWhenMade()
    {
        await PullAsync(ServerTask(TaskId(1)));

        await Store.AddEditAsync(Scope, new LocalEdit { Kind = PendingEditKind.Begin, TaskId = TaskId(1), MadeAt = T0 });

        var read = await Store.GetAsync(Scope, TaskId(1));
        Assert.That(read!.Status, Is.EqualTo(FlightTaskStatus.InProgress));
        Assert.That(read.StatusValue, Is.EqualTo("IN_PROGRESS"));
        Assert.That(read.StartedAt, Is.EqualTo(T0));
        Assert.That(await Store.CountAsync(Scope, new FlightTaskQuery { Status = FlightTaskStatus.InProgress }), Is.EqualTo(1));
    }

    [Test]
    public async Task Begin_TaskNotOpen_IsRefusedAndNothingChanges()
    {
        await PullAsync(ServerTask(TaskId(1), status: FlightTaskStatus.Completed));
        _changes.Clear();

        Assert.ThrowsAsync<InvalidOperationException>(() => Store.AddEditAsync(Scope, new LocalEdit { Kind = PendingEditKind.Begin, TaskId = TaskId(1), MadeAt = T0 }));

        Assert.That(await Store.ReadEditsAsync(Scope), Is.Empty);
        Assert.That((await Store.GetAsync(Scope, TaskId(1)))!.HasPendingEdits, Is.False);
        Assert.That(_changes, Is.Empty);
    }

    [Test]
    public async Task Begin_AfterALocalBegin_IsRefused()
    {
        await PullAsync(ServerTask(TaskId(1)));
        await Store.AddEditAsync(Scope, new LocalEdit { Kind = PendingEditKind.Begin, TaskId = TaskId(1), MadeAt = T0 });

        Assert.ThrowsAsync<InvalidOperationException>(() => Store.AddEditAsync(Scope, new LocalEdit { Kind = PendingEditKind.Begin, TaskId = TaskId(1), MadeAt = T0 }));
    }

    [Test]
    public async Task Create_ShowsALocalTaskLeftOutOfEveryHashSet()
    {
        await PullAsync(ServerTask(TaskId(1), hash: "hash-1"));

        await CreateAsync(LocalId(1), "Replant check");

        var read = await Store.GetAsync(Scope, LocalId(1));
        Assert.Multiple(async () =>
        {
            Assert.That(read!.Name, Is.EqualTo("Replant check"));
            Assert.That(read.HasPendingEdits, Is.True);
            Assert.That(read.ContentHash, Is.Empty);
            Assert.That(read.RawJson, Does.Contain("Replant check"));
            Assert.That(await Store.CountAsync(Scope), Is.EqualTo(2));
            Assert.That(await Store.ReadContentHashesAsync(Scope), Is.EqualTo(new Dictionary<string, string> { [TaskId(1)] = "hash-1" }));
            Assert.That(await Store.ReadHeldHashesAsync(Scope), Is.EqualTo(new[] { "hash-1" }));
            Assert.That(await Store.ReadHashesOfAsync(Scope, [], [LocalId(1), TaskId(1)]), Is.EqualTo(new Dictionary<string, string> { [TaskId(1)] = "hash-1" }));
        });
    }

    [Test]
    public async Task Create_InAScopeNeverSynced_IsKept()
    {
        await CreateAsync(LocalId(1), "First task");

        Assert.That((await Store.ListAsync(Scope)).Select(t => t.SenteraId), Is.EqualTo(new[] { LocalId(1) }));
    }

    [Test]
    public async Task Create_IdAlreadyHeld_IsABug()
    {
        await CreateAsync(LocalId(1), "First task");

        Assert.ThrowsAsync<InvalidOperationException>(() => CreateAsync(LocalId(1), "Again"));
        Assert.That(await Store.ReadEditsAsync(Scope), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Delete_HidesTheTaskButItsServerHashStaysInTheHashSets()
    {
        await PullAsync(ServerTask(TaskId(1), hash: "hash-1"), ServerTask(TaskId(2), hash: "hash-2"));
        _changes.Clear();

        var shown = await Store.AddEditAsync(Scope, new LocalEdit { Kind = PendingEditKind.Delete, TaskId = TaskId(1), MadeAt = T0 });

        Assert.Multiple(async () =>
        {
            Assert.That(shown, Is.Null);
            Assert.That(await Store.GetAsync(Scope, TaskId(1)), Is.Null);
            Assert.That(await Store.CountAsync(Scope), Is.EqualTo(1));
            Assert.That(_changes.Single().DeletedIds, Is.EqualTo(new[] { TaskId(1) }));
            Assert.That(await Store.ReadContentHashesAsync(Scope), Is.EquivalentTo(new Dictionary<string, string> { [TaskId(1)] = "hash-1", [TaskId(2)] = "hash-2" }));
            Assert.That(await Store.ReadHeldHashesAsync(Scope), Is.EquivalentTo(new[] { "hash-1", "hash-2" }));
            Assert.That(await Store.ReadHashesOfAsync(Scope, [], [TaskId(1)]), Is.EqualTo(new Dictionary<string, string> { [TaskId(1)] = "hash-1" }));
            Assert.That((await Store.ReadServerTasksAsync(Scope, [TaskId(1)])).Keys, Is.EqualTo(new[] { TaskId(1) }));
        });
    }

    [Test]
    public async Task AddEdit_FailingBeforeTheCommit_LeavesTheStoreAsItWas()
    {
        await PullAsync(ServerTask(TaskId(1), notes: "server"));
        // The edit's row is written first; the view's write then fails.
        RawDatabase.Execute(_fixture.DatabasePath, "CREATE TRIGGER fail_view BEFORE UPDATE ON flight_tasks BEGIN SELECT RAISE(ABORT, 'disk gone'); END;");
        _changes.Clear();

        Assert.ThrowsAsync<FlightTaskStoreException>(() => UpdateAsync(TaskId(1), new FlightTaskChanges { Notes = "lost?" }));

        RawDatabase.Execute(_fixture.DatabasePath, "DROP TRIGGER fail_view;");
        Assert.That(await Store.ReadEditsAsync(Scope), Is.Empty);
        Assert.That((await Store.GetAsync(Scope, TaskId(1)))!.Notes, Is.EqualTo("server"));
        Assert.That(RawDatabase.Long(_fixture.DatabasePath, "SELECT count(*) FROM pulled_rows;"), Is.Zero);
        Assert.That(_changes, Is.Empty);
    }

    [Test]
    public async Task AddEdit_Canceled_QueuesNothing()
    {
        await PullAsync(ServerTask(TaskId(1)));
        using var canceled = new CancellationTokenSource();
        await canceled.CancelAsync();

        Assert.CatchAsync<OperationCanceledException>(() => Store.AddEditAsync(
            Scope, new LocalEdit { Kind = PendingEditKind.Update, TaskId = TaskId(1), MadeAt = T0, Changes = new FlightTaskChanges { Notes = "n" } }, canceled.Token));

        Assert.That(await Store.ReadEditsAsync(Scope), Is.Empty);
    }

    [Test]
    public async Task EditIds_GrowAcrossScopesAndRestartsAndAreNeverReused()
    {
        await CreateAsync(LocalId(1), "a");
        await Store.AddEditAsync(OtherScope, new LocalEdit { Kind = PendingEditKind.Create, TaskId = LocalId(2), MadeAt = T0, NewTask = New("b") });
        var last = (await Store.ReadEditsAsync(OtherScope)).Single().Id;
        await Store.DiscardAsync(OtherScope, last);
        _fixture.Reopen();

        await CreateAsync(LocalId(3), "c");

        var ids = (await _fixture.Store.ReadEditsAsync(Scope)).Select(e => e.Id).ToList();
        Assert.That(ids, Has.Count.EqualTo(2));
        Assert.That(ids[0], Is.LessThan(last));
        Assert.That(ids[1], Is.GreaterThan(last));
    }

    [Test]
    public async Task Discard_Update_ShowsTheServersVersionAgain()
    {
        await PullAsync(ServerTask(TaskId(1), notes: "server"));
        await UpdateAsync(TaskId(1), new FlightTaskChanges { Notes = "mine" });
        _changes.Clear();

        Assert.That(await Store.DiscardAsync(Scope, (await Store.ReadEditsAsync(Scope)).Single().Id), Is.True);

        var read = await Store.GetAsync(Scope, TaskId(1));
        Assert.That(read!.Notes, Is.EqualTo("server"));
        Assert.That(read.HasPendingEdits, Is.False);
        Assert.That(_changes.Single().UpsertedIds, Is.EqualTo(new[] { TaskId(1) }));
        Assert.That(RawDatabase.Long(_fixture.DatabasePath, "SELECT count(*) FROM pulled_rows;"), Is.Zero);
    }

    [Test]
    public async Task Discard_OneOfTwoUpdates_KeepsTheOtherApplied()
    {
        await PullAsync(ServerTask(TaskId(1), notes: "server", name: "North"));
        await UpdateAsync(TaskId(1), new FlightTaskChanges { Notes = "mine" });
        await UpdateAsync(TaskId(1), new FlightTaskChanges { Name = "South" });

        await Store.DiscardAsync(Scope, (await Store.ReadEditsAsync(Scope))[0].Id);

        var read = await Store.GetAsync(Scope, TaskId(1));
        Assert.That((read!.Notes, read.Name, read.HasPendingEdits), Is.EqualTo(("server", "South", true)));
    }

    [Test]
    public async Task Discard_Create_RemovesTheLocalTask()
    {
        await CreateAsync(LocalId(1), "a");
        await UpdateAsync(LocalId(1), new FlightTaskChanges { Notes = "n" });
        _changes.Clear();

        await Store.DiscardAsync(Scope, (await Store.ReadEditsAsync(Scope))[0].Id);

        Assert.That(await Store.GetAsync(Scope, LocalId(1)), Is.Null);
        Assert.That(await Store.ReadEditsAsync(Scope), Is.Empty);
        Assert.That(_changes.Single().DeletedIds, Is.EqualTo(new[] { LocalId(1) }));
    }

    [Test]
    public async Task Discard_Delete_ShowsTheTaskAgain()
    {
        await PullAsync(ServerTask(TaskId(1)));
        await Store.AddEditAsync(Scope, new LocalEdit { Kind = PendingEditKind.Delete, TaskId = TaskId(1), MadeAt = T0 });

        await Store.DiscardAsync(Scope, (await Store.ReadEditsAsync(Scope)).Single().Id);

        Assert.That((await Store.GetAsync(Scope, TaskId(1)))!.HasPendingEdits, Is.False);
    }

    [Test]
    public async Task AppliedCreate_ReplacesTheLocalIdEverywhereAndSaysSo()
    {
        await CreateAsync(LocalId(1), "Replant check");
        await UpdateAsync(LocalId(1), new FlightTaskChanges { Notes = "n" });
        var create = (await Store.ReadEditsAsync(Scope))[0];
        _changes.Clear();

        await Store.RecordOutcomesAsync(Scope, [new EditOutcome { EditId = create.Id, Kind = EditOutcomeKind.Applied, NewSenteraId = TaskId(7), NewContentHash = "hash-7" }]);

        var read = await Store.GetAsync(Scope, TaskId(7));
        var change = _changes.Single();
        Assert.Multiple(async () =>
        {
            Assert.That(await Store.GetAsync(Scope, LocalId(1)), Is.Null);
            Assert.That(read!.Name, Is.EqualTo("Replant check"));
            Assert.That(read.Notes, Is.EqualTo("n"));
            Assert.That(read.HasPendingEdits, Is.True, "the update is still pending");
            Assert.That((await Store.ReadEditsAsync(Scope)).Single().TaskId, Is.EqualTo(TaskId(7)));
            Assert.That(change.ReplacedIds, Is.EqualTo(new Dictionary<string, string> { [LocalId(1)] = TaskId(7) }));
            Assert.That(change.UpsertedIds, Is.EqualTo(new[] { TaskId(7) }));
            Assert.That(change.DeletedIds, Is.EqualTo(new[] { LocalId(1) }));
            Assert.That(await Store.ReadContentHashesAsync(Scope), Is.Empty, "the pull must bring the created task");
        });
    }

    [Test]
    public async Task AppliedCreate_ThenAPullBringsIt_ShowsTheServersTaskWithThePendingUpdate()
    {
        await CreateAsync(LocalId(1), "Replant check");
        await UpdateAsync(LocalId(1), new FlightTaskChanges { Notes = "n" });
        var create = (await Store.ReadEditsAsync(Scope))[0];
        await Store.RecordOutcomesAsync(Scope, [new EditOutcome { EditId = create.Id, Kind = EditOutcomeKind.Applied, NewSenteraId = TaskId(7), NewContentHash = "hash-7" }]);

        await PullAsync(ServerTask(TaskId(7), hash: "hash-7", name: "Replant check (server)"));

        var read = await Store.GetAsync(Scope, TaskId(7));
        Assert.Multiple(async () =>
        {
            Assert.That(await Store.CountAsync(Scope), Is.EqualTo(1));
            Assert.That(read!.Name, Is.EqualTo("Replant check (server)"));
            Assert.That(read.Notes, Is.EqualTo("n"));
            Assert.That(read.ContentHash, Is.EqualTo("hash-7"));
            Assert.That(read.HasPendingEdits, Is.True);
            Assert.That((await Store.ReadServerTasksAsync(Scope, [TaskId(7)]))[TaskId(7)].IsOwnVersion, Is.True);
        });
    }

    [Test]
    public async Task AppliedCreate_TaskAlreadyPulled_DropsTheLocalRowInItsFavour()
    {
        await CreateAsync(LocalId(1), "Replant check");
        var create = (await Store.ReadEditsAsync(Scope)).Single();
        await PullAsync(ServerTask(TaskId(7), hash: "hash-7", name: "Replant check"));

        await Store.RecordOutcomesAsync(Scope, [new EditOutcome { EditId = create.Id, Kind = EditOutcomeKind.Applied, NewSenteraId = TaskId(7), NewContentHash = "hash-7" }]);

        Assert.Multiple(async () =>
        {
            Assert.That((await Store.ListAsync(Scope)).Select(t => (t.SenteraId, t.HasPendingEdits)), Is.EqualTo(new[] { (TaskId(7), false) }));
            Assert.That(await Store.ReadEditsAsync(Scope), Is.Empty);
            Assert.That(_changes[^1].ReplacedIds[LocalId(1)], Is.EqualTo(TaskId(7)));
        });
    }

    [Test]
    public async Task AppliedUpdate_KeepsShowingItsValuesUntilAPullBringsTheTask()
    {
        await PullAsync(ServerTask(TaskId(1), hash: "hash-1", notes: "server"));
        await UpdateAsync(TaskId(1), new FlightTaskChanges { Notes = "mine" });
        var id = (await Store.ReadEditsAsync(Scope)).Single().Id;

        await Store.RecordOutcomesAsync(Scope, [new EditOutcome { EditId = id, Kind = EditOutcomeKind.Applied, NewContentHash = "hash-2" }]);
        var afterPush = await Store.GetAsync(Scope, TaskId(1));
        var hashesSent = await Store.ReadContentHashesAsync(Scope);
        await PullAsync(ServerTask(TaskId(1), hash: "hash-2", notes: "mine (server)"));
        var afterPull = await Store.GetAsync(Scope, TaskId(1));

        Assert.Multiple(() =>
        {
            Assert.That((afterPush!.Notes, afterPush.HasPendingEdits, afterPush.ContentHash), Is.EqualTo(("mine", false, "hash-1")));
            Assert.That(hashesSent[TaskId(1)], Is.EqualTo("hash-1"), "never the answer's hash");
            Assert.That((afterPull!.Notes, afterPull.HasPendingEdits, afterPull.ContentHash), Is.EqualTo(("mine (server)", false, "hash-2")));
            Assert.That(RawDatabase.Long(_fixture.DatabasePath, "SELECT count(*) FROM pulled_rows;"), Is.Zero);
            Assert.That(RawDatabase.Long(_fixture.DatabasePath, "SELECT count(*) FROM outbox_edits;"), Is.Zero);
        });
    }

    [Test]
    public async Task RejectedUpdate_StopsChangingTheTask()
    {
        await PullAsync(ServerTask(TaskId(1), notes: "server"));
        await UpdateAsync(TaskId(1), new FlightTaskChanges { Notes = "mine" });
        var id = (await Store.ReadEditsAsync(Scope)).Single().Id;
        _changes.Clear();

        await Store.RecordOutcomesAsync(Scope, [new EditOutcome { EditId = id, Kind = EditOutcomeKind.Rejected, Errors = [new PendingEditError { Key = "k", Message = "no" }] }]);

        var read = await Store.GetAsync(Scope, TaskId(1));
        Assert.That((read!.Notes, read.HasPendingEdits), Is.EqualTo(("server", false)));
        Assert.That((await Store.ListPendingAsync(Scope)).Single().State, Is.EqualTo(PendingEditState.Rejected));
        Assert.That(_changes.Single().UpsertedIds, Is.EqualTo(new[] { TaskId(1) }));
    }

    [Test]
    public async Task RejectedCreate_LocalTaskStaysMarkedPendingUntilDiscarded()
    {
        await CreateAsync(LocalId(1), "a");
        var id = (await Store.ReadEditsAsync(Scope)).Single().Id;

        await Store.RecordOutcomesAsync(Scope, [EditOutcome.Of(id, EditOutcomeKind.Rejected)]);

        Assert.That((await Store.GetAsync(Scope, LocalId(1)))!.HasPendingEdits, Is.True);
        await Store.DiscardAsync(Scope, id);
        Assert.That(await Store.GetAsync(Scope, LocalId(1)), Is.Null);
    }

    [Test]
    public async Task DroppedCreate_RemovesItsLocalTask()
    {
        await CreateAsync(LocalId(1), "a");
        var id = (await Store.ReadEditsAsync(Scope)).Single().Id;

        await Store.RecordOutcomesAsync(Scope, [EditOutcome.Of(id, EditOutcomeKind.Dropped)]);

        Assert.That(await Store.GetAsync(Scope, LocalId(1)), Is.Null);
        Assert.That(_changes[^1].DeletedIds, Is.EqualTo(new[] { LocalId(1) }));
    }

    [Test]
    public async Task InDoubtAndNotSent_LeaveTheViewShowingTheEdit()
    {
        await PullAsync(ServerTask(TaskId(1), notes: "server"), ServerTask(TaskId(2), notes: "server"));
        await UpdateAsync(TaskId(1), new FlightTaskChanges { Notes = "mine" });
        await UpdateAsync(TaskId(2), new FlightTaskChanges { Notes = "mine" });
        var ids = (await Store.ReadEditsAsync(Scope)).Select(e => e.Id).ToArray();
        await Store.MarkSendingAsync(Scope, ids, T0);

        await Store.RecordOutcomesAsync(Scope, [EditOutcome.Of(ids[0], EditOutcomeKind.InDoubt), EditOutcome.Of(ids[1], EditOutcomeKind.NotSent)]);

        var tasks = await Store.ListAsync(Scope);
        Assert.That(tasks.Select(t => (t.Notes, t.HasPendingEdits)), Is.EqualTo(new[] { ("mine", true), ("mine", true) }));
    }

    [Test]
    public async Task Pull_UpdatesATaskWithAPendingEdit_KeepsTheEditAppliedOnTheNewServerVersion()
    {
        await PullAsync(ServerTask(TaskId(1), hash: "hash-1", notes: "server", name: "North"));
        await UpdateAsync(TaskId(1), new FlightTaskChanges { Notes = "mine" });

        await PullAsync(ServerTask(TaskId(1), hash: "hash-2", notes: "office", name: "North (renamed)"));

        var read = await Store.GetAsync(Scope, TaskId(1));
        var server = (await Store.ReadServerTasksAsync(Scope, [TaskId(1)]))[TaskId(1)];
        Assert.Multiple(async () =>
        {
            Assert.That((read!.Name, read.Notes, read.ContentHash, read.HasPendingEdits), Is.EqualTo(("North (renamed)", "mine", "hash-2", true)));
            Assert.That((server.Task.Notes, server.ContentHash), Is.EqualTo(("office", "hash-2")));
            Assert.That((await Store.ReadEditsAsync(Scope)).Single().BaseContentHash, Is.EqualTo("hash-1"), "the edit keeps its base");
            Assert.That(await Store.ReadContentHashesAsync(Scope), Is.EqualTo(new Dictionary<string, string> { [TaskId(1)] = "hash-2" }));
        });
    }

    [Test]
    public async Task Pull_TaskHiddenByAPendingDelete_StaysHidden()
    {
        await PullAsync(ServerTask(TaskId(1), hash: "hash-1"));
        await Store.AddEditAsync(Scope, new LocalEdit { Kind = PendingEditKind.Delete, TaskId = TaskId(1), MadeAt = T0 });

        await Store.ApplyPageAsync(Scope, [ServerTask(TaskId(1), hash: "hash-2")], []);

        Assert.That(await Store.GetAsync(Scope, TaskId(1)), Is.Null);
        Assert.That((await Store.ReadServerTasksAsync(Scope, [TaskId(1)]))[TaskId(1)].ContentHash, Is.EqualTo("hash-2"));
    }

    [Test]
    public async Task Pull_DeletesATaskWithAPendingEdit_RemovesItAndKeepsTheEditForThePush()
    {
        await PullAsync(ServerTask(TaskId(1)), ServerTask(TaskId(2)));
        await UpdateAsync(TaskId(1), new FlightTaskChanges { Notes = "mine" });
        await Store.AddEditAsync(Scope, new LocalEdit { Kind = PendingEditKind.Delete, TaskId = TaskId(2), MadeAt = T0 });

        await Store.ApplyPageAsync(Scope, [], [TaskId(1), TaskId(2)]);

        Assert.Multiple(async () =>
        {
            Assert.That(await Store.CountAsync(Scope), Is.Zero);
            Assert.That(await Store.ReadServerTasksAsync(Scope, [TaskId(1), TaskId(2)]), Is.Empty);
            Assert.That(await Store.ReadEditsAsync(Scope), Has.Count.EqualTo(2));
            Assert.That(await Store.ReadContentHashesAsync(Scope), Is.Empty);
            Assert.That(RawDatabase.Long(_fixture.DatabasePath, "SELECT count(*) FROM pulled_rows;"), Is.Zero);
        });
    }

    [Test]
    public async Task ReadServerTasksFirstHeldSinceAsync_LeavesOutLocalTasksAndGivesThePulledVersion()
    {
        var since = _fixture.Clock.GetUtcNow();
        await PullAsync(ServerTask(TaskId(1), hash: "hash-1", notes: "server"));
        await UpdateAsync(TaskId(1), new FlightTaskChanges { Notes = "mine" });
        await CreateAsync(LocalId(1), "a");

        var states = await Store.ReadServerTasksFirstHeldSinceAsync(Scope, since);

        Assert.That(states.Select(s => (s.SenteraId, s.Task.Notes, s.FirstHeldAt)), Is.EqualTo(new[] { (TaskId(1), (string?)"server", since) }));
        Assert.That(await Store.ReadServerTasksFirstHeldSinceAsync(Scope, since.AddMilliseconds(1)), Is.Empty);
    }

    [Test]
    public async Task Reset_DropsTheScopesOutboxAndNothingElse()
    {
        await PullAsync(ServerTask(TaskId(1)));
        await UpdateAsync(TaskId(1), new FlightTaskChanges { Notes = "mine" });
        await CreateAsync(LocalId(1), "a");
        await Store.AddEditAsync(OtherScope, new LocalEdit { Kind = PendingEditKind.Create, TaskId = LocalId(2), MadeAt = T0, NewTask = New("b") });

        await Store.ResetAsync(Scope);

        Assert.Multiple(async () =>
        {
            Assert.That(await Store.ReadEditsAsync(Scope), Is.Empty);
            Assert.That(await Store.ListPendingAsync(Scope), Is.Empty);
            Assert.That(await Store.CountAsync(Scope), Is.Zero);
            Assert.That(RawDatabase.Long(_fixture.DatabasePath, "SELECT count(*) FROM pulled_rows;"), Is.Zero);
            Assert.That(await Store.ReadEditsAsync(OtherScope), Has.Count.EqualTo(1));
            Assert.That(await Store.CountAsync(OtherScope), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task EditsInOneScope_DoNotShowInAnother()
    {
        await PullAsync(ServerTask(TaskId(1), notes: "server"));
        await Store.ApplyPageAsync(OtherScope, [ServerTask(TaskId(1), notes: "server")], []);

        await UpdateAsync(TaskId(1), new FlightTaskChanges { Notes = "mine" });

        Assert.That((await Store.GetAsync(OtherScope, TaskId(1)))!.Notes, Is.EqualTo("server"));
        Assert.That(await Store.ReadEditsAsync(OtherScope), Is.Empty);
        Assert.That(await Store.ListPendingAsync(OtherScope), Is.Empty);
    }

    [Test]
    public async Task Migration_FromAVersion5File_KeepsEveryTaskAndReadsThemAsPulled()
    {
        _fixture.Database.Dispose();
        File.Delete(_fixture.DatabasePath);
        var tasks = new[] { ServerTask(TaskId(1), hash: "hash-1", notes: "kept"), ServerTask(TaskId(2), hash: "hash-2") };
        using (var connection = RawDatabase.Open(_fixture.DatabasePath))
        {
            await SchemaMigrator.MigrateAsync(connection, 5, CancellationToken.None);
            LegacyTaskWriter.Write(connection, Scope, T0, tasks);
        }

        _fixture.Reopen();
        var store = _fixture.Store;
        var count = await store.CountAsync(Scope);

        Assert.Multiple(async () =>
        {
            Assert.That(count, Is.EqualTo(2));
            Assert.That(RawDatabase.Long(_fixture.DatabasePath, "PRAGMA user_version;"), Is.EqualTo(SchemaMigrations.LatestVersion));
            Assert.That((await store.ListAsync(Scope)).Select(t => (t.SenteraId, t.Notes, t.HasPendingEdits)),
                Is.EquivalentTo(new[] { (TaskId(1), (string?)"kept", false), (TaskId(2), (string?)null, false) }));
            Assert.That(await store.ReadContentHashesAsync(Scope), Has.Count.EqualTo(2));
            Assert.That((await store.ReadServerTasksFirstHeldSinceAsync(Scope, T0)).Select(s => s.FirstHeldAt), Is.All.EqualTo(T0), "falls back to synced_at");
        });

        // An old row keeps its first-held time when a pull updates it later.
        _fixture.Clock.SetUtcNow(T0.AddDays(1));
        await store.ApplyPageAsync(Scope, [ServerTask(TaskId(1), hash: "hash-1b")], []);
        Assert.That((await store.ReadServerTasksAsync(Scope, [TaskId(1)]))[TaskId(1)].FirstHeldAt, Is.EqualTo(T0));
    }

    private static NewFlightTask New(string name) => new() { Name = name, OrganizationSenteraId = Organization };

    private Task<FlightTask?> UpdateAsync(string taskId, FlightTaskChanges changes) =>
        Store.AddEditAsync(Scope, new LocalEdit { Kind = PendingEditKind.Update, TaskId = taskId, MadeAt = T0, Changes = changes });

    private Task<FlightTask?> CreateAsync(string localId, string name) =>
        Store.AddEditAsync(Scope, new LocalEdit { Kind = PendingEditKind.Create, TaskId = localId, MadeAt = T0, NewTask = New(name) });

    private async Task PullAsync(params FlightTask[] serverTasks)
    {
        var held = await Store.ReadContentHashesAsync(Scope);
        var given = serverTasks.Select(t => t.SenteraId).ToHashSet(StringComparer.Ordinal);
        await Store.ApplyPageAsync(
            Scope,
            [.. serverTasks.Where(t => !held.TryGetValue(t.SenteraId, out var hash) || hash != t.ContentHash)],
            [.. held.Keys.Where(id => !given.Contains(id))]);
    }
}
