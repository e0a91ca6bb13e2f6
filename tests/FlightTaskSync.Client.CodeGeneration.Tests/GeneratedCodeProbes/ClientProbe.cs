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

    /// <summary>
    /// Runs SyncFlightTasks through the overload that takes a parser, with one that reads only the
    /// data's raw JSON text; the request is written to <paramref name="request"/>.
    /// </summary>
    public static async Task<string?> ExecuteWithOwnParserAsync(byte[] responseBody, Stream request, string organizationSenteraId, IReadOnlyList<string> contentHashes)
    {
        ISyncFlightTasksQuery query = new SyncFlightTasksQuery(new RecordingConnection(responseBody, request));
        var result = await query.ExecuteAsync(new SyncFlightTasksVariables(organizationSenteraId, contentHashes), new RawTextParser(), CancellationToken.None);
        return result.Data?.Text;
    }

    /// <summary>Runs SyncFlightTasks through the overload that takes a parser, with variables that are not valid.</summary>
    public static Task ExecuteWithOwnParserAndNullHashAsync(Stream request) =>
        new SyncFlightTasksQuery(new RecordingConnection([], request))
            .ExecuteAsync(new SyncFlightTasksVariables("org", ["a", null!]), new RawTextParser(), CancellationToken.None);

    /// <summary>Runs SyncFlightTasks through the overload that takes a parser, with a null parser.</summary>
    public static Task ExecuteWithNullParserAsync(Stream request) =>
        new SyncFlightTasksQuery(new RecordingConnection([], request))
            .ExecuteAsync<RawText>(new SyncFlightTasksVariables("org", ["a"]), null!, CancellationToken.None);

    private sealed class RawText(string text)
    {
        public string Text { get; } = text;
    }

    private sealed class RawTextParser : IOperationResultParser<RawText>
    {
        public RawText Parse(ref Utf8JsonReader reader, ReadOnlyMemory<byte> json)
        {
            var start = (int)reader.TokenStartIndex;
            reader.Skip();
            return new RawText(Encoding.UTF8.GetString(json.Span[start..(int)reader.BytesConsumed]));
        }
    }

    /// <summary>
    /// The entries a push sends with UpsertFlightTasks, built as the push engine builds them: a
    /// create, an update that clears notes (set to null) and completes the task, and an update of
    /// one field; every property not named is left unset and must not be sent.
    /// </summary>
    private static IReadOnlyList<FlightTaskImport> PushEntries() =>
    [
        new FlightTaskImport
        {
            Organization_sentera_id = "org",
            Name = "Replant check",
            Field_sentera_id = "f1",
            Provider = TaskProvider.Self,
            Targeted_at = new DateTimeOffset(2024, 5, 2, 0, 0, 0, TimeSpan.Zero),
        },
        new FlightTaskImport
        {
            Sentera_id = "t1",
            Notes = null,
            Completed_by_sentera_id = "u1",
            Completed_at = new DateTimeOffset(2024, 5, 3, 14, 30, 0, TimeSpan.Zero),
        },
        new FlightTaskImport { Sentera_id = "t2", Started_at = new DateTimeOffset(2024, 5, 3, 8, 0, 0, TimeSpan.FromHours(-5)) },
    ];

    /// <summary>Writes the variables of UpsertFlightTasks with <see cref="PushEntries"/>.</summary>
    public static Task<string> WriteUpsertVariablesAsync()
    {
        var variables = new UpsertFlightTasksVariables(PushEntries());
        return WriteAsync(variables.Validate, writer => variables.WriteAsync(writer, CancellationToken.None));
    }

    /// <summary>Validates UpsertFlightTasks variables whose second entry is null.</summary>
    public static void ValidateUpsertWithANullEntry() => new UpsertFlightTasksVariables([PushEntries()[0], null!]).Validate();

    /// <summary>Writes the variables of BeginTasks.</summary>
    public static Task<string> WriteBeginVariablesAsync(IReadOnlyList<string> senteraIds)
    {
        var variables = new BeginTasksVariables(senteraIds);
        return WriteAsync(variables.Validate, writer => variables.WriteAsync(writer, CancellationToken.None));
    }

    /// <summary>Writes the variables of DeleteTasks.</summary>
    public static Task<string> WriteDeleteVariablesAsync(IReadOnlyList<string> senteraIds)
    {
        var variables = new DeleteTasksVariables(senteraIds);
        return WriteAsync(variables.Validate, writer => variables.WriteAsync(writer, CancellationToken.None));
    }

    /// <summary>
    /// Sends one of the mutations through IFieldAgentClient, resolved from DI over a recording
    /// connection that answers <paramref name="responseBody"/>; the request goes to <paramref name="request"/>.
    /// </summary>
    public static async Task<object?> ExecuteMutationThroughServicesAsync(string operation, byte[] responseBody, Stream request)
    {
        var services = new ServiceCollection();
        services.AddKeyedSingleton<IGraphQLConnection>(FieldAgentClient.ClientName, new RecordingConnection(responseBody, request));
        services.AddFieldAgentClient();
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IFieldAgentClient>();
        return operation switch
        {
            "UpsertFlightTasks" => (await client.UpsertFlightTasks.ExecuteAsync(PushEntries())).Data,
            "BeginTasks" => (await client.BeginTasks.ExecuteAsync(["t1", "t2", "t3"])).Data,
            "DeleteTasks" => (await client.DeleteTasks.ExecuteAsync(["t1", "t4"])).Data,
            _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, null),
        };
    }

    /// <summary>Gets the document text of an operation, as it is sent.</summary>
    public static string DocumentOf(string operation) => operation switch
    {
        "UpsertFlightTasks" => UpsertFlightTasksMutationDocument.Text,
        "BeginTasks" => BeginTasksMutationDocument.Text,
        "DeleteTasks" => DeleteTasksMutationDocument.Text,
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, null),
    };

    /// <summary>Validates variables and writes them as the request body does.</summary>
    private static async Task<string> WriteAsync(Action validate, Func<Utf8JsonWriter, ValueTask> write)
    {
        validate();
        using var stream = new MemoryStream();
        await using (var writer = new Utf8JsonWriter(stream))
        {
            await write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
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
