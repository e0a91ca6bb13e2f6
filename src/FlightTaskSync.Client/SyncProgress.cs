namespace FlightTaskSync.Client;

/// <summary>How far a running sync has come, reported after each page is committed.</summary>
/// <param name="Scope">The scope being synced.</param>
/// <param name="PageNumber">The number of pages committed so far (from 1).</param>
/// <param name="Upserted">Tasks inserted or updated so far in this sync.</param>
/// <param name="Deleted">Tasks deleted so far in this sync.</param>
/// <param name="RemainingCount">What the server said is left to sync after the last page.</param>
public sealed record SyncProgress(SyncScope Scope, int PageNumber, int Upserted, int Deleted, int RemainingCount)
{
    /// <summary>
    /// Gets the share of the work done, from 0 to 1, as far as the server's counts tell it: the
    /// tasks received so far against those plus <see cref="RemainingCount"/>.
    /// </summary>
    public double Fraction => Upserted + Deleted + RemainingCount == 0
        ? 1
        : (double)(Upserted + Deleted) / (Upserted + Deleted + RemainingCount);
}
