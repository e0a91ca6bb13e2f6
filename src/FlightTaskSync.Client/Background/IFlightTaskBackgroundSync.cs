namespace FlightTaskSync.Client;

/// <summary>
/// The background sync registered by <c>AddFlightTaskSyncBackgroundService</c>: it syncs the
/// configured scopes on an interval while the host runs, and sooner on request (for example when
/// the device's connection comes back). Requests made while a round runs, or in a burst, are
/// coalesced into one round. Every member is thread-safe and returns at once.
/// Each sync of a round is a full <see cref="IFlightTaskSyncClient.SyncAsync"/>: it also pushes the
/// offline edits made since the last one (<see cref="IFlightTaskEditor"/>). To send an edit without
/// waiting for the interval, call <see cref="RequestSync(SyncScope)"/> after making it. A round whose
/// push fails backs off like any failed round, and the edits go with the next.
/// </summary>
public interface IFlightTaskBackgroundSync
{
    /// <summary>Asks for a round of every configured scope as soon as possible.</summary>
    void RequestSync();

    /// <summary>Asks for a sync of one scope as soon as possible (it need not be a configured one).</summary>
    /// <param name="scope">The scope to sync.</param>
    void RequestSync(SyncScope scope);

    /// <summary>Gets when the next round is due by the clock while the service waits (null while a round runs or when stopped); requests may bring it forward.</summary>
    DateTimeOffset? NextRoundAt { get; }
}
