using FlightTaskSync.Client.Storage;
using Microsoft.Data.Sqlite;

namespace FlightTaskSync.Client.Sync;

/// <summary>Tells what a sync that threw an exception failed with: what the caller gets, and what its status records.</summary>
internal static class SyncFailures
{
    /// <summary>
    /// The library's own exception as it is; a lost claim as the reset or the replaced file it
    /// means; a failure of the database as <see cref="FlightTaskStoreException"/>; anything else
    /// wrapped in <see cref="FlightTaskSyncException"/>. <see langword="null"/> for a cancellation,
    /// the caller's or the client's disposal, which is no failure.
    /// </summary>
    public static FlightTaskSyncException? Of(SyncRun run, Exception exception)
    {
        var running = run.Running;
        if (exception is OperationCanceledException && running.CallerToken.IsCancellationRequested)
        {
            return null;
        }

        if (exception is ScopeClaimLostException { FileReplaced: true } replaced)
        {
            return new FlightTaskStoreException(
                $"{replaced.Message.TrimEnd('.')}: what the sync wrote went with the old file, and nothing of it is kept. " +
                "Sync again: the next call uses the file now at DatabasePath.",
                exception);
        }

        if (exception is ScopeClaimLostException || running.StoppedBy == SyncStopReason.ScopeReset)
        {
            return new FlightTaskSyncException(
                $"The sync of {run.Scope} was stopped: the scope was reset (IFlightTaskStore.ResetAsync) while it ran. " +
                "Nothing it brought after the reset was kept; the scope holds nothing until it is synced again.",
                exception);
        }

        if (running.StoppedBy == SyncStopReason.Disposed)
        {
            return null;
        }

        return exception switch
        {
            FlightTaskSyncException failure => failure,
            SqliteException or IOException or UnauthorizedAccessException => new FlightTaskStoreException(
                $"The sync of {run.Scope} failed in the offline store at page {run.Pages + 1}: {exception.Message.TrimEnd('.')}. " +
                "Committed pages are kept; check that the database folder is writable and the disk is not full.",
                exception),
            _ => new FlightTaskSyncException(
                $"The sync of {run.Scope} failed unexpectedly at page {run.Pages + 1} ({exception.GetType().Name}: {exception.Message.TrimEnd('.')}). " +
                "Committed pages are kept. If the exception came from the app's own code (a progress handler), fix it there; otherwise report it with this message.",
                exception),
        };
    }
}
