using FlightTaskSync.Client.Storage;
using FlightTaskSync.Tests.Shared;
using Microsoft.Extensions.Time.Testing;

namespace FlightTaskSync.Client.Tests.Fixtures;

/// <summary>
/// A real store on a real SQLite file in a temp folder, with a fake clock starting at
/// <see cref="FlightTaskBuilder.SyncTime"/>. Dispose closes the database and deletes the folder.
/// </summary>
internal sealed class StoreFixture : IDisposable
{
    public static readonly SyncScope Scope = new(FlightTaskBuilder.OrganizationId);

    private readonly TempDirectory _folder = new();

    public StoreFixture()
    {
        DatabasePath = _folder.File("flighttasks.db");
        Database = new FlightTaskDatabase(DatabasePath);
        Store = new SqliteFlightTaskStore(Database, Clock);
    }

    public FakeTimeProvider Clock { get; } = new(FlightTaskBuilder.SyncTime);

    public string DatabasePath { get; }

    public FlightTaskDatabase Database { get; private set; }

    public SqliteFlightTaskStore Store { get; private set; }

    /// <summary>Closes the database and opens the same file with a new database and store, as a restarted app would.</summary>
    public void Reopen()
    {
        Database.Dispose();
        Database = new FlightTaskDatabase(DatabasePath);
        Store = new SqliteFlightTaskStore(Database, Clock);
    }

    /// <summary>Applies tasks <paramref name="numbers"/> (version 1) to <see cref="Scope"/>.</summary>
    public async Task<IReadOnlyList<FlightTask>> SeedAsync(params int[] numbers)
    {
        FlightTask[] tasks = [.. numbers.Select(n => FlightTaskBuilder.Task(n).Build())];
        await Store.ApplyPageAsync(Scope, tasks, []);
        return tasks;
    }

    public void Dispose()
    {
        Database.Dispose();
        _folder.Dispose();
    }
}
