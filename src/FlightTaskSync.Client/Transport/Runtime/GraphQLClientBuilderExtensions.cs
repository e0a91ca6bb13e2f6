using Microsoft.Extensions.DependencyInjection;

namespace FlightTaskSync.Client.Transport;

/// <summary>Configuration of a generated client's HTTP transport.</summary>
internal static class GraphQLClientBuilderExtensions
{
    /// <summary>Configures the <see cref="HttpClient"/> the client sends its requests with.</summary>
    /// <param name="builder">The client builder.</param>
    /// <param name="configureClient">Sets the endpoint (<see cref="HttpClient.BaseAddress"/>), headers, timeout.</param>
    /// <param name="configureClientBuilder">Adds handlers or resilience to the named client.</param>
    /// <returns>The same builder.</returns>
    public static GraphQLClientBuilder ConfigureHttpClient(
        this GraphQLClientBuilder builder,
        Action<HttpClient> configureClient,
        Action<IHttpClientBuilder>? configureClientBuilder = null)
    {
        ArgumentNullException.ThrowIfNull(configureClient);
        return builder.ConfigureHttpClient((_, client) => configureClient(client), configureClientBuilder);
    }

    /// <summary>Configures the <see cref="HttpClient"/> the client sends its requests with, using services.</summary>
    /// <param name="builder">The client builder.</param>
    /// <param name="configureClient">Sets the endpoint (<see cref="HttpClient.BaseAddress"/>), headers, timeout.</param>
    /// <param name="configureClientBuilder">Adds handlers or resilience to the named client.</param>
    /// <returns>The same builder.</returns>
    public static GraphQLClientBuilder ConfigureHttpClient(
        this GraphQLClientBuilder builder,
        Action<IServiceProvider, HttpClient> configureClient,
        Action<IHttpClientBuilder>? configureClientBuilder = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configureClient);
        var httpClientBuilder = builder.Services.AddHttpClient(builder.ClientName, configureClient);
        configureClientBuilder?.Invoke(httpClientBuilder);
        return builder;
    }
}
