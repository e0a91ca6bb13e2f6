using FlightTaskSync.Client;
using FlightTaskSync.Emulator;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FlightTaskSync.ReliabilityHarness.Hosting;

/// <summary>
/// The SDK registered as README says, in this process, syncing over real HTTP from an emulator
/// in this process into a database in a temp folder, with every log entry kept as text.
/// </summary>
internal sealed class SdkHost : IAsyncDisposable
{
    private SdkHost(FieldAgentEmulator emulator, string folder, ServiceProvider services, TextLogs logs)
    {
        Emulator = emulator;
        Logs = logs;
        Folder = folder;
        Services = services;
    }

    public FieldAgentEmulator Emulator { get; }

    public string Folder { get; }

    public string DatabasePath => Path.Combine(Folder, "flighttasks.db");

    public ServiceProvider Services { get; }

    /// <summary>Gets every log entry the SDK wrote, at every level.</summary>
    public TextLogs Logs { get; }

    public IFlightTaskSyncClient Sync => Services.GetRequiredService<IFlightTaskSyncClient>();

    public IFlightTaskStore Store => Services.GetRequiredService<IFlightTaskStore>();

    public static async Task<SdkHost> StartAsync(EmulatorOptions emulatorOptions, Action<FlightTaskSyncOptions>? configure = null)
    {
        var emulator = await FieldAgentEmulator.StartAsync(emulatorOptions).ConfigureAwait(false);
        var folder = Path.Combine(Path.GetTempPath(), "flighttasksync-reliability", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var logs = new TextLogs();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services.AddFlightTaskSync(options =>
        {
            options.Endpoint = emulator.Endpoint;
            options.DatabasePath = Path.Combine(folder, "flighttasks.db");
            options.AccessTokenProvider = _ => Task.FromResult(emulator.AccessToken);
            options.RetryBaseDelay = TimeSpan.FromMilliseconds(10);
            options.MaxRetryDelay = TimeSpan.FromMilliseconds(200);
            options.AttemptTimeout = TimeSpan.FromSeconds(60);
            configure?.Invoke(options);
        });
        return new SdkHost(emulator, folder, services.BuildServiceProvider(), logs);
    }

    /// <summary>Tells whether the store holds exactly the server's tasks and hashes for the scope.</summary>
    public async Task<bool> StoreEqualsServerAsync(SyncScope scope, CancellationToken cancellationToken = default)
    {
        var stored = await Store.ListAsync(scope, new FlightTaskQuery { Take = int.MaxValue }, cancellationToken).ConfigureAwait(false);
        var served = Emulator.Data.TasksOf(scope.OrganizationSenteraId, scope.IncludeDescendantOrganizations);
        return stored.Count == served.Count && stored.All(t => served.TryGetValue(t.SenteraId, out var hash) && hash == t.ContentHash);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync().ConfigureAwait(false);
        await Emulator.DisposeAsync().ConfigureAwait(false);
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS temp cleanup.
        }
    }
}
