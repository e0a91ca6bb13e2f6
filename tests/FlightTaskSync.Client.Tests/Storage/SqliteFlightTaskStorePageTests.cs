using FlightTaskSync.Client.Tests.Fixtures;
using FlightTaskSync.Client.Tests.TestDoubles;
using Microsoft.Data.Sqlite;

namespace FlightTaskSync.Client.Tests.Storage;

/// <summary>ApplyPageAsync: what a page writes, what it counts, and what it refuses.</summary>
public class SqliteFlightTaskStorePageTests
{
    private static readonly SyncScope Scope = StoreFixture.Scope;
    private StoreFixture _fixture = null!;

    [SetUp]
    public void SetUp() => _fixture = new StoreFixture();

    [TearDown]
    public void TearDown() => _fixture.Dispose();

    [Test]
    public async Task ApplyPageAsync_NewTask_ReadsBackEveryField()
    {
        var task = FlightTaskBuilder.Task(1)
            .Named("North pivot — NDVI")
            .WithStatus("IN_PROGRESS")
            .WithProvider("FLY_GUYS")
            .WithNotes("Gate code 4411; fly after 10am.")
            .OnField(FlightTaskBuilder.FieldId(7))
            .AssignedTo(FlightTaskBuilder.UserId(2))
            .ScheduledAt(new DateTimeOffset(2024, 6, 1, 14, 30, 0, 125, TimeSpan.Zero))
            .TargetedAt(new DateTimeOffset(2024, 6, 2, 0, 0, 0, TimeSpan.Zero))
            .CompletedAt(new DateTimeOffset(2024, 6, 3, 9, 15, 42, 999, TimeSpan.Zero))
            .WithEveryOptionalField()
            .Build();
        Assert.That(
            typeof(FlightTask).GetProperties().Where(p => Nullable.GetUnderlyingType(p.PropertyType) is not null || p.PropertyType == typeof(string)).Select(p => p.GetValue(task)),
            Is.All.Not.Null,
            "the task sets every field, so each one is checked");

        await _fixture.Store.ApplyPageAsync(Scope, [task], []);
        var read = await _fixture.Store.GetAsync(Scope, task.SenteraId);

        Assert.That(read, Is.EqualTo(task).UsingPropertiesComparer());
    }

    [Test]
    public async Task ApplyPageAsync_TaskWithoutOptionalFields_ReadsBackNulls()
    {
        var task = FlightTaskBuilder.Task(1).InOrganization(null).WithNotes(null).Build();

        await _fixture.Store.ApplyPageAsync(Scope, [task], []);
        var read = await _fixture.Store.GetAsync(Scope, task.SenteraId);

        Assert.That(read, Is.EqualTo(task).UsingPropertiesComparer());
        Assert.That(new object?[] { read!.Notes, read.OrganizationSenteraId, read.FieldSenteraId, read.PlanSenteraId, read.TargetedAt, read.CanceledAt }, Is.All.Null);
    }

    [Test]
    public async Task ApplyPageAsync_DatesWithOffsetAndSubMillisecondTicks_ReadBackAsUtcToTheMillisecond()
    {
        var local = new DateTimeOffset(2024, 3, 5, 10, 15, 30, TimeSpan.FromHours(2)).AddTicks(1_234_567);
        var task = FlightTaskBuilder.Task(1).CreatedAt(local).UpdatedAt(local).TargetedAt(local).Build();
        var expected = new DateTimeOffset(2024, 3, 5, 8, 15, 30, 123, TimeSpan.Zero);

        await _fixture.Store.ApplyPageAsync(Scope, [task], []);
        var read = (await _fixture.Store.GetAsync(Scope, task.SenteraId))!;

        DateTimeOffset[] dates = [read.CreatedAt, read.UpdatedAt, read.TargetedAt!.Value];
        Assert.That(dates, Is.All.EqualTo(expected));
        Assert.That(dates.Select(d => d.Offset), Is.All.EqualTo(TimeSpan.Zero));
        Assert.That(dates.Select(d => d.Ticks), Is.All.EqualTo(expected.Ticks));
    }

