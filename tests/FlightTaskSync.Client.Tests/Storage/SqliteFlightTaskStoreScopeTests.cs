using FlightTaskSync.Client.Storage;
using FlightTaskSync.Client.Tests.Fixtures;

namespace FlightTaskSync.Client.Tests.Storage;

/// <summary>Scopes are kept apart; hashes, reset, completion and reopening work per scope.</summary>
public class SqliteFlightTaskStoreScopeTests
{
    private static readonly SyncScope Organization = new(FlightTaskBuilder.OrganizationId);
    private static readonly SyncScope OrganizationWithDescendants = new(FlightTaskBuilder.OrganizationId, IncludeDescendantOrganizations: true);
    private static readonly SyncScope OtherOrganization = new(FlightTaskBuilder.ChildOrganizationId);
    private StoreFixture _fixture = null!;

    [SetUp]
    public void SetUp() => _fixture = new StoreFixture();

    [TearDown]
    public void TearDown() => _fixture.Dispose();

    [Test]
    public async Task ApplyPageAsync_SameOrganizationWithAndWithoutDescendants_AreTwoScopes()
    {
        await _fixture.Store.ApplyPageAsync(Organization, [Task(1), Task(2)], []);
        await _fixture.Store.ApplyPageAsync(OrganizationWithDescendants, [Task(1, version: 2), Task(3)], []);

        Assert.That(await _fixture.Store.ReadContentHashesAsync(Organization), Is.EqualTo(Hashes(Task(1), Task(2))));
        Assert.That(await _fixture.Store.ReadContentHashesAsync(OrganizationWithDescendants), Is.EqualTo(Hashes(Task(1, version: 2), Task(3))));
        Assert.That(await _fixture.Store.GetAsync(Organization, FlightTaskBuilder.TaskId(3)), Is.Null);
    }

    [Test]
    public async Task ApplyPageAsync_TwoOrganizations_StayApart()
    {
        await _fixture.Store.ApplyPageAsync(Organization, [Task(1), Task(2)], []);
        await _fixture.Store.ApplyPageAsync(OtherOrganization, [Task(3)], []);

        await _fixture.Store.ApplyPageAsync(OtherOrganization, [], [FlightTaskBuilder.TaskId(1)]);

        Assert.That(await _fixture.Store.CountAsync(Organization), Is.EqualTo(2));
        Assert.That(await _fixture.Store.CountAsync(OtherOrganization), Is.EqualTo(1));
        Assert.That(await _fixture.Store.ListAsync(OtherOrganization), Has.Count.EqualTo(1).And.One.Property(nameof(FlightTask.SenteraId)).EqualTo(FlightTaskBuilder.TaskId(3)));
    }

    [Test]
    public async Task ApplyPageAsync_DeleteInOneScope_LeavesTheSameTaskInAnother()
    {
        await _fixture.Store.ApplyPageAsync(Organization, [Task(1)], []);
        await _fixture.Store.ApplyPageAsync(OrganizationWithDescendants, [Task(1)], []);

        var result = await _fixture.Store.ApplyPageAsync(OrganizationWithDescendants, [], [FlightTaskBuilder.TaskId(1)]);

        Assert.That(result.Deleted, Is.EqualTo(1));
        Assert.That(await _fixture.Store.GetAsync(Organization, FlightTaskBuilder.TaskId(1)), Is.Not.Null);
    }

    [Test]
    public async Task ReadContentHashesAsync_AfterInsertsUpdatesAndDeletes_ReturnsExactlyTheHeldMap()
    {
        await _fixture.Store.ApplyPageAsync(Organization, [Task(1), Task(2), Task(3)], []);
        await _fixture.Store.ApplyPageAsync(Organization, [Task(2, version: 2), Task(4)], [FlightTaskBuilder.TaskId(3)]);

        var hashes = await _fixture.Store.ReadContentHashesAsync(Organization);

        Assert.That(hashes, Is.EqualTo(Hashes(Task(1), Task(2, version: 2), Task(4))));
        Assert.That(hashes.Comparer, Is.EqualTo(StringComparer.Ordinal));
    }

