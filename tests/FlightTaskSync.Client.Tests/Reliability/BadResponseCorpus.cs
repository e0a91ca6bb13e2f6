using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using FlightTaskSync.Client.Tests.TestDoubles;

namespace FlightTaskSync.Client.Tests.Reliability;

/// <summary>
/// Malformed and hostile answers to a <c>sync_flight_tasks</c> request: wrong types, nulls and
/// missing fields where the schema says non-null, unknown types and enum values, huge strings,
/// deep nesting, duplicate ids, an id in both lists, bad remaining counts, bodies that are not
/// JSON or not even text, and failing statuses. Most are edits of a valid second page.
/// </summary>
internal static class BadResponseCorpus
{
    /// <summary>The organization the corpus syncs; the server holds 300 of its tasks, 100 a page.</summary>
    public static readonly string Organization = FakeTask.OrganizationId("corpus");

    /// <summary>The largest body the corpus's SDK reads (an app setting), so that huge bodies stay small for a test.</summary>
    public const long MaxResponseBytes = 4L * 1024 * 1024;

    private const string Result = "data.sync_flight_tasks";
    private const string Task0 = Result + ".upserted[0]";

    private static readonly FakeTask First = new(FakeTask.TaskId(101), Organization, "Field 101 — stand count flight");
    private static readonly FakeTask Second = new(FakeTask.TaskId(102), Organization, "Field 102 — stand count flight");

    /// <summary>A valid second page: two of the server's tasks, 198 remaining.</summary>
    public static string ValidPage => FakeFieldAgentServer.PageJson(198, [First, Second]);

    public static IReadOnlyList<BadResponse> All { get; } = Build();