    [Test]
    public async Task ApplyPageAsync_DatesBeforeTheUnixEpoch_RoundTrip()
    {
        var old = new DateTimeOffset(1969, 7, 20, 20, 17, 40, 7, TimeSpan.Zero);
        var task = FlightTaskBuilder.Task(1).CreatedAt(old).Build();

        await _fixture.Store.ApplyPageAsync(Scope, [task], []);
        var read = await _fixture.Store.GetAsync(Scope, task.SenteraId);

        Assert.That(read!.CreatedAt, Is.EqualTo(old));
    }

    [Test]
    public async Task ApplyPageAsync_RawJson_IsKeptCharacterForCharacter()
    {
        const string RawJson = "{ \"sentera_id\" : \"x\",\n  \"status\":\"OPEN\", \"contacts\": [{\"name\":\"Zoë \\u00e9\"}], \"n\": 1.50e3 }";
        var task = FlightTaskBuilder.Task(1).WithRawJson(RawJson).Build();

        await _fixture.Store.ApplyPageAsync(Scope, [task], []);
        var read = await _fixture.Store.GetAsync(Scope, task.SenteraId);

        Assert.That(read!.RawJson, Is.EqualTo(RawJson));
    }

    [Test]
    public async Task ApplyPageAsync_StatusAndProviderTheSdkDoesNotKnow_KeepsStatusTextAndReadsUnknown()
    {
        var task = FlightTaskBuilder.Task(1).WithStatus("AWAITING_APPROVAL").WithProvider("DRONE_CO").Build();

        await _fixture.Store.ApplyPageAsync(Scope, [task], []);
        var read = (await _fixture.Store.GetAsync(Scope, task.SenteraId))!;

        Assert.That(read.Status, Is.EqualTo(FlightTaskStatus.Unknown));
        Assert.That(read.StatusValue, Is.EqualTo("AWAITING_APPROVAL"));
        Assert.That(read.Provider, Is.EqualTo(FlightTaskProvider.Unknown));
        Assert.That(read.RawJson, Does.Contain("\"DRONE_CO\""));
    }

    [Test]
    public async Task ApplyPageAsync_SyncedAt_IsTheStoreClockAtWriteTime()
    {
        var task = FlightTaskBuilder.Task(1).Build();
        _fixture.Clock.Advance(TimeSpan.FromMinutes(5));

        await _fixture.Store.ApplyPageAsync(Scope, [task], []);
        var read = await _fixture.Store.GetAsync(Scope, task.SenteraId);

        Assert.That(read!.SyncedAt, Is.EqualTo(FlightTaskBuilder.SyncTime.AddMinutes(5)));
    }

    [Test]
    public async Task ApplyPageAsync_TaskHeld_ReplacesRowAndHash()
    {
        await _fixture.SeedAsync(1);
        var second = FlightTaskBuilder.Task(1).Version(2).Named("Renamed").WithStatus("COMPLETED").Build();

        var result = await _fixture.Store.ApplyPageAsync(Scope, [second], []);
        var read = await _fixture.Store.GetAsync(Scope, second.SenteraId);

        Assert.That((result.Inserted, result.Updated, result.Deleted), Is.EqualTo((0, 1, 0)));
        Assert.That(read, Is.EqualTo(second).UsingPropertiesComparer());
        Assert.That(await _fixture.Store.CountAsync(Scope), Is.EqualTo(1));
    }

