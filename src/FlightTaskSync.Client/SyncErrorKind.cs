namespace FlightTaskSync.Client;

/// <summary>
/// What kind of failure ended a scope's last sync: what an app would tell its user, and what it
/// would do next. Stored in the database as the number of each member, which never changes.
/// </summary>
public enum SyncErrorKind
{
    /// <summary>No failure: the last sync completed, was canceled, or there was none.</summary>
    None = 0,

    /// <summary>The server (or the sign-in service) stayed unreachable or failing after every retry: sync again later (<see cref="FlightTaskSyncUnavailableException"/>).</summary>
    Unavailable = 1,

    /// <summary>The access token was refused, or none could be had: the user must sign in again (<see cref="FlightTaskSyncAuthenticationException"/>).</summary>
    Authentication = 2,

    /// <summary>The server rejected the request (<see cref="FlightTaskSyncRejectedException"/>).</summary>
    Rejected = 3,

    /// <summary>A page the server sent could not be used (<see cref="FlightTaskSyncInvalidResponseException"/>).</summary>
    InvalidResponse = 4,

    /// <summary>The server stopped making progress (<see cref="FlightTaskSyncStalledException"/>).</summary>
    Stalled = 5,

    /// <summary>The offline database could not be used (<see cref="FlightTaskStoreException"/>).</summary>
    Store = 6,

    /// <summary>The app stopped during the last sync; the next one resumes from its last committed page.</summary>
    Interrupted = 7,

    /// <summary>Any other failure (the base <see cref="FlightTaskSyncException"/>); see <see cref="SyncStatus.LastErrorMessage"/>.</summary>
    Other = 8,
}
