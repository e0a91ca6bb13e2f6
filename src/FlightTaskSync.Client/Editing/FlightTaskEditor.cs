using FlightTaskSync.Client.Storage.Outbox;

namespace FlightTaskSync.Client.Editing;

/// <summary>
/// <see cref="IFlightTaskEditor"/>: checks every value first (<see cref="FlightTaskEditValidator"/>),
/// stamps the edit with the time and, for a create, a new local id, then hands it to the store,
/// which queues it and updates the local view in one transaction. Nothing here touches the network.
/// </summary>
internal sealed class FlightTaskEditor : IFlightTaskEditor
{
    private readonly ILocalEditStore _store;
    private readonly TimeProvider _timeProvider;

    public FlightTaskEditor(ILocalEditStore store, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _store = store;
        _timeProvider = timeProvider;
    }

    /// <inheritdoc/>
    public async Task<FlightTask> BeginAsync(SyncScope scope, string taskId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        FlightTaskEditValidator.CheckTaskId(taskId, nameof(taskId));
        return await AddAsync(scope, new LocalEdit { Kind = PendingEditKind.Begin, TaskId = taskId, MadeAt = Now() }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<FlightTask> UpdateAsync(SyncScope scope, string taskId, FlightTaskChanges changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        FlightTaskEditValidator.CheckTaskId(taskId, nameof(taskId));
        FlightTaskEditValidator.CheckChanges(changes, nameof(changes));
        var edit = new LocalEdit { Kind = PendingEditKind.Update, TaskId = taskId, MadeAt = Now(), Changes = changes };
        return await AddAsync(scope, edit, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<FlightTask> CreateAsync(SyncScope scope, NewFlightTask task, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        FlightTaskEditValidator.CheckNewTask(scope, task, nameof(task));
        var edit = new LocalEdit { Kind = PendingEditKind.Create, TaskId = LocalTaskId.New(), MadeAt = Now(), NewTask = task };
        return await AddAsync(scope, edit, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task DeleteAsync(SyncScope scope, string taskId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        FlightTaskEditValidator.CheckTaskId(taskId, nameof(taskId));
        await _store.AddEditAsync(scope, new LocalEdit { Kind = PendingEditKind.Delete, TaskId = taskId, MadeAt = Now() }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<PendingEdit>> ListPendingAsync(SyncScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return _store.ListPendingAsync(scope, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<bool> DiscardAsync(SyncScope scope, long editId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return _store.DiscardAsync(scope, editId, cancellationToken);
    }

    private async Task<FlightTask> AddAsync(SyncScope scope, LocalEdit edit, CancellationToken cancellationToken) =>
        await _store.AddEditAsync(scope, edit, cancellationToken).ConfigureAwait(false)
        ?? throw new InvalidOperationException($"The store returned no task for {edit.Kind} of {edit.TaskId}: only a delete hides its task.");

    // Stored to the millisecond, in UTC, like every date of the store.
    private DateTimeOffset Now()
    {
        var now = _timeProvider.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
    }
}
