using System.Diagnostics;
using FlightTaskSync.Client.Diagnostics;
using FlightTaskSync.Client.Storage;
using FlightTaskSync.Client.Sync.Push;
using FlightTaskSync.Client.Transport;
using Microsoft.Extensions.Logging;

namespace FlightTaskSync.Client.Sync;

/// <summary>
/// The sync loop: reads the scope's hashes once, then asks for a page, checks it, updates the
/// hashes in memory and commits it (asking for the next page while it is written), until the
/// server says nothing is left; with offline edits pending, pushes them and pulls again
/// (<c>FlightTaskSyncClient.Push.cs</c>). Around it: the
/// scope's lock, its persisted status, a trace span and metrics. Disposed (by the service
/// provider that made it), it cancels its running syncs and waits for them to end.
/// </summary>
internal sealed partial class FlightTaskSyncClient : IFlightTaskSyncClient, IAsyncDisposable, IDisposable
{
    private static readonly IReadOnlyDictionary<string, string> NothingStored = new Dictionary<string, string>(StringComparer.Ordinal);

    private readonly PageFetcher _fetcher;
    private readonly IPageStore _store;
    private readonly ScopeSyncLock _lock;
    private readonly PushRunner _push;
    private readonly SyncStatusTracker _status;
    private readonly SyncInstruments _instruments;
    private readonly FlightTaskSyncOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly RunningSyncs _runs = new();
    private int _disposed;

    public FlightTaskSyncClient(
        PageFetcher fetcher,
        IPageStore store,
        ScopeSyncLock scopeLock,
        PushRunner push,
        SyncInstruments instruments,
        FlightTaskSyncOptions options,
        TimeProvider timeProvider,
        ILogger<FlightTaskSyncClient> logger)
    {
        ArgumentNullException.ThrowIfNull(fetcher);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(scopeLock);
        ArgumentNullException.ThrowIfNull(push);
        ArgumentNullException.ThrowIfNull(instruments);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _fetcher = fetcher;
        _store = store;
        _lock = scopeLock;
        _push = push;
        _instruments = instruments;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
        _status = new SyncStatusTracker(store, scopeLock, timeProvider, logger) { Sender = this };
        _store.Changed += OnStoreChanged;
    }

    /// <inheritdoc/>
    public event EventHandler<SyncStatusChangedEventArgs>? StatusChanged
    {
        add => _status.Changed += value;
        remove => _status.Changed -= value;
    }

    /// <inheritdoc/>
    public Task<SyncReport> SyncAsync(SyncScope scope, IProgress<SyncProgress>? progress = null, CancellationToken cancellationToken = default) =>
        RunLockedAsync(scope, forceFullResync: false, progress, cancellationToken);

    /// <inheritdoc/>
    public Task<SyncReport> FullResyncAsync(SyncScope scope, IProgress<SyncProgress>? progress = null, CancellationToken cancellationToken = default) =>
        RunLockedAsync(scope, forceFullResync: true, progress, cancellationToken);

    /// <inheritdoc/>
    public Task<SyncStatus> GetStatusAsync(SyncScope scope, CancellationToken cancellationToken = default) =>
        _status.ReadAsync(scope, cancellationToken);

