using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace FlightTaskSync.ReliabilityHarness.Server;

/// <summary>
/// The harness's own view of the server over plain HTTP, independent of the SDK: it reads a scope
/// the way the protocol says (ids and hashes only), and edits or creates tasks through
/// <c>upsert_flight_tasks</c>, learning each new hash from the answer.
/// </summary>
internal sealed class ServerView : IDisposable
{
    private const string ReadQuery = """
        query Read($o: ID!, $h: [String!]!, $d: Boolean) {
          sync_flight_tasks(organization_sentera_id: $o, content_hashes: $h, include_descendant_organizations: $d) {
            remaining_count
            upserted { sentera_id content_hash }
            deleted { sentera_id }
          }
        }
        """;

    private const string ReadFullQuery = """
        query ReadFull($o: ID!, $h: [String!]!, $d: Boolean) {
          sync_flight_tasks(organization_sentera_id: $o, content_hashes: $h, include_descendant_organizations: $d) {
            remaining_count
            upserted { sentera_id content_hash ... on FlightTask { name notes status } }
            deleted { sentera_id }
          }
        }
        """;

    private const string UpsertMutation = """
        mutation Upsert($t: [FlightTaskImport!]!) {
          upsert_flight_tasks(flight_tasks: $t) {
            succeeded { sentera_id content_hash }
            failed { index attributes { key message } }
          }
        }
        """;

    /// <summary>The most entries one <c>upsert_flight_tasks</c> call takes.</summary>
    private const int UpsertBatch = 100;

    private readonly HttpClient _http;
    private readonly Uri _endpoint;

    public ServerView(Uri endpoint, string token)
    {
        _endpoint = endpoint;
        _http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    /// <summary>Reads every task of the scope (id to hash) by running the protocol to its end.</summary>
    public async Task<Dictionary<string, string>> ReadScopeAsync(string organization, bool includeDescendants, CancellationToken cancellationToken)
    {
        var held = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var page = 1; ; page++)
        {
            using var answer = await PostAsync(ReadQuery, new { o = organization, h = held.Values.ToArray(), d = includeDescendants }, cancellationToken).ConfigureAwait(false);
            var result = answer.RootElement.GetProperty("data").GetProperty("sync_flight_tasks");
            foreach (var item in result.GetProperty("upserted").EnumerateArray())
            {
                held[item.GetProperty("sentera_id").GetString()!] = item.GetProperty("content_hash").GetString()!;
            }

            foreach (var item in result.GetProperty("deleted").EnumerateArray())
            {
                held.Remove(item.GetProperty("sentera_id").GetString()!);
            }

            if (result.GetProperty("remaining_count").GetInt32() == 0)
            {
                return held;
            }

            if (page > 10_000)
            {
                throw new InvalidOperationException("The server's remaining count never reached 0.");
            }
        }
    }

    /// <summary>Reads every task of the scope with its name, notes and status, by running the protocol to its end.</summary>
    public async Task<Dictionary<string, ServerTask>> ReadTasksAsync(string organization, bool includeDescendants, CancellationToken cancellationToken)
    {
        var held = new Dictionary<string, ServerTask>(StringComparer.Ordinal);
        for (var page = 1; ; page++)
        {
            using var answer = await PostAsync(ReadFullQuery, new { o = organization, h = held.Values.Select(t => t.ContentHash).ToArray(), d = includeDescendants }, cancellationToken).ConfigureAwait(false);
            var result = answer.RootElement.GetProperty("data").GetProperty("sync_flight_tasks");
            foreach (var item in result.GetProperty("upserted").EnumerateArray())
            {
                var task = new ServerTask(
                    item.GetProperty("sentera_id").GetString()!,
                    item.GetProperty("content_hash").GetString()!,
                    item.GetProperty("name").GetString()!,
                    item.GetProperty("notes").GetString(),
                    item.GetProperty("status").GetString()!);
                held[task.SenteraId] = task;
            }

            foreach (var item in result.GetProperty("deleted").EnumerateArray())
            {
                held.Remove(item.GetProperty("sentera_id").GetString()!);
            }

            if (result.GetProperty("remaining_count").GetInt32() == 0)
            {
                return held;
            }

            if (page > 10_000)
            {
                throw new InvalidOperationException("The server's remaining count never reached 0.");
            }
        }
    }

    /// <summary>
    /// Renames each task as the office would, sending the call again when its answer is lost (a
    /// rename sent twice is the same rename): for a server that drops some answers on purpose.
    /// </summary>
    public async Task RenameAsync(IReadOnlyList<string> ids, string name, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await UpsertAsync(ids.Select(id => (object)new { sentera_id = id, name }).ToList(), cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (HttpRequestException) when (attempt < 10)
            {
                // The answer was dropped; the rename may have landed. Send it again.
            }
        }
    }

    /// <summary>Changes the notes of each task; returns each task's new hash.</summary>
    public Task<Dictionary<string, string>> EditAsync(IReadOnlyList<string> ids, string notes, CancellationToken cancellationToken) =>
        UpsertAsync(ids.Select(id => (object)new { sentera_id = id, notes }).ToList(), cancellationToken);

    /// <summary>Creates <paramref name="count"/> tasks in the organization; returns their ids and hashes.</summary>
    public Task<Dictionary<string, string>> CreateAsync(string organization, int count, string namePrefix, CancellationToken cancellationToken) =>
        UpsertAsync(Enumerable.Range(1, count).Select(n => (object)new { organization_sentera_id = organization, name = $"{namePrefix} {n}" }).ToList(), cancellationToken);

    public void Dispose() => _http.Dispose();

    private async Task<Dictionary<string, string>> UpsertAsync(IReadOnlyList<object> entries, CancellationToken cancellationToken)
    {
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var batch in entries.Chunk(UpsertBatch))
        {
            using var answer = await PostAsync(UpsertMutation, new { t = batch }, cancellationToken).ConfigureAwait(false);
            var result = answer.RootElement.GetProperty("data").GetProperty("upsert_flight_tasks");
            if (result.GetProperty("failed").GetArrayLength() > 0)
            {
                throw new InvalidOperationException($"The server refused an edit: {result.GetProperty("failed")}");
            }

            foreach (var task in result.GetProperty("succeeded").EnumerateArray())
            {
                hashes[task.GetProperty("sentera_id").GetString()!] = task.GetProperty("content_hash").GetString()!;
            }
        }

        return hashes;
    }

    private async Task<JsonDocument> PostAsync(string query, object variables, CancellationToken cancellationToken)
    {
        using var content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(_endpoint, content, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var document = JsonDocument.Parse(body);
        if (!response.IsSuccessStatusCode || document.RootElement.TryGetProperty("errors", out _))
        {
            var text = Encoding.UTF8.GetString(body);
            document.Dispose();
            throw new InvalidOperationException($"The server answered HTTP {(int)response.StatusCode}: {text[..Math.Min(text.Length, 500)]}");
        }

        return document;
    }
}

/// <summary>A task as the server holds it, as far as the harness checks it.</summary>
internal sealed record ServerTask(string SenteraId, string ContentHash, string Name, string? Notes, string Status);
