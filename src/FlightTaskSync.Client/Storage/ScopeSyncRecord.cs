namespace FlightTaskSync.Client.Storage;

/// <summary>The sync status columns of one scope, as stored, and how many tasks it holds (null when not counted).</summary>
internal sealed record ScopeSyncRecord(
    string State,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastStartedAt,
    DateTimeOffset? LastCompletedAt,
    DateTimeOffset? LastFailedAt,
    SyncErrorKind LastErrorKind,
    string? LastErrorMessage,
    DateTimeOffset? LastFullResyncAt,
    int? TasksHeld);
