using System.Net;
using System.Text.Json;

namespace FlightTaskSync.IntegrationTests.Emulator.Support;

/// <summary>A parsed answer of the sync query, read with <see cref="JsonDocument"/>.</summary>
internal sealed class SyncResponse
{
    public SyncResponse(HttpStatusCode status, JsonElement root)
    {
        Status = status;
        Root = root;
    }

    public HttpStatusCode Status { get; }

    public JsonElement Root { get; }

    public bool HasErrors => Root.TryGetProperty("errors", out var errors) && errors.GetArrayLength() > 0;

    public JsonElement Result => Root.GetProperty("data").GetProperty("sync_flight_tasks");

    public int RemainingCount => Result.GetProperty("remaining_count").GetInt32();

    public IReadOnlyList<(string Id, string Hash)> Upserted => Items("upserted");

    public IReadOnlyList<(string Id, string Hash)> Deleted => Items("deleted");

    public JsonElement Failed => Result.GetProperty("failed");

    public string? FirstErrorCode =>
        HasErrors && Root.GetProperty("errors")[0].TryGetProperty("extensions", out var extensions) && extensions.TryGetProperty("code", out var code)
            ? code.GetString()
            : null;

    private List<(string Id, string Hash)> Items(string name) =>
        [.. Result.GetProperty(name).EnumerateArray().Select(i => (i.GetProperty("sentera_id").GetString()!, i.GetProperty("content_hash").GetString()!))];
}
