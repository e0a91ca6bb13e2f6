using FlightTaskSync.Client;
using FlightTaskSync.Client.Registration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers FlightTaskSync in a service collection.</summary>
public static class FlightTaskSyncServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IFlightTaskSyncClient"/> (sync a scope), <see cref="IFlightTaskStore"/>
    /// (read the offline copy) and <see cref="IFlightTaskEditor"/> (edit it offline; a sync pushes the edits) as singletons. Calling it again is harmless; a second
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
    /// <see cref="FlightTaskSyncOptions.HttpClientName"/>. <see cref="TimeProvider"/>, logging and
    /// <see cref="System.Diagnostics.Metrics.IMeterFactory"/> come from the container when registered.
    /// </remarks>
    public static IServiceCollection AddFlightTaskSync(this IServiceCollection services, Action<FlightTaskSyncOptions> configure) =>
        FlightTaskSyncRegistration.Add(services, serviceKey: null, configuration: null, configure);

    /// <summary>
    /// Registers FlightTaskSync as <see cref="AddFlightTaskSync(IServiceCollection, Action{FlightTaskSyncOptions})"/> does,
    /// with its options read from configuration first (a section of appsettings.json, say), then
    /// <paramref name="configure"/>, which must at least set <see cref="FlightTaskSyncOptions.AccessTokenProvider"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section that holds the options by name, e.g. <c>builder.Configuration.GetSection("FlightTaskSync")</c>:
    /// <c>Endpoint</c>, <c>DatabasePath</c> (a full path), <c>MaxRetryAttempts</c>, <c>AttemptTimeout</c> (<c>00:01:40</c>), ...</param>
    /// <param name="configure">Sets the token provider, and anything configuration should not decide.</param>
    /// <returns>The same service collection.</returns>
    /// <remarks>The values are read once, when the services are first made; a configuration reload does not change a running registration.</remarks>
    public static IServiceCollection AddFlightTaskSync(this IServiceCollection services, IConfiguration configuration, Action<FlightTaskSyncOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return FlightTaskSyncRegistration.Add(services, serviceKey: null, configuration, configure);
    }

    /// <summary>
    /// Registers a FlightTaskSync of its own under a service key, for an app with several accounts (one
    /// database per signed-in user, say): <see cref="IFlightTaskSyncClient"/> and <see cref="IFlightTaskStore"/>
    /// as keyed singletons, resolved with <c>[FromKeyedServices("account-a")]</c> or
    /// <c>GetRequiredKeyedService&lt;IFlightTaskSyncClient&gt;("account-a")</c>. Each key has its own options,
    /// database, HTTP client (named <see cref="FlightTaskSyncOptions.GetHttpClientName(string)"/>) and sync lock;
    /// a registration without a key can sit beside them. Calling it again with the same key is harmless;
    /// a second <paramref name="configure"/> applies after the first.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="serviceKey">The key of this registration; not empty.</param>
    /// <param name="configure">Sets the options of this key.</param>
    /// <returns>The same service collection.</returns>
    /// <exception cref="ArgumentException"><paramref name="serviceKey"/> is null, empty or white space.</exception>
    public static IServiceCollection AddFlightTaskSync(this IServiceCollection services, string serviceKey, Action<FlightTaskSyncOptions> configure)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceKey);
        return FlightTaskSyncRegistration.Add(services, serviceKey, configuration: null, configure);
    }

    /// <summary>
    /// Registers a FlightTaskSync under a service key, as <see cref="AddFlightTaskSync(IServiceCollection, string, Action{FlightTaskSyncOptions})"/>
    /// does, with its options read from configuration first, then <paramref name="configure"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="serviceKey">The key of this registration; not empty.</param>
    /// <param name="configuration">The section that holds the options of this key.</param>
    /// <param name="configure">Sets the token provider, and anything configuration should not decide.</param>
    /// <returns>The same service collection.</returns>
    /// <exception cref="ArgumentException"><paramref name="serviceKey"/> is null, empty or white space.</exception>
    public static IServiceCollection AddFlightTaskSync(this IServiceCollection services, string serviceKey, IConfiguration configuration, Action<FlightTaskSyncOptions> configure)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceKey);
        ArgumentNullException.ThrowIfNull(configuration);
        return FlightTaskSyncRegistration.Add(services, serviceKey, configuration, configure);
    }
}
