using FlightTaskSync.Client;
using Microsoft.Extensions.DependencyInjection;

namespace FlightTaskSync.Benchmarks.Support;

/// <summary>The SDK registered as README says, optionally over a handler in place of the network.</summary>
internal static class SdkHost
{
    public static ServiceProvider Create(
        Uri endpoint,
        string databasePath,
        string accessToken,
        HttpMessageHandler? server = null,
        DelegatingHandler? extraHandler = null)
    {
        var services = new ServiceCollection();
        services.AddFlightTaskSync(options =>
        {
            options.Endpoint = endpoint;
            options.DatabasePath = databasePath;
            options.AccessTokenProvider = _ => Task.FromResult(accessToken);
        });

        // Later configuration of the same named client adds to the SDK's own.
        var http = services.AddHttpClient(FlightTaskSyncOptions.HttpClientName).SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        if (server is not null)
        {
            http.ConfigurePrimaryHttpMessageHandler(() => server);
        }

        if (extraHandler is not null)
        {
            http.AddHttpMessageHandler(() => extraHandler);
        }

        return services.BuildServiceProvider();
    }
}
