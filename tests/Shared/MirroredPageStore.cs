using FlightTaskSync.Client.Storage;
using FlightTaskSync.Client;

namespace FlightTaskSync.Tests.Shared;

/// <summary>
/// The SQLite store's page side, which after every committed page hands the scope's rows to an
/// <see cref="InMemoryOutboxStore"/> (its <see cref="InMemoryOutboxStore.Pull"/>): the outbox then
/// knows the server's tasks as pulled, for push tests that watch the in-memory outbox. One source,
/// linked into each test project.
/// </summary>
internal sealed class MirroredPageStore(SqliteFlightTaskStore inner, InMemoryOutboxStore outbox) : IPageStore
{
    public event EventHandler<FlightTasksChangedEventArgs>? Changed
    {
        add => inner.Changed += value;
        remove => inner.Changed -= value;
    }

    public Task<Dictionary<string, string>> ReadContentHashesAsync(SyncScope scope, CancellationToken cancellationToken = default) =>
        inner.ReadContentHashesAsync(scope, cancellationToken);

    public Task<int> ReadHeldHashesAsync(SyncScope scope, Utf8TextSink addHash, CancellationToken cancellationToken = default) =>
        inner.ReadHeldHashesAsync(scope, addHash, cancellationToken);

    public Task<Dictionary<string, string>> ReadHashesOfAsync(
        SyncScope scope, PageRows page, CancellationToken cancellationToken = default) =>
        inner.ReadHashesOfAsync(scope, page, cancellationToken);

    public Task<SyncClaim> ClaimAsync(SyncScope scope, CancellationToken cancellationToken = default) => inner.ClaimAsync(scope, cancellationToken);

    public Task ReleaseAsync(SyncClaim claim, CancellationToken cancellationToken = default) => inner.ReleaseAsync(claim, cancellationToken);

    public async Task<PageWriteResult> ApplyPageAsync(
        SyncScope scope, PageRows page, SyncClaim? claim = null, CancellationToken cancellationToken = default)
    {
        var written = await inner.ApplyPageAsync(scope, page, claim, cancellationToken);
        outbox.Pull(await inner.ListAsync(scope, new FlightTaskQuery { Take = int.MaxValue }, CancellationToken.None));
        return written;
    }

    public Task MarkSyncCompletedAsync(SyncScope scope, DateTimeOffset completedAt, bool fullResync = false, SyncClaim? claim = null, CancellationToken cancellationToken = default) =>
        inner.MarkSyncCompletedAsync(scope, completedAt, fullResync, claim, cancellationToken);

    public Task MarkSyncStartedAsync(SyncScope scope, SyncClaim? claim = null, CancellationToken cancellationToken = default) =>
        inner.MarkSyncStartedAsync(scope, claim, cancellationToken);

    public Task<bool> MarkSyncEndedAsync(SyncScope scope, SyncErrorKind errorKind, string? errorMessage, SyncClaim? claim = null, CancellationToken cancellationToken = default) =>
        inner.MarkSyncEndedAsync(scope, errorKind, errorMessage, claim, cancellationToken);

    public Task<ScopeSyncRecord?> ReadSyncRecordAsync(SyncScope scope, bool countTasks, CancellationToken cancellationToken = default) =>
        inner.ReadSyncRecordAsync(scope, countTasks, cancellationToken);
}
