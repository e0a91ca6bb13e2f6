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

    /// <summary>Gets the type name of the last failure (e.g. <c>FlightTaskSyncUnavailableException</c>), while <see cref="State"/> is <see cref="SyncState.Failed"/>.</summary>
    public string? LastErrorType { get; init; }

    /// <summary>Gets the message of the last failure, while <see cref="State"/> is <see cref="SyncState.Failed"/>.</summary>
    public string? LastErrorMessage { get; init; }

    /// <summary>Gets when the last full resync (from an empty hash set) ended.</summary>
    public DateTimeOffset? LastFullResyncAt { get; init; }

    /// <inheritdoc/>
    public override string ToString() => State switch
    {
        SyncState.Failed => $"{Scope}: failed ({LastErrorType}), {TasksHeld} task(s) held",
        SyncState.NeverSynced => $"{Scope}: never synced",
        _ => $"{Scope}: {State.ToString().ToLowerInvariant()}, {TasksHeld} task(s) held, last synced {LastSucceededAt:u}",
    };
}
