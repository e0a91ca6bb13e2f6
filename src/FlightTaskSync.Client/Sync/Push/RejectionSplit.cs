using FlightTaskSync.Client.Storage.Outbox;

namespace FlightTaskSync.Client.Sync.Push;

/// <summary>
/// Shares a refused entry's outcome among the edits folded into it. A create refused takes every
/// edit with it. An update that merged several edits is refused for the properties the server names:
/// the edits that set one of them are rejected; the others, refused only for being in the same entry,
/// go back to pending and are sent by the next sync. When an error names no property an edit can set
/// (the id, the task as a whole), every edit is rejected.
/// </summary>
internal static class RejectionSplit
{
    /// <summary>The server's attribute names of the properties an edit can set.</summary>
    private static readonly Dictionary<string, FlightTaskProperty> Attributes = new(StringComparer.Ordinal)
    {
        ["name"] = FlightTaskProperty.Name,
        ["notes"] = FlightTaskProperty.Notes,
        ["field_sentera_id"] = FlightTaskProperty.FieldSenteraId,
        ["plan_sentera_id"] = FlightTaskProperty.PlanSenteraId,
        ["survey_sentera_id"] = FlightTaskProperty.SurveySenteraId,
        ["provider"] = FlightTaskProperty.Provider,
        ["assigned_to_email"] = FlightTaskProperty.AssignedToEmail,
        ["assigned_to_sentera_id"] = FlightTaskProperty.AssignedToSenteraId,
        ["completed_by_sentera_id"] = FlightTaskProperty.CompletedBySenteraId,
        ["scheduled_at"] = FlightTaskProperty.ScheduledAt,
        ["targeted_at"] = FlightTaskProperty.TargetedAt,
        ["due_at"] = FlightTaskProperty.DueAt,
        ["started_at"] = FlightTaskProperty.StartedAt,
        ["completed_at"] = FlightTaskProperty.CompletedAt,
        ["canceled_at"] = FlightTaskProperty.CanceledAt,
    };

    /// <summary>Gives each edit of a refused entry its outcome: rejected, or not sent (to go again).</summary>
    public static IEnumerable<(long EditId, EditOutcomeKind Kind)> Split(EntryResult refused, IReadOnlyDictionary<long, OutboxEdit> edits)
    {
        ArgumentNullException.ThrowIfNull(refused);
        ArgumentNullException.ThrowIfNull(edits);
        var entry = refused.Entry;
        var named = new HashSet<FlightTaskProperty>();
        var namesOnlyProperties = entry.Kind == PendingEditKind.Update && entry.EditIds.Count > 1;
        foreach (var error in refused.Errors)
        {
            if (error.Attribute is { } attribute && Attributes.TryGetValue(attribute, out var property))
            {
                named.Add(property);
            }
            else
            {
                namesOnlyProperties = false;
            }
        }

        var touching = namesOnlyProperties
            ? entry.EditIds.Where(id => edits.TryGetValue(id, out var edit) && edit.Changes is { } changes && named.Any(changes.IsChanged)).ToHashSet()
            : [];
        foreach (var id in entry.EditIds)
        {
            yield return (id, touching.Count == 0 || touching.Contains(id) ? EditOutcomeKind.Rejected : EditOutcomeKind.NotSent);
        }
    }
}
