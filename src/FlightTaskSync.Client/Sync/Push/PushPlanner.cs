using FlightTaskSync.Client.Editing;
using FlightTaskSync.Client.Storage.Outbox;

namespace FlightTaskSync.Client.Sync.Push;

/// <summary>
/// Plans the calls that push a scope's edits. Pure: it reads nothing and sends nothing.
/// </summary>
/// <remarks>
/// <para>
/// <b>Order.</b> The edits of one task keep their order exactly (<see cref="EditFolding"/> folds them
/// into at most a few entries). Edits of different tasks are independent, so entries are grouped into
/// calls by phase, and the phases run in this order, again and again while any task has entries left:
/// </para>
/// <list type="number">
/// <item><b>upserts</b>: creates, and updates that no begin still to be sent precedes;</item>
/// <item><b>begins</b>;</item>
/// <item><b>upserts</b> that follow a begin (a begin and then <c>completed_at</c> needs the begin first);</item>
/// <item><b>deletes</b>, last.</item>
/// </list>
/// <para>
/// Each entry of a task goes in the first phase after its previous entry that sends its kind, so a
/// task's entries go out in its own order, and every task needs one round but for one that begins,
/// is reopened and begins again. Within a phase, entries follow the order their first edits were made,
/// in calls of at most 100 upsert entries, 100 begin ids and 1,000 delete ids. One round of the four
/// phases holds everything of ordinary tasks, and each phase leaves at most one call partly filled:
/// with u upsert and begin entries and some deletes, at most u/100 + 3 full-or-partial calls plus one
/// delete call per 1,000. 1,000 edits take at most 13 calls.
/// </para>
/// <para>
/// <b>What is not planned.</b> Rejected edits are never sent. A task with an edit in doubt waits
/// for the next sync to reconcile it. Edits of a task created offline whose create is not pending
/// (rejected) wait until the app discards the create, except a delete: deleting such a task resolves
/// every edit of it, the rejected create included, without sending anything. A create that is
/// deleted before it was applied sends nothing either.
/// </para>
/// </remarks>
internal static class PushPlanner
{
    /// <summary>The phases of a round, in the order they run.</summary>
    private static readonly PushCallKind[] Phases = [PushCallKind.Upsert, PushCallKind.Begin, PushCallKind.Upsert, PushCallKind.Delete];

    /// <summary>Plans the push of a scope's queue (every edit, every state, in id order).</summary>
    public static PushPlan Plan(IReadOnlyList<OutboxEdit> edits)
    {
        ArgumentNullException.ThrowIfNull(edits);
        var resolvedLocally = new List<long>();
        var waiting = new List<long>();
        var slots = new SortedDictionary<int, List<PlannedEntry>>();
        foreach (var task in GroupByTask(edits))
        {
            var pending = task.Edits.Where(e => e.State == OutboxEditState.Pending).ToList();
            if (pending.Count == 0)
            {
                continue;
            }

            if (task.Edits.Any(e => e.State == OutboxEditState.Sending))
            {
                // In doubt: the next sync reconciles it first; what follows it waits.
                waiting.AddRange(pending.Select(e => e.Id));
                continue;
            }

            if (LocalTaskId.IsLocal(task.TaskId) && pending[0].Kind != PendingEditKind.Create)
            {
                // Its create is rejected (or gone): nothing of it can be sent.
                if (pending.Any(e => e.Kind == PendingEditKind.Delete))
                {
                    resolvedLocally.AddRange(task.Edits.Select(e => e.Id));
                }
                else
                {
                    waiting.AddRange(pending.Select(e => e.Id));
                }

                continue;
            }

            var folded = EditFolding.Fold(task.TaskId, pending);
            resolvedLocally.AddRange(folded.ResolvedLocally);
            var slot = -1;
            foreach (var entry in folded.Entries)
            {
                slot = NextSlot(slot, entry.CallKind);
                if (!slots.TryGetValue(slot, out var entries))
                {
                    slots[slot] = entries = [];
                }

                entries.Add(entry);
            }
        }

        var calls = new List<PushCall>();
        foreach (var (slot, entries) in slots)
        {
            var kind = Phases[slot % Phases.Length];
            var ordered = entries.OrderBy(e => e.EditIds[0]).ToList();
            foreach (var chunk in ordered.Chunk(PushLimits.Of(kind)))
            {
                calls.Add(new PushCall { Kind = kind, Entries = chunk });
            }
        }

        return new PushPlan { Calls = calls, ResolvedLocally = resolvedLocally, Waiting = waiting };
    }

    /// <summary>The first slot after <paramref name="previous"/> whose phase sends <paramref name="kind"/>.</summary>
    private static int NextSlot(int previous, PushCallKind kind)
    {
        var slot = previous + 1;
        while (Phases[slot % Phases.Length] != kind)
        {
            slot++;
        }

        return slot;
    }

    private static IEnumerable<(string TaskId, List<OutboxEdit> Edits)> GroupByTask(IReadOnlyList<OutboxEdit> edits)
    {
        var byTask = new Dictionary<string, List<OutboxEdit>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var edit in edits.OrderBy(e => e.Id))
        {
            if (!byTask.TryGetValue(edit.TaskId, out var list))
            {
                byTask[edit.TaskId] = list = [];
                order.Add(edit.TaskId);
            }

            list.Add(edit);
        }

        return order.Select(id => (id, byTask[id]));
    }
}
