// What a field app does with FlightTaskSync, compiled against the packages alone: register the
// SDK as README says, sync a scope from a FieldAgent emulator, read tasks back, and read them
// again once the server is gone. Prints one line starting with "OK" and exits with 0 when every
// check holds; a failed check exits with 1, and an exception (a missing dependency, say) ends
// the process with a non-zero code and its stack trace.
using FlightTaskSync.Client;
using FlightTaskSync.Emulator;
using Microsoft.Extensions.DependencyInjection;

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
    o.AccessTokenProvider = _ => ValueTask.FromResult(emulator.AccessToken);
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

var id = served.Keys.Order(StringComparer.Ordinal).First();
FlightTask? task = await store.GetAsync(scope, id);
var source = emulator.Data.Get(id)!;
Check(task is not null && task.Name == source.Name && task.ContentHash == source.ContentHash, $"task {id} reads back as the server has it");

// The network is gone: reads come from the local database.
await emulator.StopAsync();
FlightTask? offline = await store.GetAsync(scope, id);
Check(offline is not null && offline.ContentHash == source.ContentHash, $"task {id} reads back with the server stopped");

if (failures.Count > 0)
{
    Console.Error.WriteLine("FAILED: " + string.Join("; ", failures));
    return 1;
}

Console.WriteLine($"OK synced {served.Count} tasks in {report.Pages} pages; read back {id} \"{task!.Name}\", also offline");
return 0;

/// <summary>Reports on the sync's own thread (Progress&lt;T&gt; would post to the thread pool).</summary>
internal sealed class InlineProgress(Action<SyncProgress> report) : IProgress<SyncProgress>
{
    public void Report(SyncProgress value) => report(value);
}
