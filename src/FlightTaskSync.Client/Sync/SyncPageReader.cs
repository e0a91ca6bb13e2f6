using System.Text;
using System.Text.Json;
using FlightTaskSync.Client.Transport;

namespace FlightTaskSync.Client.Sync;

/// <summary>
/// Checks a page of the generated client's result and turns it into the store's model. A page
/// that breaks the protocol's rules is refused whole, before anything is written.
/// </summary>
internal static class SyncPageReader
{
    public static SyncPage Read(ISyncFlightTasks_Sync_flight_tasks result, int pageNumber)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Remaining_count < 0)
        {
            throw Invalid(pageNumber, $"the server reported a negative remaining count ({result.Remaining_count})");
        }

        var upserted = new List<FlightTask>(result.Upserted.Count);
        var upsertedIds = new HashSet<string>(result.Upserted.Count, StringComparer.Ordinal);
        for (var i = 0; i < result.Upserted.Count; i++)
        {
            var item = result.Upserted[i];
            if (item is not ISyncFlightTasks_Sync_flight_tasks_Upserted_FlightTask task)
            {
                throw Invalid(
                    pageNumber,
                    $"upserted[{i}] ({item.Sentera_id}) is a '{item.__typename}', not a FlightTask; this version of " +
                    "FlightTaskSync does not know that type. Update the FlightTaskSync package");
            }

            RequireId(pageNumber, $"upserted[{i}]", task.Sentera_id, task.Content_hash);
            if (!upsertedIds.Add(task.Sentera_id))
            {
                throw Invalid(pageNumber, $"task {task.Sentera_id} is upserted twice in one page");
            }

            try
            {
                upserted.Add(ToFlightTask(task));
            }
            catch (InvalidOperationException exception)
            {
                // An unknown status is kept as the server's text, read from the task's raw JSON;
                // the reader throws this for text it cannot decode (bytes that are not UTF-8).
                throw Invalid(pageNumber, $"upserted[{i}] ({task.Sentera_id}) holds text that cannot be decoded ({exception.Message})");
            }
        }

        var deletedIds = new List<string>(result.Deleted.Count);
        var deletedSet = new HashSet<string>(result.Deleted.Count, StringComparer.Ordinal);
        for (var i = 0; i < result.Deleted.Count; i++)
        {
            var item = result.Deleted[i];
            RequireId(pageNumber, $"deleted[{i}]", item.Sentera_id, item.Content_hash);
            if (!deletedSet.Add(item.Sentera_id))
            {
                throw Invalid(pageNumber, $"task {item.Sentera_id} is deleted twice in one page");
            }

            if (upsertedIds.Contains(item.Sentera_id))
            {
                throw Invalid(pageNumber, $"task {item.Sentera_id} is both upserted and deleted in one page");
            }

            deletedIds.Add(item.Sentera_id);
        }

        return new SyncPage(upserted, deletedIds, ReadFailures(result.Failed, pageNumber), result.Remaining_count);
    }

    private static List<SyncFailure> ReadFailures(IReadOnlyList<ISyncFlightTasks_Sync_flight_tasks_Failed>? failed, int pageNumber)
    {
        if (failed is null || failed.Count == 0)
        {
            return [];
        }

        var failures = new List<SyncFailure>(failed.Count);
        foreach (var entry in failed)
        {
            failures.Add(new SyncFailure(entry.Key, entry.Message)
            {
                Code = entry.Code,
                Reason = entry.Reason,
                DetailsJson = entry.Details is { ValueKind: not JsonValueKind.Null } details ? details.GetRawText() : null,
                PageNumber = pageNumber,
            });
        }

        return failures;
    }

    private static FlightTask ToFlightTask(ISyncFlightTasks_Sync_flight_tasks_Upserted_FlightTask task)
    {
        var (status, statusValue) = FlightTaskStatusMapping.FromServer(task.Status, task.RawJson.Span);
        return new FlightTask
        {
            SenteraId = task.Sentera_id,
            ContentHash = task.Content_hash,
            Name = task.Name,
            Status = status,
            StatusValue = statusValue,
            Provider = FlightTaskStatusMapping.FromServer(task.Provider),
            Notes = task.Notes,
            OrganizationSenteraId = task.Organization_sentera_id ?? task.Organization?.Sentera_id,
            FieldSenteraId = task.Field?.Sentera_id,
            PlanSenteraId = task.Plan?.Sentera_id,
            SurveySenteraId = task.Survey?.Sentera_id,
            AssignedToSenteraId = task.Assigned_to?.Sentera_id,
            CompletedBySenteraId = task.Completed_by?.Sentera_id,
            CreatedBySenteraId = task.Created_by.Sentera_id,
            UpdatedBySenteraId = task.Updated_by?.Sentera_id,
            CreatedAt = task.Created_at,
            UpdatedAt = task.Updated_at,
            ScheduledAt = task.Scheduled_at,
            TargetedAt = task.Targeted_at,
            DueAt = task.Due_at,
            StartedAt = task.Started_at,
            CompletedAt = task.Completed_at,
            CanceledAt = task.Canceled_at,
            RawJson = Encoding.UTF8.GetString(task.RawJson.Span),
        };
    }

    private static void RequireId(int pageNumber, string where, string id, string hash)
    {
        if (string.IsNullOrEmpty(id))
        {
            throw Invalid(pageNumber, $"{where} has an empty sentera_id");
        }

        if (string.IsNullOrEmpty(hash))
        {
            throw Invalid(pageNumber, $"{where} ({id}) has an empty content_hash");
        }
    }

    private static FlightTaskSyncInvalidResponseException Invalid(int pageNumber, string problem) =>
        new($"Page {pageNumber} of the sync could not be used: {problem}. The page was not applied; the store " +
            "keeps what the previous pages brought.")
        {
            PageNumber = pageNumber,
        };
}
