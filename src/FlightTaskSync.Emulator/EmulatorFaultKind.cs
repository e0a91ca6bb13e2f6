namespace FlightTaskSync.Emulator;

/// <summary>The kinds of fault the emulator can inject into a request.</summary>
public enum EmulatorFaultKind
{
    /// <summary>Waits, then answers normally.</summary>
    Latency,

    /// <summary>Answers with an HTTP error status (500, 502, 503, ...) and a small plain-text body.</summary>
    Status,

    /// <summary>Answers 429 with a <c>Retry-After</c> header in whole seconds.</summary>
    TooManyRequests,

    /// <summary>Aborts the connection before any byte of the response.</summary>
    ConnectionReset,

    /// <summary>Sends the headers and about half of the normal body, then aborts the connection.</summary>
    TruncatedBody,

    /// <summary>Answers 200 with <c>data: null</c> and one GraphQL error carrying <c>extensions.code</c>.</summary>
    GraphQLError,

    /// <summary>Answers the normal page plus entries in <c>failed</c>.</summary>
    FailedEntries,

    /// <summary>Freezes sync answers: every later request gets the same page until <see cref="EmulatorFaults.Clear"/>.</summary>
    Stalled,

    /// <summary>
    /// Executes the request (a mutation's changes are committed), then aborts the connection before any
    /// byte of the response: the client cannot tell whether its edits were applied.
    /// </summary>
    AppliedThenDropped,
}
