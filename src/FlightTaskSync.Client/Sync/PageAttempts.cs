namespace FlightTaskSync.Client.Sync;

/// <summary>
/// What the resilience pipeline records about the attempts at one page, and tells the sync as
/// they happen: a retry waited for, and its start.
/// </summary>
internal sealed class PageAttempts
{
    private int _waitingForRetry;

    public PageAttempts(SyncScope scope, int pageNumber)
    {
        Scope = scope;
        PageNumber = pageNumber;
    }

    /// <summary>Gets the scope being synced.</summary>
    public SyncScope Scope { get; }

    /// <summary>Gets the number of the page, from 1.</summary>
    public int PageNumber { get; }

    /// <summary>Gets or sets how many times the page was retried.</summary>
    public int Retries { get; set; }

    /// <summary>Gets what to do when the page starts waiting for a retry: given the retry's number (from 1) and the wait.</summary>
    public Action<int, TimeSpan>? RetryScheduled { get; init; }

    /// <summary>Gets what to do when a retry waited for starts.</summary>
    public Action? RetryStarted { get; init; }

    /// <summary>Called by the pipeline when the page waits <paramref name="delay"/> before its retry number <see cref="Retries"/>.</summary>
    public void OnRetryScheduled(TimeSpan delay)
    {
        Volatile.Write(ref _waitingForRetry, 1);
        RetryScheduled?.Invoke(Retries, delay);
    }

    /// <summary>Called as each attempt starts: ends the wait for a retry, if there was one.</summary>
    public void OnAttemptStarting()
    {
        if (Interlocked.Exchange(ref _waitingForRetry, 0) == 1)
        {
            RetryStarted?.Invoke();
        }
    }
}
