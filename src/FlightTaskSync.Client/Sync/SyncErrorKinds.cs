namespace FlightTaskSync.Client.Sync;

/// <summary>Tells the <see cref="SyncErrorKind"/> of the exception that ended a sync: what is stored and shown.</summary>
internal static class SyncErrorKinds
{
    public static SyncErrorKind Of(Exception exception) => exception switch
    {
        FlightTaskSyncUnavailableException => SyncErrorKind.Unavailable,
        FlightTaskSyncAuthenticationException => SyncErrorKind.Authentication,
        FlightTaskSyncRejectedException => SyncErrorKind.Rejected,
        FlightTaskSyncInvalidResponseException => SyncErrorKind.InvalidResponse,
        FlightTaskSyncStalledException => SyncErrorKind.Stalled,
        FlightTaskStoreException => SyncErrorKind.Store,
        _ => SyncErrorKind.Other,
    };
}
