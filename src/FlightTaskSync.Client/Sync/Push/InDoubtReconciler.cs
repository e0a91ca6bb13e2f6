using FlightTaskSync.Client.Storage.Outbox;

namespace FlightTaskSync.Client.Sync.Push;

/// <summary>
/// Decides, from the server's tasks as just pulled, what became of edits whose call may or may not
/// have been applied (the answer was lost, or the process died after marking them sending). Pure.
/// </summary>
/// <remarks>
/// <para>The protocol has no idempotency key, so a create is never simply sent again:</para>
/// <list type="bullet">
/// <item><b>Create</b>: adopted when a pulled task matches it: same organization, same name (ignoring
/// white space around it), same field, the same value for every other property the create set (dates
/// within a second; the assignee's e-mail cannot be compared and is not), created on the server no
/// earlier than <see cref="CreateTolerance"/> before the create was first sent (the device's clock may
/// run ahead of the server's), first held by this scope only after it was first sent (so not a task the
/// store knew before), never pushed to by this client (so not the result of another local create),
/// and not adopted by another create in the same pass (creates are matched in the order made, each
/// to the earliest created match). Found: applied, with that id. Not found: sent again.</item>
/// <item><b>Update</b>: applied when the server's task has every value it set; otherwise sent again
/// (an update sets values, so sending it twice does no harm).</item>
/// <item><b>Begin</b>: applied when the task is no longer open; otherwise sent again.</item>
/// <item><b>Delete</b>: applied when the task is gone; otherwise sent again.</item>
/// <item>An update or a begin of a task the server no longer has is dropped and reported as a conflict.</item>
/// </list>
/// <para>
/// The window left: a request the server applies after the pull that looked for it (a very late
/// retry inside the server's own infrastructure) is sent again and applied twice; an office user who
/// creates an identical task in the same minutes, before the pull, has theirs adopted in place of the
/// lost create (one task instead of two); and a created task that someone renamed or moved to another
/// field before the pull is not recognised, so it is created again.
/// </para>
/// </remarks>
internal static class InDoubtReconciler
{
    /// <summary>How much earlier than the device's send time the server's <c>created_at</c> may be and still match: device clock skew.</summary>
    public static readonly TimeSpan CreateTolerance = TimeSpan.FromMinutes(10);

    /// <summary>Decides every in-doubt edit of a scope's queue.</summary>
    /// <param name="edits">The scope's queue, in id order; only <see cref="OutboxEditState.Sending"/> edits are decided.</param>
    /// <param name="serverTasks">The server's version of the in-doubt edits' tasks as pulled; absent when deleted.</param>
    /// <param name="candidates">The tasks first held since the earliest in-doubt create was first sent.</param>
    public static Reconciliation Decide(
        IReadOnlyList<OutboxEdit> edits,
        IReadOnlyDictionary<string, ServerTaskState> serverTasks,
        IReadOnlyList<ServerTaskState> candidates)
    {
        ArgumentNullException.ThrowIfNull(edits);
        ArgumentNullException.ThrowIfNull(serverTasks);
        ArgumentNullException.ThrowIfNull(candidates);
        var outcomes = new List<EditOutcome>();
        var conflicts = new List<PushConflict>();
        var claimed = new HashSet<string>(StringComparer.Ordinal);
        var sending = edits.Where(e => e.State == OutboxEditState.Sending).OrderBy(e => e.Id);
        foreach (var task in sending.GroupBy(e => e.TaskId, StringComparer.Ordinal))
        {
            var byId = task.ToDictionary(e => e.Id);
            var lost = false;
            var server = serverTasks.GetValueOrDefault(task.Key);
            foreach (var entry in EditFolding.Fold(task.Key, task).Entries)
            {
                var verdict = lost ? Verdict.NotSent : entry.Kind switch
                {
                    PendingEditKind.Create => FindCreated(entry, byId[entry.EditIds[0]], candidates, claimed, out server),
                    PendingEditKind.Update => server is null ? Verdict.Gone : Has(server.Task, entry.Changes!) ? Verdict.Applied(server) : Verdict.NotSent,
                    PendingEditKind.Begin => server is null ? Verdict.Gone : server.Task.Status != FlightTaskStatus.Open ? Verdict.Applied(server) : Verdict.NotSent,
                    PendingEditKind.Delete => server is null ? Verdict.Applied(null) : Verdict.NotSent,
                    _ => throw new InvalidOperationException($"Entry {entry} has an unknown kind."),
                };

                // A create not found was not applied, so nothing after it was either.
                lost |= entry.Kind == PendingEditKind.Create && verdict.Kind == EditOutcomeKind.NotSent;
                foreach (var editId in entry.EditIds)
                {
                    outcomes.Add(new EditOutcome { EditId = editId, Kind = verdict.Kind, NewSenteraId = verdict.NewSenteraId, NewContentHash = verdict.NewContentHash });
                    if (verdict.IsGone)
                    {
                        var edit = byId[editId];
                        conflicts.Add(new PushConflict
                        {
                            EditId = editId, TaskId = edit.TaskId, Kind = edit.Kind, Decision = ConflictDecision.Dropped, TaskDeletedOnServer = true,
                        });
                    }
                }
            }
        }

        return new Reconciliation { Outcomes = outcomes, Conflicts = conflicts };
    }

