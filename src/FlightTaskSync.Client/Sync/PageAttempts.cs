namespace FlightTaskSync.Client.Sync;

/// <summary>What the resilience pipeline records about the attempts at one page.</summary>
internal sealed class PageAttempts
{
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
}
