namespace FlightTaskSync.Client.Storage.Outbox;

/// <summary>What became of a queued edit, as the push records it.</summary>
internal enum EditOutcomeKind
{
    /// <summary>The server applied it (or it was found applied): remove it from the queue.</summary>
    Applied,

    /// <summary>The server refused it: keep it as rejected, with the errors.</summary>
    Rejected,

    /// <summary>Its call may or may not have been applied: keep it as sending, for the next sync to decide.</summary>
    InDoubt,

    /// <summary>Its call surely did not reach the server, or was found not applied: back to pending, to be sent again.</summary>
    NotSent,

    /// <summary>Not to be sent at all (a conflict the policy drops, a task the server deleted, a create deleted before it was sent): remove it.</summary>
    Dropped,
}
