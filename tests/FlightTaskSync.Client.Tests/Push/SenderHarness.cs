using FlightTaskSync.Client.Sync.Push;
using FlightTaskSync.Client.Tests.TestDoubles;
using FlightTaskSync.Client.Transport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FlightTaskSync.Client.Tests.Push;

/// <summary>
/// A <see cref="MutationSender"/> on the generated client, registered as the SDK registers it, against
/// a <see cref="MutationServer"/>, with a <see cref="WatchedClock"/>: retries without delay unless a
/// test asks otherwise, so that no test waits.
/// </summary>
internal sealed class SenderHarness : IDisposable
{
    private readonly ServiceProvider _services;
    private int _tokens;

    public SenderHarness(Action<FlightTaskSyncOptions>? configure = null)
    {
        Options = new FlightTaskSyncOptions
        {
            MaxRetryAttempts = 3,
            RetryBaseDelay = TimeSpan.Zero,
            MaxRetryDelay = TimeSpan.FromMinutes(1),
            AttemptTimeout = TimeSpan.FromHours(1),
        };
        configure?.Invoke(Options);

        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        services.AddFieldAgentClient().ConfigureHttpClient(
            client => client.BaseAddress = Server.Endpoint,
            http => http.AddHttpMessageHandler(() => new BearerTokenHandler(_ => Task.FromResult($"token-{Interlocked.Increment(ref _tokens)}"))));
        _services = services.BuildServiceProvider();
        var logger = _services.GetRequiredService<ILoggerFactory>().CreateLogger("Push");
        Sender = new MutationSender(
            _services.GetRequiredService<IFieldAgentClient>(),
            MutationResiliencePipelineFactory.Create(Options, Clock, logger),
            logger);
    }

    public MutationServer Server { get; } = new();

    public WatchedClock Clock { get; } = new();

    public CapturingLoggerProvider Logs { get; } = new();

    public FlightTaskSyncOptions Options { get; }

    public MutationSender Sender { get; }

    /// <summary>Gets how many tokens the app was asked for (one per attempt).</summary>
    public int TokenRequests => Volatile.Read(ref _tokens);

    public Task<CallResult> SendAsync(PushCall call, CancellationToken cancellationToken = default) =>
        Sender.SendAsync(PushFixtures.Scope, call, 1, cancellationToken);

    public void Dispose()
    {
        _services.Dispose();
        Server.Dispose();
    }

    public static PushCall Call(PushCallKind kind, params PlannedEntry[] entries) => new() { Kind = kind, Entries = entries };

    public static PlannedEntry CreateEntry(long editId, string name, string? field = null, Action<NewFlightTaskValues>? more = null)
    {
        var values = new NewFlightTaskValues();
        more?.Invoke(values);
        return new PlannedEntry
        {
            TaskId = PushFixtures.LocalId((int)editId),
            Kind = PendingEditKind.Create,
            EditIds = [editId],
            NewTask = new NewFlightTask
            {
                Name = name,
                OrganizationSenteraId = PushFixtures.Organization,
                FieldSenteraId = field,
                Notes = values.Notes,
                ScheduledAt = values.ScheduledAt,
                Provider = values.Provider,
            },
        };
    }

    public static PlannedEntry UpdateEntry(long editId, string taskId, FlightTaskChanges changes) =>
        new() { TaskId = taskId, Kind = PendingEditKind.Update, EditIds = [editId], Changes = changes };

    public static PlannedEntry BeginEntry(long editId, string taskId) =>
        new() { TaskId = taskId, Kind = PendingEditKind.Begin, EditIds = [editId] };

    public static PlannedEntry DeleteEntry(long editId, string taskId) =>
        new() { TaskId = taskId, Kind = PendingEditKind.Delete, EditIds = [editId] };

    /// <summary>The optional values of a create in a test.</summary>
    internal sealed class NewFlightTaskValues
    {
        public string? Notes { get; set; }

        public DateTimeOffset? ScheduledAt { get; set; }

        public FlightTaskProvider Provider { get; set; } = FlightTaskProvider.Self;
    }
}
