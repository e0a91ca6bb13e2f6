namespace FlightTaskSync.Client;

/// <summary>What a running sync is doing, as <see cref="SyncProgress.Phase"/> tells it.</summary>
public enum SyncPhase
{
    /// <summary>Bringing the server's changes into the offline copy, page by page.</summary>
    Pulling = 0,

    /// <summary>Sending the offline edits (<see cref="IFlightTaskEditor"/>) to the server, between two pulls.</summary>
    Pushing = 1,
}
