using System.Text;
using FlightTaskSync.Client.Sync.Push;
using FlightTaskSync.Client.Tests.TestDoubles;
using static FlightTaskSync.Client.Tests.Push.PushFixtures;

namespace FlightTaskSync.Client.Tests.Push;

/// <summary>Where one queued edit ends after a push met a bad answer.</summary>
internal enum EditEnd
{
    /// <summary>Applied: gone from the outbox.</summary>
    Applied,

    /// <summary>Surely not applied: pending again, sent with the next sync.</summary>
    Pending,

    /// <summary>May have been applied: left sending, for the next sync to look up before sending anything again.</summary>
    InDoubt,

    /// <summary>Refused by the server, with its reasons kept.</summary>
    Rejected,
}

/// <summary>
/// One entry of the mutation-response corpus: the answer the server gives to a push of the
/// mutation's two standard edits (see <see cref="MutationResponseCorpus"/>), and what the push
/// must make of it.
/// </summary>
/// <param name="Name">The mutation and what is wrong with its answer.</param>
/// <param name="Mutation">The mutation the two edits go out as.</param>
/// <param name="Answer">The response to each of the first <see cref="Requests"/> requests.</param>
/// <param name="Edits">Where edit 1 and edit 2 end.</param>
internal sealed record MutationResponseCase(string Name, PushCallKind Mutation, Func<FakeResponse> Answer, EditEnd[] Edits)
{
    /// <summary>Gets the exception the push ends with (the sync fails with it), or null when the call was answered.</summary>
    public Type? Throws { get; init; }

    /// <summary>Gets a part of the exception's message that tells the app what happened.</summary>
    public string? Says { get; init; }

    /// <summary>Gets how many requests the push sends: 1 unless the server said it did not run the call.</summary>
    public int Requests { get; init; } = 1;

    /// <summary>Gets, for a rejected edit, a part of the first error's text.</summary>
    public string? RejectedWith { get; init; }

    /// <summary>Gets, when set, the most characters a rejected edit's first error message may have.</summary>
    public int? MessageAtMost { get; init; }

    public override string ToString() => Name;
}

/// <summary>
/// Malformed, hostile and merely odd answers to the three mutations. Each push sends two edits:
/// <c>upsert_flight_tasks</c> a create (edit 1, "Replant check") and an update of task 1 (edit 2)
/// in one call; <c>begin_tasks</c> and <c>delete_tasks</c> tasks 1 and 2. The rules the entries
/// check: a call that may have been applied is never sent again blindly (a create whose answer is
/// unreadable stays in doubt); a call the server surely did not run stays pending, retried only
/// when the failure passes; a refusal keeps the server's reasons; what the contract allows
/// (unknown fields, a BOM, another content type, an empty error list) is read as usual.
/// </summary>
internal static class MutationResponseCorpus
{
    /// <summary>The most characters of an error message an edit may keep: a server's 1 MB message is cut, not stored and logged whole.</summary>
    public const int LongestErrorMessage = 4_000;

    /// <summary>The retries the corpus's SDK allows (the harness's setting): a passing failure is sent this many times more.</summary>
    public const int Retries = 3;

    private const string CreateName = "Replant check";

    private static readonly string Id1 = TaskId(1);
    private static readonly string Id2 = TaskId(2);
    private static readonly string Created = TaskId(9);

    public static IReadOnlyList<MutationResponseCase> All { get; } = Build();

    /// <summary>The right answer to both edits of each mutation.</summary>
    public static string GoodAnswer(PushCallKind mutation) => mutation switch
    {
        PushCallKind.Upsert => MutationAnswersJson.Upsert(MutationAnswersJson.Task(Created, "h9", CreateName) + "," + MutationAnswersJson.Task(Id1, "h1b", "North")),
        PushCallKind.Begin => MutationAnswersJson.Begin($"\"{Id1}\",\"{Id2}\""),
        _ => MutationAnswersJson.Deleted(Id1, Id2),
    };

