using FlightTaskSync.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FlightTaskSync.ReliabilityHarness.Child;

/// <summary>
/// The child process of the crash loop and of the two-process run: an app that registers the SDK
/// as README says, optionally resets the scope, syncs it once, and reports each step on a line.
/// </summary>
internal static class ChildSync
{
    public const string Verb = "child-sync";

    public static async Task<int> RunAsync(HarnessArguments args)
    {
        var endpoint = new Uri(args.Text("endpoint"));
        var token = args.Text("token");
        var database = args.Text("database");
        var scope = new SyncScope(args.Text("organization"), args.Flag("descendants"));
        var reset = args.Flag("reset");
        args.RejectUnknown();

        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(new LineLoggerProvider()).SetMinimumLevel(LogLevel.Information));
        services.AddFlightTaskSync(options =>
        {
            options.Endpoint = endpoint;
            options.DatabasePath = database;
            options.AccessTokenProvider = _ => Task.FromResult(token);
            options.RetryBaseDelay = TimeSpan.FromMilliseconds(50);
            options.MaxRetryDelay = TimeSpan.FromSeconds(1);
        });
        await using var provider = services.BuildServiceProvider();
        var sync = provider.GetRequiredService<IFlightTaskSyncClient>();
        var store = provider.GetRequiredService<IFlightTaskStore>();
        ChildOutput.Write(ChildOutput.Started, Environment.ProcessId);

        try
        {
            if (reset)
            {
                await store.ResetAsync(scope).ConfigureAwait(false);
                ChildOutput.Write(ChildOutput.Reset);
            }

            var report = await sync.SyncAsync(scope, new LineProgress()).ConfigureAwait(false);
            ChildOutput.Write(ChildOutput.Completed, report.Pages, report.Upserted, report.Deleted, report.TasksHeld, report.Retries);
            return 0;
        }
        catch (FlightTaskSyncException exception)
        {
            ChildOutput.Write(ChildOutput.Failed, exception.GetType().Name, exception.Message.ReplaceLineEndings(" "));
            return 3;
        }
    }

    /// <summary>Reports each committed page at once, on the sync's own thread (no posting to the thread pool).</summary>
    private sealed class LineProgress : IProgress<SyncProgress>
    {
        public void Report(SyncProgress value) =>
            ChildOutput.Write(ChildOutput.Page, value.PageNumber, value.Upserted, value.Deleted, value.RemainingCount);
    }
}
