namespace FlightTaskSync.Emulator;

/// <summary>What an applied mutation entry did to a task (see <see cref="EmulatorData.Journal"/>).</summary>
public enum EmulatorMutationKind
{
    /// <summary>An <c>upsert_flight_tasks</c> entry without <c>sentera_id</c> created the task.</summary>
    Create,

    /// <summary>An <c>upsert_flight_tasks</c> entry with <c>sentera_id</c> updated the task.</summary>
    Update,

    /// <summary><c>begin_tasks</c> moved the task from <c>OPEN</c> to <c>IN_PROGRESS</c>.</summary>
    Begin,

    /// <summary><c>delete_tasks</c> deleted the task (a tombstone was kept).</summary>
    Delete,
}
