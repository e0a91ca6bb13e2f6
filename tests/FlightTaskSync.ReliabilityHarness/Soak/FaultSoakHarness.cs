using System.Diagnostics;
using FlightTaskSync.Client;
using FlightTaskSync.Emulator;
using FlightTaskSync.ReliabilityHarness.Hosting;

namespace FlightTaskSync.ReliabilityHarness.Soak;

/// <summary>
/// Syncs through a server having a bad day: the first requests get one fault of each kind the
/// emulator has, one after the other (latency, 500/502/503, 429 with Retry-After, a reset, a
/// truncated body, a GraphQL error, failed entries), then a share of the requests gets one of
/// them at random; and every third request edits, deletes and adds tasks before its page
/// is computed. The app syncs again after a failed sync, as an app would; once a sync completes,
/// the edits stop (the faults go on) and the app syncs until one completes again, after which the
/// store must equal the server exactly. A reader queries all along. Requests are counted against
/// a budget, and every exception, reader error and log entry is searched for SQLite lock errors.
/// </summary>
internal static class FaultSoakHarness
{
    public const string Verb = "fault-soak";

    public static async Task<FaultSoakResult> RunAsync(FaultSoakOptions options, CancellationToken cancellationToken)
    {
        var result = new FaultSoakResult { Options = options };
        var clock = Stopwatch.StartNew();
        for (var round = 0; round < options.Rounds; round++)
        {
            await RunRoundAsync(options, options.Seed + round, result, cancellationToken).ConfigureAwait(false);
        }

        result.Duration = clock.Elapsed;
        if (result.Requests > result.RequestBudget)
        {
            result.Violations.Add($"{result.Requests} requests, over the budget of {result.RequestBudget}");
        }

        if (result.BusyErrors > 0)
        {
            result.Violations.Add($"{result.BusyErrors} SQLite lock error(s)");
        }

        return result;
    }

    private static EmulatorFault[] EveryKind() =>
    [
        EmulatorFault.Latency(TimeSpan.FromMilliseconds(50)),
        EmulatorFault.Status(500),
        EmulatorFault.Status(502),
        EmulatorFault.Status(503),
        EmulatorFault.TooManyRequests(TimeSpan.FromSeconds(1)),
        EmulatorFault.ConnectionReset(),
        EmulatorFault.TruncatedBody(),
        EmulatorFault.GraphQLError(),
        EmulatorFault.FailedEntries(2),
    ];

    private static async Task RunRoundAsync(FaultSoakOptions options, int seed, FaultSoakResult result, CancellationToken cancellationToken)
    {
        await using var host = await SdkHost.StartAsync(
            new EmulatorOptions { TaskCount = options.Tasks, PageSize = options.PageSize, Seed = seed },
            o =>
            {
                o.MaxRetryAttempts = 10;
                o.MaxRetryDelay = TimeSpan.FromSeconds(2);
                o.AttemptTimeout = TimeSpan.FromSeconds(20);
            }).ConfigureAwait(false);
        var emulator = host.Emulator;
        var root = emulator.OrganizationIds[0];
        var scope = new SyncScope(root, IncludeDescendantOrganizations: true);
        var churn = true;
        emulator.OnRequest = request =>
        {
            if (Volatile.Read(ref churn) && request % 3 == 0)
            {
                // Between two pages: what other users of FieldAgent do meanwhile.
                result.TasksEdited += emulator.Data.EditRandomTasks(20, root).Count;
                result.TasksDeleted += emulator.Data.DeleteRandomTasks(5, root).Count;
                result.TasksAdded += emulator.Data.AddGeneratedTasks(emulator.OrganizationIds[1], 5).Count;
            }
        };
        // Every kind at least once, in a burst at the start (the script comes before the rate), then the rate.
        emulator.Faults.Enqueue(EveryKind());
        emulator.Faults.SetRate(options.FaultRate, seed, EveryKind());

        using var stopReader = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reader = Task.Run(() => ReadAsync(host.Store, scope, result, stopReader.Token), CancellationToken.None);
        var syncs = 0;
        try
        {
            // With edits between pages, then without: each phase syncs until one sync completes.
            foreach (var withEdits in new[] { true, false })
            {
                Volatile.Write(ref churn, withEdits);
                if (!await SyncUntilCompletedAsync(host, scope, options, result, () => syncs++ < options.MaxSyncs, cancellationToken).ConfigureAwait(false))
                {
                    result.Violations.Add($"seed {seed}: no sync completed in {options.MaxSyncs} tries");
                    return;
                }
            }
        }
        finally
        {
            await stopReader.CancelAsync().ConfigureAwait(false);
            await reader.ConfigureAwait(false);
            emulator.OnRequest = null;
            foreach (var kind in Enum.GetValues<EmulatorFaultKind>())
            {
                result.Faults[kind] = result.Faults.GetValueOrDefault(kind) + emulator.Faults.CountOf(kind);
            }

            result.Requests += emulator.RequestCount;
            result.RequestBudget += (3 * ((options.Tasks + options.PageSize - 1) / options.PageSize + 1)) + 10;
            result.BusyErrors += host.Logs.Entries.Count(BusyErrors.Mentions);
        }

        emulator.Faults.Clear();
        if (await host.StoreEqualsServerAsync(scope, cancellationToken).ConfigureAwait(false))
        {
            result.RoundsConverged++;
        }
        else
        {
            result.Violations.Add($"seed {seed}: the store does not equal the server after a completed sync with no edits");
        }

        options.Log($"seed {seed}: {emulator.RequestCount} requests, {syncs} syncs, {emulator.Faults.InjectedCount} faults");
    }

    private static async Task<bool> SyncUntilCompletedAsync(SdkHost host, SyncScope scope, FaultSoakOptions options, FaultSoakResult result, Func<bool> mayTry, CancellationToken cancellationToken)
    {
        while (mayTry())
        {
            result.Syncs++;
            try
            {
                var report = await host.Sync.SyncAsync(scope, new PageCounter(result), cancellationToken).ConfigureAwait(false);
                result.Retries += report.Retries;
                return true;
            }
            catch (FlightTaskSyncException exception)
            {
                var name = exception.GetType().Name;
                result.FailedSyncs[name] = result.FailedSyncs.GetValueOrDefault(name) + 1;
                result.BusyErrors += BusyErrors.Is(exception) ? 1 : 0;
                options.Log($"sync failed ({name}): {exception.Message}");
            }
        }

        return false;
    }

    private static async Task ReadAsync(IFlightTaskStore store, SyncScope scope, FaultSoakResult result, CancellationToken stop)
    {
        var open = new FlightTaskQuery { Status = FlightTaskStatus.Open, Take = 50 };
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await store.ListAsync(scope, open, CancellationToken.None).ConfigureAwait(false);
                await store.CountAsync(scope, CancellationToken.None).ConfigureAwait(false);
                result.ReaderQueries += 2;
            }
            catch (Exception exception)
            {
                result.Violations.Add($"the reader failed: {exception.GetType().Name}: {exception.Message}");
                result.BusyErrors += BusyErrors.Is(exception) ? 1 : 0;
                return;
            }
        }
    }

    /// <summary>Counts committed pages, those of syncs that fail later included.</summary>
    private sealed class PageCounter(FaultSoakResult result) : IProgress<SyncProgress>
    {
        public void Report(SyncProgress value) => result.Pages++;
    }
}
