using System.Collections.Concurrent;
using FlightTaskSync.Client.Events;
using FlightTaskSync.Client.Storage;
using Microsoft.Extensions.Logging;

namespace FlightTaskSync.Client.Sync;

/// <summary>
/// Keeps each scope's <see cref="SyncStatus"/>: persisted at every transition (started,
/// completed, failed, canceled) so it survives a restart, held in memory while a sync runs (with
/// its retries and its push), and announced through <see cref="Changed"/>.
/// </summary>
internal sealed class SyncStatusTracker
{
    private const string InterruptedMessage =
        "The last sync did not finish: the app stopped during it. The next sync resumes from the last committed page.";

    private readonly IPageStore _store;
    private readonly ScopeSyncLock _lock;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<SyncScope, SyncStatus> _running = new();

    // Running syncs whose start is recorded but not yet announced: their status does not say yet
    // how many tasks are held, which the sync's read of the held hashes tells (see StartCounted).
    private readonly ConcurrentDictionary<SyncScope, byte> _uncounted = new();

    // Each change reads the running status, changes it and announces it under this lock, so that
    // changes from the page being written and from the page being fetched neither undo each other
    // nor reach handlers out of order.
    private readonly Lock _changing = new();

    public SyncStatusTracker(IPageStore store, ScopeSyncLock scopeLock, TimeProvider timeProvider, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(scopeLock);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _store = store;
        _lock = scopeLock;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public event EventHandler<SyncStatusChangedEventArgs>? Changed;

    /// <summary>Gets or sets the object given as the sender of <see cref="Changed"/>.</summary>
    public object? Sender { get; set; }

    /// <summary>
    /// Records a sync's start (the caller holds the scope's lock) and returns what was persisted
    /// before it. The start is announced by <see cref="StartCounted"/>, once the sync has counted
    /// the tasks held: counting them here too would scan the scope's tasks once more per sync.
    /// </summary>
    public async Task<ScopeSyncRecord?> StartedAsync(SyncScope scope, SyncClaim claim, CancellationToken cancellationToken)
    {
        var before = await _store.ReadSyncRecordAsync(scope, countTasks: false, cancellationToken).ConfigureAwait(false);
        await _store.MarkSyncStartedAsync(scope, claim, cancellationToken).ConfigureAwait(false);
        var status = FromRecord(scope, before) with
        {
            State = SyncState.Syncing,
            LastStartedAt = _timeProvider.GetUtcNow(),
            LastErrorKind = SyncErrorKind.None,
            LastErrorMessage = null,
        };
        lock (_changing)
        {
            _running[scope] = status;
            _uncounted[scope] = 0;
        }

        return before;
    }

    /// <summary>Notes how many tasks the sync found held as it started, and announces its start.</summary>
    public void StartCounted(SyncScope scope, int tasksHeld)
    {
        lock (_changing)
        {
            _uncounted.TryRemove(scope, out _);
            ChangeRunning(scope, status => status with { TasksHeld = tasksHeld });
        }
    }

    /// <summary>Notes a committed page: the tasks held so far.</summary>
    public void PageCommitted(SyncScope scope, int tasksHeld) =>
        ChangeRunning(scope, status => status with { TasksHeld = tasksHeld });

    /// <summary>Notes that a page waits for its retry number <paramref name="retry"/>, due at <paramref name="nextAttemptAt"/>.</summary>
    public void Retrying(SyncScope scope, int retry, DateTimeOffset nextAttemptAt) =>
        ChangeRunning(scope, status => status with { State = SyncState.Retrying, RetryAttempt = retry, NextAttemptAt = nextAttemptAt });

    /// <summary>Notes that the retry waited for has started.</summary>
    public void RetryStarted(SyncScope scope) =>
        ChangeRunning(scope, status => status with { State = SyncState.Syncing, RetryAttempt = 0, NextAttemptAt = null });

    /// <summary>Notes that the sync sends its offline edits (held in memory only: another process sees it syncing).</summary>
    public void PushStarted(SyncScope scope) =>
        ChangeRunning(scope, status => status with { State = SyncState.Pushing, RetryAttempt = 0, NextAttemptAt = null });

    /// <summary>Notes that the push is over and the sync goes on (a failed push ends the sync next, through <see cref="EndedAsync"/>).</summary>
    public void PushEnded(SyncScope scope) =>
        ChangeRunning(scope, status => status.State == SyncState.Pushing ? status with { State = SyncState.Syncing } : status);

    public async Task CompletedAsync(SyncScope scope, DateTimeOffset completedAt, bool fullResync, int tasksHeld, SyncClaim claim, CancellationToken cancellationToken)
    {
        await _store.MarkSyncCompletedAsync(scope, completedAt, fullResync, claim, cancellationToken).ConfigureAwait(false);
        _uncounted.TryRemove(scope, out _);
        Change(scope, running => (running ?? new SyncStatus { Scope = scope, State = SyncState.Idle }) with
        {
            State = SyncState.Idle,
            TasksHeld = tasksHeld,
            LastSucceededAt = completedAt,
            LastFullResyncAt = fullResync ? completedAt : running?.LastFullResyncAt,
            RetryAttempt = 0,
            NextAttemptAt = null,
        }, running: false);
    }

    /// <summary>
    /// Records a sync that ended without completing: failed with <paramref name="error"/>, or
    /// canceled when it is null (idle again; never synced, if no sync of the scope ever completed).
    /// When the sync's claim is gone (the scope reset, the file replaced) nothing is recorded and
    /// the scope reads as never synced, as the database now says.
    /// </summary>
    public async Task EndedAsync(SyncScope scope, Exception? error, SyncClaim claim)
    {
        var kind = error is null ? SyncErrorKind.None : SyncErrorKinds.Of(error);
        var claimed = true;
        try
        {
            // The caller's token may be canceled already; the status must be written anyway.
            claimed = await _store.MarkSyncEndedAsync(scope, kind, error?.Message, claim, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            SyncLog.StatusNotSaved(_logger, scope, exception);
        }

        // Ended before it counted the tasks held (its start never announced): the store counts them.
        var held = _uncounted.TryRemove(scope, out _) && claimed ? await CountHeldAsync(scope).ConfigureAwait(false) : null;
        Change(scope, running =>
        {
            if (!claimed)
            {
                return new SyncStatus { Scope = scope, State = SyncState.NeverSynced };
            }

            var status = running ?? new SyncStatus { Scope = scope, State = SyncState.NeverSynced };
            return status with
            {
                TasksHeld = held ?? status.TasksHeld,
                State = error is not null ? SyncState.Failed : status.LastSucceededAt is null ? SyncState.NeverSynced : SyncState.Idle,
                LastFailedAt = error is null ? status.LastFailedAt : _timeProvider.GetUtcNow(),
                LastErrorKind = kind,
                LastErrorMessage = error?.Message,
                RetryAttempt = 0,
                NextAttemptAt = null,
            };
        }, running: false);
    }

    public async Task<SyncStatus> ReadAsync(SyncScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (_running.TryGetValue(scope, out var running))
        {
            // Asked between a sync's start and its count of the tasks held: the store counts them.
            return _uncounted.ContainsKey(scope)
                ? running with { TasksHeld = (await _store.ReadSyncRecordAsync(scope, countTasks: true, cancellationToken).ConfigureAwait(false))?.TasksHeld ?? 0 }
                : running;
        }

        var record = await _store.ReadSyncRecordAsync(scope, countTasks: true, cancellationToken).ConfigureAwait(false);
        var status = FromRecord(scope, record);
        if (status.State == SyncState.Syncing && !_lock.IsHeld(scope))
        {
            // Persisted as syncing, yet no sync holds the scope: the app stopped during that sync.
            return status with
            {
                State = SyncState.Failed,
                LastErrorKind = SyncErrorKind.Interrupted,
                LastErrorMessage = InterruptedMessage,
            };
        }

        return status;
    }

    private async Task<int?> CountHeldAsync(SyncScope scope)
    {
        try
        {
            return (await _store.ReadSyncRecordAsync(scope, countTasks: true, CancellationToken.None).ConfigureAwait(false))?.TasksHeld;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The store failing is likely why the sync ended, and that failure is logged with the
            // sync's; the ended status then says no more than it knew.
            return null;
        }
    }

    private static SyncStatus FromRecord(SyncScope scope, ScopeSyncRecord? record) => record is null
        ? new SyncStatus { Scope = scope, State = SyncState.NeverSynced }
        : new SyncStatus
        {
            Scope = scope,
            State = record.State switch
            {
                "syncing" => SyncState.Syncing,
                "failed" => SyncState.Failed,
                _ => record.LastCompletedAt is null ? SyncState.NeverSynced : SyncState.Idle,
            },
            TasksHeld = record.TasksHeld ?? 0,
            LastStartedAt = record.LastStartedAt,
            LastSucceededAt = record.LastCompletedAt,
            LastFailedAt = record.LastFailedAt,
            LastErrorKind = record.State == "failed" ? record.LastErrorKind : SyncErrorKind.None,
            LastErrorMessage = record.State == "failed" ? record.LastErrorMessage : null,
            LastFullResyncAt = record.LastFullResyncAt,
        };

    /// <summary>Changes the status of a scope whose sync is running; does nothing once it has ended.</summary>
    private void ChangeRunning(SyncScope scope, Func<SyncStatus, SyncStatus> change) =>
        Change(scope, running => running is null ? null : change(running), running: true);

    private void Change(SyncScope scope, Func<SyncStatus?, SyncStatus?> change, bool running)
    {
        lock (_changing)
        {
            var status = change(_running.TryGetValue(scope, out var current) ? current : null);
            if (status is null)
            {
                return;
            }

            if (running)
            {
                _running[scope] = status;
            }
            else
            {
                _running.TryRemove(scope, out _);
            }

            IsolatedEventRaiser.Raise(Changed, Sender, new SyncStatusChangedEventArgs(status), exception => SyncLog.StatusHandlerFailed(_logger, status.Scope, exception));
        }
    }
}
