using FlightTaskSync.Client.Tests.Fixtures;

namespace FlightTaskSync.Client.Tests.Storage;

/// <summary>
/// GetAsync, ListAsync and CountAsync over a fixed set of tasks. Expected orders are computed
/// here with LINQ, independently of the store's SQL.
/// </summary>
public class SqliteFlightTaskStoreQueryTests
{
    private static readonly SyncScope Scope = new(FlightTaskBuilder.OrganizationId, IncludeDescendantOrganizations: true);
    private static readonly DateTimeOffset Day = new(2024, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly string Field = FlightTaskBuilder.FieldId(1);
    private static readonly string Pilot = FlightTaskBuilder.UserId(10);

    private StoreFixture _fixture = null!;
    private FlightTask[] _tasks = null!;

    [SetUp]
    public async Task SetUp()
    {
        _fixture = new StoreFixture();
        // Ties on purpose: tasks 1, 2 and 3 share updated_at, created_at and name; 4 and 5 share targeted_at.
        // Some tasks have no targeted_at or scheduled_at (NULL); names differ in case.
        _tasks =
        [
            Build(1, "OPEN", "Alpha", updated: Day, targeted: Day.AddDays(3), scheduled: null, field: Field, assignee: Pilot),
            Build(2, "OPEN", "Alpha", updated: Day, targeted: null, scheduled: Day.AddDays(1), field: Field, assignee: null),
            Build(3, "IN_PROGRESS", "Alpha", updated: Day, targeted: Day.AddDays(1), scheduled: Day.AddDays(2), field: null, assignee: Pilot),
            Build(4, "CANCELED", "bravo", updated: Day.AddHours(5), targeted: Day.AddDays(2), scheduled: null, field: Field, assignee: Pilot),
            Build(5, "AWAITING_APPROVAL", "Charlie", updated: Day.AddHours(-5), targeted: Day.AddDays(2), scheduled: Day, field: null, assignee: null),
            Build(6, "COMPLETED", "Bravo", updated: Day.AddHours(1), targeted: null, scheduled: null, field: Field, assignee: Pilot,
                organization: FlightTaskBuilder.ChildOrganizationId),
            Build(7, "OPEN", "delta", updated: Day.AddHours(2), targeted: Day, scheduled: Day.AddDays(5), field: null, assignee: Pilot,
                organization: FlightTaskBuilder.ChildOrganizationId),
        ];
        await _fixture.Store.ApplyPageAsync(Scope, _tasks, []);
    }

    [TearDown]
    public void TearDown() => _fixture.Dispose();

    [Test]
    public async Task GetAsync_IdNotHeld_ReturnsNull()
    {
        Assert.That(await _fixture.Store.GetAsync(Scope, FlightTaskBuilder.TaskId(99)), Is.Null);
    }

    [Test]
    public async Task GetAsync_IdInAnotherCase_ReturnsNull()
    {
        Assert.That(await _fixture.Store.GetAsync(Scope, FlightTaskBuilder.TaskId(1).ToUpperInvariant()), Is.Null);
    }

    [Test]
    public async Task ListAsync_NoQuery_ReturnsEveryTaskByUpdatedAtThenId()
    {
        var listed = await _fixture.Store.ListAsync(Scope);

        Assert.That(Ids(listed), Is.EqualTo(Ids(_tasks.OrderBy(t => t.UpdatedAt).ThenBy(t => t.SenteraId, StringComparer.Ordinal))));
    }

    [Test]
    public async Task ListAsync_IncludeRawJson_ReturnsTasksWithEveryField()
    {
        var listed = await _fixture.Store.ListAsync(Scope, new FlightTaskQuery { IncludeRawJson = true });

        Assert.That(listed.Single(t => t.SenteraId == _tasks[5].SenteraId), Is.EqualTo(_tasks[5]).UsingPropertiesComparer());
    }

    [Test]
    public async Task ListAsync_NoQuery_ReadsEveryFieldButTheRawJson()
    {
        var listed = await _fixture.Store.ListAsync(Scope);

        var listedTask = listed.Single(t => t.SenteraId == _tasks[5].SenteraId);
        Assert.Multiple(() =>
        {
            Assert.That(listed.Select(t => t.RawJson), Is.All.Null, "the raw JSON was not asked for");
            Assert.That(listedTask, Is.EqualTo(_tasks[5]).Using<FlightTask>((a, b) => a.SenteraId == b.SenteraId && a.ContentHash == b.ContentHash && a.Name == b.Name
                && a.StatusValue == b.StatusValue && a.FieldSenteraId == b.FieldSenteraId && a.AssignedToSenteraId == b.AssignedToSenteraId
                && a.UpdatedAt == b.UpdatedAt && a.TargetedAt == b.TargetedAt && a.OrganizationSenteraId == b.OrganizationSenteraId));
        });
    }

    [Test]
    public async Task GetAsync_HeldTask_ReadsItsRawJson()
    {
        var task = await _fixture.Store.GetAsync(Scope, _tasks[2].SenteraId);

        Assert.That(task!.RawJson, Is.EqualTo(_tasks[2].RawJson).And.Not.Null);
    }

    [Test]
    public async Task ListAsync_CancellationTokenOnly_ListsAsTheDefaultQueryDoes()
    {
        using var cancellation = new CancellationTokenSource();

        var listed = await _fixture.Store.ListAsync(Scope, cancellation.Token);

        Assert.That(Ids(listed), Is.EqualTo(Ids(await _fixture.Store.ListAsync(Scope, query: null))));
    }

    [TestCase(FlightTaskStatus.Open, new[] { 1, 2, 7 })]
    [TestCase(FlightTaskStatus.InProgress, new[] { 3 })]
    [TestCase(FlightTaskStatus.Canceled, new[] { 4 })]
    [TestCase(FlightTaskStatus.Completed, new[] { 6 })]
    [TestCase(FlightTaskStatus.Failed, new int[0])]
    [TestCase(FlightTaskStatus.Unknown, new[] { 5 })]
    public async Task ListAsync_StatusFilter_ReturnsOnlyThatStatus(FlightTaskStatus status, int[] expected)
    {
        var listed = await _fixture.Store.ListAsync(Scope, new FlightTaskQuery { Status = status });

        Assert.That(listed.Select(t => t.Status), Is.All.EqualTo(status));
        Assert.That(Ids(listed), Is.EquivalentTo(expected.Select(FlightTaskBuilder.TaskId)));
    }

    [Test]
    public async Task ListAsync_OrganizationFilter_ReturnsThatOrganizationsTasks()
    {
        var listed = await _fixture.Store.ListAsync(Scope, new FlightTaskQuery { OrganizationSenteraId = FlightTaskBuilder.ChildOrganizationId });

        Assert.That(Ids(listed), Is.EquivalentTo(Ids(_tasks[5], _tasks[6])));
    }

    [Test]
    public async Task ListAsync_FieldFilter_ReturnsThatFieldsTasks()
    {
        var listed = await _fixture.Store.ListAsync(Scope, new FlightTaskQuery { FieldSenteraId = Field });

        Assert.That(Ids(listed), Is.EquivalentTo(Ids(_tasks[0], _tasks[1], _tasks[3], _tasks[5])));
    }

    [Test]
    public async Task ListAsync_AssigneeFilter_ReturnsThatUsersTasks()
    {
        var listed = await _fixture.Store.ListAsync(Scope, new FlightTaskQuery { AssignedToSenteraId = Pilot });

        Assert.That(Ids(listed), Is.EquivalentTo(Ids(_tasks[0], _tasks[2], _tasks[3], _tasks[5], _tasks[6])));
    }

    [Test]
    public async Task ListAsync_SeveralFilters_ReturnsTasksMatchingAll()
    {
        var listed = await _fixture.Store.ListAsync(Scope, new FlightTaskQuery { Status = FlightTaskStatus.Open, FieldSenteraId = Field, AssignedToSenteraId = Pilot });

        Assert.That(Ids(listed), Is.EqualTo(Ids(_tasks[0])));
    }

    [Test]
    public async Task ListAsync_FilterMatchingNothing_ReturnsEmpty()
    {
        var listed = await _fixture.Store.ListAsync(Scope, new FlightTaskQuery { FieldSenteraId = FlightTaskBuilder.FieldId(2) });

        Assert.That(listed, Is.Empty);
    }

    [Test]
    public async Task ListAsync_EveryOrderAndDirection_SortsWithIdTieBreak(
        [Values] FlightTaskOrder order, [Values] bool descending)
    {
        var listed = await _fixture.Store.ListAsync(Scope, new FlightTaskQuery { OrderBy = order, Descending = descending });

        Assert.That(Ids(listed), Is.EqualTo(Ids(ExpectedOrder(order, descending))));
    }

    [Test]
    public async Task ListAsync_SkipAndTake_ReturnsThatSliceOfTheOrder()
    {
        var ordered = ExpectedOrder(FlightTaskOrder.Name, descending: false);

        var page = await _fixture.Store.ListAsync(Scope, new FlightTaskQuery { OrderBy = FlightTaskOrder.Name, Skip = 2, Take = 3 });

        Assert.That(Ids(page), Is.EqualTo(Ids(ordered.Skip(2).Take(3))));
    }

    [Test]
    public async Task ListAsync_SkipWithoutTake_ReturnsTheRest()
    {
        var page = await _fixture.Store.ListAsync(Scope, new FlightTaskQuery { Skip = 5 });

        Assert.That(Ids(page), Is.EqualTo(Ids(ExpectedOrder(FlightTaskOrder.UpdatedAt, descending: false).Skip(5))));
    }

    [Test]
    public async Task ListAsync_PagesWalkedInTurn_CoverEveryTaskOnce()
    {
        var seen = new List<string>();
        for (var skip = 0; skip < _tasks.Length + 2; skip += 2)
        {
            seen.AddRange(Ids(await _fixture.Store.ListAsync(Scope, new FlightTaskQuery { OrderBy = FlightTaskOrder.CreatedAt, Descending = true, Skip = skip, Take = 2 })));
        }

        Assert.That(seen, Is.EqualTo(Ids(ExpectedOrder(FlightTaskOrder.CreatedAt, descending: true))));
    }

    [Test]
    public async Task ListAsync_SkipPastTheEnd_ReturnsEmpty()
    {
        Assert.That(await _fixture.Store.ListAsync(Scope, new FlightTaskQuery { Skip = 7, Take = 10 }), Is.Empty);
    }

    [Test]
    public void ListAsync_NegativeSkip_ThrowsSayingTheAllowedRange()
    {
        var thrown = Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _fixture.Store.ListAsync(Scope, new FlightTaskQuery { Skip = -1 }));

        Assert.That(thrown.Message, Does.Contain("Skip must be 0 or more"));
    }

