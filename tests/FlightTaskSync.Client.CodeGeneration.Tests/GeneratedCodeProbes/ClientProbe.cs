// Compiled only into the in-memory assembly of the generated client (see GeneratedClientAssembly):
// it can use the generated types and the runtime, which are internal there, and offers the tests
// methods whose signatures use framework types only.
using System.Collections;
using System.Text;
using System.Text.Json;
using FlightTaskSync.Client.Transport;
using Microsoft.Extensions.DependencyInjection;

namespace Probe;

public static class ClientProbe
{
    /// <summary>Reads the "data" member of a response body with the parser of SyncFlightTasks.</summary>
    public static object ParseData(byte[] body) => RecordingConnection.ParseData(SyncFlightTasksResultParser.Instance, body);

    /// <summary>Reads the "data" member of a response body with the parser of the API reference's example query.</summary>
    public static object ParseExampleData(byte[] body) => RecordingConnection.ParseData(SyncOrganizationFlightTasksResultParser.Instance, body);

    /// <summary>Writes the variables of SyncFlightTasks to a stream.</summary>
    public static async Task WriteVariablesAsync(Stream stream, string organizationSenteraId, IReadOnlyList<string> contentHashes, bool? includeDescendantOrganizations)
    {
        await using var writer = new Utf8JsonWriter(stream);
        var variables = new SyncFlightTasksVariables(organizationSenteraId, contentHashes, includeDescendantOrganizations);
        variables.Validate();
        await variables.WriteAsync(writer, CancellationToken.None);
        await writer.FlushAsync();
    }

    /// <summary>Writes the variables of SyncFlightTasks with the hashes in the runtime's JsonStringList, through a writer like the request body's.</summary>
    public static async Task WriteVariablesFromJsonListAsync(Stream stream, string organizationSenteraId, IReadOnlyList<string> contentHashes)
    {
        var list = new JsonStringList();
        foreach (var hash in contentHashes)
        {
            list.Add(hash);
        }

        await using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { SkipValidation = true });
        var variables = new SyncFlightTasksVariables(organizationSenteraId, list);
        variables.Validate();
        await variables.WriteAsync(writer, CancellationToken.None);
        await writer.FlushAsync();
    }

    /// <summary>Validates and writes variables whose hash list writes itself and cannot be read element by element.</summary>
    public static async Task<string> WriteVariablesFromSelfWritingListAsync()
    {
        using var stream = new MemoryStream();
        await using (var writer = new Utf8JsonWriter(stream))
        {
            var variables = new SyncFlightTasksVariables("org", new SelfWritingList(), true);
            variables.Validate();
            await variables.WriteAsync(writer, CancellationToken.None);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Creates variables without checking them, then validates them.</summary>
    public static void ValidateVariables(string? organizationSenteraId, IReadOnlyList<string?>? contentHashes) =>
        new SyncFlightTasksVariables(organizationSenteraId!, contentHashes!).Validate();

    /// <summary>Formats a status given by its member name, as variables send it.</summary>
    public static string FormatStatus(string memberName) =>
        FieldAgentTaskStatusSerializer.Format(Enum.Parse<FieldAgentTaskStatus>(memberName));

    /// <summary>
    /// Registers the client twice over a recording connection, resolves it, runs SyncFlightTasks and
    /// returns the data; the request the connection received is written to <paramref name="request"/>.
    /// </summary>
    public static async Task<object?> ExecuteThroughServicesAsync(byte[] responseBody, Stream request, string organizationSenteraId, IReadOnlyList<string> contentHashes)
    {
        var services = new ServiceCollection();
        services.AddKeyedSingleton<IGraphQLConnection>(FieldAgentClient.ClientName, new RecordingConnection(responseBody, request));
        services.AddFieldAgentClient();
        services.AddFieldAgentClient();
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IFieldAgentClient>();
        var result = await client.SyncFlightTasks.ExecuteAsync(organizationSenteraId, contentHashes);
        return result.Data;
    }

    /// <summary>Counts the service registrations after one and after two calls of AddFieldAgentClient.</summary>
    public static int[] CountRegistrations()
    {
        var services = new ServiceCollection();
        services.AddFieldAgentClient();
        var once = services.Count;
        var builder = services.AddFieldAgentClient();
        return [once, services.Count, builder.ClientName == FieldAgentClient.ClientName ? 1 : 0];
    }
}

/// <summary>A list that only writes itself: reading its elements fails the test.</summary>
internal sealed class SelfWritingList : IReadOnlyList<string>, IPreserializedJsonValue
{
    public int Count => 2;

    public string this[int index] => throw new InvalidOperationException("The list was read element by element.");

    public IEnumerator<string> GetEnumerator() => throw new InvalidOperationException("The list was enumerated.");

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public ValueTask WriteJsonAsync(Utf8JsonWriter writer, CancellationToken cancellationToken)
    {
        writer.WriteRawValue("[\"written\",\"by itself\"]"u8, skipInputValidation: true);
        return ValueTask.CompletedTask;
    }
}
