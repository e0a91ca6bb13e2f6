namespace FlightTaskSync.Client;

/// <summary>
/// What one committed change of the store did to a scope: a page of a sync, a reset, an offline
/// edit or discard, or a push's record of what the server made of edits. Raised
/// by <see cref="IFlightTaskStore.Changed"/> after the commit, so a read in the handler already
/// sees the change.
/// </summary>
public sealed class FlightTasksChangedEventArgs : EventArgs
{
    private static readonly IReadOnlyDictionary<string, string> EmptyReplacedIds = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Initializes a new instance.</summary>
    /// <param name="scope">The scope that changed.</param>
    /// <param name="upsertedIds">The ids of the tasks inserted or updated.</param>
    /// <param name="deletedIds">The ids of the tasks removed.</param>
    /// <param name="isReset">Whether the scope was reset (every task removed; the ids are then not listed).</param>
    public FlightTasksChangedEventArgs(SyncScope scope, IReadOnlyList<string> upsertedIds, IReadOnlyList<string> deletedIds, bool isReset)
        : this(scope, upsertedIds, deletedIds, isReset, replacedIds: null)
    {
    }

    /// <summary>Initializes a new instance that also says which local ids were replaced by sentera ids.</summary>
    /// <param name="scope">The scope that changed.</param>
    /// <param name="upsertedIds">The ids of the tasks inserted or updated.</param>
    /// <param name="deletedIds">The ids of the tasks removed.</param>
    /// <param name="isReset">Whether the scope was reset (every task removed; the ids are then not listed).</param>
    /// <param name="replacedIds">Local id → sentera id of each task created offline that the server accepted; <see langword="null"/> for none.</param>
    public FlightTasksChangedEventArgs(
        SyncScope scope, IReadOnlyList<string> upsertedIds, IReadOnlyList<string> deletedIds, bool isReset, IReadOnlyDictionary<string, string>? replacedIds)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(upsertedIds);
        ArgumentNullException.ThrowIfNull(deletedIds);
        Scope = scope;
        UpsertedIds = upsertedIds;
        DeletedIds = deletedIds;
        IsReset = isReset;
        ReplacedIds = replacedIds ?? EmptyReplacedIds;
    }

    /// <summary>Gets the scope that changed.</summary>
    public SyncScope Scope { get; }

    /// <summary>
    /// Gets the ids of the tasks inserted or updated, in the order the server sent them; for an
    /// offline edit, the edited task (read it to see it as it now shows).
    /// </summary>
    public IReadOnlyList<string> UpsertedIds { get; }

    /// <summary>Gets the ids of the tasks removed (only those the scope held), including a task an offline delete hides.</summary>
    public IReadOnlyList<string> DeletedIds { get; }

    /// <summary>Gets whether the change was <see cref="IFlightTaskStore.ResetAsync"/>: the scope now holds nothing.</summary>
    public bool IsReset { get; }

    /// <summary>
    /// Gets, for each task created offline that a push got the server to create, its local id
    /// (<c>local-...</c>, the key) and the sentera id that replaced it (the value). The task is
    /// then read with the sentera id only (it is also in <see cref="UpsertedIds"/>, and the local id
    /// in <see cref="DeletedIds"/>). Empty for every other change.
    /// </summary>
    public IReadOnlyDictionary<string, string> ReplacedIds { get; }
}
