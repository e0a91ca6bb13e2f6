namespace FlightTaskSync.Client;

/// <summary>What a push did with an edit in conflict (<see cref="PushConflict.Decision"/>).</summary>
public enum ConflictDecision
{
    /// <summary>The edit was sent (with <see cref="ConflictResolution.MergeFields"/>, only the properties it changed).</summary>
    Sent = 0,

    /// <summary>The edit was dropped and never sent: removed from the pending edits, the server's version stands.</summary>
    Dropped = 1,
}
