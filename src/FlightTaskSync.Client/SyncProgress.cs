namespace FlightTaskSync.Client;

/// <summary>
/// How far a running sync has come, reported after each page is committed and, when offline edits
/// are pending, once the push is planned and after each of its calls (<see cref="Phase"/> says which).
/// </summary>
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
    /// Gets what the sync is doing: <see cref="SyncPhase.Pulling"/> for a page just committed (the pull
    /// before the push, or the one after it), <see cref="SyncPhase.Pushing"/> while offline edits are sent.
    /// </summary>
    public SyncPhase Phase { get; init; }

    /// <summary>Gets how many offline edits the push of this sync sends (0 until it is planned, or when nothing is pending).</summary>
    public int EditsToPush { get; init; }

    /// <summary>Gets how many offline edits the server has accepted so far in this sync.</summary>
    public int Pushed { get; init; }

    /// <summary>Gets how many offline edits the server has refused so far in this sync.</summary>
    public int PushRejected { get; init; }

    /// <summary>
    /// Gets the share of the pull done, from 0 to 1, as far as the server's counts tell it: the
    /// tasks received so far against those plus <see cref="RemainingCount"/>. The push's share is
    /// <see cref="Pushed"/> and <see cref="PushRejected"/> against <see cref="EditsToPush"/>.
    /// </summary>
    /// <remarks>Kept for the pull alone so that a sync with nothing pending reports as it always did.</remarks>
    public double Fraction => Upserted + Deleted + RemainingCount == 0
        ? 1
        : (double)(Upserted + Deleted) / (Upserted + Deleted + RemainingCount);

    /// <summary>Gives a short description for logs and debugging.</summary>
    /// <returns>For example <c>ezpt0wj_OR_... (with descendants): page 2, 4000 upserted, 3 deleted, 1200 remaining</c>.</returns>
    /// <remarks>While edits are pushed, or once some were: <c>..., pushing: 40 of 100 edit(s) pushed, 1 rejected</c>.</remarks>
    public override string ToString()
    {
        var pull = $"{Scope}: page {PageNumber}, {Upserted} upserted, {Deleted} deleted, {RemainingCount} remaining";
        return Phase == SyncPhase.Pushing || EditsToPush > 0
            ? $"{pull}, {(Phase == SyncPhase.Pushing ? "pushing" : "pushed")}: {Pushed} of {EditsToPush} edit(s) pushed, {PushRejected} rejected"
            : pull;
    }
}
