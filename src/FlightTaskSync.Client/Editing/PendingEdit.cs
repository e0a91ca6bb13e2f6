namespace FlightTaskSync.Client;

/// <summary>
/// An offline edit that the server has not accepted yet, as <see cref="IFlightTaskEditor.ListPendingAsync"/>
/// lists it: waiting to be pushed, or rejected by the server and kept until the app discards it.
/// </summary>
public sealed class PendingEdit
{
    /// <summary>Gets the edit's id, what <see cref="IFlightTaskEditor.DiscardAsync"/> takes. Ids grow in the order edits are made.</summary>
    public required long Id { get; init; }

    /// <summary>Gets the id of the task the edit changes: its sentera id, or the local id of a task created offline and not pushed yet.</summary>
    public required string TaskId { get; init; }

    /// <summary>Gets what the edit does.</summary>
    public required PendingEditKind Kind { get; init; }

    /// <summary>Gets whether the edit waits to be pushed or was rejected by the server.</summary>
    public required PendingEditState State { get; init; }

    /// <summary>Gets the server's reasons for a rejected edit; empty for a pending one.</summary>
    public IReadOnlyList<PendingEditError> Errors { get; init; } = [];

    /// <summary>Gets when the edit was made (UTC, the device's clock).</summary>
    public required DateTimeOffset MadeAt { get; init; }

    /// <summary>Gets what an <see cref="PendingEditKind.Update"/> changes; <see langword="null"/> for other kinds.</summary>
    public FlightTaskChanges? Changes { get; init; }

    /// <summary>Gets the task a <see cref="PendingEditKind.Create"/> creates; <see langword="null"/> for other kinds.</summary>
    public NewFlightTask? NewTask { get; init; }

    /// <summary>Gives a short description for logs: id, kind, task and state, never the values.</summary>
    /// <returns>For example <c>#12 Update of w9n9629_TA_... (Pending)</c>.</returns>
    public override string ToString() => $"#{Id} {Kind} of {TaskId} ({State})";
}
