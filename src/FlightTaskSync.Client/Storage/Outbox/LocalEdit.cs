namespace FlightTaskSync.Client.Storage.Outbox;

/// <summary>An offline edit as the editor hands it to the store, checked already.</summary>
internal sealed class LocalEdit
{
    /// <summary>Gets what the edit does.</summary>
    public required PendingEditKind Kind { get; init; }

    /// <summary>Gets the task's id: a sentera id, or a local id (a new one for a create, made by the editor).</summary>
    public required string TaskId { get; init; }

    /// <summary>Gets when the edit was made (the SDK's <see cref="TimeProvider"/>, UTC).</summary>
    public required DateTimeOffset MadeAt { get; init; }

    /// <summary>Gets the changes of an <see cref="PendingEditKind.Update"/>; null otherwise.</summary>
    public FlightTaskChanges? Changes { get; init; }

    /// <summary>Gets the task of a <see cref="PendingEditKind.Create"/>; null otherwise.</summary>
    public NewFlightTask? NewTask { get; init; }
}
