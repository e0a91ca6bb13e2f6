using FlightTaskSync.Client;
using FlightTaskSync.Emulator;
using FlightTaskSync.ReliabilityHarness.Hosting;

namespace FlightTaskSync.ReliabilityHarness.Concurrency;

/// <summary>
/// Two scopes synced at once in one process: the first sync is held inside its first page's
/// progress report (so it holds its scope's lock) until the second scope's sync has finished.
/// If scopes were serialized, the second could never finish while the first waits.
/// </summary>
internal static class ParallelScopesHarness
{
    /// <summary>What the run found.</summary>
    /// <param name="SecondFinishedWhileFirstHeld">Whether the second scope's whole sync ran while the first held its lock.</param>
    /// <param name="BothConverged">Whether both stores equal the server afterwards.</param>
    /// <param name="Errors">What failed.</param>
    internal sealed record Result(bool SecondFinishedWhileFirstHeld, bool BothConverged, IReadOnlyList<string> Errors)
    {
        public IEnumerable<string> Describe()
        {
            yield return $"two scopes in one process: the second synced to its end while the first held its lock: {(SecondFinishedWhileFirstHeld ? "yes" : "NO")}; both stores equal the server: {(BothConverged ? "yes" : "NO")}";
            foreach (var error in Errors)
            {
                yield return "  VIOLATION: " + error;
            }
        }
    }

    public static async Task<Result> RunAsync(int tasks, int pageSize, CancellationToken cancellationToken)
    {
        await using var host = await SdkHost.StartAsync(new EmulatorOptions { TaskCount = tasks, PageSize = pageSize, OrganizationCount = 2 }).ConfigureAwait(false);
        var first = new SyncScope(host.Emulator.OrganizationIds[0], IncludeDescendantOrganizations: true);
        var second = new SyncScope(host.Emulator.OrganizationIds[3], IncludeDescendantOrganizations: true);
        var errors = new List<string>();
        using var firstHolds = new ManualResetEventSlim();
        using var secondDone = new ManualResetEventSlim();
        var secondFinishedWhileFirstHeld = false;

        var firstSync = Task.Run(
            () => host.Sync.SyncAsync(first, new Hold(page =>
            {
                if (page == 1)
                {
                    firstHolds.Set();
                    secondFinishedWhileFirstHeld = secondDone.Wait(TimeSpan.FromMinutes(1), cancellationToken);
                }
            }), cancellationToken),
            cancellationToken);

        if (!firstHolds.Wait(TimeSpan.FromMinutes(2), cancellationToken))
        {
            errors.Add("the first sync never committed a page");
        }

        try
        {
            await host.Sync.SyncAsync(second, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (FlightTaskSyncException exception)
        {
            errors.Add($"the second scope's sync failed: {exception.Message}");
        }
        finally
        {
            secondDone.Set();
        }

        try
        {
            await firstSync.ConfigureAwait(false);
        }
        catch (FlightTaskSyncException exception)
        {
            errors.Add($"the first scope's sync failed: {exception.Message}");
        }

        if (!secondFinishedWhileFirstHeld)
        {
            errors.Add("the second scope's sync did not finish while the first held its lock: scopes are serialized");
        }

        var converged = await host.StoreEqualsServerAsync(first, cancellationToken).ConfigureAwait(false)
            & await host.StoreEqualsServerAsync(second, cancellationToken).ConfigureAwait(false);
        if (!converged)
        {
            errors.Add("a store does not equal the server");
        }

        return new Result(secondFinishedWhileFirstHeld, converged, errors);
    }

    /// <summary>Runs an action on each page's progress report, on the sync's own thread.</summary>
    private sealed class Hold(Action<int> onPage) : IProgress<SyncProgress>
    {
        public void Report(SyncProgress value) => onPage(value.PageNumber);
    }
}
