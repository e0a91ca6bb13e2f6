using FlightTaskSync.Client.Storage.Outbox;

namespace FlightTaskSync.Client.Sync.Push;

/// <summary>
/// Folds one task's edits, in the order they were made, into the entries that send them, keeping
/// their order: consecutive updates merge (later values win); updates made after a create, before
/// any begin, merge into the create; consecutive begins are one begin; a delete absorbs every edit
/// before it; a create followed by a delete sends nothing at all.
/// </summary>
internal static class EditFolding
{
    /// <summary>Folds a task's edits (all of one task, in id order, all to be sent).</summary>
    /// <returns>The entries in the order they must be sent, and the edits resolved without sending anything.</returns>
    public static FoldedTask Fold(string taskId, IEnumerable<OutboxEdit> edits)
    {
        ArgumentNullException.ThrowIfNull(taskId);
        ArgumentNullException.ThrowIfNull(edits);
        var entries = new List<PlannedEntry>();
        var resolvedLocally = new List<long>();
        var created = false;
        foreach (var edit in edits)
        {
            var last = entries.Count > 0 ? entries[^1] : null;
            switch (edit.Kind)
            {
                case PendingEditKind.Create:
                    created = true;
                    entries.Add(new PlannedEntry { TaskId = taskId, Kind = PendingEditKind.Create, EditIds = [edit.Id], NewTask = Required(edit.NewTask, edit) });
                    break;
                case PendingEditKind.Update when last is { Kind: PendingEditKind.Create }:
                    entries[^1] = Append(last, edit, newTask: Merge(last.NewTask!, Required(edit.Changes, edit)));
                    break;
                case PendingEditKind.Update when last is { Kind: PendingEditKind.Update }:
                    entries[^1] = Append(last, edit, changes: last.Changes!.MergedWith(Required(edit.Changes, edit)));
                    break;
                case PendingEditKind.Update:
                    entries.Add(new PlannedEntry { TaskId = taskId, Kind = PendingEditKind.Update, EditIds = [edit.Id], Changes = Required(edit.Changes, edit) });
                    break;
                case PendingEditKind.Begin when last is { Kind: PendingEditKind.Begin }:
                    entries[^1] = Append(last, edit);
                    break;
                case PendingEditKind.Begin:
                    entries.Add(new PlannedEntry { TaskId = taskId, Kind = PendingEditKind.Begin, EditIds = [edit.Id] });
                    break;
                case PendingEditKind.Delete when created:
                    // A task created and deleted before the server had it: nothing to send.
                    resolvedLocally.AddRange(entries.SelectMany(e => e.EditIds));
                    resolvedLocally.Add(edit.Id);
                    entries.Clear();
                    break;
                case PendingEditKind.Delete:
                    // Whatever came before goes with the task.
                    var absorbed = entries.SelectMany(e => e.EditIds).Append(edit.Id).ToList();
                    entries.Clear();
                    entries.Add(new PlannedEntry { TaskId = taskId, Kind = PendingEditKind.Delete, EditIds = absorbed });
                    break;
                default:
                    throw new InvalidOperationException($"Edit {edit} has an unknown kind.");
            }
        }

        return new FoldedTask(entries, resolvedLocally);
    }

    /// <summary>Gives a new task with changes applied: what the server would hold after the create and then the update.</summary>
    public static NewFlightTask Merge(NewFlightTask task, FlightTaskChanges changes)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(changes);
        return new NewFlightTask
        {
            Name = Pick(changes, FlightTaskProperty.Name, changes.Name, task.Name) ?? task.Name,
            OrganizationSenteraId = task.OrganizationSenteraId,
            Notes = Pick(changes, FlightTaskProperty.Notes, changes.Notes, task.Notes),
            FieldSenteraId = Pick(changes, FlightTaskProperty.FieldSenteraId, changes.FieldSenteraId, task.FieldSenteraId),
            PlanSenteraId = Pick(changes, FlightTaskProperty.PlanSenteraId, changes.PlanSenteraId, task.PlanSenteraId),
            SurveySenteraId = Pick(changes, FlightTaskProperty.SurveySenteraId, changes.SurveySenteraId, task.SurveySenteraId),
            Provider = changes.IsChanged(FlightTaskProperty.Provider) ? changes.Provider ?? FlightTaskProvider.Self : task.Provider,
            AssignedToEmail = Pick(changes, FlightTaskProperty.AssignedToEmail, changes.AssignedToEmail, task.AssignedToEmail),
            AssignedToSenteraId = Pick(changes, FlightTaskProperty.AssignedToSenteraId, changes.AssignedToSenteraId, task.AssignedToSenteraId),
            CompletedBySenteraId = Pick(changes, FlightTaskProperty.CompletedBySenteraId, changes.CompletedBySenteraId, task.CompletedBySenteraId),
            ScheduledAt = Pick(changes, FlightTaskProperty.ScheduledAt, changes.ScheduledAt, task.ScheduledAt),
            TargetedAt = Pick(changes, FlightTaskProperty.TargetedAt, changes.TargetedAt, task.TargetedAt),
            DueAt = Pick(changes, FlightTaskProperty.DueAt, changes.DueAt, task.DueAt),
            StartedAt = Pick(changes, FlightTaskProperty.StartedAt, changes.StartedAt, task.StartedAt),
            CompletedAt = Pick(changes, FlightTaskProperty.CompletedAt, changes.CompletedAt, task.CompletedAt),
            CanceledAt = Pick(changes, FlightTaskProperty.CanceledAt, changes.CanceledAt, task.CanceledAt),
        };
    }

    private static T Pick<T>(FlightTaskChanges changes, FlightTaskProperty property, T changed, T current) =>
        changes.IsChanged(property) ? changed : current;

    private static PlannedEntry Append(PlannedEntry entry, OutboxEdit edit, NewFlightTask? newTask = null, FlightTaskChanges? changes = null) => new()
    {
        TaskId = entry.TaskId,
        Kind = entry.Kind,
        EditIds = [.. entry.EditIds, edit.Id],
        NewTask = newTask ?? entry.NewTask,
        Changes = changes ?? entry.Changes,
    };

    private static T Required<T>(T? value, OutboxEdit edit)
        where T : class =>
        value ?? throw new InvalidOperationException($"Edit {edit} is missing what a {edit.Kind} carries.");
}

/// <summary>What <see cref="EditFolding.Fold"/> gives for one task.</summary>
/// <param name="Entries">The entries to send, in order.</param>
/// <param name="ResolvedLocally">Edits that need no call: a create and everything after it up to its delete.</param>
internal sealed record FoldedTask(IReadOnlyList<PlannedEntry> Entries, IReadOnlyList<long> ResolvedLocally);
