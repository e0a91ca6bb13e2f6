using FlightTaskSync.Client.Tests.Fixtures;

namespace FlightTaskSync.Client.Tests.Storage;

/// <summary>ApplyPageAsync refuses a bad page whole: it says what is wrong and writes nothing.</summary>
public class SqliteFlightTaskStoreInvalidPageTests
{
    private static readonly SyncScope Scope = StoreFixture.Scope;
    private StoreFixture _fixture = null!;
    private Dictionary<string, string> _before = null!;

    [SetUp]
    public async Task SetUp()
    {
        _fixture = new StoreFixture();
        await _fixture.SeedAsync(1, 2);
        _before = await _fixture.Store.ReadContentHashesAsync(Scope);
        _fixture.Clock.Advance(TimeSpan.FromMinutes(1));
    }

    [TearDown]
    public void TearDown() => _fixture.Dispose();

    [Test]
    public async Task ApplyPageAsync_SameIdTwiceInUpserted_ThrowsNamingTheIdAndWritesNothing()
    {
        FlightTask[] upserted = [FlightTaskBuilder.Task(3).Build(), FlightTaskBuilder.Task(1).Version(2).Build(), FlightTaskBuilder.Task(1).Version(3).Build()];

        await AssertRefusedAsync(upserted, [], $"upserts task '{FlightTaskBuilder.TaskId(1)}' twice");
    }

    [Test]
    public async Task ApplyPageAsync_SameIdTwiceInDeleted_ThrowsNamingTheIdAndWritesNothing()
    {
        await AssertRefusedAsync([FlightTaskBuilder.Task(3).Build()], [FlightTaskBuilder.TaskId(2), FlightTaskBuilder.TaskId(2)], $"deletes task '{FlightTaskBuilder.TaskId(2)}' twice");
    }

    [Test]
    public async Task ApplyPageAsync_IdInBothLists_ThrowsNamingTheIdAndWritesNothing()
    {
        FlightTask[] upserted = [FlightTaskBuilder.Task(3).Build(), FlightTaskBuilder.Task(1).Version(2).Build()];

        await AssertRefusedAsync(upserted, [FlightTaskBuilder.TaskId(1)], $"both upserts and deletes task '{FlightTaskBuilder.TaskId(1)}'");
    }

    [Test]
    public async Task ApplyPageAsync_EmptyContentHash_ThrowsNamingTheIdAndWritesNothing()
    {
        FlightTask[] upserted = [FlightTaskBuilder.Task(3).Build(), FlightTaskBuilder.Task(4).WithHash("").Build()];

        await AssertRefusedAsync(upserted, [FlightTaskBuilder.TaskId(2)], $"task '{FlightTaskBuilder.TaskId(4)}' has no content_hash");
    }

    [Test]
    public async Task ApplyPageAsync_EmptySenteraId_ThrowsNamingThePositionAndWritesNothing()
    {
        var withoutId = FlightTaskBuilder.Task(4).WithSenteraId("").Build();

        await AssertRefusedAsync([FlightTaskBuilder.Task(3).Build(), withoutId], [], "task at index 1 has no sentera_id");
    }

    [Test]
    public async Task ApplyPageAsync_NullTask_ThrowsNamingThePositionAndWritesNothing()
    {
        await AssertRefusedAsync([FlightTaskBuilder.Task(3).Build(), null!], [FlightTaskBuilder.TaskId(2)], "task at index 1 is null");
    }

    [Test]
    public async Task ApplyPageAsync_RequiredValueMissing_ThrowsNamingTheIdAndWritesNothing()
    {
        var withoutName = FlightTaskBuilder.Task(4).Named(null!).Build();

        await AssertRefusedAsync([FlightTaskBuilder.Task(3).Build(), withoutName], [], $"task '{FlightTaskBuilder.TaskId(4)}' lacks a required value");
    }

    [Test]
    public async Task ApplyPageAsync_EmptyDeletedId_ThrowsNamingThePositionAndWritesNothing()
    {
        await AssertRefusedAsync([FlightTaskBuilder.Task(3).Build()], [FlightTaskBuilder.TaskId(2), ""], "deleted id at index 1 is null or empty");
    }

    private async Task AssertRefusedAsync(IReadOnlyList<FlightTask> upserted, IReadOnlyList<string> deletedIds, string expectedMessage)
    {
        var thrown = Assert.ThrowsAsync<ArgumentException>(() => _fixture.Store.ApplyPageAsync(Scope, upserted, deletedIds));

        Assert.That(thrown.Message, Does.Contain(expectedMessage));
        Assert.That(await _fixture.Store.ReadContentHashesAsync(Scope), Is.EqualTo(_before));
        Assert.That(
            RawDatabase.ScopeRow(_fixture.DatabasePath, Scope)?.LastPageAt,
            Is.EqualTo(FlightTaskBuilder.SyncTime.ToUnixTimeMilliseconds()),
            "the scope's last page time is the seed's, not this page's");
    }
}