    private static List<BadResponse> Build()
    {
        var invalid = BadResponseOutcome.Invalid;
        var unavailable = BadResponseOutcome.Unavailable;
        return
        [
            // Wrong types.
            Always("remaining_count is a string", invalid, Set(Result + ".remaining_count", "198")),
            Always("remaining_count is a fraction", invalid, Set(Result + ".remaining_count", 1.5)),
            Always("remaining_count is beyond 32 bits", invalid, ValidPage.Replace("\"remaining_count\":198", "\"remaining_count\":100000000000000000000", StringComparison.Ordinal)),
            Always("upserted is an object", invalid, Set(Result + ".upserted", new JsonObject())),
            Always("deleted is a string", invalid, Set(Result + ".deleted", "none")),
            Always("failed is an object", invalid, Set(Result + ".failed", new JsonObject { ["key"] = "x" })),
            Always("sentera_id is an object", invalid, Set(Task0 + ".sentera_id", new JsonObject())),
            Always("sentera_id is a boolean", invalid, Set(Task0 + ".sentera_id", true)),
            Always("content_hash is a number", invalid, Set(Task0 + ".content_hash", 12345)),
            Always("name is a list", invalid, Set(Task0 + ".name", new JsonArray("a", "b"))),
            Always("status is a number", invalid, Set(Task0 + ".status", 7)),
            Always("created_at is a number", invalid, Set(Task0 + ".created_at", 1700000000)),
            Always("created_at is not a date", invalid, Set(Task0 + ".created_at", "yesterday afternoon")),
            Always("created_by is a string", invalid, Set(Task0 + ".created_by", "p4d9s2w_US")),
            Always("an upserted item is a number", invalid, Set(Result + ".upserted[1]", 42)),
            Always("data is a list", invalid, """{"data":[]}"""),
            Always("data is a string", invalid, """{"data":"sync_flight_tasks"}"""),

            // Null where the schema says non-null.
            Always("remaining_count is null", invalid, Set(Result + ".remaining_count", null)),
            Always("upserted is null", invalid, Set(Result + ".upserted", null)),
            Always("deleted is null", invalid, Set(Result + ".deleted", null)),
            Always("sentera_id is null", invalid, Set(Task0 + ".sentera_id", null)),
            Always("content_hash is null", invalid, Set(Task0 + ".content_hash", null)),
            Always("name is null", invalid, Set(Task0 + ".name", null)),
            Always("status is null", invalid, Set(Task0 + ".status", null)),
            Always("created_by is null", invalid, Set(Task0 + ".created_by", null)),
            Always("an upserted item is null", invalid, Set(Result + ".upserted[1]", null)),
            Always("sync_flight_tasks is null", invalid, Set(Result, null)),
            Always("data is null without errors", invalid, """{"data":null}"""),

            // Missing fields.
            Always("remaining_count is missing", invalid, Remove(Result + ".remaining_count")),
            Always("upserted is missing", invalid, Remove(Result + ".upserted")),
            Always("sentera_id is missing", invalid, Remove(Task0 + ".sentera_id")),
            Always("created_at is missing", invalid, Remove(Task0 + ".created_at")),
            Always("sync_flight_tasks is missing", invalid, """{"data":{}}"""),
            Always("neither data nor errors", invalid, """{"extensions":{}}"""),
            Always("empty sentera_id", invalid, Set(Task0 + ".sentera_id", string.Empty)),

            // Unknown types and values.
            Always("an upserted item is a Survey", invalid, Set(Task0 + ".__typename", "Survey")),
            Always("an upserted item is of an unknown type", invalid, Set(Task0 + ".__typename", "Drone")),
            Once("an unknown status (tolerated: Unknown, the value kept)", Set(Task0 + ".status", "ON_HOLD")),
            Once("an unknown provider (tolerated)", Set(Task0 + ".provider", "DRONE_COMPANY")),
            Once("unknown extra fields (tolerated)", Set(Task0 + ".weather", new JsonObject { ["wind"] = 12 })),

            // Huge strings and deep nesting.
            Always("a 5 MB name: over the response limit", invalid, Set(Task0 + ".name", new string('x', 5 * 1024 * 1024))),
            Always("a 5 MB unknown field: over the response limit", invalid, Set(Result + ".padding", new string(' ', 5 * 1024 * 1024))),
            Once("a 1 MB note (tolerated: kept whole)", Set(Task0 + ".notes", new string('n', 1024 * 1024))),
            Always("10,000 nested lists in an unknown field", unavailable, Set(Task0 + ".nested", "@@NEST@@").Replace("\"@@NEST@@\"", Nest(10_000), StringComparison.Ordinal)),
            Always("10,000 nested objects in a failure's details", unavailable, Set(Result + ".failed", new JsonArray(new JsonObject { ["key"] = "k", ["message"] = "m", ["details"] = "@@NEST@@" })).Replace("\"@@NEST@@\"", NestObjects(10_000), StringComparison.Ordinal)),

            // Ids the page cannot hold.
            Always("the same id upserted twice", invalid, FakeFieldAgentServer.PageJson(198, [First, Second, First])),
            Always("the same id deleted twice", invalid, FakeFieldAgentServer.PageJson(198, [First], [Second, Second])),
            Always("one id in both lists", invalid, FakeFieldAgentServer.PageJson(198, [First, Second], [Second])),

            // Remaining counts.
            Always("a negative remaining_count", invalid, Set(Result + ".remaining_count", -1)),
            Always("nothing new while 2,147,483,647 remain", BadResponseOutcome.Stalled, FakeFieldAgentServer.PageJson(int.MaxValue, [])),
            new("a remaining_count that keeps rising", BadResponseOutcome.Stalled,
                index => FakeResponse.Json(FakeFieldAgentServer.PageJson(1_000 + index, [new FakeTask(FakeTask.TaskId(100 + index), Organization, $"Field {100 + index} — stand count flight")]))),

            // Not JSON, or not a response.
            Always("plain text", unavailable, "Service temporarily unavailable"),
            new("an HTML error page with 200", unavailable, _ => Html(200)),
            new("an HTML error page with 502", unavailable, _ => Html(502)),
            new("an HTML error page with 404", BadResponseOutcome.Rejected, _ => Html(404)),
            Always("an empty body", unavailable, string.Empty),
            Always("the body cut in half", unavailable, ValidPage[..(ValidPage.Length / 2)]),
            Always("garbage after the response", unavailable, ValidPage + "}{garbage"),
            Always("a JSON list", invalid, "[1,2,3]"),
            Always("a JSON string", invalid, "\"data\""),
            new("bytes that are not UTF-8", invalid, _ => new FakeResponse(200) { BodyBytes = Encoding.UTF8.GetBytes(ValidPage).Select((b, i) => i % 97 == 50 ? (byte)0xFF : b).ToArray() }),
            new("an unknown status whose bytes are not UTF-8", invalid, _ => new FakeResponse(200) { BodyBytes = NotUtf8(Set(Task0 + ".status", "OP@N"), "OP@N") }),
            Always("a lone surrogate escaped in a name", invalid, Set(Task0 + ".name", "@@SURROGATE@@").Replace("@@SURROGATE@@", "\\ud800", StringComparison.Ordinal)),
            new("gzip garbage", unavailable, _ => new FakeResponse(200) { BodyBytes = [0x1f, 0x8b, 0x08, 0x00, 0xde, 0xad, 0xbe, 0xef, 0x00, 0x01, 0x02, 0x03], Headers = new Dictionary<string, string> { ["Content-Encoding"] = "gzip" } }),
            new("valid gzip of an HTML page", unavailable, _ => new FakeResponse(200) { BodyBytes = Gzip("<html><body>Bad gateway</body></html>"), Headers = new Dictionary<string, string> { ["Content-Encoding"] = "gzip", ["Content-Type"] = "text/html" } }),
            Always("3 MB of whitespace", unavailable, new string(' ', 3 * 1024 * 1024)),
            Always("10 MB of whitespace: over the response limit", invalid, new string(' ', 10 * 1024 * 1024)),

            // Errors and statuses.
            Always("errors is a string", invalid, """{"data":null,"errors":"boom"}"""),
            Always("an empty errors list with null data", invalid, """{"data":null,"errors":[]}"""),
            Always("10,000 GraphQL errors", BadResponseOutcome.Rejected, "{\"data\":null,\"errors\":[" + string.Join(',', Enumerable.Repeat("{\"message\":\"no\"}", 10_000)) + "]}"),
            Always("partial data with an error", BadResponseOutcome.Rejected, Set("errors", new JsonArray(new JsonObject { ["message"] = "partly failed" }))),
            new("401 on every request", BadResponseOutcome.Authentication, _ => FakeResponse.WithStatus(401, """{"errors":[{"message":"unauthenticated"}]}""")),
            new("403", BadResponseOutcome.Authentication, _ => FakeResponse.WithStatus(403)),
            new("200 with the GraphQL code UNAUTHENTICATED on every request", BadResponseOutcome.Authentication,
                _ => FakeResponse.Json("""{"data":null,"errors":[{"message":"Invalid token","extensions":{"code":"UNAUTHENTICATED"}}]}""")),
            new("200 with the GraphQL code FORBIDDEN", BadResponseOutcome.Authentication,
                _ => FakeResponse.Json("""{"data":null,"errors":[{"message":"Not allowed","extensions":{"code":"FORBIDDEN"}}]}""")),
            new("418", BadResponseOutcome.Rejected, _ => FakeResponse.WithStatus(418, "I'm a teapot")),
            new("429 asking for a 30-hour wait", unavailable, _ => FakeResponse.TooManyRequests(30 * 3600)),
            new("429 with a Retry-After that is not a time", unavailable, _ => new FakeResponse(429, "slow down") { Headers = new Dictionary<string, string> { ["Retry-After"] = "soon" } }),
            new("500 forever", unavailable, _ => FakeResponse.WithStatus(500)),

            // Entries in failed: recorded, not fatal.
            Once("1,000 failed entries with large details (recorded)", Set(Result + ".failed", new JsonArray([.. Enumerable.Range(0, 1_000).Select(i => (JsonNode)new JsonObject { ["key"] = "flight_task", ["message"] = $"entry {i}", ["details"] = new JsonObject { ["blob"] = new string('d', 1_000) } })]))) with { RecordedFailures = 1_000 },
            Always("a failed entry without its key", invalid, Set(Result + ".failed", new JsonArray(new JsonObject { ["message"] = "no key" }))),
        ];
    }

