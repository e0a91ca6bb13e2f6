namespace FlightTaskSync.Client.Sync.Push;

/// <summary>What <see cref="PushPlanner.Plan"/> gives: the calls in the order to send them, and the edits that need none.</summary>
internal sealed class PushPlan
{
    /// <summary>Gets the calls, in the order they must be sent.</summary>
    public required IReadOnlyList<PushCall> Calls { get; init; }

    /// <summary>Gets edits resolved without a call (a task created and deleted offline): to be recorded as dropped.</summary>
    public required IReadOnlyList<long> ResolvedLocally { get; init; }

    /// <summary>Gets pending edits that cannot be sent now (their task has an edit in doubt, or its create was rejected).</summary>
    public required IReadOnlyList<long> Waiting { get; init; }

    /// <summary>Gets how many edits the calls carry.</summary>
    public int EditCount => Calls.Sum(c => c.Entries.Sum(e => e.EditIds.Count));
}
