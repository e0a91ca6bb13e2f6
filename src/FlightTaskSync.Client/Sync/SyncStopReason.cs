namespace FlightTaskSync.Client.Sync;

/// <summary>Why the client itself stopped a running sync.</summary>
internal enum SyncStopReason
{
    /// <summary>It did not: the sync runs, or ended by itself or by its caller's cancellation.</summary>
    None,

    /// <summary>The scope was reset: the sync fails, having written nothing after the reset.</summary>
    ScopeReset,

    /// <summary>The client was disposed: the sync is canceled.</summary>
    Disposed,
}
