namespace FlightTaskSync.Emulator;

/// <summary>The status of an emulated flight task: the schema's <c>TaskStatus</c> values.</summary>
public enum EmulatorTaskStatus
{
    /// <summary><c>OPEN</c>: planned, not started.</summary>
    Open,

    /// <summary><c>IN_PROGRESS</c>: a flight has started.</summary>
    InProgress,

    /// <summary><c>FLIGHT_COMPLETED</c>: flown, imagery not processed yet.</summary>
    FlightCompleted,

    /// <summary><c>WAITING_FOR_UPLOAD</c>: flown, imagery still on the device.</summary>
    WaitingForUpload,

    /// <summary><c>COMPLETED</c>: done.</summary>
    Completed,

    /// <summary><c>FAILED</c>: the flight or its processing failed.</summary>
    Failed,

    /// <summary><c>CANCELED</c> (one L, as the schema spells it).</summary>
    Canceled,
}
