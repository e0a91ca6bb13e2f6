namespace FlightTaskSync.Client;

/// <summary>Where a scope's syncing stands.</summary>
public enum SyncState
{
    /// <summary>The scope has never been synced into this database (or was reset).</summary>
    NeverSynced = 0,

    /// <summary>No sync is running; the last one completed or was canceled.</summary>
    Idle,

    /// <summary>A sync is running, in this process or another one using the same database.</summary>
    Syncing,

    /// <summary>The last sync failed, or stopped without finishing (the app was closed); see <see cref="SyncStatus.LastErrorMessage"/>.</summary>
    Failed,
}
