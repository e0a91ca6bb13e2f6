using FlightTaskSync.Client;
using FlightTaskSync.Client.Background;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the FlightTaskSync background sync.</summary>
public static class FlightTaskSyncBackgroundServiceCollectionExtensions
{
    /// <summary>
    /// Adds a hosted service that syncs <see cref="FlightTaskBackgroundSyncOptions.Scopes"/> while the
    /// host runs, and <see cref="IFlightTaskBackgroundSync"/> to ask it for a sync sooner. Call
    /// <c>AddFlightTaskSync</c> too. Calling this again is harmless; a second
    /// <paramref name="configure"/> applies after the first.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Adds the scopes and sets the interval and backoff.</param>
    /// <returns>The same service collection.</returns>
    /// <remarks>
    /// Any app on the generic host runs it (<c>Host.CreateApplicationBuilder</c>, ASP.NET Core, MAUI with a host).
    /// The options are validated when the host starts: at least one scope is required, and an
    /// <see cref="OptionsValidationException"/> names any setting out of range.
    /// </remarks>
    public static IServiceCollection AddFlightTaskSyncBackgroundService(this IServiceCollection services, Action<FlightTaskBackgroundSyncOptions> configure) =>
        Add(services, serviceKey: null, configure);

    /// <summary>
    /// Adds a hosted service that syncs the scopes of the FlightTaskSync registered under
    /// <paramref name="serviceKey"/> (<c>AddFlightTaskSync(serviceKey, ...)</c>), with options of its
    /// own, and <see cref="IFlightTaskBackgroundSync"/> under the same key
    /// (<c>[FromKeyedServices(serviceKey)]</c>). One per key; calling it again with the same key is
    /// harmless, a second <paramref name="configure"/> applying after the first.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="serviceKey">The key given to <c>AddFlightTaskSync</c>.</param>
    /// <param name="configure">Adds the scopes and sets the interval and backoff.</param>
    /// <returns>The same service collection.</returns>
    /// <exception cref="ArgumentException"><paramref name="serviceKey"/> is null, empty or white space.</exception>
    public static IServiceCollection AddFlightTaskSyncBackgroundService(this IServiceCollection services, string serviceKey, Action<FlightTaskBackgroundSyncOptions> configure)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceKey);
        return Add(services, serviceKey, configure);
    }

    private static IServiceCollection Add(IServiceCollection services, string? serviceKey, Action<FlightTaskBackgroundSyncOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        var optionsName = serviceKey ?? Microsoft.Extensions.Options.Options.DefaultName;
        services.AddOptions<FlightTaskBackgroundSyncOptions>(optionsName).Configure(configure).ValidateOnStart();
        if (services.Any(d => d.ServiceType == typeof(FlightTaskBackgroundSync) && Equals(d.ServiceKey, serviceKey)))
        {
            return services;
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FlightTaskBackgroundSyncOptions>, FlightTaskBackgroundSyncOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FlightTaskBackgroundSyncOptions>, FlightTaskBackgroundSyncOptionsRules>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddKeyedSingleton(serviceKey, (sp, key) => new FlightTaskBackgroundSync(
            sp.GetRequiredKeyedService<IFlightTaskSyncClient>(key),
            sp.GetRequiredService<IOptionsMonitor<FlightTaskBackgroundSyncOptions>>().Get(optionsName),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILoggerFactory>()?.CreateLogger<FlightTaskBackgroundSync>() ?? NullLogger<FlightTaskBackgroundSync>.Instance));
        services.AddKeyedSingleton<IFlightTaskBackgroundSync>(serviceKey, static (sp, key) => sp.GetRequiredKeyedService<FlightTaskBackgroundSync>(key));
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredKeyedService<FlightTaskBackgroundSync>(serviceKey));
        return services;
    }
}