    private static List<MutationResponseCase> Build()
    {
        var cases = new List<MutationResponseCase>();
        foreach (var mutation in new[] { PushCallKind.Upsert, PushCallKind.Begin, PushCallKind.Delete })
        {
            cases.AddRange(Common(mutation));
        }

        cases.AddRange(Upserts());
        cases.AddRange(Begins());
        cases.AddRange(Deletes());
        return cases;
    }

    /// <summary>What every mutation meets: broken bodies, statuses, GraphQL errors, tolerated oddities.</summary>
    private static IEnumerable<MutationResponseCase> Common(PushCallKind mutation)
    {
        var good = GoodAnswer(mutation);
        var field = Field(mutation);
        var hasCreates = mutation == PushCallKind.Upsert;
        var prefix = Prefix(mutation);

        MutationResponseCase Case(string name, Func<FakeResponse> answer, EditEnd end) => new(prefix + name, mutation, answer, [end, end]);

        // Unreadable after the server ran it: in doubt, never sent again.
        yield return Case("malformed JSON", () => FakeResponse.Json(good.Replace("\":", "\" ", StringComparison.Ordinal)), EditEnd.InDoubt) with { Throws = typeof(FlightTaskSyncUnavailableException), Says = "may have reached the server" };
        yield return Case("the body cut short", () => FakeResponse.Json(good[..(good.Length * 2 / 3)]), EditEnd.InDoubt) with { Throws = typeof(FlightTaskSyncUnavailableException), Says = "may have reached the server" };
        yield return Case("an empty body", () => FakeResponse.Json(string.Empty), EditEnd.InDoubt) with { Throws = typeof(FlightTaskSyncUnavailableException), Says = "may have reached the server" };
        yield return Case("an HTML error page with 200", () => Html(200), EditEnd.InDoubt) with { Throws = typeof(FlightTaskSyncUnavailableException), Says = "may have reached the server" };
        yield return Case("data null without errors", () => FakeResponse.Json("""{"data":null}"""), EditEnd.InDoubt) with { Throws = typeof(FlightTaskSyncUnavailableException), Says = "data is null" };
        yield return Case($"data without {field}", () => FakeResponse.Json("""{"data":{}}"""), mutation == PushCallKind.Delete ? EditEnd.Applied : EditEnd.InDoubt) with
        {
            // delete_tasks is a nullable list: absent reads as null, "nothing deleted now", which is what a delete of tasks already gone gets.
            Throws = mutation == PushCallKind.Delete ? null : typeof(FlightTaskSyncUnavailableException),
        };
        yield return Case($"data.{field} is a string", () => FakeResponse.Json("{\"data\":{\"" + field + "\":\"ok\"}}"), EditEnd.InDoubt) with { Throws = typeof(FlightTaskSyncUnavailableException), Says = "does not match the operation" };

        // Readable, as the contract allows.
        yield return Case("a byte order mark", () => new FakeResponse(200) { BodyBytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(good)] }, EditEnd.Applied);
        yield return Case("JSON sent as text/plain", () => new FakeResponse(200, good) { Headers = new Dictionary<string, string> { ["Content-Type"] = "text/plain" } }, EditEnd.Applied);
        yield return Case("an unknown extra field", () => FakeResponse.Json(good.Replace("{\"data\":{", "{\"data\":{\"audit\":{\"by\":[1,2]},", StringComparison.Ordinal)[..^1] + ",\"extensions\":{\"cost\":3}}"), EditEnd.Applied);

