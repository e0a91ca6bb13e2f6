// What a field app does with FlightTaskSync, compiled against the packages alone: register the
// SDK as README says, sync a scope from a FieldAgent emulator, read tasks back and the sync
// status, let the background service sync another scope, and read again once the server is gone. Prints one line starting with "OK" and exits with 0 when every
// check holds; a failed check exits with 1, and an exception (a missing dependency, say) ends
// the process with a non-zero code and its stack trace.
using FlightTaskSync.Client;
using FlightTaskSync.Emulator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// The database goes into the folder given as the first argument (the test's own temp folder).
var folder = args.Length > 0 ? args[0] : Path.Combine(Path.GetTempPath(), "flighttasksync-consumer", Guid.NewGuid().ToString("N"));
var failures = new List<string>();
void Check(bool holds, string what)
{
    if (!holds)
    {
        failures.Add(what);
    }
}

await using var emulator = await FieldAgentEmulator.StartAsync(new EmulatorOptions { TaskCount = 300, PageSize = 100 });

var services = new ServiceCollection();
services.AddFlightTaskSync(o =>
{
    o.Endpoint = emulator.Endpoint;
    o.DatabasePath = Path.Combine(folder, "flighttasks.db");
    o.AccessTokenProvider = _ => Task.FromResult(emulator.AccessToken);
});
// The background sync, as README registers it, for a second scope (one organization without its
// descendants). Its hosted service is started by hand below, as a generic host would.
var backgroundScope = new SyncScope(emulator.OrganizationIds.MaxBy(id => emulator.Data.TasksOf(id).Count)!);
services.AddFlightTaskSyncBackgroundService(o =>
{
    o.Scopes.Add(backgroundScope);
    o.Interval = TimeSpan.FromHours(1);
});
await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

var sync = provider.GetRequiredService<IFlightTaskSyncClient>();
var store = provider.GetRequiredService<IFlightTaskStore>();
var scope = new SyncScope(emulator.OrganizationIds[0], IncludeDescendantOrganizations: true);

var changedPages = 0;
store.Changed += (_, _) => Interlocked.Increment(ref changedPages);
var progressReports = 0;
SyncReport report = await sync.SyncAsync(scope, new InlineProgress(_ => progressReports++));

var served = emulator.Data.TasksOf(scope.OrganizationSenteraId, includeDescendants: true);
Check(served.Count > 0, "the emulator serves tasks in the scope");
Check(report.Upserted == served.Count, $"the sync upserted every served task ({report.Upserted} of {served.Count})");
Check(await store.CountAsync(scope) == served.Count, "the store holds every served task");
Check(report.Pages >= 2 && changedPages == report.Pages, $"one change notification per page ({changedPages} for {report.Pages} pages)");
Check(progressReports == report.Pages, $"one progress report per page ({progressReports} for {report.Pages} pages)");

IReadOnlyList<FlightTask> open = await store.ListAsync(scope, new FlightTaskQuery { Status = FlightTaskStatus.Open });
var servedOpen = served.Keys.Count(id => emulator.Data.Get(id)!.Status == EmulatorTaskStatus.Open);
Check(open.Count == servedOpen && open.All(t => t.Status == FlightTaskStatus.Open), $"the open tasks listed are the server's ({open.Count} of {servedOpen})");
Check(open.All(t => t.RawJson is null), "a list does not read the tasks' raw JSON unless asked to");
Check(await store.CountAsync(scope, new FlightTaskQuery { Status = FlightTaskStatus.Open }) == servedOpen, "CountAsync takes the list's query");

SyncStatus status = await sync.GetStatusAsync(scope);
Check(status.State == SyncState.Idle && status.TasksHeld == served.Count && status.LastSucceededAt is not null, $"the status says the scope is synced ({status})");

// The background sync: started as a host starts its hosted services; it syncs its scope at once.
var backgroundEnded = new TaskCompletionSource<SyncStatus>(TaskCreationOptions.RunContinuationsAsynchronously);
sync.StatusChanged += (_, e) =>
{
    if (e.Status.Scope == backgroundScope && e.Status.State is SyncState.Idle or SyncState.Failed)
    {
        backgroundEnded.TrySetResult(e.Status);
    }
};
var hostedServices = provider.GetServices<IHostedService>().ToList();
Check(hostedServices.Count == 1, $"one hosted service is registered ({hostedServices.Count})");
foreach (var hosted in hostedServices)
{
    await hosted.StartAsync(CancellationToken.None);
}

SyncStatus backgroundStatus = await backgroundEnded.Task.WaitAsync(TimeSpan.FromMinutes(1));
foreach (var hosted in hostedServices)
{
    await hosted.StopAsync(CancellationToken.None);
}

var servedToBackground = emulator.Data.TasksOf(backgroundScope.OrganizationSenteraId).Count;
Check(backgroundStatus.State == SyncState.Idle && servedToBackground > 0 && backgroundStatus.TasksHeld == servedToBackground,
    $"the background sync brought its scope ({backgroundStatus}; {servedToBackground} served)");

var id = served.Keys.Order(StringComparer.Ordinal).First();
FlightTask? task = await store.GetAsync(scope, id);
var source = emulator.Data.Get(id)!;
Check(task is not null && task.Name == source.Name && task.ContentHash == source.ContentHash && task.RawJson is not null, $"task {id} reads back as the server has it, with its JSON");

// The network is gone: reads come from the local database.
await emulator.StopAsync();
FlightTask? offline = await store.GetAsync(scope, id);
Check(offline is not null && offline.ContentHash == source.ContentHash, $"task {id} reads back with the server stopped");

if (failures.Count > 0)
{
    Console.Error.WriteLine("FAILED: " + string.Join("; ", failures));
    return 1;
}

Console.WriteLine($"OK synced {served.Count} tasks in {report.Pages} pages; read back {id} \"{task!.Name}\", also offline; the background sync brought {servedToBackground} more");
return 0;

/// <summary>Reports on the sync's own thread (Progress&lt;T&gt; would post to the thread pool).</summary>
internal sealed class InlineProgress(Action<SyncProgress> report) : IProgress<SyncProgress>
{
    public void Report(SyncProgress value) => report(value);
}
