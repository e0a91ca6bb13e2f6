namespace FlightTaskSync.Emulator.Data;

/// <summary>A field, plan (feature set) or survey that tasks reference.</summary>
internal sealed record RelatedItem(
    RelatedItemKind Kind,
    string SenteraId,
    string Name,
    DateTimeOffset CreatedAt,
    string CreatedBySenteraId,
    DateTimeOffset UpdatedAt)
{
    public string ContentHash { get; } = ContentHasher.Compute($"{Kind}\u001f{SenteraId}\u001f{Name}\u001f{CreatedAt.UtcTicks}\u001f{CreatedBySenteraId}\u001f{UpdatedAt.UtcTicks}");

    /// <summary>Stands in for an id that a test gave a task without adding the object itself.</summary>
    public static RelatedItem Placeholder(RelatedItemKind kind, string senteraId) =>
        new(kind, senteraId, senteraId, DateTimeOffset.UnixEpoch, senteraId, DateTimeOffset.UnixEpoch);
}
