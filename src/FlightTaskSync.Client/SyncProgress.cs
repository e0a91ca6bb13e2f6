namespace FlightTaskSync.Client;

/// <summary>How far a running sync has come, reported after each page is committed.</summary>
public sealed class SyncProgress
{
    /// <summary>Gets the scope being synced.</summary>
    public required SyncScope Scope { get; init; }

    /// <summary>Gets the number of pages committed so far (from 1).</summary>
    public required int PageNumber { get; init; }

    /// <summary>Gets how many tasks were inserted or updated so far in this sync.</summary>
    public required int Upserted { get; init; }

    /// <summary>Gets how many tasks were deleted so far in this sync.</summary>
    public required int Deleted { get; init; }

    /// <summary>Gets what the server said is left to sync after the last page.</summary>
    public required int RemainingCount { get; init; }

    /// <summary>
    /// Gets the share of the work done, from 0 to 1, as far as the server's counts tell it: the
    /// tasks received so far against those plus <see cref="RemainingCount"/>.
    /// </summary>
    public double Fraction => Upserted + Deleted + RemainingCount == 0
        ? 1
        : (double)(Upserted + Deleted) / (Upserted + Deleted + RemainingCount);

    /// <summary>Gives a short description for logs and debugging.</summary>
    /// <returns>For example <c>ezpt0wj_OR_... (with descendants): page 2, 4000 upserted, 3 deleted, 1200 remaining</c>.</returns>
    public override string ToString() =>
        $"{Scope}: page {PageNumber}, {Upserted} upserted, {Deleted} deleted, {RemainingCount} remaining";
}
