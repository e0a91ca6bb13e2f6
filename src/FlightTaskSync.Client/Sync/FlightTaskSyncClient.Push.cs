using System.Diagnostics;
using FlightTaskSync.Client.Sync.Push;

namespace FlightTaskSync.Client.Sync;

/// <summary>
/// The push inside a sync, under the scope's lock and claim, after the first pull: edits left in
/// doubt are settled first from what was just pulled (a create whose answer was lost is found
/// before it could be sent again), then the pending edits go, then the sync pulls what they changed
/// and settles anything the push left in doubt. A call the network or the server did not answer
/// ends the push, and the sync fails with it as a pull would (the same exception types): its edits
/// stay pending, or in doubt, and go with the next sync. Rejections and conflicts are no failure.
/// </summary>
internal sealed partial class FlightTaskSyncClient
{
    /// <summary>Settles edits in doubt, then pushes; returns what the push (not the reconciliation) did.</summary>
    private async Task<PushResult> PushPendingAsync(SyncRun run, IProgress<SyncProgress>? progress, CancellationToken cancellationToken)
    {
        var scope = run.Scope;
        await ReconcileAsync(run, cancellationToken).ConfigureAwait(false);

        var before = run.Push;
        PushResult? current = null;
        _status.PushStarted(scope);
        try
        {
            current = await _push.PushAsync(scope, _options.ConflictResolution, cancellationToken, totals =>
            {
                current = totals;
                run.Push = before.Add(totals);
                ReportPush(run, progress);
            }).ConfigureAwait(false);
            return current;
        }
        finally
        {
            var pushed = current ?? PushResult.Empty;
            run.Push = before.Add(pushed);
            Count(pushed);
            PushLog.PushEnded(_logger, scope, run.Push.Pushed, run.Push.Rejections.Count, run.Push.Conflicts.Count, pushed.Calls);
            _status.PushEnded(scope);
        }
    }

    /// <summary>Decides the edits left in doubt from the tasks just pulled, into the sync's totals.</summary>
    private async Task ReconcileAsync(SyncRun run, CancellationToken cancellationToken)
    {
        var reconciled = await _push.ReconcileAsync(run.Scope, cancellationToken).ConfigureAwait(false);
        run.Push = run.Push.Add(reconciled);
        Count(reconciled);
    }

    private static void ReportPush(SyncRun run, IProgress<SyncProgress>? progress) =>
        progress?.Report(new SyncProgress
        {
            Scope = run.Scope,
            Phase = SyncPhase.Pushing,
            PageNumber = run.Pages,
            Upserted = run.Upserted,
            Deleted = run.Deleted,
            RemainingCount = 0,
            EditsToPush = run.Push.Planned,
            Pushed = run.Push.Pushed,
            PushRejected = run.Push.Rejections.Count,
        });

    private void Count(PushResult result)
    {
        _instruments.EditsPushed.Add(result.Pushed);
        _instruments.EditsRejected.Add(result.Rejections.Count);
        foreach (var conflict in result.Conflicts)
        {
            _instruments.EditConflicts.Add(1, new TagList { { "decision", conflict.Decision == ConflictDecision.Sent ? "sent" : "dropped" } });
        }
    }
}
