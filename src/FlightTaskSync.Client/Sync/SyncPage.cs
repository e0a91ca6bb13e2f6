namespace FlightTaskSync.Client.Sync;

/// <summary>One page of <c>sync_flight_tasks</c>, checked and turned into the store's model.</summary>
/// <param name="Upserted">The tasks to insert or update; no id twice.</param>
/// <param name="DeletedIds">The ids of the tasks to delete; no id twice, none also upserted.</param>
/// <param name="Failures">The page's <c>failed</c> entries.</param>
/// <param name="RemainingCount">What the server says is left after this page.</param>
internal sealed record SyncPage(
    IReadOnlyList<FlightTask> Upserted,
    IReadOnlyList<string> DeletedIds,
    IReadOnlyList<SyncFailure> Failures,
    int RemainingCount)
{
    /// <summary>Gets whether the page carries no task at all.</summary>
    public bool IsEmpty => Upserted.Count == 0 && DeletedIds.Count == 0;
}
