using FlightTaskSync.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace FlightTaskSync.Client.Tests.TestDoubles;

/// <summary>
/// FlightTaskSync registered the way README tells apps to, against a <see cref="FakeFieldAgentServer"/>,
/// with a database in a temp folder and a <see cref="FakeTimeProvider"/>, so that retry delays
/// and timeouts pass without real waiting.
/// </summary>
internal sealed class SyncHarness : IAsyncDisposable
{
    private readonly TempDirectory _folder;
    private readonly bool _ownsFolder;
    private readonly bool _ownsServer;
    private int _tokenRequests;

    public SyncHarness(
        Action<FlightTaskSyncOptions>? configure = null,
        TempDirectory? folder = null,
        FakeFieldAgentServer? server = null,
        Action<IServiceCollection>? servicesFirst = null)
    {
        Clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero));
        _ownsFolder = folder is null;
        _folder = folder ?? new TempDirectory();
        _ownsServer = server is null;
        Server = server ?? new FakeFieldAgentServer(Clock);
        DatabasePath = _folder.File("flighttasks.db");

        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));

        // Registered before the SDK's own, which are added only where none is (TryAdd).
        servicesFirst?.Invoke(services);
        services.AddFlightTaskSync(options =>
        {
            options.Endpoint = Server.Endpoint;
            options.DatabasePath = DatabasePath;
            options.AccessTokenProvider = _ => Task.FromResult($"token-{Interlocked.Increment(ref _tokenRequests)}");

            // Long enough that a real request never times out on the fake clock by accident.
            options.AttemptTimeout = TimeSpan.FromHours(1);
            configure?.Invoke(options);
        });
        Services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public FakeTimeProvider Clock { get; }

    /// <summary>Gets every log entry the SDK wrote.</summary>
    public CapturingLoggerProvider Logs { get; } = new();

    public FakeFieldAgentServer Server { get; }

    public string DatabasePath { get; }

    public TempDirectory Folder => _folder;

    public ServiceProvider Services { get; }

    public IFlightTaskSyncClient Client => Services.GetRequiredService<IFlightTaskSyncClient>();

    public IFlightTaskStore Store => Services.GetRequiredService<IFlightTaskStore>();

    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    /// <summary>Runs a sync while moving the fake clock on, so retry delays elapse.</summary>
    public Task<SyncReport> SyncAsync(SyncScope scope, IProgress<SyncProgress>? progress = null, CancellationToken cancellationToken = default) =>
        RunWithClockAsync(() => Client.SyncAsync(scope, progress, cancellationToken));

    /// <summary>Runs <paramref name="work"/> and advances the fake clock a second at a time until it ends.</summary>
    public async Task<T> RunWithClockAsync<T>(Func<Task<T>> work)
    {
        var task = work();
        while (!task.IsCompleted)
        {
            await Task.WhenAny(task, Task.Delay(5));
            if (!task.IsCompleted)
            {
                Clock.Advance(TimeSpan.FromSeconds(1));
            }
        }

        return await task;
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (_ownsServer)
        {
            Server.Dispose();
        }

        if (_ownsFolder)
        {
            _folder.Dispose();
        }
    }
}
