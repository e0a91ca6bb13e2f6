namespace FlightTaskSync.Emulator.Data;

/// <summary>One entry of <c>failed</c> (the schema's <c>SyncError</c>).</summary>
internal sealed record SyncErrorEntry(string Key, string Message, string? Code, string? Reason, IReadOnlyDictionary<string, object?>? Details);
