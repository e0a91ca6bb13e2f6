namespace FlightTaskSync.Client.Sync.Push;

/// <summary>One mutation call of a push: its kind and its entries, within the kind's limit.</summary>
internal sealed class PushCall
{
    /// <summary>Gets the mutation.</summary>
    public required PushCallKind Kind { get; init; }

    /// <summary>Gets the entries, one per task, in the order their first edits were made.</summary>
    public required IReadOnlyList<PlannedEntry> Entries { get; init; }

    /// <summary>Gets every edit the call carries.</summary>
    public IEnumerable<long> EditIds => Entries.SelectMany(e => e.EditIds);

    /// <summary>Gets whether the call creates tasks (a failure after it may have reached the server is then never retried blindly).</summary>
    public bool HasCreates => Entries.Any(e => e.Kind == PendingEditKind.Create);

    /// <summary>Gets the same call with other entries (ids resolved, some left out).</summary>
    public PushCall With(IReadOnlyList<PlannedEntry> entries) => new() { Kind = Kind, Entries = entries };

    /// <inheritdoc/>
    public override string ToString() => $"{Kind} of {Entries.Count} entr{(Entries.Count == 1 ? "y" : "ies")}";
}
