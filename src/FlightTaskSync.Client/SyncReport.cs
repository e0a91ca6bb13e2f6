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

    /// <summary>Gets when the sync started.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>Gets how long the sync took, waiting for another sync of the same scope included.</summary>
    public required TimeSpan Duration { get; init; }

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Scope}: {(IsFullResync ? "full resync, " : string.Empty)}{Pages} page(s), {Upserted} upserted, {Deleted} deleted, {TasksHeld} held, " +
        $"{Failures.Count} failure(s), {Retries} retries, {Duration.TotalSeconds:0.0} s";
}
