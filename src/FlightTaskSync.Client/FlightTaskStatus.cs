namespace FlightTaskSync.Client;

/// <summary>
/// The state of a flight task, as FieldAgent reports it. Not named <c>TaskStatus</c>, which would
/// collide with <see cref="System.Threading.Tasks.TaskStatus"/> wherever implicit usings are on.
/// </summary>
public enum FlightTaskStatus
{
    /// <summary>A status this version of the SDK does not know; <see cref="FlightTask.StatusValue"/> has the server's text.</summary>
    Unknown = 0,

    /// <summary>The task is open: not started yet (<c>OPEN</c>).</summary>
    Open,

    /// <summary>The task is being worked on (<c>IN_PROGRESS</c>).</summary>
    InProgress,

    /// <summary>The flight is done; its data is not processed yet (<c>FLIGHT_COMPLETED</c>).</summary>
    FlightCompleted,

    /// <summary>The flight's data is waiting to be uploaded (<c>WAITING_FOR_UPLOAD</c>).</summary>
    WaitingForUpload,

    /// <summary>The task is complete (<c>COMPLETED</c>).</summary>
    Completed,

    /// <summary>The task failed (<c>FAILED</c>).</summary>
    Failed,

    /// <summary>The task was canceled (<c>CANCELED</c>, one L, as the server spells it).</summary>
    Canceled,
}
