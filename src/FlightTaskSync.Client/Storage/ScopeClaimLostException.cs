namespace FlightTaskSync.Client.Storage;

/// <summary>
/// A sync's <see cref="SyncClaim"/> is gone: its scope was reset, or the database file was removed
/// or replaced, while the sync ran. Nothing of the write that found it out was kept. Internal: the
/// sync turns it into the exception the app sees.
/// </summary>
internal sealed class ScopeClaimLostException : Exception
{
    public ScopeClaimLostException()
    {
    }

    public ScopeClaimLostException(string message)
        : base(message)
    {
    }

    public ScopeClaimLostException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Gets whether the database file was removed or replaced (not the scope reset).</summary>
    public bool FileReplaced { get; init; }
}
