namespace FlightTaskSync.Client;

/// <summary>
/// An offline edit the server refused during a sync's push. The edit stays in
/// <see cref="IFlightTaskEditor.ListPendingAsync"/> as <see cref="PendingEditState.Rejected"/> until the
/// app discards it; it no longer changes the local task and is never sent again.
/// </summary>
public sealed class PushRejection
{
    /// <summary>Gets the edit's id (<see cref="PendingEdit.Id"/>).</summary>
    public required long EditId { get; init; }

    /// <summary>Gets the id of the task the edit was for (a local id for a create the server refused).</summary>
    public required string TaskId { get; init; }

    /// <summary>Gets what the edit did.</summary>
    public required PendingEditKind Kind { get; init; }

    /// <summary>Gets the server's reasons.</summary>
    public required IReadOnlyList<PendingEditError> Errors { get; init; }

    /// <summary>Describes the rejection for logs and screens.</summary>
    /// <returns>For example <c>#7 Create of local-... rejected: name can't be blank (blank)</c>.</returns>
    public override string ToString() => $"#{EditId} {Kind} of {TaskId} rejected: {string.Join("; ", Errors)}";
}
