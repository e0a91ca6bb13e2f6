namespace FlightTaskSync.Client.Sync;

/// <summary>
/// Stops a sync that would otherwise spin: the protocol has no cursor, so a server (or a
/// client) that keeps answering without progress would loop forever. Two rules: a page that
/// changes nothing held while <c>remaining_count</c> &gt; 0 ends the sync at once; a
/// <c>remaining_count</c> that does not fall for a number of pages in a row ends it too.
/// </summary>
internal sealed class SyncLoopGuard
{
    private readonly SyncScope _scope;
    private readonly int _maxPagesWithoutProgress;
    private int? _lowestRemaining;
    private int _pagesWithoutProgress;

    public SyncLoopGuard(SyncScope scope, int maxPagesWithoutProgress)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPagesWithoutProgress, 1);
        _scope = scope;
        _maxPagesWithoutProgress = maxPagesWithoutProgress;
    }

    /// <summary>Checks a page before it is applied.</summary>
    /// <param name="pageNumber">The page's number, from 1.</param>
    /// <param name="changes">How many changes the page makes to what is held.</param>
    /// <param name="remainingCount">The page's <c>remaining_count</c>.</param>
    /// <exception cref="FlightTaskSyncStalledException">The sync is not getting anywhere.</exception>
    public void Check(int pageNumber, int changes, int remainingCount)
    {
        if (changes == 0 && remainingCount > 0)
        {
            throw new FlightTaskSyncStalledException(
                $"Page {pageNumber} of the sync of {_scope} brought nothing new while the server reports " +
                $"{remainingCount} task(s) remaining; the sync stopped instead of asking again forever. " +
                "The tasks synced so far are kept. Sync again later; if this recurs, report it to FieldAgent support.")
            {
                PageNumber = pageNumber,
                RemainingCount = remainingCount,
            };
        }

        if (_lowestRemaining is { } lowest && remainingCount >= lowest)
        {
            _pagesWithoutProgress++;
            if (_pagesWithoutProgress >= _maxPagesWithoutProgress)
            {
                throw new FlightTaskSyncStalledException(
                    $"The server's remaining count for {_scope} has not fallen below {lowest} for {_pagesWithoutProgress} page(s) " +
                    $"(now {remainingCount} at page {pageNumber}); the sync stopped instead of looping. The tasks synced so " +
                    "far are kept. Sync again later; if this recurs, report it to FieldAgent support.")
                {
                    PageNumber = pageNumber,
                    RemainingCount = remainingCount,
                };
            }
        }
        else
        {
            _lowestRemaining = remainingCount;
            _pagesWithoutProgress = 0;
        }
    }
}
