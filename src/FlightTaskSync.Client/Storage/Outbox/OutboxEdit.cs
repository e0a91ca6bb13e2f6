namespace FlightTaskSync.Client.Storage.Outbox;

/// <summary>A queued offline edit as the store keeps it, with what the push needs to send and judge it.</summary>
internal sealed class OutboxEdit
{
    /// <summary>Gets the edit's id; ids grow in the order edits were made.</summary>
    public required long Id { get; init; }

    /// <summary>Gets the task's id as it is now: a sentera id, or the local id of a task whose create has not been applied.</summary>
    public required string TaskId { get; init; }

    /// <summary>Gets what the edit does.</summary>
    public required PendingEditKind Kind { get; init; }

    /// <summary>Gets where the edit stands.</summary>
    public required OutboxEditState State { get; init; }

    /// <summary>Gets when the edit was made.</summary>
    public required DateTimeOffset MadeAt { get; init; }

    /// <summary>Gets the content hash of the server's row when the edit was made; null for a task that existed only locally.</summary>
    public string? BaseContentHash { get; init; }

    /// <summary>Gets the changes of an update.</summary>
    public FlightTaskChanges? Changes { get; init; }

    /// <summary>
    /// Gets, for an update of a task the server had, the server row's value (when the edit was made)
    /// of each property <see cref="Changes"/> sets: what a conflict compares with.
    /// </summary>
    public FlightTaskChanges? BaseValues { get; init; }

    /// <summary>Gets the task of a create.</summary>
    public NewFlightTask? NewTask { get; init; }

    /// <summary>Gets when the edit was first marked <see cref="OutboxEditState.Sending"/>; kept when it goes back to pending.</summary>
    public DateTimeOffset? FirstSentAt { get; init; }

    /// <summary>Gets the server's reasons, for a rejected edit.</summary>
    public IReadOnlyList<PendingEditError> Errors { get; init; } = [];

    /// <inheritdoc/>
    public override string ToString() => $"#{Id} {Kind} of {TaskId} ({State})";
}
