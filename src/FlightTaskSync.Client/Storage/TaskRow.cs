namespace FlightTaskSync.Client.Storage;

/// <summary>
/// One task of a page as the store writes it: the typed columns, the status and provider as the
/// server's own text (no enum on the way), and the task's JSON as the UTF-8 the server sent.
/// </summary>
/// <remarks>
/// <see cref="RawJson"/> points into the <see cref="PageRows"/> that holds the row: valid only
/// until that page is disposed.
/// </remarks>
internal sealed class TaskRow
{
    /// <summary>Gets the task's id.</summary>
    public required string SenteraId { get; init; }

    /// <summary>Gets the server's hash of the task's content.</summary>
    public required string ContentHash { get; init; }

    /// <summary>Gets the task's name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the status as the server sent it (<c>OPEN</c>, or a status this version does not know).</summary>
    public required string Status { get; init; }

    /// <summary>Gets the provider as the server sent it, or <see langword="null"/>.</summary>
    public string? Provider { get; init; }

    /// <summary>Gets the task's notes.</summary>
    public string? Notes { get; init; }

    /// <summary>Gets the id of the task's organization.</summary>
    public string? OrganizationSenteraId { get; init; }

    /// <summary>Gets the id of the field.</summary>
    public string? FieldSenteraId { get; init; }

    /// <summary>Gets the id of the plan.</summary>
    public string? PlanSenteraId { get; init; }

    /// <summary>Gets the id of the survey.</summary>
    public string? SurveySenteraId { get; init; }

    /// <summary>Gets the id of the assignee.</summary>
    public string? AssignedToSenteraId { get; init; }

    /// <summary>Gets the id of the user who completed the task.</summary>
    public string? CompletedBySenteraId { get; init; }

    /// <summary>Gets the id of the user who created the task.</summary>
    public required string CreatedBySenteraId { get; init; }

    /// <summary>Gets the id of the user who last updated the task.</summary>
    public string? UpdatedBySenteraId { get; init; }

    /// <summary>Gets when the task was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Gets when the task last changed on the server.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Gets when the flight is scheduled.</summary>
    public DateTimeOffset? ScheduledAt { get; init; }

    /// <summary>Gets the date the flight is targeted for.</summary>
    public DateTimeOffset? TargetedAt { get; init; }

    /// <summary>Gets the task's due date.</summary>
    public DateTimeOffset? DueAt { get; init; }

    /// <summary>Gets when work on the task started.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>Gets when the task was completed.</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>Gets when the task was canceled.</summary>
    public DateTimeOffset? CanceledAt { get; init; }

    /// <summary>Gets the task's JSON object, UTF-8, exactly as the server sent it; empty when missing.</summary>
    public required ReadOnlyMemory<byte> RawJson { get; init; }
}
