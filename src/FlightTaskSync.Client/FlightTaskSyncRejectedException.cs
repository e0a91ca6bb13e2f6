namespace FlightTaskSync.Client;

/// <summary>
/// The server rejected the sync request itself: GraphQL errors (an unknown organization, a
/// query the server no longer accepts) or a 4xx status other than 401, 403, 408 and 429.
/// Retrying the same request will not help; <see cref="ServerErrors"/> says what the server said.
/// </summary>
public sealed class FlightTaskSyncRejectedException : FlightTaskSyncException
{
    /// <summary>Initializes a new instance with a default message.</summary>
    public FlightTaskSyncRejectedException()
        : base("The FieldAgent server rejected the sync request.")
    {
    }

    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">What went wrong and what to do next.</param>
    public FlightTaskSyncRejectedException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the exception behind it.</summary>
    /// <param name="message">What went wrong and what to do next.</param>
    /// <param name="innerException">The exception that caused this one.</param>
    public FlightTaskSyncRejectedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Gets the errors the server reported, each as <c>CODE: message</c> or just the message.</summary>
    public IReadOnlyList<string> ServerErrors { get; init; } = [];
}
