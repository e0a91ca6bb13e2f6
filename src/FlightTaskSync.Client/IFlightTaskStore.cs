namespace FlightTaskSync.Client;

/// <summary>
/// The local copy of the flight tasks, kept per <see cref="SyncScope"/> by the sync. Reads need no
/// connection and never wait for a sync that is writing. Every member is thread-safe.
/// </summary>
public interface IFlightTaskStore
{
    /// <summary>Reads one task held for a scope.</summary>
    /// <param name="scope">The scope the task was synced in.</param>
    /// <param name="senteraId">The task's id (case-sensitive).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The task, or <see langword="null"/> when the scope holds no task with that id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scope"/> or <paramref name="senteraId"/> is null.</exception>
    /// <exception cref="FlightTaskStoreException">The database file cannot be read or written (damaged, missing rights, disk full, ...); the message names the file and what to do.</exception>
    Task<FlightTask?> GetAsync(SyncScope scope, string senteraId, CancellationToken cancellationToken = default);

    /// <summary>Lists the tasks held for a scope, at most 1,000, by <see cref="FlightTaskOrder.UpdatedAt"/>, without their <see cref="FlightTask.RawJson"/>.</summary>
    /// <param name="scope">The scope to list.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The tasks; empty when the scope holds none.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scope"/> is null.</exception>
    /// <exception cref="FlightTaskStoreException">The database file cannot be read or written (damaged, missing rights, disk full, ...); the message names the file and what to do.</exception>
    Task<IReadOnlyList<FlightTask>> ListAsync(SyncScope scope, CancellationToken cancellationToken);

    /// <summary>
    /// Lists one page of the tasks held for a scope that match a query, in the query's order: at
    /// most <see cref="FlightTaskQuery.Take"/> tasks (1,000 by default) after skipping
    /// <see cref="FlightTaskQuery.Skip"/>. The tasks' <see cref="FlightTask.RawJson"/> is read only
    /// when <see cref="FlightTaskQuery.IncludeRawJson"/> is set.
    /// </summary>
    /// <param name="scope">The scope to list.</param>
    /// <param name="query">Filters, order and page; <see langword="null"/> is the default query: the first 1,000 tasks by <see cref="FlightTaskOrder.UpdatedAt"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The matching tasks of the page; empty when none match or <see cref="FlightTaskQuery.Take"/> is 0.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scope"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The query's <see cref="FlightTaskQuery.Skip"/> or <see cref="FlightTaskQuery.Take"/> is negative, or one of its enums is not a defined value.</exception>
    /// <exception cref="FlightTaskStoreException">The database file cannot be read or written (damaged, missing rights, disk full, ...); the message names the file and what to do.</exception>
    Task<IReadOnlyList<FlightTask>> ListAsync(SyncScope scope, FlightTaskQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Counts the tasks held for a scope.</summary>
    /// <param name="scope">The scope to count.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>How many tasks the scope holds; 0 for a scope never synced.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scope"/> is null.</exception>
    /// <exception cref="FlightTaskStoreException">The database file cannot be read or written (damaged, missing rights, disk full, ...); the message names the file and what to do.</exception>
    Task<int> CountAsync(SyncScope scope, CancellationToken cancellationToken);

    /// <summary>
    /// Counts the tasks held for a scope that match a query's filters: what <see cref="ListAsync(SyncScope, FlightTaskQuery?, CancellationToken)"/>
    /// would list with no page. The query's order, <see cref="FlightTaskQuery.Skip"/> and <see cref="FlightTaskQuery.Take"/> do not apply to a count.
    /// </summary>
    /// <param name="scope">The scope to count.</param>
    /// <param name="query">The filters; <see langword="null"/> counts every task of the scope.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>How many of the scope's tasks match; 0 for a scope never synced.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scope"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">One of the query's enums is not a defined value.</exception>
    /// <exception cref="FlightTaskStoreException">The database file cannot be read or written (damaged, missing rights, disk full, ...); the message names the file and what to do.</exception>
    Task<int> CountAsync(SyncScope scope, FlightTaskQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Forgets everything held for a scope, its tasks and its sync bookkeeping, in one transaction.
    /// Other scopes are untouched. The next sync of the scope starts from nothing. A reset is a
    /// sign-out: the scope's offline edits not yet pushed (<see cref="IFlightTaskEditor.ListPendingAsync"/>),
    /// rejected ones included, and its tasks created offline are dropped with it and never sent; sync
    /// first to push them.
    /// </summary>
    /// <param name="scope">The scope to forget.</param>
    /// <param name="cancellationToken">Cancels the reset before it is committed.</param>
    /// <returns>A task that completes when the scope is forgotten.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scope"/> is null.</exception>
    /// <exception cref="FlightTaskStoreException">The database file cannot be read or written (damaged, missing rights, disk full, ...); the message names the file and what to do.</exception>
    Task ResetAsync(SyncScope scope, CancellationToken cancellationToken = default);

    /// <summary>
    /// Raised after each committed change: every page a sync applies, every reset, every offline edit
    /// and discard (<see cref="IFlightTaskEditor"/>), and every push's record of what the server made
    /// of edits (<see cref="FlightTasksChangedEventArgs.ReplacedIds"/> then says which local id became
    /// which sentera id). Handlers run
    /// on the thread that committed (a sync's thread, not the UI thread: marshal to it yourself)
    /// and should be quick; an exception from a handler is logged and does not stop the sync.
    /// </summary>
    event EventHandler<FlightTasksChangedEventArgs>? Changed;
}
