namespace FlightTaskSync.Client;

/// <summary>Where a scope's syncing stands.</summary>
public enum SyncState
{
    /// <summary>
    /// No sync of the scope has completed in this database (or since it was reset). A first sync
    /// that was canceled may have left some tasks: see <see cref="SyncStatus.TasksHeld"/>.
    /// </summary>
    NeverSynced = 0,

    /// <summary>No sync is running; the last one completed or was canceled.</summary>
    Idle,

    /// <summary>A sync is running, in this process or another one using the same database.</summary>
    Syncing,

    /// <summary>The last sync failed, or stopped without finishing (the app was closed); see <see cref="SyncStatus.LastErrorKind"/>.</summary>
    Failed,

    /// <summary>
    /// A sync is running and waits to retry a page that failed (offline, or the server failing):
    /// see <see cref="SyncStatus.RetryAttempt"/> and <see cref="SyncStatus.NextAttemptAt"/>. Seen in
    /// the process that runs the sync; another process using the same database sees <see cref="Syncing"/>.
    /// </summary>
    Retrying,

    /// <summary>
    /// A sync is running and sends the offline edits (<see cref="IFlightTaskEditor"/>): after its
    /// first pull, before the pull that brings what the push changed; it is <see cref="Syncing"/>
    /// before and after. A call of the push retried stays in this state. Seen in the process that
    /// runs the sync; another process using the same database sees <see cref="Syncing"/>.
    /// </summary>
    Pushing,
}
