using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using FlightTaskSync.Benchmarks.Support;
using FlightTaskSync.Emulator;

namespace FlightTaskSync.Benchmarks.Scale;

/// <summary>
/// Records the responses of a sync from the in-process emulator into a folder of pages
/// (<c>0001.json</c>, ...) for the side-by-side runner's canned server. The requests are written
/// by hand, as the protocol asks (every hash held so far, then the server's answer), so no SDK
/// build takes part in making the pages both builds are measured on.
/// </summary>
internal sealed class PageRecorder : IDisposable
{
    private readonly FieldAgentEmulator _emulator;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromMinutes(10) };

    public PageRecorder(FieldAgentEmulator emulator)
    {
        _emulator = emulator;
    }

    /// <summary>Gets the hash of each task held after the pages recorded so far, by id.</summary>
    public Dictionary<string, string> Held { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets the scope: the emulator's first organization, with its descendants.</summary>
    public string Scope => _emulator.OrganizationIds[0];

    /// <summary>Records one sync from what is held now to the end; returns the pages and tasks upserted.</summary>
    public async Task<(int Pages, int Upserted)> RecordAsync(string folder)
    {
        Directory.CreateDirectory(folder);
        var upserted = 0;
        for (var page = 1; ; page++)
        {
            var body = await PostAsync(SyncRequestBody.Create(Scope, Held.Values, includeDescendants: true));
            await File.WriteAllBytesAsync(Path.Combine(folder, page.ToString("D4", CultureInfo.InvariantCulture) + ".json"), body);
            var remaining = Apply(body, ref upserted);
            if (remaining == 0)
            {
                return (page, upserted);
            }

            if (page > 10_000)
            {
                throw new InvalidOperationException("The emulator's sync did not end after 10,000 pages.");
            }
        }
    }

    public void Dispose() => _http.Dispose();

    private async Task<byte[]> PostAsync(byte[] request)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, _emulator.Endpoint) { Content = new ByteArrayContent(request) };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _emulator.AccessToken);
        using var response = await _http.SendAsync(message);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>Brings <see cref="Held"/> level with one response; returns its remaining count.</summary>
    private int Apply(byte[] body, ref int upserted)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0)
        {
            throw new InvalidOperationException($"The emulator answered with errors: {errors}");
        }

        var result = root.GetProperty("data").GetProperty("sync_flight_tasks");
        foreach (var deleted in result.GetProperty("deleted").EnumerateArray())
        {
            if (deleted.TryGetProperty("sentera_id", out var id))
            {
                Held.Remove(id.GetString()!);
            }
        }

        foreach (var task in result.GetProperty("upserted").EnumerateArray())
        {
            Held[task.GetProperty("sentera_id").GetString()!] = task.GetProperty("content_hash").GetString()!;
            upserted++;
        }

        return result.GetProperty("remaining_count").GetInt32();
    }
}
