namespace FlightTaskSync.Client;

/// <summary>
/// A flight task to create offline, given to <see cref="IFlightTaskEditor.CreateAsync"/>. Until it
/// is pushed, the task has a local id (its <see cref="FlightTask.SenteraId"/>); the push replaces
/// it with the id the server gives. A property left <see langword="null"/> is not sent.
/// </summary>
public sealed class NewFlightTask
{
    /// <summary>Gets the task's name: required, not blank, at most 255 characters.</summary>
    public required string Name { get; init; }

    /// <summary>
    /// Gets the id of the organization the task belongs to: required. It must be in the scope the
    /// task is created in (the scope's organization, or one of its descendants when the scope
    /// includes them), or no sync of that scope would ever bring the task back.
    /// </summary>
    public required string OrganizationSenteraId { get; init; }

    /// <summary>Gets the task's notes (at most 65,535 characters), if any.</summary>
    public string? Notes { get; init; }

    /// <summary>Gets the id of the field to fly, if any.</summary>
    public string? FieldSenteraId { get; init; }

    /// <summary>Gets the id of the plan (feature set), if any.</summary>
    public string? PlanSenteraId { get; init; }

    /// <summary>Gets the id of the survey, if any.</summary>
    public string? SurveySenteraId { get; init; }

    /// <summary>Gets who flies the task.</summary>
    /// <value>The default value is <see cref="FlightTaskProvider.Self"/>, the server's default; <see cref="FlightTaskProvider.Unknown"/> cannot be sent.</value>
    public FlightTaskProvider Provider { get; init; } = FlightTaskProvider.Self;

    /// <summary>Gets the e-mail address of the user to assign the task to (the server looks the user up), if any.</summary>
    public string? AssignedToEmail { get; init; }

    /// <summary>Gets the id of the user to assign the task to, if any.</summary>
    public string? AssignedToSenteraId { get; init; }

    /// <summary>Gets the id of the user who completed the task, if any.</summary>
    public string? CompletedBySenteraId { get; init; }

    /// <summary>Gets when the flight is scheduled, if it is.</summary>
    public DateTimeOffset? ScheduledAt { get; init; }

    /// <summary>Gets the date the flight is targeted for, if any.</summary>
    public DateTimeOffset? TargetedAt { get; init; }

    /// <summary>Gets the due date (deprecated by the server in favour of <see cref="TargetedAt"/>), if any.</summary>
    public DateTimeOffset? DueAt { get; init; }

    /// <summary>Gets when work started, if it has (the server then infers <see cref="FlightTaskStatus.InProgress"/>).</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>Gets when the task was completed, if it was (the server then infers <see cref="FlightTaskStatus.Completed"/>).</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>Gets when the task was canceled, if it was (the server then infers <see cref="FlightTaskStatus.Canceled"/>).</summary>
    public DateTimeOffset? CanceledAt { get; init; }

    /// <summary>Gives a short description for logs: the name and organization, never the notes.</summary>
    /// <returns>For example <c>"Replant check" in ezpt0wj_OR_...</c>.</returns>
    public override string ToString() => $"\"{Name}\" in {OrganizationSenteraId}";
}