        // GraphQL errors without data.
        yield return Case("a request error, no data", () => FakeResponse.Json("""{"errors":[{"message":"Variable $x of type [ID!]! was provided invalid value","extensions":{"code":"BAD_USER_INPUT"}}]}"""), EditEnd.Pending) with { Throws = typeof(FlightTaskSyncRejectedException), Says = "BAD_USER_INPUT" };
        yield return Case("data null with a request error", () => FakeResponse.Json("""{"data":null,"errors":[{"message":"Parse error on \"}\""}]}"""), EditEnd.Pending) with { Throws = typeof(FlightTaskSyncRejectedException), Says = "Parse error" };
        yield return Case(
            "data null with an error raised while the field ran",
            () => FakeResponse.Json($$"""{"data":null,"errors":[{"message":"Internal server error","path":["{{field}}"]}]}"""),
            hasCreates ? EditEnd.InDoubt : EditEnd.Pending) with
        {
            // The field ran: a create may have been made before the error. An update, begin or delete may be sent again.
            Throws = hasCreates ? typeof(FlightTaskSyncUnavailableException) : typeof(FlightTaskSyncRejectedException),
            Says = hasCreates ? "may have reached the server" : "Internal server error",
        };
        yield return Case("an UNAUTHENTICATED error", () => FakeResponse.Json("""{"data":null,"errors":[{"message":"You must sign in","extensions":{"code":"UNAUTHENTICATED"}}]}"""), EditEnd.Pending) with
        {
            Throws = typeof(FlightTaskSyncAuthenticationException), Says = "sign in again", Requests = 2,
        };
        yield return Case("a FORBIDDEN error", () => FakeResponse.Json("{\"data\":null,\"errors\":[{\"message\":\"Not allowed\",\"path\":[\"" + field + "\"],\"extensions\":{\"code\":\"FORBIDDEN\"}}]}"), EditEnd.Pending) with
        {
            Throws = typeof(FlightTaskSyncAuthenticationException), Says = "rights",
        };
        yield return Case("errors is a string", () => FakeResponse.Json("""{"data":null,"errors":"boom"}"""), EditEnd.InDoubt) with { Throws = typeof(FlightTaskSyncUnavailableException) };

        // Statuses.
        yield return Case("HTTP 401 every time", () => FakeResponse.WithStatus(401, """{"errors":[{"message":"unauthenticated"}]}"""), EditEnd.Pending) with
        {
            Throws = typeof(FlightTaskSyncAuthenticationException), Says = "HTTP 401", Requests = 2,
        };
        yield return Case("HTTP 403", () => FakeResponse.WithStatus(403), EditEnd.Pending) with { Throws = typeof(FlightTaskSyncAuthenticationException), Says = "HTTP 403" };
        yield return Case("HTTP 400 with a GraphQL error", () => FakeResponse.WithStatus(400, """{"errors":[{"message":"query too complex"}]}"""), EditEnd.Pending) with { Throws = typeof(FlightTaskSyncRejectedException), Says = "query too complex" };
        yield return Case("HTTP 429 with Retry-After every time", () => FakeResponse.TooManyRequests(30), EditEnd.Pending) with
        {
            Throws = typeof(FlightTaskSyncUnavailableException), Says = "stay pending", Requests = Retries + 1,
        };
        yield return Case("HTTP 503 every time", () => FakeResponse.WithStatus(503), EditEnd.Pending) with
        {
            Throws = typeof(FlightTaskSyncUnavailableException), Says = "stay pending", Requests = Retries + 1,
        };

