using System.Text.Json;
using FlightTaskSync.Client.Transport;

namespace FlightTaskSync.Client.Sync;

/// <summary>Maps the generated client's enums to the public model's.</summary>
internal static class FlightTaskStatusMapping
{
    /// <summary>
    /// Maps a status, keeping the server's own text: for a status this SDK does not know yet,
    /// the text comes from the task's raw JSON, so it is stored and can be shown.
    /// </summary>
    public static (FlightTaskStatus Status, string Value) FromServer(FieldAgentTaskStatus status, ReadOnlySpan<byte> rawJson) => status switch
    {
        FieldAgentTaskStatus.Open => (FlightTaskStatus.Open, "OPEN"),
        FieldAgentTaskStatus.InProgress => (FlightTaskStatus.InProgress, "IN_PROGRESS"),
        FieldAgentTaskStatus.FlightCompleted => (FlightTaskStatus.FlightCompleted, "FLIGHT_COMPLETED"),
        FieldAgentTaskStatus.WaitingForUpload => (FlightTaskStatus.WaitingForUpload, "WAITING_FOR_UPLOAD"),
        FieldAgentTaskStatus.Completed => (FlightTaskStatus.Completed, "COMPLETED"),
        FieldAgentTaskStatus.Failed => (FlightTaskStatus.Failed, "FAILED"),
        FieldAgentTaskStatus.Canceled => (FlightTaskStatus.Canceled, "CANCELED"),
        _ => (FlightTaskStatus.Unknown, ReadRawStatus(rawJson)),
    };

    /// <summary>Maps a provider; one this SDK does not know yet is <see cref="FlightTaskProvider.Unknown"/>.</summary>
    public static FlightTaskProvider FromServer(TaskProvider provider) => provider switch
    {
        TaskProvider.Self => FlightTaskProvider.Self,
        TaskProvider.Sentera => FlightTaskProvider.Sentera,
        TaskProvider.FlyGuys => FlightTaskProvider.FlyGuys,
        _ => FlightTaskProvider.Unknown,
    };

    private static string ReadRawStatus(ReadOnlySpan<byte> rawJson)
    {
        var reader = new Utf8JsonReader(rawJson);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return string.Empty;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isStatus = reader.ValueTextEquals("status"u8);
            reader.Read();
            if (isStatus)
            {
                return reader.TokenType == JsonTokenType.String ? reader.GetString()! : string.Empty;
            }

            reader.Skip();
        }

        return string.Empty;
    }
}