    [Test]
    public async Task ReadHeldHashesAsync_AfterInsertsUpdatesAndDeletes_ListsExactlyTheHeldHashes()
    {
        await _fixture.Store.ApplyPageAsync(Organization, [Task(1), Task(2), Task(3)], []);
        await _fixture.Store.ApplyPageAsync(Organization, [Task(2, version: 2), Task(4)], [FlightTaskBuilder.TaskId(3)]);
        await _fixture.Store.ApplyPageAsync(OrganizationWithDescendants, [Task(5)], []);

        var hashes = await _fixture.Store.ReadHeldHashesAsync(Organization);

        Assert.That(hashes, Is.EquivalentTo(Hashes(Task(1), Task(2, version: 2), Task(4)).Values));
        Assert.That(await _fixture.Store.ReadHeldHashesAsync(OtherOrganization), Is.Empty);
    }

    [Test]
    public async Task ReadHeldHashesAsync_HashesThatNeedEscapingOrAreNotAscii_HandsOverTheirExactUtf8()
    {
        string[] hashes = ["3f9a0c1d", "say \"hi\"", "back\\slash", "héllo", "日本", "line\nbreak"];
        await _fixture.Store.ApplyPageAsync(Organization, [.. hashes.Select((hash, i) => FlightTaskBuilder.Task(i + 1).WithHash(hash).Build())], []);
        var read = new List<byte[]>();

        var count = await _fixture.Store.ReadHeldHashesAsync(Organization, utf8 => read.Add(utf8.ToArray()));

        Assert.Multiple(() =>
        {
            Assert.That(count, Is.EqualTo(hashes.Length));
            Assert.That(read, Is.EquivalentTo(hashes.Select(System.Text.Encoding.UTF8.GetBytes)));
        });
    }

    [Test]
    public async Task ReadHeldHashesAsync_CanceledPartWay_StopsWithOperationCanceled()
    {
        await _fixture.Store.ApplyPageAsync(Organization, [.. Enumerable.Range(1, 2_000).Select(number => Task(number))], []);
        await _fixture.Store.ApplyPageAsync(Organization, [.. Enumerable.Range(2_001, 2_000).Select(number => Task(number))], []);
        await _fixture.Store.ApplyPageAsync(Organization, [.. Enumerable.Range(4_001, 2_000).Select(number => Task(number))], []);
        using var cancellation = new CancellationTokenSource();
        var read = 0;

        var reading = () => _fixture.Store.ReadHeldHashesAsync(Organization, _ =>
        {
            if (++read == 10)
            {
                cancellation.Cancel();
            }
        }, cancellation.Token);

        Assert.Multiple(() =>
        {
            Assert.That(reading, Throws.InstanceOf<OperationCanceledException>());
            Assert.That(read, Is.LessThan(6_000), "the read stopped before the last hash");
        });
    }