        // 500 and 502 may come after the application ran the call: a create is in doubt, the rest is retried.
        foreach (var (name, answer) in new (string, Func<FakeResponse>)[] { ("HTTP 500 every time", () => FakeResponse.WithStatus(500)), ("an HTML error page with 502", () => Html(502)) })
        {
            yield return Case(name, answer, hasCreates ? EditEnd.InDoubt : EditEnd.Pending) with
            {
                Throws = typeof(FlightTaskSyncUnavailableException),
                Says = hasCreates ? "may have reached the server" : "stay pending",
                Requests = hasCreates ? 1 : Retries + 1,
            };
        }
    }

    /// <summary><c>upsert_flight_tasks</c>: edit 1 creates "Replant check", edit 2 updates task 1.</summary>
    private static IEnumerable<MutationResponseCase> Upserts()
    {
        var created = MutationAnswersJson.Task(Created, "h9", CreateName);
        var updated = MutationAnswersJson.Task(Id1, "h1b", "North");
        const string Error = """{"__typename":"AttributeError","attribute":"notes","key":"too_long","message":"is too long","code":"TOO_LONG","reason":null}""";

        MutationResponseCase Case(string name, string body, EditEnd create, EditEnd update) => new("upsert: " + name, PushCallKind.Upsert, () => FakeResponse.Json(body), [create, update]);
        static string FailedUpdate(string attributes) => "{\"__typename\":\"UpsertError\",\"index\":1,\"item\":null,\"attributes\":[" + attributes + "]}";
        static string Answer(string succeeded, string failed) => "{\"data\":{\"upsert_flight_tasks\":{\"__typename\":\"UpsertResult\",\"succeeded\":" + succeeded + ",\"failed\":" + failed + "}}}";
        var unreadable = typeof(FlightTaskSyncUnavailableException);

        // Null lists: declared non-null, refused by the reader; a create in it may have been made.
        yield return Case("succeeded is null", Answer("null", "[]"), EditEnd.InDoubt, EditEnd.InDoubt) with { Throws = unreadable, Says = "non-null" };
        yield return Case("failed is null", Answer("[" + created + "," + updated + "]", "null"), EditEnd.InDoubt, EditEnd.InDoubt) with { Throws = unreadable, Says = "non-null" };

        // Entries that do not add up: never mapped to the wrong edit.
        yield return Case("a task not sent among the succeeded", MutationAnswersJson.Upsert(created + "," + updated + "," + MutationAnswersJson.Task(TaskId(7), "h7", "Someone else's")), EditEnd.InDoubt, EditEnd.Applied);
        yield return Case("a failure at an index not sent", MutationAnswersJson.Upsert(created + "," + updated, MutationAnswersJson.Failure(7, null, "name", "blank", "can't be blank")), EditEnd.Applied, EditEnd.Applied);
        yield return Case("a failure naming a task not sent", MutationAnswersJson.Upsert(created + "," + updated, MutationAnswersJson.Failure(null, TaskId(7), "name", "blank", "can't be blank")), EditEnd.Applied, EditEnd.Applied);
        yield return Case("the update both succeeded and failed", MutationAnswersJson.Upsert(created + "," + updated, MutationAnswersJson.Failure(1, Id1, "notes", "too_long", "is too long")), EditEnd.Applied, EditEnd.InDoubt);
        yield return Case("a created task's id given as a number", MutationAnswersJson.Upsert(created.Replace($"\"{Created}\"", "90210", StringComparison.Ordinal) + "," + updated), EditEnd.Applied, EditEnd.Applied);

        // Failures the server explains badly.
        yield return Case("a failed entry with no errors", MutationAnswersJson.Upsert(created, FailedUpdate(string.Empty)), EditEnd.Applied, EditEnd.Rejected) with { RejectedWith = "without giving a reason" };
        yield return Case("an error without its attribute", MutationAnswersJson.Upsert(created, FailedUpdate(Error.Replace("\"attribute\":\"notes\",", string.Empty, StringComparison.Ordinal))), EditEnd.Applied, EditEnd.Rejected) with { RejectedWith = "is too long" };
        yield return Case("an error without its key", MutationAnswersJson.Upsert(created, FailedUpdate(Error.Replace("\"key\":\"too_long\",", string.Empty, StringComparison.Ordinal))), EditEnd.InDoubt, EditEnd.InDoubt) with { Throws = unreadable };
        yield return Case("an error without its message", MutationAnswersJson.Upsert(created, FailedUpdate(Error.Replace("\"message\":\"is too long\",", string.Empty, StringComparison.Ordinal))), EditEnd.InDoubt, EditEnd.InDoubt) with { Throws = unreadable };
        yield return Case("an error's key is a number", MutationAnswersJson.Upsert(created, FailedUpdate(Error.Replace("\"too_long\"", "42", StringComparison.Ordinal))), EditEnd.InDoubt, EditEnd.InDoubt) with { Throws = unreadable };
        yield return Case("an error's message is an object", MutationAnswersJson.Upsert(created, FailedUpdate(Error.Replace("\"is too long\"", "{\"en\":\"is too long\"}", StringComparison.Ordinal))), EditEnd.InDoubt, EditEnd.InDoubt) with { Throws = unreadable };
        yield return Case("an error's attribute is a list", MutationAnswersJson.Upsert(created, FailedUpdate(Error.Replace("\"notes\"", "[\"notes\"]", StringComparison.Ordinal))), EditEnd.InDoubt, EditEnd.InDoubt) with { Throws = unreadable };
        yield return Case("a failure's index is a string", MutationAnswersJson.Upsert(created, FailedUpdate(Error).Replace("\"index\":1", "\"index\":\"1\"", StringComparison.Ordinal)), EditEnd.InDoubt, EditEnd.InDoubt) with { Throws = unreadable };
        yield return Case("a 1 MB error message", MutationAnswersJson.Upsert(created, FailedUpdate(Error.Replace("is too long", new string('x', 1024 * 1024), StringComparison.Ordinal))), EditEnd.Applied, EditEnd.Rejected) with
        {
            RejectedWith = "xxxx", MessageAtMost = LongestErrorMessage,
        };

        // Numbers where strings are expected.
        yield return Case("a content_hash that is a number", MutationAnswersJson.Upsert(created + "," + updated.Replace("\"h1b\"", "12345", StringComparison.Ordinal)), EditEnd.InDoubt, EditEnd.InDoubt) with { Throws = unreadable };
        yield return Case("a created task's name that is a number", MutationAnswersJson.Upsert(created.Replace($"\"{CreateName}\"", "7", StringComparison.Ordinal) + "," + updated), EditEnd.InDoubt, EditEnd.InDoubt) with { Throws = unreadable };
    }

    /// <summary><c>begin_tasks</c> of tasks 1 and 2.</summary>
    private static IEnumerable<MutationResponseCase> Begins()
    {
        const string Error = """{"__typename":"AttributeError","attribute":"sentera_id","key":"not_found","message":"does not exist","code":"NOT_FOUND","details":null}""";

        MutationResponseCase Case(string name, string body, EditEnd first, EditEnd second) => new("begin: " + name, PushCallKind.Begin, () => FakeResponse.Json(body), [first, second]);
        static string Failed(string index, string errors) => "{\"__typename\":\"BulkUpdateError\",\"index\":" + index + ",\"errors\":[" + errors + "]}";
        static string Answer(string succeeded, string failed) => "{\"data\":{\"begin_tasks\":{\"__typename\":\"BulkUpdateResult\",\"succeeded\":" + succeeded + ",\"failed\":" + failed + "}}}";
        var unreadable = typeof(FlightTaskSyncUnavailableException);
        var one = $"\"{Id1}\"";

        yield return Case("succeeded is null", Answer("null", "[]"), EditEnd.InDoubt, EditEnd.InDoubt) with { Throws = unreadable, Says = "non-null" };
        yield return Case("failed is null", Answer($"[{one},\"{Id2}\"]", "null"), EditEnd.InDoubt, EditEnd.InDoubt) with { Throws = unreadable, Says = "non-null" };
        yield return Case("an id not sent among the succeeded", MutationAnswersJson.Begin($"{one},\"{TaskId(7)}\""), EditEnd.Applied, EditEnd.InDoubt);
        yield return Case("a failure at an index not sent", MutationAnswersJson.Begin($"{one},\"{Id2}\"", Failed("5", Error)), EditEnd.Applied, EditEnd.Applied);
        yield return Case("a negative failure index", MutationAnswersJson.Begin(one, Failed("-1", Error)), EditEnd.Applied, EditEnd.InDoubt);
        yield return Case("an id both succeeded and failed", MutationAnswersJson.Begin($"{one},\"{Id2}\"", Failed("1", Error)), EditEnd.Applied, EditEnd.InDoubt);
        yield return Case("ids given as numbers", MutationAnswersJson.Begin("1,2"), EditEnd.InDoubt, EditEnd.InDoubt);
        yield return Case("a failed entry with no errors", MutationAnswersJson.Begin(one, Failed("1", string.Empty)), EditEnd.Applied, EditEnd.Rejected) with { RejectedWith = "without giving a reason" };
        yield return Case("a failure without its index", MutationAnswersJson.Begin(one, Failed("1", Error).Replace("\"index\":1,", string.Empty, StringComparison.Ordinal)), EditEnd.InDoubt, EditEnd.InDoubt) with { Throws = unreadable };
        yield return Case("an error without its attribute", MutationAnswersJson.Begin(one, Failed("1", Error.Replace("\"attribute\":\"sentera_id\",", string.Empty, StringComparison.Ordinal))), EditEnd.Applied, EditEnd.Rejected) with { RejectedWith = "does not exist" };
        yield return Case("an error without its message", MutationAnswersJson.Begin(one, Failed("1", Error.Replace("\"message\":\"does not exist\",", string.Empty, StringComparison.Ordinal))), EditEnd.InDoubt, EditEnd.InDoubt) with { Throws = unreadable };
        yield return Case("an error's key is a boolean", MutationAnswersJson.Begin(one, Failed("1", Error.Replace("\"not_found\"", "true", StringComparison.Ordinal))), EditEnd.InDoubt, EditEnd.InDoubt) with { Throws = unreadable };
        yield return Case("details of an unknown shape", MutationAnswersJson.Begin(one, Failed("1", Error.Replace("\"details\":null", "\"details\":[1,{\"status\":3}]", StringComparison.Ordinal))), EditEnd.Applied, EditEnd.Rejected) with { RejectedWith = "does not exist" };
        yield return Case("a 1 MB error message", MutationAnswersJson.Begin(one, Failed("1", Error.Replace("does not exist", new string('y', 1024 * 1024), StringComparison.Ordinal))), EditEnd.Applied, EditEnd.Rejected) with
        {
            RejectedWith = "yyyy", MessageAtMost = LongestErrorMessage,
        };
    }

    /// <summary><c>delete_tasks</c> of tasks 1 and 2: whatever comes back, an answered delete is applied (a task not returned was gone already).</summary>
    private static IEnumerable<MutationResponseCase> Deletes()
    {
        MutationResponseCase Case(string name, string body, EditEnd end) => new("delete: " + name, PushCallKind.Delete, () => FakeResponse.Json(body), [end, end]);

        yield return Case("the list is null", """{"data":{"delete_tasks":null}}""", EditEnd.Applied);
        yield return Case("the list is empty", """{"data":{"delete_tasks":[]}}""", EditEnd.Applied);
        yield return Case("tasks not sent among the deleted", MutationAnswersJson.Deleted(Id1, TaskId(7), TaskId(8)), EditEnd.Applied);
        yield return Case("ids given as numbers", """{"data":{"delete_tasks":[{"sentera_id":1,"name":"Scout"}]}}""", EditEnd.Applied);
        yield return Case("the list null with an error", """{"data":{"delete_tasks":null},"errors":[{"message":"boom","path":["delete_tasks"]}]}""", EditEnd.InDoubt);
        yield return Case("a deleted task that is null", """{"data":{"delete_tasks":[null]}}""", EditEnd.InDoubt) with { Throws = typeof(FlightTaskSyncUnavailableException) };
        yield return Case("a deleted task's name is a number", """{"data":{"delete_tasks":[{"sentera_id":"x","name":5}]}}""", EditEnd.InDoubt) with { Throws = typeof(FlightTaskSyncUnavailableException) };
        yield return Case("the list is an object", """{"data":{"delete_tasks":{"sentera_id":"x"}}}""", EditEnd.InDoubt) with { Throws = typeof(FlightTaskSyncUnavailableException) };
    }

    private static string Prefix(PushCallKind mutation) => mutation switch
    {
        PushCallKind.Upsert => "upsert: ",
        PushCallKind.Begin => "begin: ",
        _ => "delete: ",
    };

    private static string Field(PushCallKind mutation) => mutation switch
    {
        PushCallKind.Upsert => "upsert_flight_tasks",
        PushCallKind.Begin => "begin_tasks",
        _ => "delete_tasks",
    };

    private static FakeResponse Html(int status) => new(status)
    {
        BodyBytes = Encoding.UTF8.GetBytes("<!DOCTYPE html><html><head><title>Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>"),
        Headers = new Dictionary<string, string> { ["Content-Type"] = "text/html; charset=utf-8" },
    };
}
