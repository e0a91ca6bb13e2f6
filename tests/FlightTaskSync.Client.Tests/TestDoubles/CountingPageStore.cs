using FlightTaskSync.Client.Storage;

namespace FlightTaskSync.Client.Tests.TestDoubles;

/// <summary>
/// The SDK's own store, counting how often the sync engine reads a scope's hash set (either read)
/// and applies a page, with a hook before each page write.
/// </summary>
internal sealed class CountingPageStore(IPageStore inner) : IPageStore
{
    private int _hashReads;
    private int _pageWrites;

    public int HashReads => Volatile.Read(ref _hashReads);

    public int PageWrites => Volatile.Read(ref _pageWrites);

    public Task<Dictionary<string, string>> ReadContentHashesAsync(SyncScope scope, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _hashReads);
        return inner.ReadContentHashesAsync(scope, cancellationToken);
    }

    public Task<int> ReadHeldHashesAsync(SyncScope scope, Utf8TextSink addHash, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _hashReads);
        return inner.ReadHeldHashesAsync(scope, addHash, cancellationToken);
    }

    public Task<Dictionary<string, string>> ReadHashesOfAsync(SyncScope scope, PageRows page, CancellationToken cancellationToken = default) =>
        inner.ReadHashesOfAsync(scope, page, cancellationToken);

    /// <summary>Gets or sets a step run before each page write (given its number, from 1); it may wait or throw.</summary>
    public Func<int, Task>? BeforeWrite { get; set; }

    public async Task<PageWriteResult> ApplyPageAsync(SyncScope scope, PageRows page, SyncClaim? claim = null, CancellationToken cancellationToken = default)
    {
        var write = Interlocked.Increment(ref _pageWrites);
        if (BeforeWrite is { } beforeWrite)
        {
            await beforeWrite(write);
        }

        return await inner.ApplyPageAsync(scope, page, claim, cancellationToken);
    }

    /// <summary>Gets or sets a step run before a sync records its completion; it may wait or throw.</summary>
    public Func<Task>? BeforeCompleted { get; set; }

    public async Task MarkSyncCompletedAsync(SyncScope scope, DateTimeOffset completedAt, bool fullResync = false, SyncClaim? claim = null, CancellationToken cancellationToken = default)
    {
        if (BeforeCompleted is { } beforeCompleted)
        {
            await beforeCompleted();
        }

        await inner.MarkSyncCompletedAsync(scope, completedAt, fullResync, claim, cancellationToken);
    }

    public Task MarkSyncStartedAsync(SyncScope scope, SyncClaim? claim = null, CancellationToken cancellationToken = default) =>
        inner.MarkSyncStartedAsync(scope, claim, cancellationToken);

    public Task<bool> MarkSyncEndedAsync(
        SyncScope scope, SyncErrorKind errorKind, string? errorMessage, SyncClaim? claim = null, CancellationToken cancellationToken = default) =>
        inner.MarkSyncEndedAsync(scope, errorKind, errorMessage, claim, cancellationToken);

    public event EventHandler<FlightTasksChangedEventArgs>? Changed
    {
        add => inner.Changed += value;
        remove => inner.Changed -= value;
    }

    public Task<SyncClaim> ClaimAsync(SyncScope scope, CancellationToken cancellationToken = default) => inner.ClaimAsync(scope, cancellationToken);

    public Task ReleaseAsync(SyncClaim claim, CancellationToken cancellationToken = default) => inner.ReleaseAsync(claim, cancellationToken);

    public Task<ScopeSyncRecord?> ReadSyncRecordAsync(SyncScope scope, bool countTasks, CancellationToken cancellationToken = default) =>
        inner.ReadSyncRecordAsync(scope, countTasks, cancellationToken);
}
