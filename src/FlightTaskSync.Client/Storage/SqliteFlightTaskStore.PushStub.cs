using FlightTaskSync.Client.Storage.Outbox;

namespace FlightTaskSync.Client.Storage;

/// <summary>
/// PLACEHOLDER, deleted at merge: the SQLite outbox and local view are written in their own partial
/// files on another branch. Until then the store has no edits (so a sync is the pull it was), and
/// every other outbox member throws.
/// </summary>
internal sealed partial class SqliteFlightTaskStore : IOutboxStore, ILocalEditStore
{
    private const string Placeholder = "placeholder until the SQLite outbox lands";

    /// <inheritdoc/>
    public Task<IReadOnlyList<OutboxEdit>> ReadEditsAsync(SyncScope scope, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<OutboxEdit>>([]);

    /// <inheritdoc/>
    public Task<IReadOnlyDictionary<string, ServerTaskState>> ReadServerTasksAsync(
        SyncScope scope, IReadOnlyCollection<string> senteraIds, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException(Placeholder);

    /// <inheritdoc/>
    public Task<IReadOnlyList<ServerTaskState>> ReadServerTasksFirstHeldSinceAsync(
        SyncScope scope, DateTimeOffset since, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException(Placeholder);

    /// <inheritdoc/>
    public Task MarkSendingAsync(SyncScope scope, IReadOnlyCollection<long> editIds, DateTimeOffset sentAt, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException(Placeholder);

    /// <inheritdoc/>
    public Task RecordOutcomesAsync(SyncScope scope, IReadOnlyList<EditOutcome> outcomes, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException(Placeholder);

    /// <inheritdoc/>
    public Task<FlightTask?> AddEditAsync(SyncScope scope, LocalEdit edit, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException(Placeholder);

    /// <inheritdoc/>
    public Task<IReadOnlyList<PendingEdit>> ListPendingAsync(SyncScope scope, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException(Placeholder);

    /// <inheritdoc/>
    public Task<bool> DiscardAsync(SyncScope scope, long editId, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException(Placeholder);
}
