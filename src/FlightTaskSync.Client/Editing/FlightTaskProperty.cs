namespace FlightTaskSync.Client;

/// <summary>
/// A property of a flight task that an offline edit can change: one of the fields the server's
/// <c>FlightTaskImport</c> carries. Used by <see cref="FlightTaskChanges.ChangedProperties"/> and
/// <see cref="PushConflictField.Property"/>. The values are stable: they may be stored.
/// </summary>
public enum FlightTaskProperty
{
    /// <summary><see cref="FlightTask.Name"/> (<c>name</c>).</summary>
    Name = 0,

    /// <summary><see cref="FlightTask.Notes"/> (<c>notes</c>).</summary>
    Notes = 1,

    /// <summary><see cref="FlightTask.FieldSenteraId"/> (<c>field_sentera_id</c>).</summary>
    FieldSenteraId = 2,

    /// <summary><see cref="FlightTask.PlanSenteraId"/> (<c>plan_sentera_id</c>).</summary>
    PlanSenteraId = 3,

    /// <summary><see cref="FlightTask.SurveySenteraId"/> (<c>survey_sentera_id</c>).</summary>
    SurveySenteraId = 4,

    /// <summary><see cref="FlightTask.Provider"/> (<c>provider</c>).</summary>
    Provider = 5,

    /// <summary>The e-mail address of the user to assign the task to (<c>assigned_to_email</c>); the server resolves it to <see cref="FlightTask.AssignedToSenteraId"/>.</summary>
    AssignedToEmail = 6,

    /// <summary><see cref="FlightTask.AssignedToSenteraId"/> (<c>assigned_to_sentera_id</c>).</summary>
    AssignedToSenteraId = 7,

    /// <summary><see cref="FlightTask.CompletedBySenteraId"/> (<c>completed_by_sentera_id</c>).</summary>
    CompletedBySenteraId = 8,

    /// <summary><see cref="FlightTask.ScheduledAt"/> (<c>scheduled_at</c>).</summary>
    ScheduledAt = 9,

    /// <summary><see cref="FlightTask.TargetedAt"/> (<c>targeted_at</c>).</summary>
    TargetedAt = 10,

    /// <summary><see cref="FlightTask.DueAt"/> (<c>due_at</c>).</summary>
    DueAt = 11,

    /// <summary><see cref="FlightTask.StartedAt"/> (<c>started_at</c>).</summary>
    StartedAt = 12,

    /// <summary><see cref="FlightTask.CompletedAt"/> (<c>completed_at</c>).</summary>
    CompletedAt = 13,

    /// <summary><see cref="FlightTask.CanceledAt"/> (<c>canceled_at</c>).</summary>
    CanceledAt = 14,
}
