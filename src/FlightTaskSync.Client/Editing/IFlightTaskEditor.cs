namespace FlightTaskSync.Client;

/// <summary>
/// Edits flight tasks offline. Each edit is one local transaction that needs no network: when the
/// call returns, the store's reads show the edited task (<c>FlightTask.HasPendingEdits</c> is true; a
/// created task has a local id until pushed), <see cref="IFlightTaskStore.Changed"/> has fired, and
/// the edit is queued durably, so a process killed afterwards does not lose it. The next
/// <see cref="IFlightTaskSyncClient.SyncAsync"/> of the scope pushes the queued edits in the order
/// they were made, then pulls.
/// </summary>
/// <remarks>
/// <para>
/// Values are checked first: a bad edit throws <see cref="ArgumentException"/> (naming the property and
/// the rule) and nothing is queued or changed. The checks are the server's documented ones (a name is
/// required and at most 255 characters, notes at most 65,535, ...), so an edit that passes them is
/// refused by the server only for what the device cannot know (an unknown field id, a task that
/// can no longer begin): it is then listed as <see cref="PendingEditState.Rejected"/> with the server's
/// messages, in the sync's <c>PushRejections</c>, until the app discards it.
/// </para>
/// <para>
/// Every member is thread-safe. An edit made while a sync of the scope is pushing is sent by the
/// next sync. A store failure throws <see cref="FlightTaskStoreException"/> and queues nothing.
/// </para>
/// </remarks>
public interface IFlightTaskEditor
{
    /// <summary>
    /// Begins an open task (sent with <c>begin_tasks</c>: OPEN to IN_PROGRESS). Reads show the task
    /// <see cref="FlightTaskStatus.InProgress"/> at once.
    /// </summary>
    /// <param name="scope">The scope the task is held in.</param>
    /// <param name="taskId">The task's <see cref="FlightTask.SenteraId"/> (a local id for a task created offline).</param>
    /// <param name="cancellationToken">Cancels the edit before it is committed; nothing is then queued.</param>
    /// <returns>The task as reads now show it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scope"/> or <paramref name="taskId"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="taskId"/> is blank.</exception>
    /// <exception cref="KeyNotFoundException">The scope holds no task with that id (or it was deleted).</exception>
    /// <exception cref="InvalidOperationException">The task, as reads show it, is not <see cref="FlightTaskStatus.Open"/>.</exception>
    Task<FlightTask> BeginAsync(SyncScope scope, string taskId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Changes some properties of a task (sent with <c>upsert_flight_tasks</c>): the properties set in
    /// <paramref name="changes"/>, and only those, are sent; a property set to <see langword="null"/> is cleared.
    /// </summary>
    /// <param name="scope">The scope the task is held in.</param>
    /// <param name="taskId">The task's <see cref="FlightTask.SenteraId"/> (a local id for a task created offline).</param>
    /// <param name="changes">The properties to change; at least one.</param>
    /// <param name="cancellationToken">Cancels the edit before it is committed; nothing is then queued.</param>
    /// <returns>The task as reads now show it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scope"/>, <paramref name="taskId"/> or <paramref name="changes"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="taskId"/> is blank, <paramref name="changes"/> sets nothing, or a value breaks a rule
    /// (name cleared, blank or over 255 characters; notes over 65,535; a blank id or e-mail; a provider
    /// of <see cref="FlightTaskProvider.Unknown"/>; a date before 1970 or after 2199; completed before started).
    /// </exception>
    /// <exception cref="KeyNotFoundException">The scope holds no task with that id (or it was deleted).</exception>
    Task<FlightTask> UpdateAsync(SyncScope scope, string taskId, FlightTaskChanges changes, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates a task (sent with <c>upsert_flight_tasks</c>). Until the push, the task has a local id,
    /// and further edits of it use that id; the push replaces it everywhere with the server's id
    /// (<see cref="IFlightTaskStore.Changed"/> says which became which). A create is never sent twice:
    /// when its answer is lost, the next sync looks for the created task before sending it again.
    /// </summary>
    /// <param name="scope">The scope to create the task in; the task's organization must be in it.</param>
    /// <param name="task">The task to create.</param>
    /// <param name="cancellationToken">Cancels the edit before it is committed; nothing is then queued.</param>
    /// <returns>The task as reads now show it, with its local id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scope"/> or <paramref name="task"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// A value breaks a rule (as for <see cref="UpdateAsync"/>; the name and organization are required),
    /// or the organization is not the scope's when the scope does not include descendants.
    /// </exception>
    Task<FlightTask> CreateAsync(SyncScope scope, NewFlightTask task, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes a task (sent with <c>delete_tasks</c>). Reads stop showing it at once. Deleting a task
    /// created offline and not pushed yet sends nothing: the create and its edits are dropped.
    /// </summary>
    /// <param name="scope">The scope the task is held in.</param>
    /// <param name="taskId">The task's <see cref="FlightTask.SenteraId"/> (a local id for a task created offline).</param>
    /// <param name="cancellationToken">Cancels the edit before it is committed; nothing is then queued.</param>
    /// <returns>A task that completes when the delete is queued.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scope"/> or <paramref name="taskId"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="taskId"/> is blank.</exception>
    /// <exception cref="KeyNotFoundException">The scope holds no task with that id (or it was deleted).</exception>
    Task DeleteAsync(SyncScope scope, string taskId, CancellationToken cancellationToken = default);

    /// <summary>Lists the scope's edits that the server has not accepted yet, pending or rejected, in the order they were made.</summary>
    /// <param name="scope">The scope.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The edits; empty when nothing waits.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scope"/> is null.</exception>
    Task<IReadOnlyList<PendingEdit>> ListPendingAsync(SyncScope scope, CancellationToken cancellationToken = default);

    /// <summary>
    /// Discards an edit, pending or rejected: it is never sent, and reads show the task without it
    /// (<see cref="IFlightTaskStore.Changed"/> fires). Discarding a create also discards the later
    /// edits of that task, which could not be sent without it. An edit whose push is under way, or
    /// whose answer was lost, may still reach the server: the next sync then brings its effect back.
    /// </summary>
    /// <param name="scope">The scope.</param>
    /// <param name="editId">The edit's <see cref="PendingEdit.Id"/>.</param>
    /// <param name="cancellationToken">Cancels the discard before it is committed.</param>
    /// <returns><see langword="true"/> when the edit was discarded; <see langword="false"/> when the scope has no such edit (it was pushed or discarded already).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scope"/> is null.</exception>
    Task<bool> DiscardAsync(SyncScope scope, long editId, CancellationToken cancellationToken = default);
}
