using System.Globalization;

namespace FlightTaskSync.Client.Tests.Push;

/// <summary>Answers of the three mutations as FieldAgent writes them, for WireMock to send.</summary>
internal static class MutationAnswersJson
{
    public static string Upsert(string succeeded, string failed = "") =>
        "{\"data\":{\"upsert_flight_tasks\":{\"__typename\":\"UpsertResult\",\"succeeded\":[" + succeeded + "],\"failed\":[" + failed + "]}}}";

    public static string Task(string id, string hash, string name, string? field = null, string organization = PushFixtures.Organization)
    {
        var fieldJson = field is null ? "null" : "{\"__typename\":\"Field\",\"sentera_id\":\"" + field + "\"}";
        return "{\"__typename\":\"FlightTask\",\"sentera_id\":\"" + id + "\",\"content_hash\":\"" + hash + "\",\"name\":\"" + name +
            "\",\"status\":\"OPEN\",\"organization_sentera_id\":\"" + organization + "\",\"field\":" + fieldJson +
            ",\"created_at\":\"2026-06-01T08:00:01Z\",\"updated_at\":\"2026-06-01T08:00:01Z\"}";
    }

    public static string Failure(int? index, string? itemId, string attribute, string key, string message)
    {
        var indexJson = index is null ? "null" : index.Value.ToString(CultureInfo.InvariantCulture);
        var itemJson = itemId is null ? "null" : "{\"__typename\":\"FlightTask\",\"sentera_id\":\"" + itemId + "\"}";
        return "{\"__typename\":\"UpsertError\",\"index\":" + indexJson + ",\"item\":" + itemJson + ",\"attributes\":[{\"__typename\":\"AttributeError\",\"attribute\":\"" +
            attribute + "\",\"key\":\"" + key + "\",\"message\":\"" + message + "\",\"code\":\"" + key.ToUpperInvariant() + "\",\"reason\":null}]}";
    }

    public static string Begin(string succeededIds, string failed = "") =>
        "{\"data\":{\"begin_tasks\":{\"__typename\":\"BulkUpdateResult\",\"succeeded\":[" + succeededIds + "],\"failed\":[" + failed + "]}}}";

    public static string BeginFailure(int index, string attribute, string key, string message, string details = "null") =>
        "{\"__typename\":\"BulkUpdateError\",\"index\":" + index.ToString(CultureInfo.InvariantCulture) + ",\"errors\":[{\"__typename\":\"AttributeError\",\"attribute\":\"" +
        attribute + "\",\"key\":\"" + key + "\",\"message\":\"" + message + "\",\"code\":\"" + key.ToUpperInvariant() + "\",\"details\":" + details + "}]}";

    public static string Deleted(params string[] ids) =>
        "{\"data\":{\"delete_tasks\":[" + string.Join(",", ids.Select(id => "{\"__typename\":\"FlightTask\",\"sentera_id\":\"" + id + "\",\"name\":\"Scout\"}")) + "]}}";
}
