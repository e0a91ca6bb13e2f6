using FlightTaskSync.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using System.Threading.Channels;

namespace FlightTaskSync.Client.Tests.TestDoubles;

/// <summary>
/// FlightTaskSync registered the way README tells apps to, against a <see cref="FakeFieldAgentServer"/>,
/// with a database in a temp folder and a <see cref="TestClock"/>, so that retry delays pass
/// without real waiting: <see cref="RunWithClockAsync{T}"/> moves the clock to each retry the SDK
/// announces, once its timer is armed. Nothing moves the clock by wall time.
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
        Clock = new TestClock(new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero));
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

    public TestClock Clock { get; }

    /// <summary>Gets every log entry the SDK wrote.</summary>
    public CapturingLoggerProvider Logs { get; } = new();

    public FakeFieldAgentServer Server { get; }

    public string DatabasePath { get; }

    public TempDirectory Folder => _folder;

    public ServiceProvider Services { get; }

    public IFlightTaskSyncClient Client => Services.GetRequiredService<IFlightTaskSyncClient>();

    public IFlightTaskStore Store => Services.GetRequiredService<IFlightTaskStore>();

    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    /// <summary>Runs a sync, moving the fake clock to each retry it waits for.</summary>
    public Task<SyncReport> SyncAsync(SyncScope scope, IProgress<SyncProgress>? progress = null, CancellationToken cancellationToken = default) =>
        RunWithClockAsync(() => Client.SyncAsync(scope, progress, cancellationToken));

    /// <summary>
    /// Runs <paramref name="work"/>; each time the SDK says a page waits for a retry
    /// (<see cref="SyncState.Retrying"/>), moves the clock to <see cref="SyncStatus.NextAttemptAt"/>
    /// as soon as the retry's timer is armed. The clock moves for nothing else.
    /// </summary>
    public async Task<T> RunWithClockAsync<T>(Func<Task<T>> work)
    {
        var retries = Channel.CreateUnbounded<DateTimeOffset>();
        void OnStatus(object? sender, SyncStatusChangedEventArgs e)
        {
            if (e.Status is { State: SyncState.Retrying, NextAttemptAt: { } at })
            {
                retries.Writer.TryWrite(at);
            }
        }

        Client.StatusChanged += OnStatus;
        try
        {
            var task = work();
            while (true)
            {
                var next = retries.Reader.ReadAsync().AsTask();
                if (await Task.WhenAny(task, next) == task)
                {
                    return await task;
                }

                var at = await next;
                if (await Task.WhenAny(task, Clock.WhenArmedAsync(at)) != task)
                {
                    Clock.AdvanceTo(at);
                }
            }
        }
        finally
        {
            Client.StatusChanged -= OnStatus;
        }
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
