namespace FlightTaskSync.Client;

/// <summary>What an offline edit does. The values are stable: they are stored with each edit.</summary>
public enum PendingEditKind
{
    /// <summary>Creates a task (<see cref="IFlightTaskEditor.CreateAsync"/>; sent with <c>upsert_flight_tasks</c>).</summary>
    Create = 0,

    /// <summary>Changes some of a task's properties (<see cref="IFlightTaskEditor.UpdateAsync"/>; sent with <c>upsert_flight_tasks</c>).</summary>
    Update = 1,

    /// <summary>Moves an open task to in progress (<see cref="IFlightTaskEditor.BeginAsync"/>; sent with <c>begin_tasks</c>).</summary>
    Begin = 2,

    /// <summary>Deletes a task (<see cref="IFlightTaskEditor.DeleteAsync"/>; sent with <c>delete_tasks</c>).</summary>
    Delete = 3,
}
