using System.Text.Json;
using FlightTaskSync.Client.Transport;

namespace FlightTaskSync.Client.Tests.TestDoubles;

/// <summary>
/// A small hand-written operation for testing the HTTP connection on its own:
/// <c>query Echo($items: [String!]!) { echo(items: $items) { value } }</c>.
/// </summary>
internal sealed class EchoOperation(IReadOnlyList<string> items) : IOperationRequest
{
    public string OperationName => "Echo";

    public ReadOnlySpan<byte> Document => "query Echo($items: [String!]!) { echo(items: $items) { value } }"u8;

    public async ValueTask WriteVariablesAsync(Utf8JsonWriter writer, CancellationToken cancellationToken)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("items"u8);
        foreach (var item in items)
        {
            writer.WriteStringValue(item);
            if (writer.BytesPending > 16384)
            {
                await writer.FlushAsync(cancellationToken);
            }
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}

/// <summary>The data of <see cref="EchoOperation"/>.</summary>
internal sealed record EchoData(string Value);

/// <summary>Reads <c>{"echo": {"value": "..."}}</c>; a missing value is a parse error.</summary>
internal sealed class EchoResultParser : IOperationResultParser<EchoData>
{
    public static readonly EchoResultParser Instance = new();

    public EchoData Parse(ref Utf8JsonReader reader, ReadOnlyMemory<byte> json)
    {
        string? value = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("echo"u8))
            {
                reader.Read();
                JsonResultReader.ExpectStartObject(ref reader);
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var isValue = reader.ValueTextEquals("value"u8);
                    reader.Read();
                    if (isValue)
                    {
                        try
                        {
                            value = JsonResultReader.ReadString(ref reader);
                        }
                        catch (ResultParseException exception)
                        {
                            throw exception.AtProperty("value").AtProperty("echo");
                        }
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return new EchoData(value ?? throw ResultParseException.MissingField("value").AtProperty("echo"));
    }
}
