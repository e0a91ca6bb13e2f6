using System.Diagnostics.Metrics;
using System.Net;
using FlightTaskSync.Client.Diagnostics;
using FlightTaskSync.Client.Editing;
using FlightTaskSync.Client.Storage;
using FlightTaskSync.Client.Storage.Outbox;
using FlightTaskSync.Client.Sync;
using FlightTaskSync.Client.Sync.Push;
using FlightTaskSync.Client.Transport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FlightTaskSync.Client.Registration;

/// <summary>
/// What every <c>AddFlightTaskSync</c> overload does. A registration has a service key, or none
/// (<see langword="null"/>): its services are keyed singletons (a null key makes them plain ones),
/// its options are the named options of the key (<see cref="Options.DefaultName"/> for none), and
/// its <see cref="HttpClient"/> is named after the key. So every key has its own options,
/// database, store, lock, HTTP client and sync client, and the registration without a key is the
/// one apps resolve without <c>[FromKeyedServices]</c>.
/// </summary>
internal static class FlightTaskSyncRegistration
{
    public static IServiceCollection Add(IServiceCollection services, string? serviceKey, IConfiguration? configuration, Action<FlightTaskSyncOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        if (serviceKey is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(serviceKey);
        }

        var optionsName = serviceKey ?? Microsoft.Extensions.Options.Options.DefaultName;
        var options = services.AddOptions<FlightTaskSyncOptions>(optionsName);
        if (configuration is not null)
        {
            // Source-generated binding (EnableConfigurationBindingGenerator): no reflection, trim-safe.
            options.Bind(configuration);
        }

        options.Configure(configure).ValidateOnStart();
        if (services.Any(d => d.ServiceType == typeof(RegistrationMarker) && Equals(d.ServiceKey, serviceKey)))
        {
            return services;
        }

        services.AddKeyedSingleton<RegistrationMarker>(serviceKey);
        AddShared(services);
        AddHttpClient(services, serviceKey, optionsName);
        AddSyncServices(services, serviceKey, optionsName);
        return services;
    }

    /// <summary>What all registrations share: validators, the clock, the meter.</summary>
    private static void AddShared(IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FlightTaskSyncOptions>, FlightTaskSyncOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FlightTaskSyncOptions>, FlightTaskSyncOptionsRules>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton(static sp => new SyncInstruments(sp.GetRequiredService<IMeterFactory>()));
    }

