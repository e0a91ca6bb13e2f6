namespace FlightTaskSync.Client;

/// <summary>
/// The server could not be reached or kept failing (network down, timeouts, 408, 429, 5xx)
/// after every retry. Nothing is wrong with the app or its data: sync again later, e.g. when
/// the connection comes back.
/// </summary>
public sealed class FlightTaskSyncUnavailableException : FlightTaskSyncException
{
    /// <summary>Initializes a new instance with a default message.</summary>
    public FlightTaskSyncUnavailableException()
        : base("The FieldAgent server could not be reached; sync again when the connection is back.")
    {
    }

    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">What went wrong and what to do next.</param>
    public FlightTaskSyncUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the exception behind it.</summary>
    /// <param name="message">What went wrong and what to do next.</param>
    /// <param name="innerException">The last failure met.</param>
    public FlightTaskSyncUnavailableException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Gets how many attempts were made at the failing page.</summary>
    public int Attempts { get; init; }
}
