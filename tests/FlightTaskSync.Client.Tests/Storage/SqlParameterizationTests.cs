using System.Collections.Concurrent;
using FlightTaskSync.Client.Storage;
using FlightTaskSync.Client.Tests.Fixtures;
using FlightTaskSync.Tests.Shared;
using Microsoft.Extensions.Time.Testing;
using SQLitePCL;

namespace FlightTaskSync.Client.Tests.Storage;

/// <summary>
/// Every SQL statement the store runs carries its values as parameters: the text of each
/// statement SQLite executes (as SQLite reports it, before parameters are bound) is watched
/// while hostile values go through every operation of the store, and none of them appears in it.
/// </summary>
public sealed class SqlParameterizationTests
{
    /// <summary>In every value below; found in a statement's text only if a value was written into it.</summary>
    private const string Mark = "H0st1le";

    private static readonly string Hostile = $"{Mark}'); DROP TABLE flight_tasks; --\" OR 1=1 /* ? $p :p @p";

    [Test]
    public async Task EveryStoreOperation_WithHostileValues_RunsStatementsWithoutValuesInTheirTextAndKeepsTheValuesExact()
    {
        using var folder = new TempDirectory();
        var path = folder.File("flighttasks.db");
        var statements = new ConcurrentQueue<string>();
        using var database = new FlightTaskDatabase(path)
        {
            ConnectionOpened = connection => raw.sqlite3_profile(connection.Handle, (_, sql, _) => statements.Enqueue(sql), null),
        };
        var store = new SqliteFlightTaskStore(database, new FakeTimeProvider(FlightTaskBuilder.SyncTime));
        var scope = new SyncScope($"org-{Hostile}", IncludeDescendantOrganizations: true);
        var hostileTask = FlightTaskBuilder.Task(1)
            .WithSenteraId($"task-{Hostile}")
            .WithHash($"hash-{Hostile}")
            .Named($"name-{Hostile}")
            .WithStatus($"STATUS_{Hostile}")
            .WithProvider($"PROVIDER_{Hostile}")
            .WithNotes($"notes-{Hostile}")
            .InOrganization($"org-{Hostile}")
            .OnField($"field-{Hostile}")
            .AssignedTo($"user-{Hostile}")
            .Build();
        var plain = FlightTaskBuilder.Task(2).Build();

        await store.ApplyPageAsync(scope, [hostileTask, plain], []);
        var got = await store.GetAsync(scope, hostileTask.SenteraId);
        var listed = await store.ListAsync(scope, new FlightTaskQuery
        {
            OrganizationSenteraId = $"org-{Hostile}",
            FieldSenteraId = $"field-{Hostile}",
            AssignedToSenteraId = $"user-{Hostile}",
            OrderBy = FlightTaskOrder.Name,
            Skip = 0,
            Take = 10,
        });
        var counted = await store.CountAsync(scope, new FlightTaskQuery { AssignedToSenteraId = $"user-{Hostile}" });
        var hashes = await store.ReadContentHashesAsync(scope);
        await store.MarkSyncStartedAsync(scope);
        await store.MarkSyncEndedAsync(scope, SyncErrorKind.Other, $"message {Hostile}");
        await store.MarkSyncCompletedAsync(scope, FlightTaskBuilder.SyncTime, fullResync: true);
        var record = await store.ReadSyncRecordAsync(scope, countTasks: true);
        await store.ApplyPageAsync(scope, [], [hostileTask.SenteraId, $"never-held-{Hostile}"]);
        var afterDelete = await store.CountAsync(scope);
        await store.ResetAsync(scope);

        Assert.Multiple(() =>
        {
            Assert.That(statements, Has.Count.GreaterThan(10), "the statements were watched");
            Assert.That(statements.Where(sql => sql.Contains(Mark, StringComparison.Ordinal)), Is.Empty, "a value was written into a statement's text");
            Assert.That(got?.Name, Is.EqualTo($"name-{Hostile}"));
            Assert.That(got?.Notes, Is.EqualTo($"notes-{Hostile}"));
            Assert.That(got?.ContentHash, Is.EqualTo($"hash-{Hostile}"));
            Assert.That(listed.Select(t => t.SenteraId), Is.EqualTo(new[] { hostileTask.SenteraId }));
            Assert.That(counted, Is.EqualTo(1));
            Assert.That(hashes, Has.Count.EqualTo(2));
            Assert.That(record, Is.Not.Null);
            Assert.That(afterDelete, Is.EqualTo(1));
            Assert.That(RawDatabase.Long(path, "SELECT count(*) FROM sqlite_master WHERE name = 'flight_tasks';"), Is.EqualTo(1), "the table is still there");
        });
    }
}
