namespace FlightTaskSync.Client.Transport;

/// <summary>
/// STAND-IN, to be dropped at merge: the real <c>GraphQLHttpConnection</c> is being written on
/// another branch. This file exists only so that the generated DI registration, which calls
/// <see cref="Create"/>, compiles on the generator branch. It sends nothing.
/// </summary>
internal static class GraphQLHttpConnection
{
    /// <summary>Creates the connection of the named client (not available in this stand-in).</summary>
    /// <param name="services">The services to take the named <see cref="HttpClient"/> from.</param>
    /// <param name="clientName">The client's name.</param>
    /// <returns>Never returns.</returns>
    /// <exception cref="NotSupportedException">Always: the HTTP connection has not landed yet.</exception>
    public static IGraphQLConnection Create(IServiceProvider services, string clientName) =>
        throw new NotSupportedException(
            $"The HTTP connection of '{clientName}' is a stand-in on this branch; the real GraphQLHttpConnection replaces it at merge.");
}
