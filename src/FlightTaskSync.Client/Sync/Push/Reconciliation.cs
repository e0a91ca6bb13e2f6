using FlightTaskSync.Client.Storage.Outbox;

namespace FlightTaskSync.Client.Sync.Push;

/// <summary>What <see cref="InDoubtReconciler.Decide"/> decided.</summary>
internal sealed class Reconciliation
{
    /// <summary>Gets an outcome for every in-doubt edit: applied (a create with the id found), sent again (not sent), or dropped.</summary>
    public required IReadOnlyList<EditOutcome> Outcomes { get; init; }

    /// <summary>Gets the edits dropped because the server deleted their task.</summary>
    public required IReadOnlyList<PushConflict> Conflicts { get; init; }
}
