using Microsoft.Extensions.Logging;

namespace FlightTaskSync.Client.Background;

/// <summary>The background sync's log messages, with fixed event ids.</summary>
internal static partial class BackgroundSyncLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Background sync started for {ScopeCount} scope(s), every {Interval}")]
    public static partial void Started(ILogger logger, int scopeCount, TimeSpan interval);

    // Without the exception: the sync logged it once already (event 1005).
    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Background sync of {Scope} failed ({ErrorType}); round {FailedRounds} in a row with a failure")]
    public static partial void ScopeFailed(ILogger logger, SyncScope scope, string errorType, int failedRounds);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Debug, Message = "Background sync: next round in {Delay}")]
    public static partial void NextRound(ILogger logger, TimeSpan delay);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Information, Message = "Background sync stopped")]
    public static partial void Stopped(ILogger logger);
}