    private async Task<SyncReport> RunLockedAsync(SyncScope scope, bool forceFullResync, IProgress<SyncProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var running = _runs.Start(scope, cancellationToken);
        var run = new SyncRun(scope, running, _timeProvider.GetUtcNow(), _timeProvider.GetTimestamp());
        using var activity = SyncInstruments.ActivitySource.StartActivity("FlightTaskSync.Sync");
        activity?.SetTag(FlightTaskSyncTelemetry.OrganizationTag, scope.OrganizationSenteraId);
        activity?.SetTag(FlightTaskSyncTelemetry.IncludeDescendantsTag, scope.IncludeDescendantOrganizations);
        try
        {
            var report = await RunClaimedAsync(run, forceFullResync, progress).ConfigureAwait(false);
            Record(run, activity, "completed");
            return report;
        }
        catch (Exception exception)
        {
            var failure = run.Ended is { } ended && ReferenceEquals(ended.Exception, exception) ? ended.Failure : SyncFailures.Of(run, exception);
            if (failure is null)
            {
                SyncLog.SyncCanceled(_logger, scope, run.Pages + 1);
                Record(run, activity, "canceled");
                if (exception is OperationCanceledException)
                {
                    throw;
                }

                // Stopped by the client's disposal, the sync may have ended by another exception on the way.
                throw new OperationCanceledException($"The sync of {scope} was canceled: FlightTaskSync was disposed.", exception, running.Token);
            }

            SyncLog.SyncFailed(_logger, scope, failure);
            Record(run, activity, "failed", failure);
            if (ReferenceEquals(failure, exception))
            {
                throw;
            }

            throw failure;
        }
        finally
        {
            await _runs.EndAsync(running).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A scope is due a full resync when the interval has passed since its last one, or since it
    /// was first synced. A scope never synced is not: its first sync starts from nothing held
    /// anyway, and counts as a full resync once it completes.
    /// </summary>
    private bool IsFullResyncDue(ScopeSyncRecord? before) =>
        _options.FullResyncInterval is { } interval &&
        before is not null &&
        _timeProvider.GetUtcNow() - (before.LastFullResyncAt ?? before.CreatedAt) >= interval;

    /// <summary>
    /// A pull; then, when offline edits are pending (or in doubt), their push and a pull of what it
    /// changed. A sync with nothing queued costs one read of the outbox more than the pull alone.
    /// </summary>
    private async Task<SyncReport> RunAsync(SyncRun run, IProgress<SyncProgress>? progress, CancellationToken cancellationToken)
    {
        var scope = run.Scope;
        var tasksHeld = await PullAsync(run, run.IsFullResync, progress, cancellationToken).ConfigureAwait(false);
        if (await _push.HasWorkAsync(scope, cancellationToken).ConfigureAwait(false))
        {
            var pushed = await PushPendingAsync(run, progress, cancellationToken).ConfigureAwait(false);
            if (pushed.Calls > 0)
            {
                tasksHeld = await PullAsync(run, fullResync: false, progress, cancellationToken).ConfigureAwait(false);
                await ReconcileAsync(run, cancellationToken).ConfigureAwait(false);
            }
        }

        var completedAt = _timeProvider.GetUtcNow();
        var wasFull = run.IsFullResync || run.StoredAtStart == 0;
        await _status.CompletedAsync(scope, completedAt, wasFull, tasksHeld, run.Claim, cancellationToken).ConfigureAwait(false);
        var duration = _timeProvider.GetElapsedTime(run.StartTimestamp);
        SyncLog.SyncCompleted(_logger, scope, run.Pages, run.Upserted, run.Deleted, tasksHeld, run.Retries, duration);
        return new SyncReport
        {
            Scope = scope,
            Pages = run.Pages,
            Upserted = run.Upserted,
            Deleted = run.Deleted,
            TasksHeld = tasksHeld,
            Retries = run.Retries,
            Failures = run.Failures,
            IsFullResync = run.IsFullResync,
            Pushed = run.Push.Pushed,
            PushRejections = run.Push.Rejections,
            Conflicts = run.Push.Conflicts,
            StartedAt = run.StartedAt,
            Duration = duration,
        };
    }

    /// <summary>Pulls the scope until the server says nothing is left; returns how many tasks it holds then.</summary>
    /// <param name="run">The sync; its first pull also records what was held at the start.</param>
    /// <param name="fullResync">Whether to pull from an empty hash set and remove what does not come back.</param>
    /// <param name="progress">Told after each committed page.</param>
    /// <param name="cancellationToken">Stops the pull.</param>
    private async Task<int> PullAsync(SyncRun run, bool fullResync, IProgress<SyncProgress>? progress, CancellationToken cancellationToken)
    {
        var scope = run.Scope;
        var firstPull = run.Pages == 0;

        // Read once per pull, never per page. A delta pull holds what the store holds, as the
        // request's JSON list; a full resync asks from nothing held, and needs the ids held
        // before only to remove, at the end, what it did not bring back.
        Dictionary<string, string>? heldBefore = null;
        HeldContentHashes hashes;
        if (fullResync)
        {
            heldBefore = await _store.ReadContentHashesAsync(scope, cancellationToken).ConfigureAwait(false);
            hashes = HeldContentHashes.ForFullResync(heldBefore);
        }
        else
        {
            var held = new JsonStringList(1024);
            await _store.ReadHeldHashesAsync(scope, held.AddUtf8, cancellationToken).ConfigureAwait(false);
            hashes = HeldContentHashes.FromStore(held);
        }

        var storedCount = heldBefore?.Count ?? hashes.Count;
        if (firstPull)
        {
            run.StoredAtStart = storedCount;
            _status.StartCounted(scope, storedCount);
            SyncLog.SyncStarted(_logger, scope, storedCount);
        }

        var guard = new SyncLoopGuard(scope, _options.MaxPagesWithoutProgress);

        // Pipelined: while a page is written to the store, the next one is already asked for
        // (its request is built from the held hashes including the page being written). Pages
        // are still written one at a time, in order, each in its own transaction; a page is
        // counted, logged and reported when its write commits.
        PageWrite? writing = null;
        try
        {
            for (var pageNumber = run.Pages + 1; ; pageNumber++)
            {
                using var pageActivity = SyncInstruments.ActivitySource.StartActivity("FlightTaskSync.Page");
                pageActivity?.SetTag("flighttasksync.page.number", pageNumber);
                var attempts = new PageAttempts(scope, pageNumber)
                {
                    RetryScheduled = (retry, delay) => _status.Retrying(scope, retry, _timeProvider.GetUtcNow() + delay),
                    RetryStarted = () => _status.RetryStarted(scope),
                };
                SyncPage page;
                try
                {
                    page = await FetchWhileWritingAsync(run, hashes, attempts, pageNumber, writing, storedCount, progress, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    run.Retries += attempts.Retries;
                    _instruments.Retries.Add(attempts.Retries);
                    pageActivity?.SetTag("flighttasksync.page.retries", attempts.Retries);
                }

                RecordPage(pageActivity, page);

                // What the store held for the page's ids (the previous page has committed): the
                // held hashes are brought level with the page before it is written, so the next
                // request can go out while it is.
                int changes;
                try
                {
                    var storedBefore = hashes.IsFullResync
                        ? NothingStored
                        : await _store.ReadHashesOfAsync(scope, page.Rows, cancellationToken).ConfigureAwait(false);
                    changes = hashes.Apply(page, storedBefore);
                }
                catch
                {
                    page.Dispose();
                    throw;
                }

                writing = StartWrite(run, page, pageNumber);
                if (page.RemainingCount == 0)
                {
                    break;
                }

                guard.Check(pageNumber, changes, page.RemainingCount);
            }

            await CompleteWriteAsync(run, writing, hashes, storedCount, progress).ConfigureAwait(false);
        }
        catch (Exception) when (writing is { Taken: false })
        {
            // Whatever stopped the sync (a failed request, a stall, a cancellation), the page
            // being written finishes first, committed or rolled back: nothing runs on after the
            // sync returns. Should that write fail too, its error is the one thrown.
            await CompleteWriteAsync(run, writing, hashes, storedCount, progress).ConfigureAwait(false);
            throw;
        }

        if (heldBefore is not null)
        {
            await RemoveWhatDidNotComeBackAsync(run, heldBefore, hashes, cancellationToken).ConfigureAwait(false);
        }

        return hashes.Count;
    }

    private async Task RemoveWhatDidNotComeBackAsync(SyncRun run, Dictionary<string, string> heldBefore, HeldContentHashes received, CancellationToken cancellationToken)
    {
        var missing = new List<string>();
        foreach (var id in heldBefore.Keys)
        {
            if (!received.HasReceived(id))
            {
                missing.Add(id);
            }
        }

        if (missing.Count == 0)
        {
            return;
        }

        // One transaction: until it commits, every task held before stays readable.
        using var removal = PageRows.Deletions(missing);
        var written = await _store.ApplyPageAsync(run.Scope, removal, run.Claim, cancellationToken).ConfigureAwait(false);
        run.Deleted += written.Deleted;
        _instruments.TasksDeleted.Add(written.Deleted);
        SyncLog.FullResyncRemoved(_logger, run.Scope, written.Deleted);
    }

    /// <summary>
    /// Fetches and reads the next page while the previous one is written. The write comes
    /// first: when it fails, the fetch is canceled and the write's error is thrown, as no page
    /// may be taken in after a page that did not commit.
    /// </summary>
    private async Task<SyncPage> FetchWhileWritingAsync(
        SyncRun run, HeldContentHashes hashes, PageAttempts attempts, int pageNumber, PageWrite? writing, int storedCount,
        IProgress<SyncProgress>? progress, CancellationToken cancellationToken)
    {
        if (writing is null)
        {
            return await FetchPageAsync(run.Scope, hashes, attempts, pageNumber, cancellationToken).ConfigureAwait(false);
        }

        using var fetchCanceled = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var fetching = FetchPageAsync(run.Scope, hashes, attempts, pageNumber, fetchCanceled.Token);
        try
        {
            await CompleteWriteAsync(run, writing, hashes, storedCount, progress).ConfigureAwait(false);
        }
        catch
        {
            await fetchCanceled.CancelAsync().ConfigureAwait(false);
            try
            {
                (await fetching.ConfigureAwait(false)).Dispose();
            }
            catch (Exception)
            {
                // The write's failure is the one to report; the canceled fetch's outcome is not used.
            }

            throw;
        }

        return await fetching.ConfigureAwait(false);
    }

    /// <summary>Fetches a page, read once into the store's rows (checked, raw JSON kept as UTF-8).</summary>
    private Task<SyncPage> FetchPageAsync(SyncScope scope, HeldContentHashes hashes, PageAttempts attempts, int pageNumber, CancellationToken cancellationToken)
    {
        Debug.Assert(attempts.PageNumber == pageNumber, "The attempts are the page's own.");
        return _fetcher.FetchAsync(scope, hashes.ToRequestList(), attempts, cancellationToken);
    }

    /// <summary>
    /// Writes a page on the thread pool, so that the next request can go out meanwhile (the
    /// store's calls run synchronously). Not canceled with the sync: a page whose write has
    /// started commits, so a cancellation never undoes a page already taken in.
    /// </summary>
    private PageWrite StartWrite(SyncRun run, SyncPage page, int pageNumber) =>
        new(page, pageNumber, Task.Run(() => _store.ApplyPageAsync(run.Scope, page.Rows, run.Claim, CancellationToken.None)));

    /// <summary>Waits for a page's write and takes it into the sync's totals, logs, status and progress (once).</summary>
    private async Task CompleteWriteAsync(SyncRun run, PageWrite write, HeldContentHashes hashes, int storedCount, IProgress<SyncProgress>? progress)
    {
        if (write.Taken)
        {
            return;
        }

        write.Taken = true;
        var page = write.Page;
        PageWriteResult written;
        try
        {
            written = await write.Task.ConfigureAwait(false);
        }
        finally
        {
            // The write has ended (committed or not): the rows' raw JSON buffer goes back to its pool.
            page.Dispose();
        }
        run.Pages = write.PageNumber;
        run.Upserted += page.Upserted.Count;
        run.Deleted += written.Deleted;
        run.Failures.AddRange(page.Failures);
        _instruments.Pages.Add(1);
        _instruments.TasksUpserted.Add(page.Upserted.Count);
        _instruments.TasksDeleted.Add(written.Deleted);
        _instruments.ServerFailures.Add(page.Failures.Count);

        SyncLog.PageCommitted(_logger, run.Scope, write.PageNumber, page.Upserted.Count, written.Deleted, page.Failures.Count, page.RemainingCount);
        if (page.Failures.Count > 0)
        {
            SyncLog.PageReportedFailures(_logger, run.Scope, write.PageNumber, page.Failures.Count, page.Failures[0]);
        }

        _status.PageCommitted(run.Scope, hashes.IsFullResync ? Math.Max(storedCount, hashes.Count) : hashes.Count);
        progress?.Report(new SyncProgress
        {
            Scope = run.Scope,
            PageNumber = write.PageNumber,
            Upserted = run.Upserted,
            Deleted = run.Deleted,
            RemainingCount = page.RemainingCount,
            EditsToPush = run.Push.Planned,
            Pushed = run.Push.Pushed,
            PushRejected = run.Push.Rejections.Count,
        });
    }

    private static void RecordPage(Activity? activity, SyncPage page)
    {
        activity?.SetTag("flighttasksync.page.upserted", page.Upserted.Count);
        activity?.SetTag("flighttasksync.page.deleted_ids", page.DeletedIds.Count);
        activity?.SetTag("flighttasksync.page.failures", page.Failures.Count);
        activity?.SetTag("flighttasksync.remaining_count", page.RemainingCount);
    }

    private void Record(SyncRun run, Activity? activity, string outcome, Exception? error = null)
    {
        var tags = new TagList { { "outcome", outcome }, { "full_resync", run.IsFullResync } };
        _instruments.Syncs.Add(1, tags);
        _instruments.SyncDuration.Record(_timeProvider.GetElapsedTime(run.StartTimestamp).TotalSeconds, tags);
        if (error is not null)
        {
            _instruments.Failures.Add(1, new KeyValuePair<string, object?>("error.type", error.GetType().Name));
        }

        if (activity is null)
        {
            return;
        }

        activity.SetTag("flighttasksync.pages", run.Pages);
        activity.SetTag("flighttasksync.upserted", run.Upserted);
        activity.SetTag("flighttasksync.deleted", run.Deleted);
        activity.SetTag("flighttasksync.retries", run.Retries);
        activity.SetTag("flighttasksync.full_resync", run.IsFullResync);
        activity.SetTag("flighttasksync.pushed", run.Push.Pushed);
        activity.SetTag("flighttasksync.push.rejected", run.Push.Rejections.Count);
        activity.SetTag("flighttasksync.push.conflicts", run.Push.Conflicts.Count);
        activity.SetTag("flighttasksync.outcome", outcome);
        if (error is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error, error.GetType().Name);
            activity.SetTag("error.type", error.GetType().Name);
        }
    }

    /// <summary>A page being written to the store while the sync goes on; taken into the totals once.</summary>
    private sealed class PageWrite(SyncPage page, int pageNumber, Task<PageWriteResult> task)
    {
        public SyncPage Page { get; } = page;

        public int PageNumber { get; } = pageNumber;

        public Task<PageWriteResult> Task { get; } = task;

        public bool Taken { get; set; }
    }
}