    private static BadResponse Always(string name, BadResponseOutcome expected, string body) => new(name, expected, _ => FakeResponse.Json(body));

    private static BadResponse Once(string name, string body) => new(name, BadResponseOutcome.Accepted, _ => FakeResponse.Json(body));

    /// <summary>The valid page with the value at <paramref name="path"/> (dots and [index]) replaced.</summary>
    private static string Set(string path, JsonNode? value) => Edit(path, (parent, key, index) =>
    {
        if (index is { } i)
        {
            parent.AsArray()[i] = value;
        }
        else
        {
            parent.AsObject()[key] = value;
        }
    });

    private static string Remove(string path) => Edit(path, (parent, key, _) => parent.AsObject().Remove(key));

    private static string Edit(string path, Action<JsonNode, string, int?> edit)
    {
        var root = JsonNode.Parse(ValidPage)!;
        var steps = path.Split('.');
        var node = root;
        for (var s = 0; s < steps.Length; s++)
        {
            var (key, index) = Step(steps[s]);
            var last = s == steps.Length - 1;
            if (last && index is null)
            {
                edit(node, key, null);
                break;
            }

            node = node[key]!;
            if (index is { } i)
            {
                if (last)
                {
                    edit(node, key, i);
                    break;
                }

                node = node[i]!;
            }
        }

        return root.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private static (string Key, int? Index) Step(string step)
    {
        var bracket = step.IndexOf('[', StringComparison.Ordinal);
        return bracket < 0 ? (step, null) : (step[..bracket], int.Parse(step[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The body with the '@' of <paramref name="marker"/> made a byte that is not UTF-8.</summary>
    private static byte[] NotUtf8(string body, string marker)
    {
        var at = body.IndexOf(marker, StringComparison.Ordinal) + marker.IndexOf('@', StringComparison.Ordinal);
        var bytes = Encoding.UTF8.GetBytes(body);
        var index = Encoding.UTF8.GetByteCount(body.AsSpan(0, at));
        bytes[index] = 0xAA;
        return bytes;
    }

    private static string Nest(int depth) => new string('[', depth) + new string(']', depth);

    private static string NestObjects(int depth) => string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);

    private static FakeResponse Html(int status) => new(status)
    {
        BodyBytes = Encoding.UTF8.GetBytes("<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1><p>The proxy server received an invalid response.</p></body></html>"),
        Headers = new Dictionary<string, string> { ["Content-Type"] = "text/html; charset=utf-8" },
    };

    private static byte[] Gzip(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return buffer.ToArray();
    }
}
