using System.Net;
using FlightTaskSync.Client;
using FlightTaskSync.Client.Storage;
using FlightTaskSync.Client.Sync;
using FlightTaskSync.Client.Transport;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers FlightTaskSync in a service collection.</summary>
public static class FlightTaskSyncServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IFlightTaskSyncClient"/> (sync a scope) and <see cref="IFlightTaskStore"/>
    /// (read the offline copy) as singletons. Calling it again is harmless; a second
    /// <paramref name="configure"/> applies after the first.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets <see cref="FlightTaskSyncOptions.Endpoint"/>, <see cref="FlightTaskSyncOptions.DatabasePath"/>,
    /// <see cref="FlightTaskSyncOptions.AccessTokenProvider"/> and any other option.</param>
    /// <returns>The same service collection.</returns>
    /// <remarks>
    /// The options are validated when the host starts (or when the first service is resolved
    /// without a host); an <see cref="OptionsValidationException"/> says which setting to fix.
    /// HTTP goes through <see cref="IHttpClientFactory"/> with the client named
    /// <see cref="FlightTaskSyncOptions.HttpClientName"/>. <see cref="TimeProvider"/> and logging
    /// come from the container when registered.
    /// </remarks>
    public static IServiceCollection AddFlightTaskSync(this IServiceCollection services, Action<FlightTaskSyncOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddOptions<FlightTaskSyncOptions>().Configure(configure).ValidateOnStart();
        if (services.Any(d => d.ServiceType == typeof(FlightTaskSyncMarker)))
        {
            return services;
        }

        services.AddSingleton<FlightTaskSyncMarker>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FlightTaskSyncOptions>, FlightTaskSyncOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FlightTaskSyncOptions>, FlightTaskSyncOptionsRules>());
        services.TryAddSingleton(TimeProvider.System);

        // Registered before the generated client's own default, which TryAdd then leaves alone.
        // The factory is resolved with the connection, before the sync client that uses it: the
        // provider disposes the client first, and its running syncs never ask a disposed provider.
        services.TryAddKeyedSingleton<IGraphQLConnection>(
            FieldAgentClient.ClientName,
            static (sp, _) =>
            {
                var httpClients = sp.GetRequiredService<IHttpClientFactory>();
                return new GraphQLHttpConnection(
                    () => httpClients.CreateClient(FieldAgentClient.ClientName),
                    sp.GetRequiredService<TimeProvider>(),
                    Options(sp).MaxResponseBytes);
            });
        services.AddFieldAgentClient().ConfigureHttpClient(
            (sp, client) =>
            {
                client.BaseAddress = Options(sp).Endpoint;

                // Each attempt has its own timeout in the resilience pipeline instead.
                client.Timeout = Timeout.InfiniteTimeSpan;
            },
            http => http
                .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
                {
                    AutomaticDecompression = DecompressionMethods.All,
                    PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                })
                .AddHttpMessageHandler(sp => new BearerTokenHandler(Options(sp).AccessTokenProvider!))
                .AddHttpMessageHandler(() => new RequestSizeHandler()));

        services.TryAddSingleton(static sp => new FlightTaskDatabase(Options(sp).DatabasePath!));
        services.TryAddSingleton(static sp => new SqliteFlightTaskStore(sp.GetRequiredService<FlightTaskDatabase>(), sp.GetRequiredService<TimeProvider>(), Logger<SqliteFlightTaskStore>(sp)));
        services.TryAddSingleton<IFlightTaskStore>(static sp => sp.GetRequiredService<SqliteFlightTaskStore>());
        services.TryAddSingleton<IPageStore>(static sp => sp.GetRequiredService<SqliteFlightTaskStore>());

        services.TryAddSingleton(static sp => new PageFetcher(
            sp.GetRequiredService<ISyncFlightTasksQuery>(),
            PageResiliencePipelineFactory.Create(Options(sp), sp.GetRequiredService<TimeProvider>(), Logger<FlightTaskSyncClient>(sp))));
        services.TryAddSingleton(static sp => new ScopeSyncLock(Options(sp).DatabasePath!, Logger<FlightTaskSyncClient>(sp)));
        services.TryAddSingleton<IFlightTaskSyncClient>(static sp => new FlightTaskSyncClient(
            sp.GetRequiredService<PageFetcher>(),
            sp.GetRequiredService<IPageStore>(),
            sp.GetRequiredService<ScopeSyncLock>(),
            Options(sp),
            sp.GetRequiredService<TimeProvider>(),
            Logger<FlightTaskSyncClient>(sp)));
        return services;
    }

    private static FlightTaskSyncOptions Options(IServiceProvider services) =>
        services.GetRequiredService<IOptions<FlightTaskSyncOptions>>().Value;

    private static ILogger<T> Logger<T>(IServiceProvider services) =>
        services.GetService<ILoggerFactory>()?.CreateLogger<T>() ?? NullLogger<T>.Instance;

    /// <summary>Marks a collection that already holds the registrations, so a second call adds none twice.</summary>
    private sealed class FlightTaskSyncMarker;
}
