using Microsoft.Extensions.Logging;

namespace FlightTaskSync.Client.Storage;

/// <summary>The store's log messages, with fixed event ids.</summary>
internal static partial class StoreLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Error, Message = "A handler of IFlightTaskStore.Changed for {Scope} threw; the change itself is committed")]
    public static partial void ChangedHandlerFailed(ILogger logger, SyncScope scope, Exception exception);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Debug, Message = "First sync of {Scope} into an empty store: the list indexes are built once, after its last page")]
    public static partial void IndexesDeferred(ILogger logger, SyncScope scope);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Debug, Message = "Sync of {Scope}: indexing (building the list indexes)")]
    public static partial void Indexing(ILogger logger, SyncScope scope);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Debug, Message = "Sync of {Scope}: the list indexes were built in {Duration}")]
    public static partial void Indexed(ILogger logger, SyncScope scope, TimeSpan duration);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Debug, Message = "A checkpoint beside the sync's page writes failed; SQLite's own checkpoint copies the WAL later")]
    public static partial void CheckpointFailed(ILogger logger, Exception exception);
}
