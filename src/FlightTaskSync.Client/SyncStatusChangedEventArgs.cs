namespace FlightTaskSync.Client;

/// <summary>The new status of a scope, raised by <see cref="IFlightTaskSyncClient.StatusChanged"/>.</summary>
public sealed class SyncStatusChangedEventArgs : EventArgs
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="status">The scope's status now.</param>
    public SyncStatusChangedEventArgs(SyncStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        Status = status;
    }

    /// <summary>Gets the scope's status now.</summary>
    public SyncStatus Status { get; }
}
