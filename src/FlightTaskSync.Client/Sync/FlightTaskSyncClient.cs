using System.Diagnostics;
using FlightTaskSync.Client.Diagnostics;
using FlightTaskSync.Client.Storage;
using FlightTaskSync.Client.Sync.Push;
using Microsoft.Extensions.Logging;

namespace FlightTaskSync.Client.Sync;

/// <summary>
/// The sync loop: reads the scope's hashes once, then asks for a page, checks it, updates the
/// hashes in memory and commits it (asking for the next page while it is written), until the
/// server says nothing is left (<c>FlightTaskSyncClient.Pull.cs</c>); with offline edits pending,
/// pushes them and pulls again (<c>FlightTaskSyncClient.Push.cs</c>). Around it: the
/// scope's lock, its persisted status, a trace span and metrics. Disposed (by the service
/// provider that made it), it cancels its running syncs and waits for them to end.
/// </summary>
internal sealed partial class FlightTaskSyncClient : IFlightTaskSyncClient, IAsyncDisposable, IDisposable
{
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
}
