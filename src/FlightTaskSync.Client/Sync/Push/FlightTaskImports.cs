using FlightTaskSync.Client.Transport;

namespace FlightTaskSync.Client.Sync.Push;

/// <summary>
/// Turns planned entries into the generated client's <see cref="FlightTaskImport"/>: a create with
/// its organization, name, provider and every property it gives; an update with its id and exactly
/// the properties it changed (null sent as null, to clear). Dates go in UTC.
/// </summary>
internal static class FlightTaskImports
{
    public static FlightTaskImport From(PlannedEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Kind switch
        {
            PendingEditKind.Create => ForCreate(entry.NewTask ?? throw Missing(entry)),
            PendingEditKind.Update => ForUpdate(entry.TaskId, entry.Changes ?? throw Missing(entry)),
            _ => throw new ArgumentException($"A {entry.Kind} is not sent with upsert_flight_tasks.", nameof(entry)),
        };
    }

    public static TaskProvider ToServer(FlightTaskProvider provider) => provider switch
    {
        FlightTaskProvider.Self => TaskProvider.Self,
        FlightTaskProvider.Sentera => TaskProvider.Sentera,
        FlightTaskProvider.FlyGuys => TaskProvider.FlyGuys,
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Only a known provider can be sent."),
    };

    private static FlightTaskImport ForCreate(NewFlightTask task)
    {
        var import = new FlightTaskImport
        {
            Organization_sentera_id = task.OrganizationSenteraId,
            Name = task.Name,
            Provider = ToServer(task.Provider),
        };
        SetIfGiven(task.Notes, v => import.Notes = v);
        SetIfGiven(task.FieldSenteraId, v => import.Field_sentera_id = v);
        SetIfGiven(task.PlanSenteraId, v => import.Plan_sentera_id = v);
        SetIfGiven(task.SurveySenteraId, v => import.Survey_sentera_id = v);
        SetIfGiven(task.AssignedToEmail, v => import.Assigned_to_email = v);
        SetIfGiven(task.AssignedToSenteraId, v => import.Assigned_to_sentera_id = v);
        SetIfGiven(task.CompletedBySenteraId, v => import.Completed_by_sentera_id = v);
        SetIfGiven(task.ScheduledAt, v => import.Scheduled_at = Utc(v));
        SetIfGiven(task.TargetedAt, v => import.Targeted_at = Utc(v));
        SetIfGiven(task.DueAt, v => import.Due_at = Utc(v));
        SetIfGiven(task.StartedAt, v => import.Started_at = Utc(v));
        SetIfGiven(task.CompletedAt, v => import.Completed_at = Utc(v));
        SetIfGiven(task.CanceledAt, v => import.Canceled_at = Utc(v));
        return import;
    }

    private static FlightTaskImport ForUpdate(string senteraId, FlightTaskChanges changes)
    {
        var import = new FlightTaskImport { Sentera_id = senteraId };
        foreach (var property in changes.ChangedProperties)
        {
            var value = changes.GetValue(property);
            switch (property)
            {
                case FlightTaskProperty.Name: import.Name = (string?)value; break;
                case FlightTaskProperty.Notes: import.Notes = (string?)value; break;
                case FlightTaskProperty.FieldSenteraId: import.Field_sentera_id = (string?)value; break;
                case FlightTaskProperty.PlanSenteraId: import.Plan_sentera_id = (string?)value; break;
                case FlightTaskProperty.SurveySenteraId: import.Survey_sentera_id = (string?)value; break;
                case FlightTaskProperty.Provider: import.Provider = value is FlightTaskProvider provider ? ToServer(provider) : null; break;
                case FlightTaskProperty.AssignedToEmail: import.Assigned_to_email = (string?)value; break;
                case FlightTaskProperty.AssignedToSenteraId: import.Assigned_to_sentera_id = (string?)value; break;
                case FlightTaskProperty.CompletedBySenteraId: import.Completed_by_sentera_id = (string?)value; break;
                case FlightTaskProperty.ScheduledAt: import.Scheduled_at = Utc((DateTimeOffset?)value); break;
                case FlightTaskProperty.TargetedAt: import.Targeted_at = Utc((DateTimeOffset?)value); break;
                case FlightTaskProperty.DueAt: import.Due_at = Utc((DateTimeOffset?)value); break;
                case FlightTaskProperty.StartedAt: import.Started_at = Utc((DateTimeOffset?)value); break;
                case FlightTaskProperty.CompletedAt: import.Completed_at = Utc((DateTimeOffset?)value); break;
                case FlightTaskProperty.CanceledAt: import.Canceled_at = Utc((DateTimeOffset?)value); break;
                default: throw new InvalidOperationException($"{property} cannot be sent.");
            }
        }

        return import;
    }

    private static DateTimeOffset? Utc(DateTimeOffset? value) => value?.ToUniversalTime();

    private static void SetIfGiven<T>(T? value, Action<T> set)
        where T : class
    {
        if (value is not null)
        {
            set(value);
        }
    }

    private static void SetIfGiven<T>(T? value, Action<T> set)
        where T : struct
    {
        if (value is { } given)
        {
            set(given);
        }
    }

    private static InvalidOperationException Missing(PlannedEntry entry) => new($"Entry {entry} is missing what a {entry.Kind} sends.");
}