    [Test]
    public async Task ApplyPageAsync_MixedPage_CountsInsertedUpdatedAndDeleted()
    {
        await _fixture.SeedAsync(1, 2, 3, 4);
        FlightTask[] upserted = [FlightTaskBuilder.Task(1).Version(2).Build(), FlightTaskBuilder.Task(5).Build(), FlightTaskBuilder.Task(6).Build()];
        string[] deleted = [FlightTaskBuilder.TaskId(2), FlightTaskBuilder.TaskId(3), FlightTaskBuilder.TaskId(99)];

        var before = await _fixture.Store.ReadContentHashesAsync(Scope);
        var heldOfPage = await _fixture.Store.ReadHashesOfAsync(Scope, upserted, deleted);

        var result = await _fixture.Store.ApplyPageAsync(Scope, upserted, deleted);

        Assert.That((result.Inserted, result.Updated, result.Deleted), Is.EqualTo((2, 1, 2)));
        var held = await _fixture.Store.ReadContentHashesAsync(Scope);
        Assert.That(held.Keys, Is.EquivalentTo(((int[])[1, 4, 5, 6]).Select(FlightTaskBuilder.TaskId)));
        Assert.That(
            heldOfPage,
            Is.EquivalentTo(((int[])[1, 2, 3]).Select(n => FlightTaskBuilder.TaskId(n)).ToDictionary(id => id, id => before[id])),
            "the hashes held before the page for the ids it upserts or deletes that are held; new and unknown ids have none");
        Assert.That(await _fixture.Store.ReadHashesOfAsync(Scope, [], []), Is.Empty);
    }

    [Test]
    public async Task ApplyPageAsync_DeletedId_RemovesTheTask()
    {
        await _fixture.SeedAsync(1, 2);

        await _fixture.Store.ApplyPageAsync(Scope, [], [FlightTaskBuilder.TaskId(1)]);

        Assert.That(await _fixture.Store.GetAsync(Scope, FlightTaskBuilder.TaskId(1)), Is.Null);
        Assert.That(await _fixture.Store.GetAsync(Scope, FlightTaskBuilder.TaskId(2)), Is.Not.Null);
    }

    [Test]
    public async Task ApplyPageAsync_DeletingAnIdNotHeld_IsANoOpCountedZero()
    {
        await _fixture.SeedAsync(1);

        var result = await _fixture.Store.ApplyPageAsync(Scope, [], [FlightTaskBuilder.TaskId(2)]);

        Assert.That(result.Deleted, Is.Zero);
        Assert.That(await _fixture.Store.CountAsync(Scope), Is.EqualTo(1));
    }

    [Test]
    public async Task ApplyPageAsync_Page_RecordsScopeAndLastPageTime()
    {
        _fixture.Clock.Advance(TimeSpan.FromSeconds(42));

        await _fixture.Store.ApplyPageAsync(Scope, [], []);

        var expected = FlightTaskBuilder.SyncTime.AddSeconds(42).ToUnixTimeMilliseconds();
        Assert.That(RawDatabase.ScopeRow(_fixture.DatabasePath, Scope), Is.EqualTo((expected, (long?)expected, (long?)null)));
    }

    [Test]
    public async Task ApplyPageAsync_TenThousandTasks_AreAllApplied()
    {
        FlightTask[] tasks = [.. Enumerable.Range(1, 10_000).Select(n => FlightTaskBuilder.Task(n).Build())];

        var result = await _fixture.Store.ApplyPageAsync(Scope, tasks, []);

        Assert.That((result.Inserted, result.Updated, result.Deleted), Is.EqualTo((10_000, 0, 0)));
        var held = await _fixture.Store.ReadContentHashesAsync(Scope);
        Assert.That(held, Is.EqualTo(tasks.ToDictionary(t => t.SenteraId, t => t.ContentHash)));
        Assert.That(await _fixture.Store.GetAsync(Scope, tasks[9_999].SenteraId), Is.EqualTo(tasks[9_999]).UsingPropertiesComparer());
    }

    [Test]
    public async Task ApplyPageAsync_CanceledBeforeCommit_RollsBackAndThrowsOperationCanceled()
    {
        await _fixture.SeedAsync(1, 2);
        var before = await _fixture.Store.ReadContentHashesAsync(Scope);
        using var cancellation = new CancellationTokenSource();
        var lockedWhenCanceled = false;
        FlightTask[] tasks = [FlightTaskBuilder.Task(1).Version(2).Build(), .. Enumerable.Range(3, 50).Select(n => FlightTaskBuilder.Task(n).Build())];
        var page = new PageWithHook(tasks, index: 40, () =>
        {
            lockedWhenCanceled = RawDatabase.IsWriteLocked(_fixture.DatabasePath);
            cancellation.Cancel();
        });

        Assert.CatchAsync<OperationCanceledException>(() =>
            _fixture.Store.ApplyPageAsync(Scope, page, [FlightTaskBuilder.TaskId(2)], cancellationToken: cancellation.Token));

        Assert.That(page.Ran && lockedWhenCanceled, Is.True, "the token was canceled inside the page's write transaction");
        Assert.That(await _fixture.Store.ReadContentHashesAsync(Scope), Is.EqualTo(before));
    }

