// A field app compiled to native code: FlightTaskSync registered from configuration and with a
// service key, a sync of two pages through the SDK's whole pipeline (token handler, generated
// client, store), reads, and the options' validation. Prints one line starting with "OK" and
// exits with 0 when every check holds; a failed check exits with 1.
using FlightTaskSync.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

var folder = args.Length > 0 ? args[0] : Path.Combine(Path.GetTempPath(), "flighttasksync-aot", Guid.NewGuid().ToString("N"));
var failures = new List<string>();
void Check(bool holds, string what)
{
    if (!holds)
    {
        failures.Add(what);
    }
}

const string Organization = "ezpt0wj_OR_8brhbkSentera_CV_deve_877281e47_210503_085333";
var server = new CannedServer(Organization, taskCount: 250, pageSize: 100);
var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["FlightTaskSync:Endpoint"] = "https://api.sentera.com/graphql",
    ["FlightTaskSync:DatabasePath"] = Path.Combine(folder, "flighttasks.db"),
    ["FlightTaskSync:MaxRetryAttempts"] = "2",
    ["FlightTaskSync:AttemptTimeout"] = "00:00:30",
}).Build();

var services = new ServiceCollection();
services.AddFlightTaskSync(configuration.GetSection("FlightTaskSync"), o => o.AccessTokenProvider = _ => Task.FromResult("main-token"));
services.AddFlightTaskSync("account-b", o =>
{
    o.Endpoint = new Uri("https://api.sentera.com/graphql");
    o.DatabasePath = Path.Combine(folder, "account-b.db");
    o.AccessTokenProvider = _ => Task.FromResult("b-token");
});
services.AddHttpClient(FlightTaskSyncOptions.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => server);
await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

var options = provider.GetRequiredService<IOptions<FlightTaskSyncOptions>>().Value;
Check(options.MaxRetryAttempts == 2 && options.AttemptTimeout == TimeSpan.FromSeconds(30), "the options were bound from configuration");

var scope = new SyncScope(Organization);
var progress = new List<SyncProgress>();
var report = await provider.GetRequiredService<IFlightTaskSyncClient>().SyncAsync(scope, new InlineProgress(progress.Add));
var store = provider.GetRequiredService<IFlightTaskStore>();
Check(report.Pages == 3 && report.TasksHeld == 250, $"the sync brought every task in three pages ({report})");
Check(progress.Count == 3 && progress[^1].Fraction == 1, "progress was reported after each page");
Check(server.Tokens.All(t => t == "Bearer main-token") && server.Tokens.Count == 3, $"the token went with every request ({server.Tokens.Count})");

IReadOnlyList<FlightTask> open = await store.ListAsync(scope, new FlightTaskQuery { Status = FlightTaskStatus.Open });
Check(open.Count == 167 && open.All(t => t.Status == FlightTaskStatus.Open && t.RawJson is null), $"the open tasks are listed without their JSON ({open.Count})");
var one = await store.GetAsync(scope, CannedServer.TaskId(3));
Check(one is { Status: FlightTaskStatus.Completed } && one.RawJson!.Contains("\"COMPLETED\"", StringComparison.Ordinal), "a task reads back by id with its JSON");
Check(await store.CountAsync(scope, new FlightTaskQuery { Status = FlightTaskStatus.Completed }) == 83, "the completed tasks are counted");
Check(await provider.GetRequiredKeyedService<IFlightTaskStore>("account-b").CountAsync(scope) == 0, "the keyed registration has a database of its own");

// Validation runs in native code too, with messages that say what to set.
var invalid = new ServiceCollection();
invalid.AddFlightTaskSync(o => o.DatabasePath = "relative.db");
using var invalidProvider = invalid.BuildServiceProvider();
try
{
    _ = invalidProvider.GetRequiredService<IOptions<FlightTaskSyncOptions>>().Value;
    failures.Add("invalid options were accepted");
}
catch (OptionsValidationException exception)
{
    Check(exception.Failures.Count() == 3 && exception.Message.Contains("'relative.db' is relative", StringComparison.Ordinal), $"validation names each setting once ({exception.Message})");
}

if (failures.Count > 0)
{
    Console.Error.WriteLine("FAILED: " + string.Join("; ", failures));
    return 1;
}

Console.WriteLine($"OK native: synced {report.TasksHeld} tasks in {report.Pages} pages, listed {open.Count} open");
return 0;

/// <summary>Reports on the sync's own thread.</summary>
internal sealed class InlineProgress(Action<SyncProgress> report) : IProgress<SyncProgress>
{
    public void Report(SyncProgress value) => report(value);
}
