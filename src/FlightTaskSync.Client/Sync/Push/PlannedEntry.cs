namespace FlightTaskSync.Client.Sync.Push;

/// <summary>
/// One entry of a planned call: a run of one task's edits folded into what is sent for them
/// (an upsert entry, a begin id, a delete id). Its outcome is the outcome of every edit in it.
/// </summary>
internal sealed class PlannedEntry
{
    /// <summary>Gets the task's id: a sentera id, or for a create (and for edits after it, until the create is applied) the local id.</summary>
    public required string TaskId { get; init; }

    /// <summary>Gets what is sent: a create, an update, a begin or a delete.</summary>
    public required PendingEditKind Kind { get; init; }

    /// <summary>Gets the edits folded into the entry, in the order they were made.</summary>
    public required IReadOnlyList<long> EditIds { get; init; }

    /// <summary>Gets, for a create, the task to create with the updates made before any begin merged in.</summary>
    public NewFlightTask? NewTask { get; init; }

    /// <summary>Gets, for an update, the merged changes (later values win).</summary>
    public FlightTaskChanges? Changes { get; init; }

    /// <summary>Gets the same entry for another task id (a local id replaced by the server's).</summary>
    public PlannedEntry WithTaskId(string taskId) => new()
    {
        TaskId = taskId,
        Kind = Kind,
        EditIds = EditIds,
        NewTask = NewTask,
        Changes = Changes,
    };

    /// <summary>Gives the call kind that sends this entry.</summary>
    public PushCallKind CallKind => Kind switch
    {
        PendingEditKind.Create or PendingEditKind.Update => PushCallKind.Upsert,
        PendingEditKind.Begin => PushCallKind.Begin,
        PendingEditKind.Delete => PushCallKind.Delete,
        _ => throw new InvalidOperationException($"No call sends a {Kind}."),
    };

    /// <inheritdoc/>
    public override string ToString() => $"{Kind} of {TaskId} (edits {string.Join(", ", EditIds)})";
}
