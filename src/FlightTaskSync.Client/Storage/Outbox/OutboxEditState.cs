namespace FlightTaskSync.Client.Storage.Outbox;

/// <summary>Where a queued edit stands. Stored as these integers: never renumber.</summary>
internal enum OutboxEditState
{
    /// <summary>Waiting to be sent.</summary>
    Pending = 0,

    /// <summary>
    /// Its call is going out, or went out and no answer was recorded (the process died, or the
    /// connection dropped after the request may have reached the server): in doubt until the next
    /// sync, after pulling, decides from the server's tasks whether it was applied.
    /// </summary>
    Sending = 1,

    /// <summary>The server refused it: kept with the errors, never sent again, not applied to the local view.</summary>
    Rejected = 2,
}
