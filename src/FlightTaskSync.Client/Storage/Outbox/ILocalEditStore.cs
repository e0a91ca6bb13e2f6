namespace FlightTaskSync.Client.Storage.Outbox;

/// <summary>
/// What <see cref="Editing.FlightTaskEditor"/> needs of the store: to queue an edit and show it, to
/// list the queue and to discard from it. The editor has checked the values; the store checks what
/// only it can see (does the task exist, can it begin) and does the rest in one transaction.
/// </summary>
internal interface ILocalEditStore
{
    /// <summary>
    /// Queues an edit and applies it to the scope's local view, in one transaction, then raises
    /// <see cref="IFlightTaskStore.Changed"/> (after the commit) with the task's id.
    /// </summary>
    /// <remarks>
    /// The implementation must, in that one transaction:
    /// <list type="bullet">
    /// <item>find the task in the scope's local view (the server's row with pending edits applied, or a
    /// task created offline); a task deleted by a pending edit counts as absent. For a create, the id
    /// is new: a row with it already is a bug (throw <see cref="InvalidOperationException"/>).</item>
    /// <item>for a begin, check the local view's status is <see cref="FlightTaskStatus.Open"/>.</item>
    /// <item>give the edit the next id of a sequence that only grows, across scopes and restarts
    /// (SQLite <c>AUTOINCREMENT</c>): ids are the order edits were made.</item>
    /// <item>record, from the server's row as last pulled (not the local view): its content hash as
    /// <see cref="OutboxEdit.BaseContentHash"/> and, for an update, the row's value of each property the
    /// changes set as <see cref="OutboxEdit.BaseValues"/>; both null for a task that exists only locally.</item>
    /// <item>store the edit <see cref="OutboxEditState.Pending"/> with <see cref="LocalEdit.MadeAt"/>.</item>
    /// <item>update the local view: the task shows the edit (an update's values; a begin as
    /// <see cref="FlightTaskStatus.InProgress"/> with <c>StartedAt</c> = MadeAt when it had none; a
    /// created task with its local id, status Open and an empty content hash; a delete hides it) and
    /// <c>HasPendingEdits</c>.</item>
    /// </list>
    /// A failure or a cancellation before the commit leaves the store as it was.
    /// </remarks>
    /// <returns>The task as reads now show it; null for a delete.</returns>
    /// <exception cref="KeyNotFoundException">The scope's local view has no task with the edit's id.</exception>
    /// <exception cref="InvalidOperationException">A begin of a task that is not open.</exception>
    /// <exception cref="FlightTaskStoreException">The store failed; nothing was queued.</exception>
    Task<FlightTask?> AddEditAsync(SyncScope scope, LocalEdit edit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists the scope's edits, in id order, as the app sees them: <see cref="OutboxEditState.Pending"/>
    /// and <see cref="OutboxEditState.Sending"/> as <see cref="PendingEditState.Pending"/>,
    /// <see cref="OutboxEditState.Rejected"/> as rejected with its errors.
    /// </summary>
    Task<IReadOnlyList<PendingEdit>> ListPendingAsync(SyncScope scope, CancellationToken cancellationToken = default);

    /// <summary>
    /// Removes an edit of the scope (any state), and for a create every edit of its local task
    /// (the local task disappears), in one transaction; the local view is recomputed without them
    /// and <see cref="IFlightTaskStore.Changed"/> fires. False when the scope has no such edit.
    /// </summary>
    Task<bool> DiscardAsync(SyncScope scope, long editId, CancellationToken cancellationToken = default);
}
