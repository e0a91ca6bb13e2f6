namespace FlightTaskSync.Client.Storage;

/// <summary>
/// A sync's hold on its scope in the database, taken when the sync is called: its pages and its
/// bookkeeping are written only while the claim is still there. <see cref="IFlightTaskStore.ResetAsync"/>
/// deletes the scope's claims (in any process), so nothing of a sync called before a reset lands
/// after it; a database file removed or replaced holds no claim either.
/// </summary>
/// <param name="Id">The claim's row in <c>sync_claims</c>: a random 64-bit number, never reused.</param>
/// <param name="FileGeneration">The <see cref="FlightTaskDatabase.FileGeneration"/> when the claim was taken.</param>
internal readonly record struct SyncClaim(long Id, long FileGeneration);
