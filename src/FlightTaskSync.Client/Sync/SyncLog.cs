using Microsoft.Extensions.Logging;

namespace FlightTaskSync.Client.Sync;

/// <summary>
/// The sync engine's log messages, with fixed event ids a field engineer can filter on.
/// They carry scopes, counts and failure descriptions; never tokens or task payloads.
/// </summary>
internal static partial class SyncLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Sync of {Scope} started with {TasksHeld} task(s) held")]
    public static partial void SyncStarted(ILogger logger, SyncScope scope, int tasksHeld);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Debug, Message = "Sync of {Scope}: page {PageNumber} committed ({Upserted} upserted, {Deleted} deleted, {Failures} failure(s)), {RemainingCount} remaining")]
    public static partial void PageCommitted(ILogger logger, SyncScope scope, int pageNumber, int upserted, int deleted, int failures, int remainingCount);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Sync of {Scope} completed: {Pages} page(s), {Upserted} upserted, {Deleted} deleted, {TasksHeld} held, {Retries} retries in {Duration}")]
    public static partial void SyncCompleted(ILogger logger, SyncScope scope, int pages, int upserted, int deleted, int tasksHeld, int retries, TimeSpan duration);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "Sync of {Scope}: page {PageNumber} attempt {Attempt} failed ({Reason}); retrying in {Delay}")]
    public static partial void RetryingPage(ILogger logger, SyncScope scope, int pageNumber, int attempt, TimeSpan delay, string reason);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Error, Message = "Sync of {Scope} failed")]
    public static partial void SyncFailed(ILogger logger, SyncScope scope, Exception exception);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Information, Message = "Sync of {Scope} was canceled at page {PageNumber}; committed pages are kept")]
    public static partial void SyncCanceled(ILogger logger, SyncScope scope, int pageNumber);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Information, Message = "Sync of {Scope} is waiting for another process's sync of the same scope to end")]
    public static partial void WaitingForOtherProcess(ILogger logger, SyncScope scope);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Warning, Message = "Sync of {Scope}: page {PageNumber} reported {Count} failure(s), the first: {FirstFailure}")]
    public static partial void PageReportedFailures(ILogger logger, SyncScope scope, int pageNumber, int count, SyncFailure firstFailure);

    [LoggerMessage(EventId = 1009, Level = LogLevel.Warning, Message = "The sync status of {Scope} could not be saved")]
    public static partial void StatusNotSaved(ILogger logger, SyncScope scope, Exception exception);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Error, Message = "A handler of IFlightTaskSyncClient.StatusChanged for {Scope} threw; the sync is not affected")]
    public static partial void StatusHandlerFailed(ILogger logger, SyncScope scope, Exception exception);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Information, Message = "Full resync of {Scope} removed {Removed} task(s) the server no longer has")]
    public static partial void FullResyncRemoved(ILogger logger, SyncScope scope, int removed);
}
