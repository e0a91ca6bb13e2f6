namespace FlightTaskSync.Emulator;

/// <summary>The kind of an emulated task: the schema's (deprecated) <c>TaskType</c> values.</summary>
public enum EmulatorTaskType
{
    /// <summary><c>FLIGHT</c>: a drone flight.</summary>
    Flight,

    /// <summary><c>SCOUT</c>: a scouting visit on foot.</summary>
    Scout,
}
