using System.Diagnostics;
using FlightTaskSync.Client;
using FlightTaskSync.Emulator;
using FlightTaskSync.ReliabilityHarness.Hosting;

namespace FlightTaskSync.ReliabilityHarness.Concurrency;

/// <summary>
/// A large sync with readers querying the store without pause, as an app's list screen would:
/// a page of open tasks, a count, a task by id, in turn. Every query is timed; any error, above
/// all SQLITE_BUSY, is recorded. Then the same queries are timed on the finished store with no
/// sync running, to compare with.
/// </summary>
internal static class ReaderDuringSyncHarness
{
    public static async Task<ReaderDuringSyncResult> RunAsync(ReaderDuringSyncOptions options, CancellationToken cancellationToken)
    {
        var result = new ReaderDuringSyncResult { Options = options };
        await using var host = await SdkHost.StartAsync(new EmulatorOptions { TaskCount = options.Tasks, PageSize = options.PageSize, Seed = options.Seed }).ConfigureAwait(false);
        var scope = new SyncScope(host.Emulator.OrganizationIds[0], IncludeDescendantOrganizations: true);
        var ids = host.Emulator.Data.TasksOf(scope.OrganizationSenteraId, includeDescendants: true).Keys.ToArray();

        // The store is opened (and its schema made) before the race begins, as an app's start would.
        await host.Store.CountAsync(scope, cancellationToken).ConfigureAwait(false);

        using var syncDone = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var readers = Enumerable.Range(0, options.Readers)
            .Select(r => Task.Run(() => ReadUntilAsync(host.Store, scope, ids, r, int.MaxValue, result, result.LatenciesDuringSyncMs, syncDone.Token), CancellationToken.None))
            .ToList();

        var clock = Stopwatch.StartNew();
        try
        {
            var report = await host.Sync.SyncAsync(scope, cancellationToken: cancellationToken).ConfigureAwait(false);
            result.Pages = report.Pages;
        }
        finally
        {
            result.SyncDuration = clock.Elapsed;
            await syncDone.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(readers).ConfigureAwait(false);
        }

        await ReadUntilAsync(host.Store, scope, ids, 0, options.IdleQueries, result, result.IdleLatenciesMs, cancellationToken).ConfigureAwait(false);
        result.Converged = await host.StoreEqualsServerAsync(scope, cancellationToken).ConfigureAwait(false);
        return result;
    }

    private static async Task ReadUntilAsync(
        IFlightTaskStore store,
        SyncScope scope,
        string[] ids,
        int seed,
        int maxQueries,
        ReaderDuringSyncResult result,
        List<double> latencies,
        CancellationToken stop)
    {
        var random = new Random(seed);
        var open = new FlightTaskQuery { Status = FlightTaskStatus.Open, OrderBy = FlightTaskOrder.UpdatedAt, Descending = true, Take = 50 };
        var mine = new List<double>();
        var watch = new Stopwatch();
        for (var query = 0; query < maxQueries && !stop.IsCancellationRequested; query++)
        {
            watch.Restart();
            try
            {
                // No token into the query itself: a query cut off by the end of the sync is not an error.
                switch (query % 3)
                {
                    case 0:
                        await store.ListAsync(scope, open, CancellationToken.None).ConfigureAwait(false);
                        break;
                    case 1:
                        var count = await store.CountAsync(scope, CancellationToken.None).ConfigureAwait(false);
                        lock (result)
                        {
                            result.LargestCountSeen = Math.Max(result.LargestCountSeen, count);
                        }

                        break;
                    default:
                        await store.GetAsync(scope, ids[random.Next(ids.Length)], CancellationToken.None).ConfigureAwait(false);
                        break;
                }

                mine.Add(watch.Elapsed.TotalMilliseconds);
            }
            catch (Exception exception)
            {
                lock (result)
                {
                    result.Errors.Add($"{exception.GetType().Name}: {exception.Message}");
                    result.BusyErrors += BusyErrors.Is(exception) ? 1 : 0;
                }
            }
        }

        lock (latencies)
        {
            latencies.AddRange(mine);
        }
    }
}
