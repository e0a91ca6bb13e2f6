namespace FlightTaskSync.Client;

/// <summary>
/// An offline edit of a task that the server changed (or deleted) after the edit was made, and what
/// the push did with it under <see cref="ConflictResolution"/>.
/// </summary>
public sealed class PushConflict
{
    /// <summary>Gets the edit's id (<see cref="PendingEdit.Id"/>).</summary>
    public required long EditId { get; init; }

    /// <summary>Gets the id of the task.</summary>
    public required string TaskId { get; init; }

    /// <summary>Gets what the edit did.</summary>
    public required PendingEditKind Kind { get; init; }

    /// <summary>Gets whether the edit was sent or dropped.</summary>
    public required ConflictDecision Decision { get; init; }

    /// <summary>Gets whether the server deleted the task: the edit could not be applied and was dropped.</summary>
    public bool TaskDeletedOnServer { get; init; }

    /// <summary>Gets the task's status on the server at the push, when the server still has it (for a begin: why it was or was not sent).</summary>
    public FlightTaskStatus? ServerStatus { get; init; }

    /// <summary>
    /// Gets the properties the edit changes that the server also changed, to another value, since
    /// the edit was made. Empty when the server changed only other properties (they are kept), or
    /// for a begin or a delete.
    /// </summary>
    public IReadOnlyList<PushConflictField> Fields { get; init; } = [];

    /// <summary>Describes the conflict for logs and screens, without values.</summary>
    /// <returns>For example <c>#3 Update of w9n9629_TA_...: Sent (Notes)</c>.</returns>
    public override string ToString()
    {
        var why = TaskDeletedOnServer ? "deleted on the server" : Fields.Count > 0 ? string.Join(", ", Fields) : $"changed on the server ({ServerStatus})";
        return $"#{EditId} {Kind} of {TaskId}: {Decision} ({why})";
    }
}
