using System.Text.Json;
using FlightTaskSync.Client.Storage.Outbox;
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
    /// The most characters of a server's error message an edit keeps (the cut ones end with an
    /// ellipsis): the message is stored with the rejected edit, shown and logged, and a server's
    /// megabyte says no more than its first lines.
    /// </summary>
    public const int MaxErrorMessageLength = 2_000;

    /// <summary>
    /// Reads <c>upsert_flight_tasks</c>: <c>failed</c> by <c>index</c> (or, without one, by the
    /// <c>item</c> echo of an update); <c>succeeded</c> updates by <c>sentera_id</c>; the other
    /// <c>succeeded</c> tasks are the creates that did not fail, in input order, each checked against
    /// the create's organization, name and field. Failures that name no entry are paired with the
    /// entries left over when there are as many of each; otherwise those entries are in doubt. An
    /// update both succeeded and failed is in doubt too.
    /// </summary>
    public static IReadOnlyList<EntryResult> ReadUpsert(IReadOnlyList<PlannedEntry> entries, IUpsertFlightTasks_Upsert_flight_tasks answer, Action<string> onMismatch)
    {
        var results = new EntryResult?[entries.Count];
        var unattributed = new List<IReadOnlyList<PendingEditError>>();
        foreach (var failure in answer.Failed)
        {
            var errors = failure.Attributes.Select(a => Error(a.Attribute, a.Key, a.Message, a.Code)).ToList();
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
            else if (RejectedUpdateOf(entries, results, task.Sentera_id) is { } contradicted)
            {
                // Both succeeded and failed: which is true is for the next sync to look up.
                onMismatch($"task \"{task.Sentera_id}\" is both succeeded and failed");
                results[contradicted] = EntryResult.InDoubt(entries[contradicted]);
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
    /// lost, or someone else's), which counts as applied. An id in neither, or in both, is in doubt.
    /// </summary>
    public static IReadOnlyList<EntryResult> ReadBegin(IReadOnlyList<PlannedEntry> entries, IBeginTasks_Begin_tasks answer)
    {
        var results = new EntryResult?[entries.Count];
        var begun = answer.Succeeded.ToHashSet(StringComparer.Ordinal);
        foreach (var failure in answer.Failed)
        {
            if (failure.Index < 0 || failure.Index >= entries.Count || results[failure.Index] is not null)
            {
                continue;
            }

            var entry = entries[failure.Index];
            results[failure.Index] =
                failure.Errors.Any(IsAlreadyInProgress) ? EntryResult.Applied(entry)
                : begun.Contains(entry.TaskId) ? EntryResult.InDoubt(entry) // both began and failed: looked up by the next sync
                : EntryResult.Rejected(entry, [.. failure.Errors.Select(e => Error(e.Attribute, e.Key, e.Message, e.Code))]);
        }

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

    /// <summary>The server's reason, its message cut to <see cref="MaxErrorMessageLength"/>.</summary>
    private static PendingEditError Error(string? attribute, string key, string message, string? code) => new()
    {
        Attribute = attribute,
        Key = key,
        Message = Cut(message),
        Code = code,
    };

    private static string Cut(string message)
    {
        if (message.Length <= MaxErrorMessageLength)
        {
            return message;
        }

        var keep = MaxErrorMessageLength - 1;
        if (char.IsHighSurrogate(message[keep - 1]))
        {
            keep--;
        }

        return string.Concat(message.AsSpan(0, keep), "…");
    }

    /// <summary>The index of the update of <paramref name="taskId"/> already read as rejected, if any.</summary>
    private static int? RejectedUpdateOf(IReadOnlyList<PlannedEntry> entries, EntryResult?[] results, string taskId)
    {
        for (var i = 0; i < entries.Count; i++)
        {
            if (results[i]?.Kind == EditOutcomeKind.Rejected && entries[i].Kind == PendingEditKind.Update && string.Equals(entries[i].TaskId, taskId, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return null;
    }

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
