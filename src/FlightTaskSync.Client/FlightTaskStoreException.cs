namespace FlightTaskSync.Client;

/// <summary>
/// The offline database could not be used: the file cannot be opened or created, it is not a
/// FlightTaskSync database (it is then left as it was), it was created by a newer version of
/// FlightTaskSync, it is damaged, or it cannot be read or written (rights, a full disk). Every
/// call of <see cref="IFlightTaskStore"/> throws it for any failure of the file, as does a sync.
/// The message names the file and what to do.
/// </summary>
public sealed class FlightTaskStoreException : FlightTaskSyncException
{
    /// <summary>Initializes a new instance with a default message.</summary>
    public FlightTaskStoreException()
        : base("The flight task database could not be used.")
    {
    }

    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">What went wrong and what to do next.</param>
    public FlightTaskStoreException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the exception behind it.</summary>
    /// <param name="message">What went wrong and what to do next.</param>
    /// <param name="innerException">The exception that caused this one.</param>
    public FlightTaskStoreException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
