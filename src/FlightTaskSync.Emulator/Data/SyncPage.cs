namespace FlightTaskSync.Emulator.Data;

/// <summary>One answer of <c>sync_flight_tasks</c>, computed under the data lock, then served as is.</summary>
/// <param name="Upserted">Changed tasks, in ordinal order of their ids, at most one page.</param>
/// <param name="Deleted">Deleted tasks whose last hash the client holds, as they were when deleted.</param>
/// <param name="RemainingCount">Changed tasks in scope not in this page.</param>
internal sealed record SyncPage(IReadOnlyList<HashedTask> Upserted, IReadOnlyList<HashedTask> Deleted, int RemainingCount);
