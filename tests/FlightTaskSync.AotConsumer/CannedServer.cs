using System.Net;
using System.Text;
using System.Text.Json;

/// <summary>
/// The FieldAgent server in miniature, as the primary handler of the SDK's HttpClient (no socket,
/// no network): answers <c>sync_flight_tasks</c> with the tasks of one organization that the
/// request's hashes do not hold yet, a page at a time, and remembers the tokens it was sent.
/// </summary>
internal sealed class CannedServer(string organizationSenteraId, int taskCount, int pageSize) : HttpMessageHandler
{
    private readonly List<string> _tokens = [];

    public IReadOnlyList<string> Tokens
    {
        get
        {
            lock (_tokens)
            {
                return [.. _tokens];
            }
        }
    }

    public static string TaskId(int number) => $"t{number:D6}_TA_8t8cAcme_CV_stag_877281e47_210503_085336";

    public static string Hash(int number) => $"h{number:D6}+AotHash";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (_tokens)
        {
            _tokens.Add(request.Headers.Authorization?.ToString() ?? "(none)");
        }

        using var body = JsonDocument.Parse(await request.Content!.ReadAsStreamAsync(cancellationToken));
        var variables = body.RootElement.GetProperty("variables");
        var held = variables.GetProperty("contentHashes").EnumerateArray().Select(h => h.GetString()!).ToHashSet(StringComparer.Ordinal);
        var organization = variables.GetProperty("organizationSenteraId").GetString();
        var missing = organization == organizationSenteraId
            ? Enumerable.Range(1, taskCount).Where(n => !held.Contains(Hash(n))).ToList()
            : [];
        var page = missing.Take(pageSize).ToList();
        return new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent(PageJson(page, missing.Count - page.Count), Encoding.UTF8, "application/json"),
        };
    }

    private string PageJson(List<int> numbers, int remaining)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("data");
            writer.WriteStartObject("sync_flight_tasks");
            writer.WriteString("__typename", "SyncResult");
            writer.WriteNumber("remaining_count", remaining);
            writer.WriteNull("failed");
            writer.WriteStartArray("deleted");
            writer.WriteEndArray();
            writer.WriteStartArray("upserted");
            foreach (var n in numbers)
            {
                writer.WriteStartObject();
                writer.WriteString("__typename", "FlightTask");
                writer.WriteString("sentera_id", TaskId(n));
                writer.WriteString("content_hash", Hash(n));
                writer.WriteString("name", $"Field {n} — stand count");
                writer.WriteString("status", n % 3 == 0 ? "COMPLETED" : "OPEN");
                writer.WriteString("provider", "SELF");
                writer.WriteString("task_type", "FLIGHT");
                writer.WriteNull("notes");
                writer.WriteString("organization_sentera_id", organizationSenteraId);
                writer.WriteStartObject("organization");
                writer.WriteString("__typename", "Organization");
                writer.WriteString("sentera_id", organizationSenteraId);
                writer.WriteEndObject();
                foreach (var empty in new[] { "field", "plan", "survey", "assigned_to", "completed_by", "updated_by" })
                {
                    writer.WriteNull(empty);
                }

                writer.WriteStartObject("created_by");
                writer.WriteString("__typename", "User");
                writer.WriteString("sentera_id", "p4d9s2w_US_8t8cAcme_CV_stag_877281e47_210503_085336");
                writer.WriteEndObject();
                writer.WriteString("created_at", "2026-03-14T09:30:00Z");
                writer.WriteString("updated_at", "2026-03-15T09:30:00Z");
                foreach (var date in new[] { "scheduled_at", "targeted_at", "due_at", "started_at", "completed_at", "canceled_at" })
                {
                    writer.WriteNull(date);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
