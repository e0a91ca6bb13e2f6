using System.Text.Json;

namespace FlightTaskSync.Emulator.Http;

/// <summary>Small GraphQL error bodies written by the endpoint itself (auth, bad requests, injected errors).</summary>
internal static class ErrorBody
{
    /// <summary><c>{"errors":[{"message":..,"extensions":{"code":..}}]}</c>, with <c>"data":null</c> first when asked.</summary>
    public static byte[] Create(string message, string code, bool withNullData = false)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            if (withNullData)
            {
                json.WriteNull("data");
            }

            json.WriteStartArray("errors");
            json.WriteStartObject();
            json.WriteString("message", message);
            json.WriteStartObject("extensions");
            json.WriteString("code", code);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