    [Test]
    public async Task ApplyPageAsync_TokenAlreadyCanceled_ThrowsAndWritesNothing()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        Assert.CatchAsync<OperationCanceledException>(() =>
            _fixture.Store.ApplyPageAsync(Scope, [FlightTaskBuilder.Task(1).Build()], [], cancellationToken: cancellation.Token));

        Assert.That(await _fixture.Store.CountAsync(Scope), Is.Zero);
        Assert.That(RawDatabase.ScopeRow(_fixture.DatabasePath, Scope), Is.Null);
    }

    [Test]
    public async Task ApplyPageAsync_DatabaseFailsHalfwayThroughThePage_LeavesTheStoreAsItWas()
    {
        await _fixture.SeedAsync(1, 2);
        var before = await _fixture.Store.ReadContentHashesAsync(Scope);
        // A failure no check can foresee: the database refuses the page's third row.
        RawDatabase.Execute(_fixture.DatabasePath, $"""
            CREATE TRIGGER refuse_task_4 BEFORE INSERT ON flight_tasks WHEN NEW.sentera_id = '{FlightTaskBuilder.TaskId(4)}'
            BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;
            """);
        FlightTask[] upserted = [FlightTaskBuilder.Task(1).Version(2).Build(), FlightTaskBuilder.Task(3).Build(), FlightTaskBuilder.Task(4).Build()];

        var thrown = Assert.ThrowsAsync<FlightTaskStoreException>(() => _fixture.Store.ApplyPageAsync(Scope, upserted, [FlightTaskBuilder.TaskId(2)]));

        Assert.That(thrown.InnerException, Is.TypeOf<SqliteException>().With.Message.Contain("refused by the test"));
        Assert.That(thrown.Message, Does.Contain(_fixture.DatabasePath).And.Contain("could not be written"));
        Assert.That(await _fixture.Store.ReadContentHashesAsync(Scope), Is.EqualTo(before));
    }

    [Test]
    public async Task ApplyPageAsync_WhileAPageIsBeingWritten_AReaderOnAnotherConnectionSeesTheLastCommit()
    {
        await _fixture.SeedAsync(1, 2);
        var lockedWhileReading = false;
        int? countSeen = null;
        FlightTask? newTaskSeen = null;
        string? hashSeen = null;
        var page = new PageWithHook(
            [FlightTaskBuilder.Task(1).Version(2).Build(), FlightTaskBuilder.Task(3).Build(), FlightTaskBuilder.Task(4).Build()],
            index: 2,
            () =>
            {
                lockedWhileReading = RawDatabase.IsWriteLocked(_fixture.DatabasePath);
                // The store completes synchronously (Microsoft.Data.Sqlite has no real async I/O), so waiting here cannot deadlock.
                countSeen = _fixture.Store.CountAsync(Scope).GetAwaiter().GetResult();
                newTaskSeen = _fixture.Store.GetAsync(Scope, FlightTaskBuilder.TaskId(3)).GetAwaiter().GetResult();
                hashSeen = _fixture.Store.ReadContentHashesAsync(Scope).GetAwaiter().GetResult()[FlightTaskBuilder.TaskId(1)];
            });

        await _fixture.Store.ApplyPageAsync(Scope, page, []);

        Assert.That(lockedWhileReading, Is.True, "the reads ran while the page held the write lock");
        Assert.That(countSeen, Is.EqualTo(2));
        Assert.That(newTaskSeen, Is.Null);
        Assert.That(hashSeen, Is.EqualTo(FlightTaskBuilder.Task(1).Build().ContentHash));
        Assert.That(await _fixture.Store.CountAsync(Scope), Is.EqualTo(4));
    }
}
