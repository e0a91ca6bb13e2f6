using FlightTaskSync.Client.Editing;
using FlightTaskSync.Client.Storage.Outbox;

namespace FlightTaskSync.Client.Sync.Push;

/// <summary>
/// Decides, after the pull that precedes a push, what becomes of edits of tasks the server changed
/// since they were made. Pure: it reads the queue and the server's tasks as pulled.
/// </summary>
/// <remarks>
/// <para>
/// An edit is in conflict when the task's hash on the server is neither the one it had when the edit
/// was made (<see cref="OutboxEdit.BaseContentHash"/>) nor the one this client's own last push gave it
/// (<see cref="ServerTaskState.OwnContentHash"/>: a change since the edit that is this client's own is
/// no conflict). Then, by <see cref="ConflictResolution"/>:
/// </para>
/// <list type="bullet">
/// <item><b>Update</b>: <see cref="ConflictResolution.MergeFields"/> sends it (an update only ever sends the
/// properties it changed, so the server keeps the others; where both changed one, the edit's value wins
/// and the property is listed); <see cref="ConflictResolution.ServerWins"/> drops it.</item>
/// <item><b>Delete</b>: MergeFields sends it (the pilot asked for the task to go; what the office changed
/// goes with it, and the report says so); ServerWins drops it.</item>
/// <item><b>Begin</b>: of a task the server still has open, as an update. Of a task the server has in
/// progress already, dropped under both (it is begun: sending would only fail). Of a task in any other
/// status (completed, canceled, ...), dropped under both: it cannot begin, and sending would only get a
/// rejection to clear by hand.</item>
/// <item><b>The server deleted the task</b>: an update or a begin is dropped under both and listed with
/// <see cref="PushConflict.TaskDeletedOnServer"/>; a delete is dropped as done, and is no conflict.</item>
/// <item><b>Edits of a task created offline</b> (a local id, or a create still queued) cannot conflict:
/// the server has no other version of it.</item>
/// </list>
/// Edits not pending (rejected, or in doubt until reconciled) are left alone.
/// </remarks>
internal static class ConflictPolicy
{
    /// <summary>Applies the policy to a scope's queue (every edit, in id order).</summary>
    /// <param name="edits">The queue.</param>
    /// <param name="serverTasks">The server's version of the queue's tasks as pulled; a task absent was deleted on the server.</param>
    /// <param name="resolution">The app's choice.</param>
    public static ConflictCheck Apply(
        IReadOnlyList<OutboxEdit> edits,
        IReadOnlyDictionary<string, ServerTaskState> serverTasks,
        ConflictResolution resolution)
    {
        ArgumentNullException.ThrowIfNull(edits);
        ArgumentNullException.ThrowIfNull(serverTasks);
        var remaining = new List<OutboxEdit>(edits.Count);
        var dropped = new List<EditOutcome>();
        var conflicts = new List<PushConflict>();
        var created = edits.Where(e => e.Kind == PendingEditKind.Create).Select(e => e.TaskId).ToHashSet(StringComparer.Ordinal);
        foreach (var edit in edits)
        {
            var decision = edit.State != OutboxEditState.Pending || edit.Kind == PendingEditKind.Create ||
                LocalTaskId.IsLocal(edit.TaskId) || created.Contains(edit.TaskId)
                ? null
                : Decide(edit, serverTasks.GetValueOrDefault(edit.TaskId), resolution);
            if (decision is null)
            {
                remaining.Add(edit);
                continue;
            }

            if (decision.Conflict is { } conflict)
            {
                conflicts.Add(conflict);
            }

            if (decision.Drop)
            {
                dropped.Add(EditOutcome.Of(edit.Id, EditOutcomeKind.Dropped));
            }
            else
            {
                remaining.Add(edit);
            }
        }

        return new ConflictCheck { Remaining = remaining, Dropped = dropped, Conflicts = conflicts };
    }

    /// <summary>Decides one edit of a task the server had; null when it is no conflict and goes as it is.</summary>
    private static Decision? Decide(OutboxEdit edit, ServerTaskState? server, ConflictResolution resolution)
    {
        if (server is null)
        {
            // Deleted on the server: a delete is done; anything else has nothing left to change.
            return edit.Kind == PendingEditKind.Delete
                ? new Decision(Drop: true, Conflict: null)
                : new Decision(Drop: true, Report(edit, ConflictDecision.Dropped, server: null, taskDeleted: true));
        }

        var changedOnServer = !string.Equals(edit.BaseContentHash, server.ContentHash, StringComparison.Ordinal) && !server.IsOwnVersion;
        if (!changedOnServer)
        {
            return null;
        }

        var drop = resolution == ConflictResolution.ServerWins ||
            (edit.Kind == PendingEditKind.Begin && server.Task.Status != FlightTaskStatus.Open);
        var fields = edit.Kind == PendingEditKind.Update ? ConflictingFields(edit, server.Task) : [];
        return new Decision(drop, Report(edit, drop ? ConflictDecision.Dropped : ConflictDecision.Sent, server, taskDeleted: false, fields));
    }

    /// <summary>
    /// The properties the update changes that the server changed too, to another value, since the
    /// edit was made. Needs the values the edit was made on; without them none are listed.
    /// </summary>
    private static List<PushConflictField> ConflictingFields(OutboxEdit edit, FlightTask server)
    {
        var fields = new List<PushConflictField>();
        if (edit.Changes is not { } changes || edit.BaseValues is not { } original)
        {
            return fields;
        }

        foreach (var property in changes.ChangedProperties)
        {
            if (!original.IsChanged(property) || !TaskValues.TryGet(server, property, out var serverValue))
            {
                continue;
            }

            var before = original.GetValue(property);
            var wanted = changes.GetValue(property);
            if (!TaskValues.Same(property, serverValue, before) && !TaskValues.Same(property, serverValue, wanted))
            {
                fields.Add(new PushConflictField
                {
                    Property = property,
                    OriginalValue = TaskValues.Text(before),
                    ServerValue = TaskValues.Text(serverValue),
                    EditValue = TaskValues.Text(wanted),
                });
            }
        }

        return fields;
    }

    private static PushConflict Report(
        OutboxEdit edit, ConflictDecision decision, ServerTaskState? server, bool taskDeleted, IReadOnlyList<PushConflictField>? fields = null) => new()
        {
            EditId = edit.Id,
            TaskId = edit.TaskId,
            Kind = edit.Kind,
            Decision = decision,
            TaskDeletedOnServer = taskDeleted,
            ServerStatus = server?.Task.Status,
            Fields = fields ?? [],
        };

    private sealed record Decision(bool Drop, PushConflict? Conflict);
}
