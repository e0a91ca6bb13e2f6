namespace FlightTaskSync.Client;

/// <summary>
/// A page from the server could not be used: not JSON, a required field missing or of the wrong
/// type, the same task twice, one task both upserted and deleted, a task of a type this SDK does
/// not know. The page was not applied; the store holds what the previous pages left. Report it:
/// it points at a server fault or a server change this version of FlightTaskSync does not follow.
/// </summary>
public sealed class FlightTaskSyncInvalidResponseException : FlightTaskSyncException
{
    /// <summary>Initializes a new instance with a default message.</summary>
    public FlightTaskSyncInvalidResponseException()
        : base("The FieldAgent server sent a page that could not be used.")
    {
    }

    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">What went wrong and what to do next.</param>
    public FlightTaskSyncInvalidResponseException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the exception behind it.</summary>
    /// <param name="message">What went wrong and what to do next.</param>
    /// <param name="innerException">The exception that caused this one.</param>
    public FlightTaskSyncInvalidResponseException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Gets the number of the page (from 1) that could not be used.</summary>
    public int PageNumber { get; init; }
}
