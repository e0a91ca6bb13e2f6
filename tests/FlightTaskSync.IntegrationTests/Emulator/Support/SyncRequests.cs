using System.Text;
using System.Text.Json;

namespace FlightTaskSync.IntegrationTests.Emulator.Support;

/// <summary>Hand-written GraphQL requests for the emulator (the SDK is deliberately not used here).</summary>
internal static class SyncRequests
{
    public const string SyncQuery = """
        query Sync($org: ID!, $hashes: [String!]!, $descendants: Boolean) {
          sync_flight_tasks(organization_sentera_id: $org, content_hashes: $hashes, include_descendant_organizations: $descendants) {
            remaining_count
            failed { key message code reason details }
            deleted { sentera_id content_hash }
            upserted {
              __typename
              sentera_id
              content_hash
              ... on FlightTask { name status organization_sentera_id created_at updated_at }
            }
          }
        }
        """;

    /// <summary><c>{"query":..,"variables":{"org":..,"hashes":[..],"descendants":..},"operationName":"Sync"}</c>.</summary>
    /// <param name="organizationId">The scope's organization.</param>
    /// <param name="hashes">Every hash the client holds for the scope.</param>
    /// <param name="includeDescendants">Sent as is; <see langword="null"/> sends <c>null</c>.</param>
    public static string Sync(string organizationId, IEnumerable<string> hashes, bool? includeDescendants = null)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("query", SyncQuery);
            json.WriteStartObject("variables");
            json.WriteString("org", organizationId);
            json.WriteStartArray("hashes");
            foreach (var hash in hashes)
            {
                json.WriteStringValue(hash);
            }

            json.WriteEndArray();
            if (includeDescendants is { } value)
            {
                json.WriteBoolean("descendants", value);
            }
            else
            {
                json.WriteNull("descendants");
            }

            json.WriteEndObject();
            json.WriteString("operationName", "Sync");
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>A request with only a query (no variables).</summary>
    public static string Query(string query) => JsonSerializer.Serialize(new Dictionary<string, string> { ["query"] = query });
}
