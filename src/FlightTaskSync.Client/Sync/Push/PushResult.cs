namespace FlightTaskSync.Client.Sync.Push;

/// <summary>What a push (or a reconciliation) did, for the sync's report.</summary>
internal sealed class PushResult
{
    /// <summary>Gets a result of nothing done.</summary>
    public static PushResult Empty { get; } = new();

    /// <summary>Gets how many edits the push planned to send (after conflicts were settled).</summary>
    public int Planned { get; init; }

    /// <summary>Gets how many edits the server accepted (or was found to have applied): <c>SyncReport.Pushed</c>.</summary>
    public int Pushed { get; init; }

    /// <summary>Gets the edits the server refused: <c>SyncReport.PushRejections</c>.</summary>
    public IReadOnlyList<PushRejection> Rejections { get; init; } = [];

    /// <summary>Gets the edits in conflict, sent or dropped: <c>SyncReport.Conflicts</c>.</summary>
    public IReadOnlyList<PushConflict> Conflicts { get; init; } = [];

    /// <summary>Gets how many mutation calls were sent.</summary>
    public int Calls { get; init; }

    /// <summary>Gets how many times calls were retried.</summary>
    public int Retries { get; init; }

    /// <summary>Gives this result followed by another (a reconciliation, then a push).</summary>
    public PushResult Add(PushResult other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new PushResult
        {
            Planned = Planned + other.Planned,
            Pushed = Pushed + other.Pushed,
            Rejections = [.. Rejections, .. other.Rejections],
            Conflicts = [.. Conflicts, .. other.Conflicts],
            Calls = Calls + other.Calls,
            Retries = Retries + other.Retries,
        };
    }
}
