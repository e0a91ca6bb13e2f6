using Microsoft.Extensions.Logging;

namespace FlightTaskSync.Emulator.Http;

/// <summary>The emulator's log messages. Tokens and payloads are never logged.</summary>
internal static partial class EmulatorLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "FieldAgent emulator listening on {Endpoint}")]
    public static partial void Listening(ILogger logger, Uri endpoint);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Request {Number}: injecting {Fault}")]
    public static partial void FaultInjected(ILogger logger, int number, EmulatorFault fault);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Request {Number}: rejected with {StatusCode} ({Reason})")]
    public static partial void Rejected(ILogger logger, int number, int statusCode, string reason);

    [LoggerMessage(EventId = 4, Level = LogLevel.Debug, Message = "Request {Number}: answered {StatusCode} with {Bytes} bytes")]
    public static partial void Answered(ILogger logger, int number, int statusCode, int bytes);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Request {Number}: the OnRequest callback threw")]
    public static partial void OnRequestFailed(ILogger logger, int number, Exception exception);

    [LoggerMessage(EventId = 6, Level = LogLevel.Error, Message = "Request {Number}: a resolver threw")]
    public static partial void ResolverFailed(ILogger logger, int number, Exception exception);
}
