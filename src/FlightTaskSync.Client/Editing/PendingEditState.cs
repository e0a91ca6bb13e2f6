namespace FlightTaskSync.Client;

/// <summary>Where an offline edit stands. The values are stable: they are stored with each edit.</summary>
public enum PendingEditState
{
    /// <summary>Waiting to be pushed: the next sync sends it (an edit being sent, or whose answer was lost, is also pending).</summary>
    Pending = 0,

    /// <summary>
    /// The server refused it (<see cref="PendingEdit.Errors"/> says why). It no longer changes the
    /// local task and is never sent again; it stays listed until the app discards it.
    /// </summary>
    Rejected = 1,
}