    private static void AddHttpClient(IServiceCollection services, string? serviceKey, string optionsName)
    {
        var name = serviceKey is null ? FlightTaskSyncOptions.HttpClientName : FlightTaskSyncOptions.GetHttpClientName(serviceKey);
        services.AddHttpClient(name)
            .ConfigureHttpClient((sp, client) =>
            {
                client.BaseAddress = OptionsOf(sp, optionsName).Endpoint;

                // Each attempt has its own timeout in the resilience pipeline instead.
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .ConfigurePrimaryHttpMessageHandler(static () => new SocketsHttpHandler
            {
                AutomaticDecompression = DecompressionMethods.All,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            })
            .AddHttpMessageHandler(sp => new BearerTokenHandler(OptionsOf(sp, optionsName).AccessTokenProvider!))
            .AddHttpMessageHandler(static sp => new RequestSizeHandler(sp.GetRequiredService<SyncInstruments>()))

            // The factory's own loggers write four Information lines per request and a stack trace
            // per failed attempt; the sync logs each page and each retry itself, briefly.
            .RemoveAllLoggers();
    }

    private static void AddSyncServices(IServiceCollection services, string? serviceKey, string optionsName)
    {
        var httpClientName = serviceKey is null ? FlightTaskSyncOptions.HttpClientName : FlightTaskSyncOptions.GetHttpClientName(serviceKey);
        services.TryAddKeyedSingleton(serviceKey, (sp, _) => new FlightTaskDatabase(OptionsOf(sp, optionsName).DatabasePath!));
        services.TryAddKeyedSingleton(serviceKey, (sp, key) => new SqliteFlightTaskStore(
            sp.GetRequiredKeyedService<FlightTaskDatabase>(key), sp.GetRequiredService<TimeProvider>(), Logger<SqliteFlightTaskStore>(sp)));
        services.TryAddKeyedSingleton<IFlightTaskStore>(serviceKey, static (sp, key) => sp.GetRequiredKeyedService<SqliteFlightTaskStore>(key));
        services.TryAddKeyedSingleton<IPageStore>(serviceKey, static (sp, key) => sp.GetRequiredKeyedService<SqliteFlightTaskStore>(key));

        // The generated client of this registration: every operation over one connection, sent
        // through the registration's own named HttpClient.
        services.TryAddKeyedSingleton<IFieldAgentClient>(serviceKey, (sp, _) =>
        {
            var http = sp.GetRequiredService<IHttpClientFactory>();
            var connection = new GraphQLHttpConnection(
                () => http.CreateClient(httpClientName), sp.GetRequiredService<TimeProvider>(), OptionsOf(sp, optionsName).MaxResponseBytes);
            return new FieldAgentClient(
                beginTasks: new BeginTasksMutation(connection),
                deleteTasks: new DeleteTasksMutation(connection),
                syncFlightTasks: new SyncFlightTasksQuery(connection),
                upsertFlightTasks: new UpsertFlightTasksMutation(connection));
        });
        services.TryAddKeyedSingleton(serviceKey, (sp, key) => new PageFetcher(
            sp.GetRequiredKeyedService<IFieldAgentClient>(key).SyncFlightTasks,
            PageResiliencePipelineFactory.Create(OptionsOf(sp, optionsName), sp.GetRequiredService<TimeProvider>(), Logger<FlightTaskSyncClient>(sp))));
        services.TryAddKeyedSingleton(serviceKey, (sp, _) => new ScopeSyncLock(OptionsOf(sp, optionsName).DatabasePath!, Logger<FlightTaskSyncClient>(sp)));
        AddEditServices(services, serviceKey, optionsName);
        services.TryAddKeyedSingleton<IFlightTaskSyncClient>(serviceKey, (sp, key) => new FlightTaskSyncClient(
            sp.GetRequiredKeyedService<PageFetcher>(key),
            sp.GetRequiredKeyedService<IPageStore>(key),
            sp.GetRequiredKeyedService<ScopeSyncLock>(key),
            sp.GetRequiredKeyedService<PushRunner>(key),
            sp.GetRequiredService<SyncInstruments>(),
            OptionsOf(sp, optionsName),
            sp.GetRequiredService<TimeProvider>(),
            Logger<FlightTaskSyncClient>(sp)));
    }

    /// <summary>
    /// The write side: the editor and the push, on the registration's store (its outbox) and
    /// generated client. The push runs inside <see cref="IFlightTaskSyncClient.SyncAsync"/>.
    /// </summary>
    private static void AddEditServices(IServiceCollection services, string? serviceKey, string optionsName)
    {
        services.TryAddKeyedSingleton<IOutboxStore>(serviceKey, static (sp, key) => sp.GetRequiredKeyedService<SqliteFlightTaskStore>(key));
        services.TryAddKeyedSingleton<ILocalEditStore>(serviceKey, static (sp, key) => sp.GetRequiredKeyedService<SqliteFlightTaskStore>(key));
        services.TryAddKeyedSingleton<IFlightTaskEditor>(serviceKey, static (sp, key) => new FlightTaskEditor(
            sp.GetRequiredKeyedService<ILocalEditStore>(key), sp.GetRequiredService<TimeProvider>()));
        services.TryAddKeyedSingleton(serviceKey, (sp, key) => new MutationSender(
            sp.GetRequiredKeyedService<IFieldAgentClient>(key),
            MutationResiliencePipelineFactory.Create(OptionsOf(sp, optionsName), sp.GetRequiredService<TimeProvider>(), Logger<PushRunner>(sp)),
            Logger<PushRunner>(sp)));
        services.TryAddKeyedSingleton(serviceKey, static (sp, key) => new PushRunner(
            sp.GetRequiredKeyedService<IOutboxStore>(key),
            sp.GetRequiredKeyedService<MutationSender>(key),
            sp.GetRequiredService<TimeProvider>(),
            Logger<PushRunner>(sp)));
    }

    /// <summary>The registration's options, validated on first read (an <see cref="OptionsValidationException"/> names what to fix).</summary>
    private static FlightTaskSyncOptions OptionsOf(IServiceProvider services, string optionsName) =>
        services.GetRequiredService<IOptionsMonitor<FlightTaskSyncOptions>>().Get(optionsName);

    private static ILogger<T> Logger<T>(IServiceProvider services) =>
        services.GetService<ILoggerFactory>()?.CreateLogger<T>() ?? NullLogger<T>.Instance;

    /// <summary>Marks a registration (per service key) already made, so a second call adds its services not twice.</summary>
    private sealed class RegistrationMarker;
}
