namespace FlightTaskSync.Emulator;

/// <summary>Which requests an <see cref="EmulatorFault"/> may be drawn by, by the type of the operation they run.</summary>
public enum EmulatorFaultTarget
{
    /// <summary>Every request, including one whose body or query cannot be read.</summary>
    AnyRequest,

    /// <summary>Requests whose operation is a <c>query</c> (such as <c>sync_flight_tasks</c>).</summary>
    Queries,

    /// <summary>Requests whose operation is a <c>mutation</c> (<c>upsert_flight_tasks</c>, <c>begin_tasks</c>, <c>delete_tasks</c>).</summary>
    Mutations,
}
