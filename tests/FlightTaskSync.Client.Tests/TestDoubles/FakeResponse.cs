using WireMock.ResponseBuilders;

namespace FlightTaskSync.Client.Tests.TestDoubles;

/// <summary>A scripted answer of <see cref="FakeFieldAgentServer"/> to one request, in place of the page it would send.</summary>
internal sealed record FakeResponse(int Status, string? Body = null)
{
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public FaultType Fault { get; init; } = FaultType.NONE;

    public TimeSpan Delay { get; init; }

    /// <summary>Gets raw bytes to send as the body in place of <see cref="Body"/> (not UTF-8 text, compressed data, ...).</summary>
    public byte[]? BodyBytes { get; init; }

    public static FakeResponse WithStatus(int status, string? body = null) => new(status, body);

    public static FakeResponse TooManyRequests(int retryAfterSeconds) =>
        new(429, """{"errors":[{"message":"rate limited"}]}""") { Headers = new Dictionary<string, string> { ["Retry-After"] = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) } };

    public static FakeResponse DroppedConnection() => new(200) { Fault = FaultType.EMPTY_RESPONSE };

    public static FakeResponse Json(string body) => new(200, body);
}