    [TestCase(-1)]
    [TestCase(-5)]
    public void ListAsync_NegativeTake_ThrowsSayingTheAllowedRange(int take)
    {
        var thrown = Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _fixture.Store.ListAsync(Scope, new FlightTaskQuery { Take = take }));

        Assert.That(thrown.Message, Does.Contain("Take must be 0 or more"));
    }

    [Test]
    public async Task ListAsync_TakeZero_ReturnsNothing()
    {
        Assert.That(await _fixture.Store.ListAsync(Scope, new FlightTaskQuery { Take = 0 }), Is.Empty);
    }

    [Test]
    public async Task ListAsync_MoreTasksThanTheDefaultTake_ReturnsTheFirstPageOnly_AndSkipGivesTheRest()
    {
        var scope = new SyncScope(FlightTaskBuilder.ChildOrganizationId);
        FlightTask[] many = [.. Enumerable.Range(100, 1_001).Select(n => FlightTaskBuilder.Task(n).Build())];
        await _fixture.Store.ApplyPageAsync(scope, many, []);

        var first = await _fixture.Store.ListAsync(scope);
        var rest = await _fixture.Store.ListAsync(scope, new FlightTaskQuery { Skip = first.Count });

        Assert.Multiple(() =>
        {
            Assert.That(new FlightTaskQuery().Take, Is.EqualTo(1_000));
            Assert.That(first, Has.Count.EqualTo(1_000));
            Assert.That(Ids(first.Concat(rest)), Is.EquivalentTo(Ids(many)));
        });
    }

    [Test]
    public async Task CountAsync_CancellationTokenOnly_CountsEveryTask()
    {
        using var cancellation = new CancellationTokenSource();

        Assert.That(await _fixture.Store.CountAsync(Scope, cancellation.Token), Is.EqualTo(_tasks.Length));
    }

    [Test]
    public async Task CountAsync_NullQuery_CountsEveryTask()
    {
        Assert.That(await _fixture.Store.CountAsync(Scope, query: null), Is.EqualTo(_tasks.Length));
    }

    [Test]
    public void ListAsync_UndefinedOrder_Throws()
    {
        Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _fixture.Store.ListAsync(Scope, new FlightTaskQuery { OrderBy = (FlightTaskOrder)42 }));
    }

    [Test]
    public async Task ListAsync_FilterValueWithSqlInIt_IsTreatedAsAValue()
    {
        var listed = await _fixture.Store.ListAsync(Scope, new FlightTaskQuery { FieldSenteraId = "x' OR 1=1 --" });

        Assert.That(listed, Is.Empty);
        Assert.That(await _fixture.Store.CountAsync(Scope), Is.EqualTo(_tasks.Length));
    }

    [Test]
    public async Task CountAsync_Scope_CountsEveryTask()
    {
        Assert.That(await _fixture.Store.CountAsync(Scope), Is.EqualTo(_tasks.Length));
    }

    [Test]
    public async Task CountAsync_ScopeNeverSynced_IsZero()
    {
        Assert.That(await _fixture.Store.CountAsync(new SyncScope(FlightTaskBuilder.OrganizationId)), Is.Zero);
    }

    [Test]
    public async Task CountAsync_WithQuery_CountsMatchesIgnoringSkipAndTake()
    {
        var count = await _fixture.Store.CountAsync(Scope, new FlightTaskQuery { Status = FlightTaskStatus.Open, Skip = 1, Take = 1 });

        Assert.That(count, Is.EqualTo(3));
    }

    private IEnumerable<FlightTask> ExpectedOrder(FlightTaskOrder order, bool descending)
    {
        // Comparer<T?>.Default puts null first, as SQLite's ORDER BY does for NULL.
        Func<FlightTask, IComparable?> key = order switch
        {
            FlightTaskOrder.UpdatedAt => t => t.UpdatedAt,
            FlightTaskOrder.CreatedAt => t => t.CreatedAt,
            FlightTaskOrder.TargetedAt => t => t.TargetedAt,
            FlightTaskOrder.ScheduledAt => t => t.ScheduledAt,
            FlightTaskOrder.Name => t => t.Name,
            _ => throw new ArgumentOutOfRangeException(nameof(order)),
        };
        var comparer = Comparer<IComparable?>.Create((a, b) =>
            a is string x && b is string y ? string.CompareOrdinal(x, y) : Comparer<IComparable?>.Default.Compare(a, b));
        return descending
            ? _tasks.OrderByDescending(key, comparer).ThenByDescending(t => t.SenteraId, StringComparer.Ordinal)
            : _tasks.OrderBy(key, comparer).ThenBy(t => t.SenteraId, StringComparer.Ordinal);
    }

    private static FlightTask Build(
        int number, string status, string name, DateTimeOffset updated, DateTimeOffset? targeted, DateTimeOffset? scheduled,
        string? field, string? assignee, string organization = FlightTaskBuilder.OrganizationId) =>
        FlightTaskBuilder.Task(number)
            .WithStatus(status)
            .Named(name)
            .CreatedAt(Day.AddDays(-1))
            .UpdatedAt(updated)
            .TargetedAt(targeted)
            .ScheduledAt(scheduled)
            .OnField(field)
            .AssignedTo(assignee)
            .InOrganization(organization)
            .Build();

    private static string[] Ids(IEnumerable<FlightTask> tasks) => [.. tasks.Select(t => t.SenteraId)];

    private static string[] Ids(params FlightTask[] tasks) => [.. tasks.Select(t => t.SenteraId)];
}
