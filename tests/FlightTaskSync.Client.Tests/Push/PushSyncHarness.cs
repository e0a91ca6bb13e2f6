using FlightTaskSync.Client.Storage;
using FlightTaskSync.Client.Storage.Outbox;
using FlightTaskSync.Client.Tests.TestDoubles;
using FlightTaskSync.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FlightTaskSync.Client.Tests.Push;

/// <summary>
/// FlightTaskSync registered as apps register it, against a <see cref="PushSyncServer"/>, with a real
/// SQLite database in a temp folder; the outbox is an <see cref="InMemoryOutboxStore"/> (registered
/// before the SDK's, which TryAdd then leaves out) that takes every pulled page. Retries go without
/// delay, so that no test waits on the clock.
/// </summary>
internal sealed class PushSyncHarness : IAsyncDisposable
{
    private readonly TempDirectory _folder = new();

    public PushSyncHarness(Action<FlightTaskSyncOptions>? configure = null)
    {
        Outbox = new InMemoryOutboxStore(Clock);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        services.AddSingleton<IOutboxStore>(Outbox);
        services.AddSingleton<ILocalEditStore>(Outbox);
        services.AddSingleton<IPageStore>(sp => new MirroredPageStore(sp.GetRequiredService<SqliteFlightTaskStore>(), Outbox));
        services.AddFlightTaskSync(options =>
        {
            options.Endpoint = Server.Endpoint;
            options.DatabasePath = _folder.File("flighttasks.db");
            options.AccessTokenProvider = _ => Task.FromResult("token");
            options.RetryBaseDelay = TimeSpan.Zero;
            options.MaxRetryAttempts = 1;
            options.AttemptTimeout = TimeSpan.FromHours(1);
            configure?.Invoke(options);
        });
        Services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public static SyncScope Scope { get; } = new(FakeTask.OrganizationId("pushwire"));

    public PushSyncServer Server { get; } = new();

    /// <summary>Gets the clock; it starts when <see cref="FakeTask"/> says the server's tasks were created, so that a created task was created "now".</summary>
    public TestClock Clock { get; } = new(new DateTimeOffset(2026, 3, 14, 9, 30, 0, TimeSpan.Zero));

    public CapturingLoggerProvider Logs { get; } = new();

    public InMemoryOutboxStore Outbox { get; }

    public ServiceProvider Services { get; }

    public IFlightTaskSyncClient Client => Services.GetRequiredService<IFlightTaskSyncClient>();

    public IFlightTaskEditor Editor => Services.GetRequiredService<IFlightTaskEditor>();

    public IFlightTaskStore Store => Services.GetRequiredService<IFlightTaskStore>();

    /// <summary>Syncs <see cref="Scope"/>; the clock then moves on a minute, as time passes between syncs.</summary>
    public async Task<SyncReport> SyncAsync(IProgress<SyncProgress>? progress = null)
    {
        try
        {
            return await Client.SyncAsync(Scope, progress);
        }
        finally
        {
            Clock.AdvanceTo(Clock.GetUtcNow().AddMinutes(1));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        Server.Dispose();
        _folder.Dispose();
    }
}
