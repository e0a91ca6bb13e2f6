namespace FlightTaskSync.Client.Sync.Push;

/// <summary>What an attempt at a mutation call came to, as far as sending it again is concerned.</summary>
internal enum MutationFailureClass
{
    /// <summary>The server answered with data: read it entry by entry.</summary>
    Answered,

    /// <summary>Surely not applied, and passing (connection refused, 408, 429, 503, most 5xx on a call without creates): try again after a while.</summary>
    Transient,

    /// <summary>A 401: not applied; one more attempt with a fresh token.</summary>
    Unauthorized,

    /// <summary>Surely not applied, and not passing (403, other 4xx, a GraphQL error without data, a token the app could not give).</summary>
    Refused,

    /// <summary>May or may not have been applied (connection dropped after sending, timeout, a body cut short or unreadable, 500/502/504 to a call with creates): never sent again blindly.</summary>
    InDoubt,
}
