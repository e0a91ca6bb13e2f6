namespace FlightTaskSync.Client;

/// <summary>
/// What a push does with an offline edit of a task that the server changed after the edit was
/// made (the task's content hash moved on). Either way the conflict is listed in the sync's report.
/// </summary>
public enum ConflictResolution
{
    /// <summary>
    /// The edit is sent, and only the properties it changed, so the server keeps every other change
    /// made meanwhile; where both changed the same property, the edit's value wins. A delete is sent
    /// (the task goes, with what was changed meanwhile). A begin of a task that is no longer open is
    /// not sent. The default.
    /// </summary>
    MergeFields = 0,

    /// <summary>The edit is dropped and never sent: the server's version stands.</summary>
    ServerWins = 1,
}
