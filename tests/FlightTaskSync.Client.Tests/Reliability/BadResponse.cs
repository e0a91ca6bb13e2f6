using FlightTaskSync.Client.Tests.TestDoubles;

namespace FlightTaskSync.Client.Tests.Reliability;

/// <summary>What the SDK must make of a bad response.</summary>
internal enum BadResponseOutcome
{
    /// <summary>The page is refused at once: <see cref="FlightTaskSyncInvalidResponseException"/>.</summary>
    Invalid,

    /// <summary>Taken for a passing failure, retried, then <see cref="FlightTaskSyncUnavailableException"/>.</summary>
    Unavailable,

    /// <summary>The server's refusal: <see cref="FlightTaskSyncRejectedException"/>, not retried.</summary>
    Rejected,

    /// <summary>The loop guard ends the sync: <see cref="FlightTaskSyncStalledException"/>.</summary>
    Stalled,

    /// <summary>The token is refused: <see cref="FlightTaskSyncAuthenticationException"/>.</summary>
    Authentication,

    /// <summary>Tolerated by design (an unknown status, a long note, entries in <c>failed</c>): the sync completes.</summary>
    Accepted,
}

/// <summary>
/// One entry of the bad-response corpus: what the server answers from the second request on
/// (every time, or only once for a response the SDK accepts), and what the SDK must make of it.
/// </summary>
/// <param name="Name">What is wrong with it.</param>
/// <param name="Expected">The outcome.</param>
/// <param name="Answer">The answer to a request, given its index (the first page, index 0, is always good).</param>
internal sealed record BadResponse(string Name, BadResponseOutcome Expected, Func<int, FakeResponse> Answer)
{
    public Type? ExceptionType => Expected switch
    {
        BadResponseOutcome.Invalid => typeof(FlightTaskSyncInvalidResponseException),
        BadResponseOutcome.Unavailable => typeof(FlightTaskSyncUnavailableException),
        BadResponseOutcome.Rejected => typeof(FlightTaskSyncRejectedException),
        BadResponseOutcome.Stalled => typeof(FlightTaskSyncStalledException),
        BadResponseOutcome.Authentication => typeof(FlightTaskSyncAuthenticationException),
        _ => null,
    };

    /// <summary>Gets how many entries of <c>failed</c> the sync must record in its report (for an accepted page).</summary>
    public int RecordedFailures { get; init; }

    public override string ToString() => Name;
}
