namespace FlightTaskSync.Client;

/// <summary>
/// A flight task as held in the local store: the fields apps filter and show, typed, and the
/// task's JSON exactly as the server sent it, so fields this model does not have yet are kept.
/// Ids are FieldAgent <c>sentera_id</c>s: opaque, case-sensitive strings.
/// </summary>
public sealed class FlightTask
{
    /// <summary>Gets the task's id, e.g. <c>w9n9629_TA_8t8cAcme_CV_stag_877281e47_210503_085336</c>.</summary>
    public required string SenteraId { get; init; }

    /// <summary>Gets the server's hash of the task's content: an opaque, case-sensitive string that changes when the task does.</summary>
    public required string ContentHash { get; init; }

    /// <summary>Gets the task's name.</summary>
    public required string Name { get; init; }

    /// <summary>
    /// Gets the task's status. <see cref="FlightTaskStatus.Unknown"/> when the server sent a status this
    /// version of the SDK does not know; <see cref="StatusValue"/> then tells which.
    /// </summary>
    public required FlightTaskStatus Status { get; init; }

    /// <summary>
    /// Gets the status exactly as the server sent it (e.g. <c>IN_PROGRESS</c>), so that a status added
    /// on the server after this SDK was built is not lost. The store keeps this text and derives
    /// <see cref="Status"/> from it when reading.
    /// </summary>
    public required string StatusValue { get; init; }

    /// <summary>Gets who flies the task.</summary>
    public required FlightTaskProvider Provider { get; init; }

    /// <summary>Gets the task's notes, or <see langword="null"/> when it has none.</summary>
    public string? Notes { get; init; }

    /// <summary>Gets the id of the organization the task belongs to, when the server sent it.</summary>
    public string? OrganizationSenteraId { get; init; }

    /// <summary>Gets the id of the field to fly, if any.</summary>
    public string? FieldSenteraId { get; init; }

    /// <summary>Gets the id of the plan (feature set) of the flight, if any.</summary>
    public string? PlanSenteraId { get; init; }

    /// <summary>Gets the id of the survey the flight belongs to, if any.</summary>
    public string? SurveySenteraId { get; init; }

    /// <summary>Gets the id of the user the task is assigned to, if any.</summary>
    public string? AssignedToSenteraId { get; init; }

    /// <summary>Gets the id of the user who completed the task, if any.</summary>
    public string? CompletedBySenteraId { get; init; }

    /// <summary>Gets the id of the user who created the task.</summary>
    public required string CreatedBySenteraId { get; init; }

    /// <summary>Gets the id of the user who last updated the task, if any.</summary>
    public string? UpdatedBySenteraId { get; init; }

    /// <summary>Gets when the task was created. The store keeps dates in UTC, to the millisecond.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Gets when the task last changed on the server.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Gets when the flight is scheduled, if it is.</summary>
    public DateTimeOffset? ScheduledAt { get; init; }

    /// <summary>Gets the date the flight is targeted for, if any.</summary>
    public DateTimeOffset? TargetedAt { get; init; }

    /// <summary>Gets the task's due date, if any. The server deprecates it in favour of <see cref="TargetedAt"/>.</summary>
    public DateTimeOffset? DueAt { get; init; }

    /// <summary>Gets when work on the task started, if it has.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>Gets when the task was completed, if it was.</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>Gets when the task was canceled, if it was.</summary>
    public DateTimeOffset? CanceledAt { get; init; }

    /// <summary>
    /// Gets the task's JSON object exactly as the server sent it, including fields this model does
    /// not have yet. For a task edited offline it stays the server's JSON as last pulled (the typed
    /// properties show the edits); for a task created offline and not yet pushed it is a small JSON
    /// object of the values it was created with. It is most of a task's size, so it is read only when asked for:
    /// <see cref="IFlightTaskStore.GetAsync"/> always reads it; in the tasks
    /// <see cref="IFlightTaskStore.ListAsync(SyncScope, FlightTaskQuery?, CancellationToken)"/> returns it is
    /// <see langword="null"/> unless <see cref="FlightTaskQuery.IncludeRawJson"/> is set.
    /// </summary>
    public string? RawJson { get; init; }

    /// <summary>
    /// Gets when this copy of the task was written to the local store (UTC). The store sets it when
    /// it writes the task; a value given with a task to be written is replaced.
    /// </summary>
    public DateTimeOffset SyncedAt { get; init; }

    /// <summary>
    /// Gets whether the task shows offline edits not yet accepted by the server
    /// (<see cref="IFlightTaskEditor"/>): its fields are then the server's version as last pulled with
    /// the pending edits applied, and a task created offline has a local id (<c>local-...</c>) until
    /// a sync pushes it. <see cref="ContentHash"/>, <see cref="RawJson"/>, <see cref="UpdatedAt"/> and
    /// <see cref="CreatedAt"/> stay the server's (a task created offline has an empty content hash).
    /// An edit the server rejected no longer changes the task (a rejected create's task stays, marked
    /// pending, until the app discards the create); see <see cref="IFlightTaskEditor.ListPendingAsync"/>.
    /// </summary>
    public bool HasPendingEdits { get; init; }

    /// <summary>Gives a short description for logs and debugging: id, name and status, never the raw JSON.</summary>
    /// <returns>For example <c>w9n9629_TA_... "North field" (OPEN)</c>.</returns>
    public override string ToString() => $"{SenteraId} \"{Name}\" ({StatusValue})";
}
