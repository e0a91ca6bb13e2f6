using FlightTaskSync.Client.Storage;
using FlightTaskSync.Client.Transport;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace FlightTaskSync.Client.Sync;

/// <summary>
/// The sync loop: reads the scope's hashes once, then asks for a page, checks it, commits it
/// and updates the hashes in memory, until the server says nothing is left.
/// </summary>
internal sealed class FlightTaskSyncClient : IFlightTaskSyncClient
{
    private readonly PageFetcher _fetcher;
    private readonly IPageStore _store;
    private readonly ScopeSyncLock _lock;
    private readonly FlightTaskSyncOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    public FlightTaskSyncClient(
        PageFetcher fetcher,
        IPageStore store,
        ScopeSyncLock scopeLock,
        FlightTaskSyncOptions options,
        TimeProvider timeProvider,
        ILogger<FlightTaskSyncClient> logger)
    {
        ArgumentNullException.ThrowIfNull(fetcher);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(scopeLock);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _fetcher = fetcher;
        _store = store;
        _lock = scopeLock;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <inheritdoc/>
    public async Task<SyncReport> SyncAsync(SyncScope scope, IProgress<SyncProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var run = new SyncRun(scope, _timeProvider.GetUtcNow(), _timeProvider.GetTimestamp());
        try
        {
            var held = await _lock.AcquireAsync(scope, cancellationToken).ConfigureAwait(false);
            await using (held.ConfigureAwait(false))
            {
                return await RunAsync(run, progress, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            SyncLog.SyncCanceled(_logger, scope, run.Pages + 1);
            throw;
        }
        catch (FlightTaskSyncException exception)
        {
            SyncLog.SyncFailed(_logger, scope, exception);
            throw;
        }
        catch (Exception exception) when (exception is SqliteException or IOException or UnauthorizedAccessException)
        {
            var wrapped = new FlightTaskSyncException(
                $"The sync of {scope} failed in the offline store at page {run.Pages + 1}: {exception.Message}. " +
                "Committed pages are kept; check that the database folder is writable and the disk is not full.",
                exception);
            SyncLog.SyncFailed(_logger, scope, wrapped);
            throw wrapped;
        }
    }

    private async Task<SyncReport> RunAsync(SyncRun run, IProgress<SyncProgress>? progress, CancellationToken cancellationToken)
    {
        var scope = run.Scope;
        var hashes = new HeldContentHashes(await _store.ReadContentHashesAsync(scope, cancellationToken).ConfigureAwait(false));
        SyncLog.SyncStarted(_logger, scope, hashes.Count);
        var guard = new SyncLoopGuard(scope, _options.MaxPagesWithoutProgress);

        while (true)
        {
            var pageNumber = run.Pages + 1;
            var attempts = new PageAttempts(scope, pageNumber);
            ISyncFlightTasks_Sync_flight_tasks data;
            try
            {
                data = await _fetcher.FetchAsync(scope, hashes.ToRequestList(), attempts, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                run.Retries += attempts.Retries;
            }

            var page = SyncPageReader.Read(data, pageNumber);
            var changes = hashes.CountChanges(page);
            var written = await _store.ApplyPageAsync(scope, page.Upserted, page.DeletedIds, cancellationToken).ConfigureAwait(false);
            hashes.Apply(page);
            run.Pages = pageNumber;
            run.Upserted += page.Upserted.Count;
            run.Deleted += written.Deleted;
            run.Failures.AddRange(page.Failures);

            SyncLog.PageCommitted(_logger, scope, pageNumber, page.Upserted.Count, written.Deleted, page.Failures.Count, page.RemainingCount);
            if (page.Failures.Count > 0)
            {
                SyncLog.PageReportedFailures(_logger, scope, pageNumber, page.Failures.Count, page.Failures[0]);
            }

            progress?.Report(new SyncProgress(scope, pageNumber, run.Upserted, run.Deleted, page.RemainingCount));
            if (page.RemainingCount == 0)
            {
                break;
            }

            guard.Check(pageNumber, changes, page.RemainingCount);
        }

        await _store.MarkSyncCompletedAsync(scope, _timeProvider.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        var duration = _timeProvider.GetElapsedTime(run.StartTimestamp);
        SyncLog.SyncCompleted(_logger, scope, run.Pages, run.Upserted, run.Deleted, hashes.Count, run.Retries, duration);
        return new SyncReport
        {
            Scope = scope,
            Pages = run.Pages,
            Upserted = run.Upserted,
            Deleted = run.Deleted,
            TasksHeld = hashes.Count,
            Retries = run.Retries,
            Failures = run.Failures,
            StartedAt = run.StartedAt,
            Duration = duration,
        };
    }

    /// <summary>The running totals of one sync.</summary>
    private sealed class SyncRun(SyncScope scope, DateTimeOffset startedAt, long startTimestamp)
    {
        public SyncScope Scope { get; } = scope;

        public DateTimeOffset StartedAt { get; } = startedAt;

        public long StartTimestamp { get; } = startTimestamp;

        public int Pages { get; set; }

        public int Upserted { get; set; }

        public int Deleted { get; set; }

        public int Retries { get; set; }

        public List<SyncFailure> Failures { get; } = [];
    }
}
