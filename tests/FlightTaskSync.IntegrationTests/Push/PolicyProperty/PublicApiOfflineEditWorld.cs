using FlightTaskSync.Client;
using FlightTaskSync.Emulator;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace FlightTaskSync.IntegrationTests.Push.PolicyProperty;

/// <summary>
/// The public path only: one in-process emulator, and the SDK registered with
/// <c>AddFlightTaskSync</c> twice (one service provider and SQLite file per conflict resolution, set
/// through the options). Edits go through the registered <see cref="IFlightTaskEditor"/> (the SQLite
/// outbox), a sync is one <see cref="IFlightTaskSyncClient.SyncAsync"/> (pull, reconcile, push, pull),
/// and reads are the registered <see cref="IFlightTaskStore"/>'s. The store keeps a local view, so the
/// property also generates begins of tasks it does not show open, which must be refused.
/// </summary>
internal sealed class PublicApiOfflineEditWorld : IOfflineEditWorld
{
    private readonly string _folder;
    private readonly Dictionary<ConflictResolution, ServiceProvider> _providers;

    private PublicApiOfflineEditWorld(FieldAgentEmulator emulator, string folder, Dictionary<ConflictResolution, ServiceProvider> providers)
    {
        Emulator = emulator;
        _folder = folder;
        _providers = providers;
    }

    public FieldAgentEmulator Emulator { get; }

    public static async Task<PublicApiOfflineEditWorld> StartAsync()
    {
        var emulator = await FieldAgentEmulator.StartAsync(new EmulatorOptions { TaskCount = 0, ChildrenPerOrganization = 0 });
        var folder = Path.Combine(Path.GetTempPath(), "flighttasksync-integration", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var providers = new Dictionary<ConflictResolution, ServiceProvider>();
        foreach (var resolution in new[] { ConflictResolution.MergeFields, ConflictResolution.ServerWins })
        {
            var services = new ServiceCollection();
            services.AddFlightTaskSync(options =>
            {
                options.Endpoint = emulator.Endpoint;
                options.DatabasePath = Path.Combine(folder, $"{resolution}.db");
                options.AccessTokenProvider = _ => Task.FromResult(emulator.AccessToken);
                options.RetryBaseDelay = TimeSpan.FromMilliseconds(10);
                options.MaxRetryDelay = TimeSpan.FromMilliseconds(200);
                options.AttemptTimeout = TimeSpan.FromSeconds(30);
                options.ConflictResolution = resolution;
            });
            providers[resolution] = services.BuildServiceProvider();
        }

        return new PublicApiOfflineEditWorld(emulator, folder, providers);
    }

    public Task<IOfflineEditHarness> NewCaseAsync(ConflictResolution resolution)
    {
        var organization = Emulator.Data.AddOrganization().SenteraId;
        return Task.FromResult<IOfflineEditHarness>(new Case(_providers[resolution], organization));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var provider in _providers.Values)
        {
            await provider.DisposeAsync();
        }

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

    private sealed class Case(IServiceProvider services, string organization) : IOfflineEditHarness
    {
        private readonly IFlightTaskSyncClient _sync = services.GetRequiredService<IFlightTaskSyncClient>();
        private readonly IFlightTaskStore _store = services.GetRequiredService<IFlightTaskStore>();

        public string Organization { get; } = organization;

        public SyncScope Scope { get; } = new(organization);

        public bool ChecksLocalView => true;

        public IFlightTaskEditor Editor { get; } = services.GetRequiredService<IFlightTaskEditor>();

        public async Task PullAsync() => await _sync.SyncAsync(Scope);

        public async Task<PushOutcome> SyncAsync()
        {
            var report = await _sync.SyncAsync(Scope);
            return new PushOutcome(report.Pushed, report.PushRejections, report.Conflicts);
        }

        public async Task<IReadOnlyList<FlightTask>> ReadLocalAsync() =>
            await _store.ListAsync(Scope, new FlightTaskQuery { Take = int.MaxValue });
    }
}
