using System.Diagnostics;
using FlightTaskSync.Client.Diagnostics;
using FlightTaskSync.Client.Storage;
using FlightTaskSync.Client.Transport;

namespace FlightTaskSync.Client.Sync;

/// <summary>
/// The pull: the scope's held hashes read once, then page after page until the server says
/// nothing is left, each page written while the next is fetched (one write at a time, in order,
/// each its own transaction), and, after a full resync, the removal of what did not come back.
/// </summary>
internal sealed partial class FlightTaskSyncClient
{
    private static readonly IReadOnlyDictionary<string, string> NothingStored = new Dictionary<string, string>(StringComparer.Ordinal);

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

    /// <summary>A page being written to the store while the sync goes on; taken into the totals once.</summary>
    private sealed class PageWrite(SyncPage page, int pageNumber, Task<PageWriteResult> task)
    {
        public SyncPage Page { get; } = page;

        public int PageNumber { get; } = pageNumber;

        public Task<PageWriteResult> Task { get; } = task;

        public bool Taken { get; set; }
    }
}
