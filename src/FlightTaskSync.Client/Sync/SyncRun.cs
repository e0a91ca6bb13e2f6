using FlightTaskSync.Client.Storage;
using FlightTaskSync.Client.Sync.Push;

namespace FlightTaskSync.Client.Sync;

/// <summary>The running totals of one sync, and what it runs under.</summary>
internal sealed class SyncRun(SyncScope scope, RunningSync running, DateTimeOffset startedAt, long startTimestamp)
{
    public SyncScope Scope { get; } = scope;

    /// <summary>Gets the call this sync is: its tokens, and why the client stopped it if it did.</summary>
    public RunningSync Running { get; } = running;

    /// <summary>Gets the token the sync's work runs under.</summary>
    public CancellationToken Token => Running.Token;

    public DateTimeOffset StartedAt { get; } = startedAt;

    public long StartTimestamp { get; } = startTimestamp;

    /// <summary>Gets or sets the sync's claim on its scope (taken as it is called).</summary>
    public SyncClaim Claim { get; set; }

    public bool IsFullResync { get; set; }

    public int Pages { get; set; }

    public int Upserted { get; set; }

    public int Deleted { get; set; }

    public int Retries { get; set; }

    public List<SyncFailure> Failures { get; } = [];

    /// <summary>Gets or sets how many tasks the scope held when the sync started (read by its first pull).</summary>
    public int StoredAtStart { get; set; }

    /// <summary>Gets or sets what the sync's push and reconciliations did so far (empty when nothing was pending).</summary>
    public PushResult Push { get; set; } = PushResult.Empty;

    /// <summary>Gets or sets how a started sync ended, once its status records it: what was thrown, and what it counts as.</summary>
    public (Exception Exception, FlightTaskSyncException? Failure)? Ended { get; set; }
}
