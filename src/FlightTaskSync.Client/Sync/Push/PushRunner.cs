using FlightTaskSync.Client.Editing;
using FlightTaskSync.Client.Storage.Outbox;
using Microsoft.Extensions.Logging;

namespace FlightTaskSync.Client.Sync.Push;

/// <summary>
/// Runs the push of one scope through the store's outbox: after a pull, <see cref="ReconcileAsync"/>
/// settles edits left in doubt; <see cref="PushAsync"/> then applies the conflict policy, plans the
/// calls and, call by call, marks the edits sending (durably), sends, and records what came of each.
/// </summary>
/// <remarks>
/// The sync calls it under the scope's lock: pull, <see cref="ReconcileAsync"/>, <see cref="PushAsync"/>,
/// pull again (and <see cref="ReconcileAsync"/> again when the push ended in doubt, to adopt what
/// the second pull brought). A call not answered ends the push: its outcomes are recorded, then its
/// exception is thrown (a <see cref="FlightTaskSyncException"/>, or the caller's cancellation).
/// </remarks>
internal sealed class PushRunner
{
    private readonly IOutboxStore _store;
    private readonly MutationSender _sender;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    public PushRunner(IOutboxStore store, MutationSender sender, TimeProvider timeProvider, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _store = store;
        _sender = sender;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>
    /// Tells whether the scope has edits to push or to settle (pending, or sending: in doubt). One
    /// read of the outbox and no request: what a sync with nothing queued costs on top of its pull.
    /// </summary>
    public async Task<bool> HasWorkAsync(SyncScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var edits = await _store.ReadEditsAsync(scope, cancellationToken).ConfigureAwait(false);
        return edits.Any(e => e.State is OutboxEditState.Pending or OutboxEditState.Sending);
    }

    /// <summary>Decides, from the tasks just pulled, every edit of the scope left in doubt.</summary>
    public async Task<PushResult> ReconcileAsync(SyncScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var edits = await _store.ReadEditsAsync(scope, cancellationToken).ConfigureAwait(false);
        var inDoubt = edits.Where(e => e.State == OutboxEditState.Sending).ToList();
        if (inDoubt.Count == 0)
        {
            return PushResult.Empty;
        }

        var server = await _store.ReadServerTasksAsync(scope, ServerIdsOf(inDoubt), cancellationToken).ConfigureAwait(false);
        var creates = inDoubt.Where(e => e.Kind == PendingEditKind.Create).ToList();
        IReadOnlyList<ServerTaskState> candidates = creates.Count == 0
            ? []
            : await _store.ReadServerTasksFirstHeldSinceAsync(scope, creates.Min(e => e.FirstSentAt ?? e.MadeAt), cancellationToken).ConfigureAwait(false);
        var decided = InDoubtReconciler.Decide(edits, server, candidates);

        // Recorded whatever the caller's token says: what was decided must not be decided again differently.
        await _store.RecordOutcomesAsync(scope, decided.Outcomes, CancellationToken.None).ConfigureAwait(false);
        var applied = decided.Outcomes.Count(o => o.Kind == EditOutcomeKind.Applied);
        var resent = decided.Outcomes.Count(o => o.Kind == EditOutcomeKind.NotSent);
        PushLog.Reconciled(_logger, scope, applied, resent, decided.Outcomes.Count - applied - resent);
        return new PushResult { Pushed = applied, Conflicts = decided.Conflicts };
    }

    /// <summary>Pushes the scope's pending edits. Call it after a pull and <see cref="ReconcileAsync"/>.</summary>
    /// <param name="scope">The scope.</param>
    /// <param name="resolution">What to do with an edit in conflict.</param>
    /// <param name="cancellationToken">Stops the push; a call under way is left in doubt.</param>
    /// <param name="progress">
    /// Told the totals so far (<see cref="PushResult.Planned"/> included) once the calls are planned,
    /// and again after each call's outcomes are recorded; optional.
    /// </param>
    /// <exception cref="FlightTaskSyncException">A call was not answered (its edits stay pending, or in doubt); the outcomes before it are recorded.</exception>
    /// <exception cref="OperationCanceledException">The caller canceled; a call under way is left in doubt.</exception>
    public async Task<PushResult> PushAsync(SyncScope scope, ConflictResolution resolution, CancellationToken cancellationToken, Action<PushResult>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var edits = await _store.ReadEditsAsync(scope, cancellationToken).ConfigureAwait(false);
        if (!edits.Any(e => e.State == OutboxEditState.Pending))
        {
            return PushResult.Empty;
        }

        var server = await _store.ReadServerTasksAsync(scope, ServerIdsOf(edits.Where(e => e.State == OutboxEditState.Pending)), cancellationToken).ConfigureAwait(false);
        var check = ConflictPolicy.Apply(edits, server, resolution);
        var plan = PushPlanner.Plan(check.Remaining);
        var settled = check.Dropped.Concat(plan.ResolvedLocally.Select(id => EditOutcome.Of(id, EditOutcomeKind.Dropped))).ToList();
        if (settled.Count > 0)
        {
            await _store.RecordOutcomesAsync(scope, settled, cancellationToken).ConfigureAwait(false);
        }

        PushLog.PushPlanned(_logger, scope, plan.EditCount, plan.Calls.Count, check.Conflicts.Count, plan.Waiting.Count);
        var run = new Run(edits);
        progress?.Invoke(Totals());
        foreach (var call in plan.Calls)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var entries = run.Resolve(call.Entries);
            if (entries.Count == 0)
            {
                continue;
            }

            var sending = call.With(entries);
            await _store.MarkSendingAsync(scope, [.. sending.EditIds], _timeProvider.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            var result = await _sender.SendAsync(scope, sending, ++run.Calls, cancellationToken).ConfigureAwait(false);
            run.Retries += result.Retries;

            // Durable before anything else happens, whatever the caller's token says.
            await _store.RecordOutcomesAsync(scope, run.Take(sending, result), CancellationToken.None).ConfigureAwait(false);
            foreach (var rejection in run.Rejections.Skip(run.Logged))
            {
                PushLog.EditRejected(_logger, scope, rejection.EditId, rejection.Kind, rejection.TaskId, rejection.Errors[0].ToString());
            }

            run.Logged = run.Rejections.Count;
            progress?.Invoke(Totals());
            if (result.Kind != CallResultKind.Answered)
            {
                throw result.Failure ?? new FlightTaskSyncException($"Pushing to {scope} failed: call {run.Calls} was not answered.");
            }
        }

        return Totals();

        PushResult Totals() => new()
        {
            Planned = plan.EditCount, Pushed = run.Pushed, Rejections = [.. run.Rejections], Conflicts = check.Conflicts, Calls = run.Calls, Retries = run.Retries,
        };
    }

    private static List<string> ServerIdsOf(IEnumerable<OutboxEdit> edits) =>
        [.. edits.Where(e => e.Kind != PendingEditKind.Create && !LocalTaskId.IsLocal(e.TaskId)).Select(e => e.TaskId).Distinct(StringComparer.Ordinal)];

    /// <summary>The state of one push: ids learned, tasks stopped, totals.</summary>
    private sealed class Run(IReadOnlyList<OutboxEdit> edits)
    {
        private readonly Dictionary<long, OutboxEdit> _edits = edits.ToDictionary(e => e.Id);
        private readonly Dictionary<string, string> _createdIds = new(StringComparer.Ordinal);
        private readonly HashSet<string> _stopped = new(StringComparer.Ordinal);

        public int Calls { get; set; }

        public int Retries { get; set; }

        public int Pushed { get; private set; }

        public int Logged { get; set; }

        public List<PushRejection> Rejections { get; } = [];

        /// <summary>
        /// The entries that can go: a task whose earlier entry is in doubt waits (the next sync
        /// reconciles it first); a created task's later entries take the id its create got, or wait
        /// when it got none. A task whose earlier entry was refused goes on: its later edits were
        /// made after, and the server's task is as it was. But when part of a refused entry goes
        /// again (<see cref="RejectionSplit"/>), the task's later entries wait for the next sync with
        /// it, so that its edits still reach the server in the order they were made.
        /// </summary>
        public List<PlannedEntry> Resolve(IReadOnlyList<PlannedEntry> entries)
        {
            var resolved = new List<PlannedEntry>(entries.Count);
            foreach (var entry in entries)
            {
                if (_stopped.Contains(entry.TaskId))
                {
                    continue;
                }

                if (entry.Kind != PendingEditKind.Create && LocalTaskId.IsLocal(entry.TaskId))
                {
                    if (_createdIds.TryGetValue(entry.TaskId, out var senteraId))
                    {
                        resolved.Add(entry.WithTaskId(senteraId));
                    }

                    continue;
                }

                resolved.Add(entry);
            }

            return resolved;
        }

        /// <summary>Turns a call's result into the outcome of each edit, and keeps the totals.</summary>
        public List<EditOutcome> Take(PushCall call, CallResult result)
        {
            var outcomes = new List<EditOutcome>();
            if (result.Kind != CallResultKind.Answered)
            {
                var kind = result.Kind == CallResultKind.InDoubt ? EditOutcomeKind.InDoubt : EditOutcomeKind.NotSent;
                outcomes.AddRange(call.EditIds.Select(id => EditOutcome.Of(id, kind)));
                return outcomes;
            }

            foreach (var entry in result.Entries)
            {
                var taskId = entry.Entry.TaskId;
                switch (entry.Kind)
                {
                    case EditOutcomeKind.Applied:
                        Pushed += entry.Entry.EditIds.Count;
                        if (entry.NewSenteraId is { } senteraId)
                        {
                            _createdIds[taskId] = senteraId;
                        }

                        outcomes.AddRange(entry.Entry.EditIds.Select(id => new EditOutcome
                        {
                            EditId = id, Kind = EditOutcomeKind.Applied, NewSenteraId = entry.NewSenteraId, NewContentHash = entry.NewContentHash,
                        }));
                        break;
                    case EditOutcomeKind.Rejected:
                        foreach (var (id, kind) in RejectionSplit.Split(entry, _edits))
                        {
                            outcomes.Add(new EditOutcome { EditId = id, Kind = kind, Errors = kind == EditOutcomeKind.Rejected ? entry.Errors : [] });
                            if (kind == EditOutcomeKind.Rejected)
                            {
                                Rejections.Add(new PushRejection { EditId = id, TaskId = taskId, Kind = _edits[id].Kind, Errors = entry.Errors });
                            }
                            else
                            {
                                // Goes again next sync: nothing made after it may overtake it.
                                _stopped.Add(taskId);
                            }
                        }

                        break;
                    default:
                        _stopped.Add(taskId);
                        outcomes.AddRange(entry.Entry.EditIds.Select(id => EditOutcome.Of(id, EditOutcomeKind.InDoubt)));
                        break;
                }
            }

            return outcomes;
        }
    }
}
