using FlightTaskSync.Client.Storage.Outbox;

namespace FlightTaskSync.Client.Sync.Push;

/// <summary>What <see cref="ConflictPolicy.Apply"/> decided for a scope's queue.</summary>
internal sealed class ConflictCheck
{
    /// <summary>Gets the queue without the edits the policy dropped: what the planner plans.</summary>
    public required IReadOnlyList<OutboxEdit> Remaining { get; init; }

    /// <summary>Gets the outcomes of the edits dropped (never sent), to record.</summary>
    public required IReadOnlyList<EditOutcome> Dropped { get; init; }

    /// <summary>Gets every conflict found, sent or dropped, for the report.</summary>
    public required IReadOnlyList<PushConflict> Conflicts { get; init; }
}
