namespace FlightTaskSync.Client.Storage.Outbox;

/// <summary>What became of one queued edit, for <see cref="IOutboxStore.RecordOutcomesAsync"/>.</summary>
internal sealed class EditOutcome
{
    /// <summary>Gets the edit's id.</summary>
    public required long EditId { get; init; }

    /// <summary>Gets what became of it.</summary>
    public required EditOutcomeKind Kind { get; init; }

    /// <summary>Gets, for an applied create, the id the server gave the task (every edit of the create's local task carries it).</summary>
    public string? NewSenteraId { get; init; }

    /// <summary>Gets, for an applied edit, the task's content hash after it when the answer said (an upsert's); null when unknown (a begin, a delete).</summary>
    public string? NewContentHash { get; init; }

    /// <summary>Gets, for a rejected edit, the server's reasons.</summary>
    public IReadOnlyList<PendingEditError> Errors { get; init; } = [];

    /// <summary>Makes an outcome of a kind that carries nothing else.</summary>
    public static EditOutcome Of(long editId, EditOutcomeKind kind) => new() { EditId = editId, Kind = kind };

    /// <inheritdoc/>
    public override string ToString() => NewSenteraId is null ? $"#{EditId} {Kind}" : $"#{EditId} {Kind} as {NewSenteraId}";
}
