namespace FlightTaskSync.Client;

/// <summary>What one completed sync did.</summary>
public sealed class SyncReport
{
    /// <summary>Gets the scope that was synced.</summary>
    public required SyncScope Scope { get; init; }

    /// <summary>Gets how many pages were received and committed.</summary>
    public required int Pages { get; init; }

    /// <summary>Gets how many tasks were inserted or updated.</summary>
    public required int Upserted { get; init; }

    /// <summary>Gets how many tasks were deleted.</summary>
    public required int Deleted { get; init; }

    /// <summary>Gets how many tasks the store holds for the scope after the sync.</summary>
    public required int TasksHeld { get; init; }

    /// <summary>Gets how many page requests were retried (network errors, timeouts, 429, 5xx, one token refresh).</summary>
    public required int Retries { get; init; }

    /// <summary>Gets the entries of the pages' <c>failed</c> lists: problems the server reported without failing the sync.</summary>
    public required IReadOnlyList<SyncFailure> Failures { get; init; }

    /// <summary>Gets whether this was a full resync (from an empty hash set, removing what the server did not send).</summary>
    public bool IsFullResync { get; init; }

    /// <summary>
    /// Gets how many offline edits the server accepted in this sync (<see cref="IFlightTaskEditor"/>):
    /// sent and applied, or found applied after an earlier sync lost the answer. 0 when nothing was pending.
    /// </summary>
    public int Pushed { get; init; }

    /// <summary>
    /// Gets the offline edits the server refused in this sync. Each stays in
    /// <see cref="IFlightTaskEditor.ListPendingAsync"/> as <see cref="PendingEditState.Rejected"/> until the app discards it.
    /// </summary>
    public IReadOnlyList<PushRejection> PushRejections { get; init; } = [];

    /// <summary>
    /// Gets the offline edits of tasks the server changed after they were made, and what
    /// <see cref="FlightTaskSyncOptions.ConflictResolution"/> did with each (sent its own fields, or dropped it).
    /// </summary>
    public IReadOnlyList<PushConflict> Conflicts { get; init; } = [];

    /// <summary>Gets when the sync started.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>Gets how long the sync took, waiting for another sync of the same scope included.</summary>
    public required TimeSpan Duration { get; init; }

    /// <inheritdoc/>
    /// <returns>For example <c>ezpt0wj_OR_...: 1 page(s), 3 upserted, 0 deleted, 120 held, 0 failure(s), 0 retries, 4 pushed, 1 rejected, 1 conflict(s), 0.8 s</c>;
    /// the push's counts only when not zero.</returns>
    public override string ToString()
    {
        var push = (Pushed > 0 ? $"{Pushed} pushed, " : string.Empty) +
            (PushRejections.Count > 0 ? $"{PushRejections.Count} rejected, " : string.Empty) +
            (Conflicts.Count > 0 ? $"{Conflicts.Count} conflict(s), " : string.Empty);
        return $"{Scope}: {(IsFullResync ? "full resync, " : string.Empty)}{Pages} page(s), {Upserted} upserted, {Deleted} deleted, {TasksHeld} held, " +
            $"{Failures.Count} failure(s), {Retries} retries, {push}{Duration.TotalSeconds:0.0} s";
    }
}
