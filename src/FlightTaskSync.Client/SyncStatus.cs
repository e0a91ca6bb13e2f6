namespace FlightTaskSync.Client;

/// <summary>
/// A scope's sync status at a glance, kept in the database so that it survives a restart: what
/// a status bar or a "last synced" label shows. Error details never carry a token.
/// </summary>
public sealed record SyncStatus
{
    /// <summary>Gets the scope.</summary>
    public required SyncScope Scope { get; init; }

    /// <summary>Gets where the scope's syncing stands.</summary>
    public required SyncState State { get; init; }

    /// <summary>Gets how many tasks the store holds for the scope (during a sync: as far as it has come).</summary>
    public int TasksHeld { get; init; }

    /// <summary>Gets when the last sync started.</summary>
    public DateTimeOffset? LastStartedAt { get; init; }

    /// <summary>Gets when the last successful sync ended: how fresh the offline copy is.</summary>
    public DateTimeOffset? LastSucceededAt { get; init; }

    /// <summary>Gets when a sync last failed.</summary>
    public DateTimeOffset? LastFailedAt { get; init; }

    /// <summary>Gets the kind of the last failure, while <see cref="State"/> is <see cref="SyncState.Failed"/>; otherwise <see cref="SyncErrorKind.None"/>.</summary>
    public SyncErrorKind LastErrorKind { get; init; }

    /// <summary>Gets the message of the last failure, while <see cref="State"/> is <see cref="SyncState.Failed"/>.</summary>
    public string? LastErrorMessage { get; init; }

    /// <summary>Gets when the last full resync (from an empty hash set) ended.</summary>
    public DateTimeOffset? LastFullResyncAt { get; init; }

    /// <summary>
    /// Gets which retry of the current page is waited for (1 for the first), while <see cref="State"/>
    /// is <see cref="SyncState.Retrying"/>; otherwise 0.
    /// </summary>
    public int RetryAttempt { get; init; }

    /// <summary>Gets when the page is tried again, while <see cref="State"/> is <see cref="SyncState.Retrying"/>; otherwise <see langword="null"/>.</summary>
    public DateTimeOffset? NextAttemptAt { get; init; }

    /// <inheritdoc/>
    public override string ToString()
    {
        var held = $"{TasksHeld} task(s) held";
        var synced = LastSucceededAt is { } succeeded ? $"last synced {succeeded:u}" : "never synced to the end";
        return State switch
        {
            SyncState.NeverSynced when TasksHeld == 0 => $"{Scope}: never synced",
            SyncState.NeverSynced => $"{Scope}: {synced}, {held}",
            SyncState.Syncing => $"{Scope}: syncing, {held}, {synced}",
            SyncState.Pushing => $"{Scope}: pushing offline edits, {held}, {synced}",
            SyncState.Retrying => $"{Scope}: retrying (retry {RetryAttempt} at {NextAttemptAt:u}), {held}, {synced}",
            SyncState.Failed => $"{Scope}: failed ({LastErrorKind}), {held}, {synced}",
            _ => $"{Scope}: idle, {held}, {synced}",
        };
    }
}
