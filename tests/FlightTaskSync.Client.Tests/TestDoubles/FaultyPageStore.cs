using FlightTaskSync.Client.Storage;

namespace FlightTaskSync.Client.Tests.TestDoubles;

/// <summary>
/// The SDK's own store, made to throw at one named step of a sync (the name of an
/// <see cref="IPageStore"/> method), as a bug or a failing disk would, once.
/// </summary>
internal sealed class FaultyPageStore(IPageStore inner) : IPageStore
{
    private int _thrown;

    /// <summary>Gets or sets the method that throws, e.g. <c>nameof(IPageStore.ApplyPageAsync)</c>.</summary>
    public string? FailIn { get; set; }

    /// <summary>Gets or sets what it throws.</summary>
    public Func<Exception> Failure { get; set; } = () => new InvalidOperationException("A bug in the store.");

    /// <summary>Gets or sets a step run before each named step (given its name), failing or not.</summary>
    public Func<string, Task>? BeforeStep { get; set; }

    public Task<Dictionary<string, string>> ReadContentHashesAsync(SyncScope scope, CancellationToken cancellationToken = default) =>
        Step(nameof(ReadContentHashesAsync), () => inner.ReadContentHashesAsync(scope, cancellationToken));

    public Task<int> ReadHeldHashesAsync(SyncScope scope, Utf8TextSink addHash, CancellationToken cancellationToken = default) =>
        Step(nameof(ReadHeldHashesAsync), () => inner.ReadHeldHashesAsync(scope, addHash, cancellationToken));

    public Task<Dictionary<string, string>> ReadHashesOfAsync(SyncScope scope, PageRows page, CancellationToken cancellationToken = default) =>
        Step(nameof(ReadHashesOfAsync), () => inner.ReadHashesOfAsync(scope, page, cancellationToken));

    public Task<PageWriteResult> ApplyPageAsync(SyncScope scope, PageRows page, SyncClaim? claim = null, CancellationToken cancellationToken = default) =>
        Step(nameof(ApplyPageAsync), () => inner.ApplyPageAsync(scope, page, claim, cancellationToken));

    public Task MarkSyncCompletedAsync(SyncScope scope, DateTimeOffset completedAt, bool fullResync = false, SyncClaim? claim = null, CancellationToken cancellationToken = default) =>
        Step(nameof(MarkSyncCompletedAsync), async () =>
        {
            await inner.MarkSyncCompletedAsync(scope, completedAt, fullResync, claim, cancellationToken);
            return true;
        });

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

    private async Task<T> Step<T>(string name, Func<Task<T>> run)
    {
        if (BeforeStep is { } before)
        {
            await before(name);
        }

        if (name == FailIn && Interlocked.Exchange(ref _thrown, 1) == 0)
        {
            throw Failure();
        }

        return await run();
    }
}
