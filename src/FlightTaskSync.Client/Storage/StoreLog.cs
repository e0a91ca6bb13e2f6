using Microsoft.Extensions.Logging;

namespace FlightTaskSync.Client.Storage;

/// <summary>The store's log messages, with fixed event ids.</summary>
internal static partial class StoreLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Error, Message = "A handler of IFlightTaskStore.Changed for {Scope} threw; the change itself is committed")]
    public static partial void ChangedHandlerFailed(ILogger logger, SyncScope scope, Exception exception);
}