    /// <summary>Tells whether a task has every value an update set (the assignee's e-mail cannot be checked: never).</summary>
    private static bool Has(FlightTask task, FlightTaskChanges changes) =>
        changes.ChangedProperties.All(p => TaskValues.TryGet(task, p, out var value) && TaskValues.Same(p, value, changes.GetValue(p)));

    /// <summary>Looks for the task a create made; <paramref name="match"/> is then the server's version of it (for the entries after the create).</summary>
    private static Verdict FindCreated(PlannedEntry entry, OutboxEdit create, IReadOnlyList<ServerTaskState> candidates, HashSet<string> claimed, out ServerTaskState? match)
    {
        var sentAt = create.FirstSentAt ?? create.MadeAt;
        match = candidates
            .Where(c => !claimed.Contains(c.SenteraId) && IsTheCreated(entry.NewTask!, c, sentAt))
            .OrderBy(c => c.Task.CreatedAt)
            .ThenBy(c => c.SenteraId, StringComparer.Ordinal)
            .FirstOrDefault();
        if (match is null)
        {
            return Verdict.NotSent;
        }

        claimed.Add(match.SenteraId);
        return Verdict.Applied(match, newSenteraId: match.SenteraId);
    }

    private static bool IsTheCreated(NewFlightTask sent, ServerTaskState candidate, DateTimeOffset sentAt)
    {
        var task = candidate.Task;
        if (candidate.OwnContentHash is not null ||
            candidate.FirstHeldAt < sentAt ||
            task.CreatedAt < sentAt - CreateTolerance ||
            !string.Equals(task.OrganizationSenteraId, sent.OrganizationSenteraId, StringComparison.Ordinal) ||
            !string.Equals(task.Name.Trim(), sent.Name.Trim(), StringComparison.Ordinal) ||
            !string.Equals(task.FieldSenteraId, sent.FieldSenteraId, StringComparison.Ordinal) ||
            task.Provider != sent.Provider)
        {
            return false;
        }

        return SetValuesMatch(task, FlightTaskProperty.Notes, sent.Notes) &&
            SetValuesMatch(task, FlightTaskProperty.PlanSenteraId, sent.PlanSenteraId) &&
            SetValuesMatch(task, FlightTaskProperty.SurveySenteraId, sent.SurveySenteraId) &&
            SetValuesMatch(task, FlightTaskProperty.AssignedToSenteraId, sent.AssignedToSenteraId) &&
            SetValuesMatch(task, FlightTaskProperty.CompletedBySenteraId, sent.CompletedBySenteraId) &&
            SetValuesMatch(task, FlightTaskProperty.ScheduledAt, sent.ScheduledAt) &&
            SetValuesMatch(task, FlightTaskProperty.TargetedAt, sent.TargetedAt) &&
            SetValuesMatch(task, FlightTaskProperty.DueAt, sent.DueAt) &&
            SetValuesMatch(task, FlightTaskProperty.StartedAt, sent.StartedAt) &&
            SetValuesMatch(task, FlightTaskProperty.CompletedAt, sent.CompletedAt) &&
            SetValuesMatch(task, FlightTaskProperty.CanceledAt, sent.CanceledAt);
    }

    /// <summary>A property the create did not set (null) is whatever the server made of it; one it set must be there.</summary>
    private static bool SetValuesMatch(FlightTask task, FlightTaskProperty property, object? sent) =>
        sent is null || (TaskValues.TryGet(task, property, out var value) && TaskValues.Same(property, value, sent));

    /// <summary>The decision for one entry.</summary>
    private sealed record Verdict(EditOutcomeKind Kind, string? NewSenteraId = null, string? NewContentHash = null, bool IsGone = false)
    {
        public static readonly Verdict NotSent = new(EditOutcomeKind.NotSent);

        /// <summary>An update or begin of a task the server deleted: dropped, reported.</summary>
        public static readonly Verdict Gone = new(EditOutcomeKind.Dropped, IsGone: true);

        /// <summary>Applied; the task's current hash (when it still exists) is taken as this client's own.</summary>
        public static Verdict Applied(ServerTaskState? server, string? newSenteraId = null) =>
            new(EditOutcomeKind.Applied, newSenteraId, server?.ContentHash);
    }
}
