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
    public static IServiceCollection AddFlightTaskSyncBackgroundService(this IServiceCollection services, Action<FlightTaskBackgroundSyncOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddOptions<FlightTaskBackgroundSyncOptions>().Configure(configure).ValidateOnStart();
        if (services.Any(d => d.ServiceType == typeof(FlightTaskBackgroundSync)))
        {
            return services;
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FlightTaskBackgroundSyncOptions>, FlightTaskBackgroundSyncOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FlightTaskBackgroundSyncOptions>, FlightTaskBackgroundSyncOptionsRules>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(static sp => new FlightTaskBackgroundSync(
            sp.GetRequiredService<IFlightTaskSyncClient>(),
            sp.GetRequiredService<IOptions<FlightTaskBackgroundSyncOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILoggerFactory>()?.CreateLogger<FlightTaskBackgroundSync>() ?? NullLogger<FlightTaskBackgroundSync>.Instance));
        services.AddSingleton<IFlightTaskBackgroundSync>(static sp => sp.GetRequiredService<FlightTaskBackgroundSync>());
        services.AddSingleton<IHostedService>(static sp => sp.GetRequiredService<FlightTaskBackgroundSync>());
        return services;
    }
}
