using FlightTaskSync.Emulator.Data;

namespace FlightTaskSync.Emulator;

/// <summary>
/// One flight task as the emulator holds it: an immutable record, changed with <c>with</c>
/// expressions through <see cref="EmulatorData.Update(string, Func{EmulatorTask, EmulatorTask})"/>.
/// Dates are kept in UTC and served to whole seconds.
/// </summary>
public sealed record EmulatorTask
{
    /// <summary>The task's id, of the real shape (<c>xxxxxxx_TA_...</c>).</summary>
    public required string SenteraId { get; init; }

    /// <summary>The organization that owns the task. It cannot change through an update.</summary>
    public required string OrganizationSenteraId { get; init; }

    /// <summary>The task's name, such as "North 40 — stand count".</summary>
    public required string Name { get; init; }

    /// <summary>The task's status.</summary>
    public EmulatorTaskStatus Status { get; init; }

    /// <summary>Who flies the task.</summary>
    public EmulatorTaskProvider Provider { get; init; }

    /// <summary>The deprecated task type.</summary>
    public EmulatorTaskType TaskType { get; init; }

    /// <summary>Free-text notes, or <see langword="null"/>.</summary>
    public string? Notes { get; init; }

    /// <summary>The field (<c>AS</c>) the task covers, or <see langword="null"/>.</summary>
    public string? FieldSenteraId { get; init; }

    /// <summary>The plan (feature set, <c>FS</c>), or <see langword="null"/>.</summary>
    public string? PlanSenteraId { get; init; }

    /// <summary>The survey (<c>CO</c>), or <see langword="null"/>.</summary>
    public string? SurveySenteraId { get; init; }

    /// <summary>The user (<c>US</c>) the task is assigned to, or <see langword="null"/>.</summary>
    public string? AssignedToSenteraId { get; init; }

    /// <summary>The user who completed the task, or <see langword="null"/>.</summary>
    public string? CompletedBySenteraId { get; init; }

    /// <summary>The user who created the task.</summary>
    public required string CreatedBySenteraId { get; init; }

    /// <summary>The user who last changed the task, or <see langword="null"/>.</summary>
    public string? UpdatedBySenteraId { get; init; }

    /// <summary>When the task was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the task was last changed. An update that leaves it as it was stamps the current time.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>When the flight is scheduled, or <see langword="null"/>.</summary>
    public DateTimeOffset? ScheduledAt { get; init; }

    /// <summary>The target date, or <see langword="null"/>.</summary>
    public DateTimeOffset? TargetedAt { get; init; }

    /// <summary>The deprecated due date (the schema's <c>due_at</c>), or <see langword="null"/>.</summary>
    public DateTimeOffset? DueAt { get; init; }

    /// <summary>When the work started, or <see langword="null"/>.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When the task was completed, or <see langword="null"/>.</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>When the task was canceled, or <see langword="null"/>.</summary>
    public DateTimeOffset? CanceledAt { get; init; }

    /// <summary>
    /// The content hash the server reports for this content: 16 characters of the base64 of a
    /// SHA-256 over every field above, so that any change gives a new hash. Computed on each read.
    /// </summary>
    public string ContentHash => ContentHasher.Compute(this);
}
