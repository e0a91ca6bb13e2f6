namespace FlightTaskSync.Client;

/// <summary>
/// The server kept answering without bringing the sync closer to its end: a page with nothing
/// new while <c>remaining_count</c> was above zero, or a <c>remaining_count</c> that did not fall
/// for <see cref="FlightTaskSyncOptions.MaxPagesWithoutProgress"/> pages. The sync stopped instead
/// of looping; what was applied so far is kept. Sync again later; if it recurs, report it.
/// </summary>
public sealed class FlightTaskSyncStalledException : FlightTaskSyncException
{
    /// <summary>Initializes a new instance with a default message.</summary>
    public FlightTaskSyncStalledException()
        : base("The sync stopped because the server's answers no longer brought it closer to the end.")
    {
    }

    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">What went wrong and what to do next.</param>
    public FlightTaskSyncStalledException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the exception behind it.</summary>
    /// <param name="message">What went wrong and what to do next.</param>
    /// <param name="innerException">The exception that caused this one.</param>
    public FlightTaskSyncStalledException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Gets the number of the last page received.</summary>
    public int PageNumber { get; init; }

    /// <summary>Gets the server's last <c>remaining_count</c>.</summary>
    public int RemainingCount { get; init; }
}
