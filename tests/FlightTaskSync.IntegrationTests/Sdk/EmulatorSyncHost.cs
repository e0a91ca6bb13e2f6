using FlightTaskSync.Client;
using FlightTaskSync.Emulator;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace FlightTaskSync.IntegrationTests.Sdk;

/// <summary>
/// The SDK registered as README says, syncing over real HTTP from an in-process emulator into a
/// database in a temp folder. Retries are quick so that fault runs take seconds, not minutes.
/// </summary>
internal sealed class EmulatorSyncHost : IAsyncDisposable
{
    private readonly string _folder;

    private EmulatorSyncHost(FieldAgentEmulator emulator, string folder, ServiceProvider services)
    {
        Emulator = emulator;
        _folder = folder;
        Services = services;
    }

    public FieldAgentEmulator Emulator { get; }

    public ServiceProvider Services { get; }

    public IFlightTaskSyncClient Sync => Services.GetRequiredService<IFlightTaskSyncClient>();

    public IFlightTaskStore Store => Services.GetRequiredService<IFlightTaskStore>();

    public string RootOrganization => Emulator.OrganizationIds[0];

    public static async Task<EmulatorSyncHost> StartAsync(
        EmulatorOptions emulatorOptions,
        Action<FlightTaskSyncOptions>? configure = null,
        Func<FieldAgentEmulator, Func<CancellationToken, Task<string>>>? tokenProvider = null)
    {
        var emulator = await FieldAgentEmulator.StartAsync(emulatorOptions);
        var folder = Path.Combine(Path.GetTempPath(), "flighttasksync-integration", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var services = new ServiceCollection();
        services.AddFlightTaskSync(options =>
        {
            options.Endpoint = emulator.Endpoint;
            options.DatabasePath = Path.Combine(folder, "flighttasks.db");
            options.AccessTokenProvider = tokenProvider?.Invoke(emulator) ?? (_ => Task.FromResult(emulator.AccessToken));
            options.RetryBaseDelay = TimeSpan.FromMilliseconds(10);
            options.MaxRetryDelay = TimeSpan.FromMilliseconds(200);
            options.AttemptTimeout = TimeSpan.FromSeconds(30);
            configure?.Invoke(options);
        });
        return new EmulatorSyncHost(emulator, folder, services.BuildServiceProvider());
    }

    /// <summary>Asserts that the store holds exactly the server's tasks and hashes for the scope.</summary>
    public async Task AssertStoreEqualsServerAsync(SyncScope scope)
    {
        var stored = await Store.ListAsync(scope, new FlightTaskQuery { Take = int.MaxValue });
        var served = Emulator.Data.TasksOf(scope.OrganizationSenteraId, scope.IncludeDescendantOrganizations);
        Assert.That(
            stored.ToDictionary(t => t.SenteraId, t => t.ContentHash, StringComparer.Ordinal),
            Is.EquivalentTo(served),
            $"the store of {scope} holds exactly the emulator's tasks and hashes");
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Emulator.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS temp cleanup.
        }
    }
}
