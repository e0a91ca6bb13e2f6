using WireMock.Server;
using WireMock.Settings;

namespace FlightTaskSync.Client.Tests.TestDoubles;

/// <summary>Starts WireMock.Net on 127.0.0.1 with a port the OS picks: tests talk to nothing else.</summary>
internal static class LoopbackWireMock
{
    public static WireMockServer Start() =>
        WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"] });

    /// <summary>Gets the server's GraphQL endpoint.</summary>
    public static Uri GraphQLEndpoint(this WireMockServer server) => new(server.Url! + "/graphql");
}
