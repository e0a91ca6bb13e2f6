using Microsoft.Extensions.DependencyInjection;

namespace FlightTaskSync.Client.Transport;

/// <summary>
/// Returned by a generated <c>Add&lt;ClientName&gt;()</c> registration, to go on configuring the
/// client: <c>services.AddFieldAgentClient().ConfigureHttpClient(c => c.BaseAddress = endpoint)</c>.
/// </summary>
internal sealed class GraphQLClientBuilder
{
    public GraphQLClientBuilder(IServiceCollection services, string clientName)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(clientName);
        Services = services;
        ClientName = clientName;
    }

    /// <summary>Gets the services the client is registered in.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Gets the client's name, which is also the name of its <see cref="HttpClient"/> in <see cref="IHttpClientFactory"/>.</summary>
    public string ClientName { get; }
}
