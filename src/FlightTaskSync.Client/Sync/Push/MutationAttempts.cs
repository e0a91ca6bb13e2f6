namespace FlightTaskSync.Client.Sync.Push;

/// <summary>What the mutation pipeline knows and records about the attempts at one call.</summary>
internal sealed class MutationAttempts
{
    public MutationAttempts(SyncScope scope, PushCall call, int callNumber)
    {
        Scope = scope;
        Call = call;
        CallNumber = callNumber;
    }

    /// <summary>Gets the scope being pushed.</summary>
    public SyncScope Scope { get; }

    /// <summary>Gets the call.</summary>
    public PushCall Call { get; }

    /// <summary>Gets the call's number in its push, from 1.</summary>
    public int CallNumber { get; }

    /// <summary>Gets or sets how many times the call was retried (the token refresh included).</summary>
    public int Retries { get; set; }

    /// <summary>Gets or sets whether a 401 already made the pipeline ask for a fresh token.</summary>
    public bool TokenRefreshed { get; set; }
}
