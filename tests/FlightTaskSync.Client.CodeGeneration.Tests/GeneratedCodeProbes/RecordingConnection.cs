// Compiled only into the in-memory assembly of the generated client: a connection that writes the
// request it is given as the JSON body a real connection would send, and answers with a fixed body.
using System.Text.Json;
using FlightTaskSync.Client.Transport;

namespace Probe;

internal sealed class RecordingConnection : IGraphQLConnection
{
    private readonly byte[] _responseBody;
    private readonly Stream _request;

    public RecordingConnection(byte[] responseBody, Stream request)
    {
        _responseBody = responseBody;
        _request = request;
    }

    public async Task<IOperationResult<TData>> ExecuteAsync<TData>(IOperationRequest request, IOperationResultParser<TData> parser, CancellationToken cancellationToken)
        where TData : class
    {
        await using (var writer = new Utf8JsonWriter(_request))
        {
            writer.WriteStartObject();
            writer.WriteString("operationName", request.OperationName);
            writer.WriteString("query", request.Document);
            writer.WritePropertyName("variables");
            await request.WriteVariablesAsync(writer, cancellationToken);
            writer.WriteEndObject();
            await writer.FlushAsync(cancellationToken);
        }

        return new OperationResult<TData>(ParseData(parser, _responseBody), []);
    }

    /// <summary>Finds the "data" member of a body and reads it with the parser, as a connection does.</summary>
    public static TData ParseData<TData>(IOperationResultParser<TData> parser, byte[] body)
        where TData : class
    {
        var reader = new Utf8JsonReader(body);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("data"u8))
            {
                reader.Read();
                return parser.Parse(ref reader, body);
            }

            reader.Read();
            reader.Skip();
        }

        throw new InvalidOperationException("The body has no data.");
    }
}
