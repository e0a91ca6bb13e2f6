using System.Text.Encodings.Web;
using System.Text.Json;
using FlightTaskSync.Client.Transport;

namespace FlightTaskSync.Benchmarks.Support;

/// <summary>Writes a <c>sync_flight_tasks</c> request body by hand, for setting up benchmarks.</summary>
internal static class SyncRequestBody
{
    public static byte[] Create(string organizationId, IEnumerable<string> hashes, bool includeDescendants)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("operationName", "SyncFlightTasks");
            json.WriteString("query", SyncFlightTasksQueryDocument.Text);
            json.WriteStartObject("variables");
            json.WriteString("organizationSenteraId", organizationId);
            json.WriteStartArray("contentHashes");
            foreach (var hash in hashes)
            {
                json.WriteStringValue(hash);
            }

            json.WriteEndArray();
            json.WriteBoolean("includeDescendantOrganizations", includeDescendants);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
