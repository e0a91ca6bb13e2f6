using System.Text.Json;
using FlightTaskSync.Client.Storage;
using FlightTaskSync.Client.Transport;

namespace FlightTaskSync.Client.Sync;

/// <summary>
/// Maps the generated client's enums to the public model through the server's own strings (the
/// generated serializers give them, <see cref="ServerEnumValues"/> reads them), so the table of
/// known values lives in one place.
/// </summary>
internal static class FlightTaskStatusMapping
{
    /// <summary>
    /// Maps a status, keeping the server's own text: for a status this SDK does not know yet,
    /// the text comes from the task's raw JSON, so it is stored and can be shown.
    /// </summary>
    public static (FlightTaskStatus Status, string Value) FromServer(FieldAgentTaskStatus status, ReadOnlySpan<byte> rawJson)
    {
        var value = status == FieldAgentTaskStatus.Unknown
            ? ReadRawString(rawJson, "status"u8)
            : FieldAgentTaskStatusSerializer.Format(status);
        return (ServerEnumValues.ParseStatus(value), value);
    }

    /// <summary>Maps a provider; one this SDK does not know yet is <see cref="FlightTaskProvider.Unknown"/>.</summary>
    public static FlightTaskProvider FromServer(TaskProvider provider) =>
        provider == TaskProvider.Unknown ? FlightTaskProvider.Unknown : ServerEnumValues.ParseProvider(TaskProviderSerializer.Format(provider));

    private static string ReadRawString(ReadOnlySpan<byte> rawJson, ReadOnlySpan<byte> property)
    {
        var reader = new Utf8JsonReader(rawJson);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return string.Empty;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var found = reader.ValueTextEquals(property);
            reader.Read();
            if (found)
            {
                return reader.TokenType == JsonTokenType.String ? reader.GetString()! : string.Empty;
            }

            reader.Skip();
        }

        return string.Empty;
    }
}
