using WireMock.ResponseBuilders;

namespace FlightTaskSync.Client.Tests.TestDoubles;

/// <summary>A scripted answer of <see cref="FakeFieldAgentServer"/> to one request, in place of the page it would send.</summary>
internal sealed record FakeResponse(int Status, string? Body = null)
{
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public FaultType Fault { get; init; } = FaultType.NONE;

    /// <summary>
    /// Gets a task the response waits for before it is sent (or the server's end, whichever comes
    /// first): keeps a request in flight for as long as a test needs, with no timing involved.
    /// </summary>
    public Task? Hold { get; init; }

    /// <summary>A response that never comes while the server runs: the request stays in flight until the client gives up on it.</summary>
    public static FakeResponse Never() => new(200, "{}") { Hold = new TaskCompletionSource().Task };

    /// <summary>Gets raw bytes to send as the body in place of <see cref="Body"/> (not UTF-8 text, compressed data, ...).</summary>
    public byte[]? BodyBytes { get; init; }

    public static FakeResponse WithStatus(int status, string? body = null) => new(status, body);

    public static FakeResponse TooManyRequests(int retryAfterSeconds) =>
        new(429, """{"errors":[{"message":"rate limited"}]}""") { Headers = new Dictionary<string, string> { ["Retry-After"] = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) } };

    public static FakeResponse DroppedConnection() => new(200) { Fault = FaultType.EMPTY_RESPONSE };

    public static FakeResponse Json(string body) => new(200, body);
}
