namespace FlightTaskSync.Client.Storage.Outbox;

/// <summary>
/// A task as the server last sent it to this scope (the pulled row, not the local view with pending
/// edits applied), with what the push knows of its own writes to it.
/// </summary>
internal sealed class ServerTaskState
{
    /// <summary>Gets the task as last pulled: its content hash, fields, status and <c>CreatedAt</c> are the server's.</summary>
    public required FlightTask Task { get; init; }

    /// <summary>
    /// Gets the content hash the task got from this client's own last applied push of it: the hash
    /// the answer carried (an upsert's), or, when the answer carried none (a begin), the first hash a
    /// pull brought for the task afterwards. Non-null for every task an applied outcome named, a
    /// created task included; null when this client never pushed to the task.
    /// </summary>
    public string? OwnContentHash { get; init; }

    /// <summary>Gets when (the SDK's clock) the scope first held the task; later pulls that update it do not change this.</summary>
    public required DateTimeOffset FirstHeldAt { get; init; }

    /// <summary>Gets the task's sentera id.</summary>
    public string SenteraId => Task.SenteraId;

    /// <summary>Gets the server's current content hash.</summary>
    public string ContentHash => Task.ContentHash;

    /// <summary>Tells whether the server's current version is the one this client's own push made (so a change since an edit's base is its own).</summary>
    public bool IsOwnVersion => OwnContentHash is not null && string.Equals(OwnContentHash, Task.ContentHash, StringComparison.Ordinal);
}
