using System.Collections.Concurrent;
using FlightTaskSync.Client.Events;
using FlightTaskSync.Client.Storage;
using Microsoft.Extensions.Logging;

namespace FlightTaskSync.Client.Sync;

/// <summary>
/// Keeps each scope's <see cref="SyncStatus"/>: persisted at every transition (started,
/// completed, failed, canceled) so it survives a restart, held in memory while a sync runs, and
/// announced through <see cref="Changed"/>.
/// </summary>
internal sealed class SyncStatusTracker
{
    private const string InterruptedType = "SyncInterrupted";

    private readonly IPageStore _store;
    private readonly ScopeSyncLock _lock;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<SyncScope, SyncStatus> _running = new();

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

    /// <summary>Records a sync's start (the caller holds the scope's lock) and returns what was persisted before it.</summary>
    public async Task<ScopeSyncRecord?> StartedAsync(SyncScope scope, CancellationToken cancellationToken)
    {
        var before = await _store.ReadSyncRecordAsync(scope, cancellationToken).ConfigureAwait(false);
        await _store.MarkSyncStartedAsync(scope, cancellationToken).ConfigureAwait(false);
        var status = FromRecord(scope, before) with
        {
            State = SyncState.Syncing,
            LastStartedAt = _timeProvider.GetUtcNow(),
            LastErrorType = null,
            LastErrorMessage = null,
        };
        Publish(status, running: true);
        return before;
    }

    /// <summary>Notes a committed page: the tasks held so far.</summary>
    public void PageCommitted(SyncScope scope, int tasksHeld)
    {
        if (_running.TryGetValue(scope, out var status))
        {
            Publish(status with { TasksHeld = tasksHeld }, running: true);
        }
    }

    public async Task CompletedAsync(SyncScope scope, DateTimeOffset completedAt, bool fullResync, int tasksHeld, CancellationToken cancellationToken)
    {
        await _store.MarkSyncCompletedAsync(scope, completedAt, fullResync, cancellationToken).ConfigureAwait(false);
        var status = (_running.TryGetValue(scope, out var running) ? running : new SyncStatus { Scope = scope, State = SyncState.Idle }) with
        {
            State = SyncState.Idle,
            TasksHeld = tasksHeld,
            LastSucceededAt = completedAt,
            LastFullResyncAt = fullResync ? completedAt : running?.LastFullResyncAt,
        };
        Publish(status, running: false);
    }

    /// <summary>Records a sync that ended without completing: failed with <paramref name="error"/>, or canceled when it is null.</summary>
    public async Task EndedAsync(SyncScope scope, Exception? error)
    {
        try
        {
            // The caller's token may be canceled already; the status must be written anyway.
            await _store.MarkSyncEndedAsync(scope, error?.GetType().Name, error?.Message, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            SyncLog.StatusNotSaved(_logger, scope, exception);
        }

        var status = (_running.TryGetValue(scope, out var running) ? running : new SyncStatus { Scope = scope, State = SyncState.Idle }) with
        {
            State = error is null ? SyncState.Idle : SyncState.Failed,
            LastFailedAt = error is null ? running?.LastFailedAt : _timeProvider.GetUtcNow(),
            LastErrorType = error?.GetType().Name,
            LastErrorMessage = error?.Message,
        };
        Publish(status, running: false);
    }

    public async Task<SyncStatus> ReadAsync(SyncScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (_running.TryGetValue(scope, out var running))
        {
            return running;
        }

        var record = await _store.ReadSyncRecordAsync(scope, cancellationToken).ConfigureAwait(false);
        var status = FromRecord(scope, record);
        if (status.State == SyncState.Syncing && !_lock.IsHeld(scope))
        {
            // Persisted as syncing, yet no sync holds the scope: the app stopped during that sync.
            return status with
            {
                State = SyncState.Failed,
                LastErrorType = InterruptedType,
                LastErrorMessage = "The last sync did not finish: the app stopped during it. The next sync resumes from the last committed page.",
            };
        }

        return status;
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
                _ => record.LastCompletedAt is null && record.LastFailedAt is null && record.TasksHeld == 0 ? SyncState.NeverSynced : SyncState.Idle,
            },
            TasksHeld = record.TasksHeld,
            LastStartedAt = record.LastStartedAt,
            LastSucceededAt = record.LastCompletedAt,
            LastFailedAt = record.LastFailedAt,
            LastErrorType = record.State == "failed" ? record.LastErrorType : null,
            LastErrorMessage = record.State == "failed" ? record.LastErrorMessage : null,
            LastFullResyncAt = record.LastFullResyncAt,
        };

    private void Publish(SyncStatus status, bool running)
    {
        if (running)
        {
            _running[status.Scope] = status;
        }
        else
        {
            _running.TryRemove(status.Scope, out _);
        }

        IsolatedEventRaiser.Raise(Changed, Sender, new SyncStatusChangedEventArgs(status), exception => SyncLog.StatusHandlerFailed(_logger, status.Scope, exception));
    }
}
