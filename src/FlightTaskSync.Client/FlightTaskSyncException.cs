using System.Net;

namespace FlightTaskSync.Client;

/// <summary>
/// The root of every failure of a whole sync or of the offline store. The subtypes say what a
/// caller can do about it; a cancellation is an <see cref="OperationCanceledException"/>, never
/// one of these. After any of them, the store holds what the last committed page left: nothing
/// is lost or half-written, and the next sync resumes from there.
/// </summary>
public class FlightTaskSyncException : Exception
{
    /// <summary>Initializes a new instance with a default message.</summary>
    public FlightTaskSyncException()
        : base("The flight task sync failed.")
    {
    }

    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">What went wrong and what to do next.</param>
    public FlightTaskSyncException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the exception behind it.</summary>
    /// <param name="message">What went wrong and what to do next.</param>
    /// <param name="innerException">The exception that caused this one.</param>
    public FlightTaskSyncException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// Gets the HTTP status of the server's answer that ended the sync, when an answer did: 401 or 403
    /// for <see cref="FlightTaskSyncAuthenticationException"/>, the 4xx of a
    /// <see cref="FlightTaskSyncRejectedException"/>, the last 408, 429 or 5xx of a
    /// <see cref="FlightTaskSyncUnavailableException"/>. <see langword="null"/> when no status was
    /// involved: a network failure, a GraphQL error in a 200 answer, a stall, a store failure.
    /// </summary>
    public HttpStatusCode? StatusCode { get; init; }
}
