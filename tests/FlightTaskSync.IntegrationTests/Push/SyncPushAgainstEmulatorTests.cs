using FlightTaskSync.Client;
using FlightTaskSync.Client.Storage;
using FlightTaskSync.Client.Storage.Outbox;
using FlightTaskSync.Emulator;
using FlightTaskSync.Tests.Shared;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace FlightTaskSync.IntegrationTests.Push;

/// <summary>
/// Offline edits pushed by <see cref="IFlightTaskSyncClient.SyncAsync"/> itself, end to end over real
/// HTTP against the emulator: the SDK as apps register it, with the outbox in memory (registered before
/// the SDK's, taking every committed page), so the test can watch the queue; the SQLite outbox end
/// to end is in ThousandEditsPushTests and the property test's public world.
/// </summary>
[TestFixture]
public sealed class SyncPushAgainstEmulatorTests
{
    private FieldAgentEmulator _emulator = null!;
    private ServiceProvider _services = null!;
    private InMemoryOutboxStore _outbox = null!;
    private string _folder = null!;
    private SyncScope _scope = null!;

    private IFlightTaskSyncClient Sync => _services.GetRequiredService<IFlightTaskSyncClient>();

    private IFlightTaskEditor Editor => _services.GetRequiredService<IFlightTaskEditor>();

    private IFlightTaskStore Store => _services.GetRequiredService<IFlightTaskStore>();

    [SetUp]
    public async Task StartAsync()
    {
        _emulator = await FieldAgentEmulator.StartAsync(new EmulatorOptions { TaskCount = 40, ChildrenPerOrganization = 0 });
        _scope = new SyncScope(_emulator.OrganizationIds[0]);
        _folder = Path.Combine(Path.GetTempPath(), "flighttasksync-integration", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        _outbox = new InMemoryOutboxStore(TimeProvider.System);
        var services = new ServiceCollection();
        services.AddSingleton<IOutboxStore>(_outbox);
        services.AddSingleton<ILocalEditStore>(_outbox);
        services.AddSingleton<IPageStore>(sp => new MirroredPageStore(sp.GetRequiredService<SqliteFlightTaskStore>(), _outbox));
        services.AddFlightTaskSync(options =>
        {
            options.Endpoint = _emulator.Endpoint;
            options.DatabasePath = Path.Combine(_folder, "flighttasks.db");
            options.AccessTokenProvider = _ => Task.FromResult(_emulator.AccessToken);
            options.RetryBaseDelay = TimeSpan.FromMilliseconds(10);
            options.MaxRetryDelay = TimeSpan.FromMilliseconds(200);
            options.AttemptTimeout = TimeSpan.FromSeconds(30);
        });
        _services = services.BuildServiceProvider();
        await Sync.SyncAsync(_scope);
    }

    [TearDown]
    public async Task StopAsync()
    {
        await _services.DisposeAsync();
        await _emulator.DisposeAsync();
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

    [Test]
    public async Task SyncAsync_OfflineEditsAndALostCreateAnswer_EachReachesTheServerOnceRejectionsReportedStoreEqualsServer()
    {
        // Arrange: offline, the pilot begins a task, notes another, deletes a third, creates one, and
        // moves a fourth to a field that does not exist; the first push loses the answer to its upserts.
        var open = (await Store.ListAsync(_scope, new FlightTaskQuery { Status = FlightTaskStatus.Open })).Take(4).ToList();
        await Editor.BeginAsync(_scope, open[0].SenteraId);
        await Editor.UpdateAsync(_scope, open[1].SenteraId, new FlightTaskChanges { Notes = "Creek corner flooded" });
        await Editor.DeleteAsync(_scope, open[2].SenteraId);
        await Editor.CreateAsync(_scope, new NewFlightTask { Name = "Replant check 7c1e", OrganizationSenteraId = _scope.OrganizationSenteraId });
        await Editor.UpdateAsync(_scope, open[3].SenteraId, new FlightTaskChanges { FieldSenteraId = "zzzzzzz_AS_unknown" });
        _emulator.Faults.Enqueue(EmulatorFault.AppliedThenDropped().OnRootField("upsert_flight_tasks"));

        // Act: the first sync fails in doubt; the next settles what was applied and pushes the rest.
        Assert.That(() => Sync.SyncAsync(_scope), Throws.TypeOf<FlightTaskSyncUnavailableException>());
        var report = await Sync.SyncAsync(_scope);
        var after = await Sync.SyncAsync(_scope);

        // Assert
        var journal = _emulator.Data.Journal;
        var pending = await Editor.ListPendingAsync(_scope);
        var stored = await Store.ListAsync(_scope, new FlightTaskQuery { Take = int.MaxValue });
        Assert.Multiple(() =>
        {
            Assert.That(journal.Count(m => m.Kind == EmulatorMutationKind.Create), Is.EqualTo(1), "created once");
            Assert.That(journal.Count(m => m.Kind == EmulatorMutationKind.Begin), Is.EqualTo(1));
            Assert.That(journal.Count(m => m.Kind == EmulatorMutationKind.Delete), Is.EqualTo(1));
            Assert.That(journal.Count(m => m.Kind == EmulatorMutationKind.Update && m.TaskSenteraId == open[1].SenteraId), Is.EqualTo(1));
            Assert.That(report.Pushed, Is.EqualTo(4), "the two upserts found applied, the begin and the delete sent");
            Assert.That(pending.Single().State, Is.EqualTo(PendingEditState.Rejected));
            Assert.That(pending.Single().TaskId, Is.EqualTo(open[3].SenteraId));
            Assert.That(after.Pushed, Is.Zero);
            Assert.That(_outbox.Edits.Count, Is.EqualTo(1), "only the rejected edit, until the app discards it");
            Assert.That(
                stored.ToDictionary(t => t.SenteraId, t => t.ContentHash, StringComparer.Ordinal),
                Is.EquivalentTo(_emulator.Data.TasksOf(_scope.OrganizationSenteraId, _scope.IncludeDescendantOrganizations)),
                "the store holds exactly the server's tasks");
        });
    }
}
