namespace FlightTaskSync.Client;

/// <summary>
/// What one committed change of the store did to a scope: a page of a sync, or a reset. Raised
/// by <see cref="IFlightTaskStore.Changed"/> after the commit, so a read in the handler already
/// sees the change.
/// </summary>
public sealed class FlightTasksChangedEventArgs : EventArgs
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="scope">The scope that changed.</param>
    /// <param name="upsertedIds">The ids of the tasks inserted or updated.</param>
    /// <param name="deletedIds">The ids of the tasks removed.</param>
    /// <param name="isReset">Whether the scope was reset (every task removed; the ids are then not listed).</param>
    public FlightTasksChangedEventArgs(SyncScope scope, IReadOnlyList<string> upsertedIds, IReadOnlyList<string> deletedIds, bool isReset)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(upsertedIds);
        ArgumentNullException.ThrowIfNull(deletedIds);
        Scope = scope;
        UpsertedIds = upsertedIds;
        DeletedIds = deletedIds;
        IsReset = isReset;
    }

    /// <summary>Gets the scope that changed.</summary>
    public SyncScope Scope { get; }

    /// <summary>Gets the ids of the tasks inserted or updated, in the order the server sent them.</summary>
    public IReadOnlyList<string> UpsertedIds { get; }

    /// <summary>Gets the ids of the tasks removed (only those the scope held).</summary>
    public IReadOnlyList<string> DeletedIds { get; }

    /// <summary>Gets whether the change was <see cref="IFlightTaskStore.ResetAsync"/>: the scope now holds nothing.</summary>
    public bool IsReset { get; }
}
