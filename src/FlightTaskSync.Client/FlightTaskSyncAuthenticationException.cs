namespace FlightTaskSync.Client;

/// <summary>
/// The server refused the access token (401 after one fresh token was tried, or 403; or the same
/// said with the GraphQL code <c>UNAUTHENTICATED</c> or <c>FORBIDDEN</c> in a 200), or the token
/// provider gave none. The user must sign in again, or the account lacks access to the
/// organization; retrying as is will not help.
/// </summary>
public sealed class FlightTaskSyncAuthenticationException : FlightTaskSyncException
{
    /// <summary>Initializes a new instance with a default message.</summary>
    public FlightTaskSyncAuthenticationException()
        : base("The FieldAgent server refused the access token; sign in again.")
    {
    }

    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">What went wrong and what to do next.</param>
    public FlightTaskSyncAuthenticationException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the exception behind it.</summary>
    /// <param name="message">What went wrong and what to do next.</param>
    /// <param name="innerException">The exception that caused this one.</param>
    public FlightTaskSyncAuthenticationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