    [TestCase(nameof(SqliteFlightTaskStore.ReadHashPairsSql))]
    [TestCase(nameof(SqliteFlightTaskStore.ReadHashesSql))]
    public async Task HashReads_QueryPlan_ReadOnlyTheHashIndexNeverTheRows(string query)
    {
        await _fixture.Store.ApplyPageAsync(Organization, [Task(1), Task(2)], []);

        using var connection = RawDatabase.Open(_fixture.DatabasePath);
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + (query == nameof(SqliteFlightTaskStore.ReadHashesSql) ? SqliteFlightTaskStore.ReadHashesSql : SqliteFlightTaskStore.ReadHashPairsSql);
        command.Parameters.AddWithValue("$organization", Organization.OrganizationSenteraId);
        command.Parameters.AddWithValue("$descendants", Organization.IncludeDescendantOrganizations);
        var steps = new List<string>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                steps.Add(reader.GetString(3));
            }
        }

        // The outer scan of flight_tasks stays inside the covering index (each row is about 1.5 KB).
        Assert.That(steps.Where(s => s.Contains("flight_tasks", StringComparison.Ordinal)), Has.Some.Contains("COVERING INDEX ix_flight_tasks_hashes"));
        Assert.That(steps.Where(s => s.Contains("flight_tasks", StringComparison.Ordinal) && !s.Contains("COVERING", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public async Task ReadContentHashesAsync_ScopeNeverSynced_ReturnsAnEmptyMap()
    {
        await _fixture.Store.ApplyPageAsync(Organization, [Task(1)], []);

        Assert.That(await _fixture.Store.ReadContentHashesAsync(OtherOrganization), Is.Empty);
    }

    [Test]
    public async Task ResetAsync_Scope_ForgetsItsTasksAndBookkeepingOnly()
    {
        await _fixture.Store.ApplyPageAsync(Organization, [Task(1), Task(2)], []);
        await _fixture.Store.ApplyPageAsync(OrganizationWithDescendants, [Task(1), Task(3)], []);
        await _fixture.Store.ApplyPageAsync(OtherOrganization, [Task(4)], []);
        await _fixture.Store.MarkSyncCompletedAsync(Organization, FlightTaskBuilder.SyncTime);

        await _fixture.Store.ResetAsync(Organization);

        Assert.That(await _fixture.Store.CountAsync(Organization), Is.Zero);
        Assert.That(RawDatabase.ScopeRow(_fixture.DatabasePath, Organization), Is.Null);
        Assert.That(await _fixture.Store.ReadContentHashesAsync(OrganizationWithDescendants), Is.EqualTo(Hashes(Task(1), Task(3))));
        Assert.That(await _fixture.Store.ReadContentHashesAsync(OtherOrganization), Is.EqualTo(Hashes(Task(4))));
        Assert.That(RawDatabase.Long(_fixture.DatabasePath, "SELECT count(*) FROM flight_tasks;"), Is.EqualTo(3));
    }

    [Test]
    public async Task ResetAsync_ScopeNeverSynced_ChangesNothing()
    {
        await _fixture.Store.ApplyPageAsync(Organization, [Task(1)], []);

        await _fixture.Store.ResetAsync(OtherOrganization);

        Assert.That(await _fixture.Store.CountAsync(Organization), Is.EqualTo(1));
    }

    [Test]
    public async Task ResetAsync_ThenAPage_StartsTheScopeAfresh()
    {
        await _fixture.Store.ApplyPageAsync(Organization, [Task(1), Task(2)], []);
        await _fixture.Store.ResetAsync(Organization);

        var result = await _fixture.Store.ApplyPageAsync(Organization, [Task(2)], []);

        Assert.That((result.Inserted, result.Updated, result.Deleted), Is.EqualTo((1, 0, 0)));
        Assert.That(await _fixture.Store.ReadContentHashesAsync(Organization), Is.EqualTo(Hashes(Task(2))));
    }

    [Test]
    public async Task MarkSyncCompletedAsync_Scope_RecordsTheCompletionTime()
    {
        await _fixture.Store.ApplyPageAsync(Organization, [Task(1)], []);
        var completedAt = FlightTaskBuilder.SyncTime.AddSeconds(3);

        await _fixture.Store.MarkSyncCompletedAsync(Organization, completedAt);

        Assert.That(RawDatabase.ScopeRow(_fixture.DatabasePath, Organization)?.LastCompletedAt, Is.EqualTo(completedAt.ToUnixTimeMilliseconds()));
        Assert.That(RawDatabase.ScopeRow(_fixture.DatabasePath, OrganizationWithDescendants), Is.Null);
    }

    [Test]
    public async Task ReopenedDatabase_SamePath_StillHoldsEverything()
    {
        var task = Task(1);
        await _fixture.Store.ApplyPageAsync(Organization, [task, Task(2)], []);
        await _fixture.Store.ApplyPageAsync(OtherOrganization, [Task(3)], []);

        _fixture.Reopen();

        Assert.That(await _fixture.Store.GetAsync(Organization, task.SenteraId), Is.EqualTo(task).UsingPropertiesComparer());
        Assert.That(await _fixture.Store.ReadContentHashesAsync(Organization), Is.EqualTo(Hashes(task, Task(2))));
        Assert.That(await _fixture.Store.CountAsync(OtherOrganization), Is.EqualTo(1));
    }

    private static FlightTask Task(int number, int version = 1) => FlightTaskBuilder.Task(number).Version(version).Build();

    private static Dictionary<string, string> Hashes(params FlightTask[] tasks) => tasks.ToDictionary(t => t.SenteraId, t => t.ContentHash);
}
