namespace FlightTaskSync.Emulator.Data;

/// <summary>
/// How the emulator moves a task's status when a write changes its dates. <c>FlightTaskImport</c>
/// has no status field, so the status an upsert leads to is inferred from <c>started_at</c>,
/// <c>completed_at</c> and <c>canceled_at</c> (the protocol does not document it); <c>begin_tasks</c>
/// is the only documented way to change a status.
/// </summary>
internal static class TaskLifecycle
{
    /// <summary>
    /// The status a task has after an upsert that carried at least one of its three lifecycle dates:
    /// <c>canceled_at</c> set → <c>CANCELED</c>; else <c>completed_at</c> set → <c>COMPLETED</c>; else
    /// a task that was <c>CANCELED</c> or <c>COMPLETED</c> (its date just cleared) goes back to
    /// <c>IN_PROGRESS</c> if started, <c>OPEN</c> if not; an <c>OPEN</c> task with <c>started_at</c> becomes
    /// <c>IN_PROGRESS</c>; an <c>IN_PROGRESS</c> task whose <c>started_at</c> is cleared becomes <c>OPEN</c>;
    /// any other status (<c>FLIGHT_COMPLETED</c>, <c>WAITING_FOR_UPLOAD</c>, <c>FAILED</c>) stays, as no date says it.
    /// </summary>
    public static EmulatorTaskStatus Infer(EmulatorTask task) => task switch
    {
        { CanceledAt: not null } => EmulatorTaskStatus.Canceled,
        { CompletedAt: not null } => EmulatorTaskStatus.Completed,
        { Status: EmulatorTaskStatus.Canceled or EmulatorTaskStatus.Completed } => task.StartedAt is null ? EmulatorTaskStatus.Open : EmulatorTaskStatus.InProgress,
        { Status: EmulatorTaskStatus.Open, StartedAt: not null } => EmulatorTaskStatus.InProgress,
        { Status: EmulatorTaskStatus.InProgress, StartedAt: null } => EmulatorTaskStatus.Open,
        _ => task.Status,
    };
}
