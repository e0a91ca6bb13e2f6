using FlightTaskSync.Benchmarks.Baselines;
using FlightTaskSync.Client;
using FlightTaskSync.Client.Storage;

namespace FlightTaskSync.Benchmarks.Support;

/// <summary>Fills a new database with tasks held for a scope, fast (setup, not measured).</summary>
internal static class HeldStore
{
    /// <summary>
    /// Creates the database with the SDK's schema and writes one task per (id, hash), with the
    /// sample's content cycled through; pages of 2,000 in one transaction each.
    /// </summary>
    public static async Task FillAsync(string databasePath, SyncScope scope, IEnumerable<KeyValuePair<string, string>> hashesById, IReadOnlyList<FlightTask> sample)
    {
        using (var database = new FlightTaskDatabase(databasePath))
        {
            await new SqliteFlightTaskStore(database, TimeProvider.System).CountAsync(scope);
        }

        using var writer = new FloorPageWriter(databasePath);
        var page = new List<FlightTask>(2000);
        var number = 0;
        foreach (var (id, hash) in hashesById)
        {
            page.Add(SyntheticTasks.Copy(sample[number++ % sample.Count], id, hash, notes: null));
            if (page.Count == 2000)
            {
                writer.Apply(scope, page);
                page.Clear();
            }
        }

        writer.Apply(scope, page);
    }
}
