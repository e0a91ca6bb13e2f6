using FlightTaskSync.Client;
using FlightTaskSync.Client.Editing;
using FlightTaskSync.Client.Sync.Push;
using FlightTaskSync.Client.Transport;
using FlightTaskSync.Emulator;
using FlightTaskSync.IntegrationTests.Sdk;
using FlightTaskSync.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FlightTaskSync.IntegrationTests.Push.PolicyProperty;

/// <summary>
/// The push as it exists before it is wired into <c>SyncAsync</c>: the SDK pulls into SQLite over real
/// HTTP, an <see cref="InMemoryOutboxStore"/> takes the pulled tasks, <see cref="FlightTaskEditor"/>
/// queues the edits, and <see cref="PushRunner"/> with a real <see cref="MutationSender"/> pushes them.
/// </summary>
internal sealed class InMemoryOfflineEditWorld : IOfflineEditWorld
{
    private readonly EmulatorSyncHost _host;
    private readonly MutationSender _sender;

    private InMemoryOfflineEditWorld(EmulatorSyncHost host)
    {
        _host = host;
        var options = host.Services.GetRequiredService<IOptions<FlightTaskSyncOptions>>().Value;
        _sender = new MutationSender(
            host.Services.GetRequiredService<IFieldAgentClient>(),
            MutationResiliencePipelineFactory.Create(options, TimeProvider.System, NullLogger.Instance),
            NullLogger.Instance);
    }

    public FieldAgentEmulator Emulator => _host.Emulator;

    public static async Task<InMemoryOfflineEditWorld> StartAsync() =>
        new(await EmulatorSyncHost.StartAsync(new EmulatorOptions { TaskCount = 0, ChildrenPerOrganization = 0 }));

    public Task<IOfflineEditHarness> NewCaseAsync(ConflictResolution resolution)
    {
        var organization = _host.Emulator.Data.AddOrganization().SenteraId;
        return Task.FromResult<IOfflineEditHarness>(new Case(_host, _sender, organization, resolution));
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private sealed class Case : IOfflineEditHarness
    {
        private readonly EmulatorSyncHost _host;
        private readonly ConflictResolution _resolution;
        private readonly InMemoryOutboxStore _outbox = new(TimeProvider.System);
        private readonly PushRunner _runner;

        public Case(EmulatorSyncHost host, MutationSender sender, string organization, ConflictResolution resolution)
        {
            _host = host;
            _resolution = resolution;
            Organization = organization;
            Scope = new SyncScope(organization);
            Editor = new FlightTaskEditor(_outbox, TimeProvider.System);
            _runner = new PushRunner(_outbox, sender, TimeProvider.System, NullLogger.Instance);
        }

        public string Organization { get; }

        public SyncScope Scope { get; }

        public bool ChecksLocalView => false;

        public IFlightTaskEditor Editor { get; }

        public async Task PullAsync()
        {
            await _host.Sync.SyncAsync(Scope);
            _outbox.Pull(await _host.Store.ListAsync(Scope, new FlightTaskQuery { Take = int.MaxValue }));
        }

        public async Task<PushOutcome> SyncAsync()
        {
            // What SyncAsync will do with edits pending: pull, reconcile, push, pull.
            await PullAsync();
            var reconciled = await _runner.ReconcileAsync(Scope, CancellationToken.None);
            var pushed = await _runner.PushAsync(Scope, _resolution, CancellationToken.None);
            await PullAsync();
            return new PushOutcome(
                reconciled.Pushed + pushed.Pushed,
                [.. reconciled.Rejections, .. pushed.Rejections],
                [.. reconciled.Conflicts, .. pushed.Conflicts]);
        }

        public async Task<IReadOnlyList<FlightTask>> ReadLocalAsync() =>
            await _host.Store.ListAsync(Scope, new FlightTaskQuery { Take = int.MaxValue });
    }
}
