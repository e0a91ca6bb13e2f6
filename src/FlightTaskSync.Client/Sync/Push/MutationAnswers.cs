using System.Text.Json;
using FlightTaskSync.Client.Transport;

namespace FlightTaskSync.Client.Sync.Push;

/// <summary>
/// Reads a mutation's answer entry by entry. Partial success is normal; an answer that does not
/// add up (a failure that names no entry, a created task that is not what was sent) never maps an
/// entry to the wrong task: what cannot be told for sure is left in doubt, for the next sync to
/// look up after pulling.
/// </summary>
internal static class MutationAnswers
{
    /// <summary>
    /// Reads <c>upsert_flight_tasks</c>: <c>failed</c> by <c>index</c> (or, without one, by the
    /// <c>item</c> echo of an update); <c>succeeded</c> updates by <c>sentera_id</c>; the other
    /// <c>succeeded</c> tasks are the creates that did not fail, in input order, each checked against
    /// the create's organization, name and field. Failures that name no entry are paired with the
    /// entries left over when there are as many of each; otherwise those entries are in doubt.
    /// </summary>
    public static IReadOnlyList<EntryResult> ReadUpsert(IReadOnlyList<PlannedEntry> entries, IUpsertFlightTasks_Upsert_flight_tasks answer, Action<string> onMismatch)
    {
        var results = new EntryResult?[entries.Count];
        var unattributed = new List<IReadOnlyList<PendingEditError>>();
        foreach (var failure in answer.Failed)
        {
            var errors = failure.Attributes.Select(a => new PendingEditError { Attribute = a.Attribute, Key = a.Key, Message = a.Message, Code = a.Code }).ToList();
            var index = IndexOfFailure(entries, results, failure);
            if (index is { } i)
            {
                results[i] = EntryResult.Rejected(entries[i], errors);
            }
            else
            {
                unattributed.Add(errors);
            }
        }

        var updates = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].Kind == PendingEditKind.Update && results[i] is null)
            {
                updates.TryAdd(entries[i].TaskId, i);
            }
        }

        var created = new List<IUpsertFlightTasks_Upsert_flight_tasks_Succeeded>();
        foreach (var task in answer.Succeeded)
        {
            if (updates.Remove(task.Sentera_id, out var i))
            {
                results[i] = EntryResult.Applied(entries[i], newContentHash: task.Content_hash);
            }
            else
            {
                created.Add(task);
            }
        }

        if (MatchCreates(entries, results, created, onMismatch))
        {
            PairLeftovers(entries, results, unattributed, onMismatch);
        }

        return [.. results.Select((r, i) => r ?? EntryResult.InDoubt(entries[i]))];
    }

    /// <summary>
    /// Reads <c>begin_tasks</c>: ids in <c>succeeded</c> began; a <c>failed</c> entry is a rejection,
    /// except an invalid transition from <c>IN_PROGRESS</c> (the task is begun: a begin whose answer was
    /// lost, or someone else's), which counts as applied. An id in neither is in doubt.
    /// </summary>
    public static IReadOnlyList<EntryResult> ReadBegin(IReadOnlyList<PlannedEntry> entries, IBeginTasks_Begin_tasks answer)
    {
        var results = new EntryResult?[entries.Count];
        foreach (var failure in answer.Failed)
        {
            if (failure.Index < 0 || failure.Index >= entries.Count || results[failure.Index] is not null)
            {
                continue;
            }

            var entry = entries[failure.Index];
            results[failure.Index] = failure.Errors.Any(IsAlreadyInProgress)
                ? EntryResult.Applied(entry)
                : EntryResult.Rejected(entry, [.. failure.Errors.Select(e => new PendingEditError { Attribute = e.Attribute, Key = e.Key, Message = e.Message, Code = e.Code })]);
        }

        var begun = answer.Succeeded.ToHashSet(StringComparer.Ordinal);
        return [.. entries.Select((entry, i) => results[i] ?? (begun.Contains(entry.TaskId) ? EntryResult.Applied(entry) : EntryResult.InDoubt(entry)))];
    }

    /// <summary>
    /// Reads <c>delete_tasks</c>: every id is applied, whether returned (deleted now) or not (already
    /// gone). A null list with errors says the call failed part-way: in doubt.
    /// </summary>
    public static IReadOnlyList<EntryResult> ReadDelete(IReadOnlyList<PlannedEntry> entries, IReadOnlyList<IDeleteTasks_Delete_tasks>? answer, bool hasErrors) =>
        answer is null && hasErrors
            ? [.. entries.Select(EntryResult.InDoubt)]
            : [.. entries.Select(e => EntryResult.Applied(e))];

    private static int? IndexOfFailure(IReadOnlyList<PlannedEntry> entries, EntryResult?[] results, IUpsertFlightTasks_Upsert_flight_tasks_Failed failure)
    {
        var echoed = failure.Item?.Sentera_id;
        if (failure.Index is { } index && index >= 0 && index < entries.Count && results[index] is null &&
            (echoed is null || entries[index].Kind == PendingEditKind.Create || string.Equals(echoed, entries[index].TaskId, StringComparison.Ordinal)))
        {
            return index;
        }

        if (echoed is not null)
        {
            for (var i = 0; i < entries.Count; i++)
            {
                if (results[i] is null && entries[i].Kind == PendingEditKind.Update && string.Equals(entries[i].TaskId, echoed, StringComparison.Ordinal))
                {
                    return i;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Pairs the tasks created with the creates not failed, in order, each checked. On any mismatch
    /// nothing is paired (false): the creates, and whatever else is left, stay in doubt.
    /// </summary>
    private static bool MatchCreates(
        IReadOnlyList<PlannedEntry> entries, EntryResult?[] results, List<IUpsertFlightTasks_Upsert_flight_tasks_Succeeded> created, Action<string> onMismatch)
    {
        var creates = Enumerable.Range(0, entries.Count).Where(i => entries[i].Kind == PendingEditKind.Create && results[i] is null).ToList();
        var matched = new Dictionary<int, IUpsertFlightTasks_Upsert_flight_tasks_Succeeded>();
        var next = 0;
        foreach (var task in created)
        {
            while (next < creates.Count && !IsTheCreated(entries[creates[next]].NewTask!, task))
            {
                next++;
            }

            if (next == creates.Count)
            {
                onMismatch($"a created task \"{task.Sentera_id}\" matches none of the creates sent");
                return false;
            }

            matched[creates[next++]] = task;
        }

        foreach (var (i, task) in matched)
        {
            results[i] = EntryResult.Applied(entries[i], task.Sentera_id, task.Content_hash);
        }

        return true;
    }

    private static void PairLeftovers(IReadOnlyList<PlannedEntry> entries, EntryResult?[] results, List<IReadOnlyList<PendingEditError>> unattributed, Action<string> onMismatch)
    {
        var leftovers = Enumerable.Range(0, entries.Count).Where(i => results[i] is null).ToList();
        if (leftovers.Count == 0 && unattributed.Count == 0)
        {
            return;
        }

        if (leftovers.Count == unattributed.Count)
        {
            for (var k = 0; k < leftovers.Count; k++)
            {
                results[leftovers[k]] = EntryResult.Rejected(entries[leftovers[k]], unattributed[k]);
            }

            return;
        }

        onMismatch($"{leftovers.Count} entr{(leftovers.Count == 1 ? "y is" : "ies are")} neither succeeded nor failed, with {unattributed.Count} failure(s) naming no entry");
    }

    private static bool IsTheCreated(NewFlightTask sent, IUpsertFlightTasks_Upsert_flight_tasks_Succeeded task) =>
        string.Equals(task.Name.Trim(), sent.Name.Trim(), StringComparison.Ordinal) &&
        (task.Organization_sentera_id is null || string.Equals(task.Organization_sentera_id, sent.OrganizationSenteraId, StringComparison.Ordinal)) &&
        string.Equals(task.Field?.Sentera_id, sent.FieldSenteraId, StringComparison.Ordinal);

    /// <summary>An invalid transition whose details say the task is in progress already.</summary>
    private static bool IsAlreadyInProgress(IBeginTasks_Begin_tasks_Failed_Errors error) =>
        (string.Equals(error.Key, "invalid_transition", StringComparison.Ordinal) || string.Equals(error.Code, "INVALID_TRANSITION", StringComparison.Ordinal)) &&
        error.Details is { ValueKind: JsonValueKind.Object } details &&
        details.TryGetProperty("status", out var status) &&
        status.ValueKind == JsonValueKind.String &&
        status.ValueEquals("IN_PROGRESS");
}
