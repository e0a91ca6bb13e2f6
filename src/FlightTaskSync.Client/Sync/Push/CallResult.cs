namespace FlightTaskSync.Client.Sync.Push;

/// <summary>What sending one call came to.</summary>
internal sealed class CallResult
{
    /// <summary>Gets whether the server answered, surely did not apply the call, or may have.</summary>
    public required CallResultKind Kind { get; init; }

    /// <summary>Gets, for an answered call, what became of each entry, in the call's order.</summary>
    public IReadOnlyList<EntryResult> Entries { get; init; } = [];

    /// <summary>Gets, for a call not answered, the error that ends the push (the sync fails with it once the outcomes are recorded).</summary>
    public Exception? Failure { get; init; }

    /// <summary>Gets how many times the call was retried.</summary>
    public int Retries { get; init; }
}

/// <summary>The three ends of a call.</summary>
internal enum CallResultKind
{
    /// <summary>The server answered with data: each entry is applied, rejected or (rarely, an answer that does not add up) in doubt.</summary>
    Answered,

    /// <summary>The server surely did not apply the call: its edits stay pending.</summary>
    NotSent,

    /// <summary>The call may or may not have been applied: its edits stay sending until the next sync reconciles them.</summary>
    InDoubt,
}
