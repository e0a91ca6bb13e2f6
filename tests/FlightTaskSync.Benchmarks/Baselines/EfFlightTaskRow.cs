using FlightTaskSync.Client;

namespace FlightTaskSync.Benchmarks.Baselines;

/// <summary>A row of <c>flight_tasks</c> as an EF Core entity (dates as stored: Unix milliseconds).</summary>
internal sealed class EfFlightTaskRow
{
    public long ScopeId { get; set; }

    public string SenteraId { get; set; } = "";

    public string ContentHash { get; set; } = "";

    public string Name { get; set; } = "";

    public string Status { get; set; } = "";

    public string? Provider { get; set; }

    public string? Notes { get; set; }

    public string? OrganizationSenteraId { get; set; }

    public string? FieldSenteraId { get; set; }

    public string? PlanSenteraId { get; set; }

    public string? SurveySenteraId { get; set; }

    public string? AssignedToSenteraId { get; set; }

    public string? CompletedBySenteraId { get; set; }

    public string CreatedBySenteraId { get; set; } = "";

    public string? UpdatedBySenteraId { get; set; }

    public long CreatedAt { get; set; }

    public long UpdatedAt { get; set; }

    public long? ScheduledAt { get; set; }

    public long? TargetedAt { get; set; }

    public long? DueAt { get; set; }

    public long? StartedAt { get; set; }

    public long? CompletedAt { get; set; }

    public long? CanceledAt { get; set; }

    public string RawJson { get; set; } = "";

    public long SyncedAt { get; set; }

    /// <summary>Sets every column from the task, as a sync library's mapping code would.</summary>
    public void CopyFrom(FlightTask task, long syncedAt)
    {
        ContentHash = task.ContentHash;
        Name = task.Name;
        Status = task.StatusValue;
        Provider = task.Provider switch
        {
            FlightTaskProvider.Self => "SELF",
            FlightTaskProvider.Sentera => "SENTERA",
            FlightTaskProvider.FlyGuys => "FLY_GUYS",
            _ => null,
        };
        Notes = task.Notes;
        OrganizationSenteraId = task.OrganizationSenteraId;
        FieldSenteraId = task.FieldSenteraId;
        PlanSenteraId = task.PlanSenteraId;
        SurveySenteraId = task.SurveySenteraId;
        AssignedToSenteraId = task.AssignedToSenteraId;
        CompletedBySenteraId = task.CompletedBySenteraId;
        CreatedBySenteraId = task.CreatedBySenteraId;
        UpdatedBySenteraId = task.UpdatedBySenteraId;
        CreatedAt = task.CreatedAt.ToUnixTimeMilliseconds();
        UpdatedAt = task.UpdatedAt.ToUnixTimeMilliseconds();
        ScheduledAt = task.ScheduledAt?.ToUnixTimeMilliseconds();
        TargetedAt = task.TargetedAt?.ToUnixTimeMilliseconds();
        DueAt = task.DueAt?.ToUnixTimeMilliseconds();
        StartedAt = task.StartedAt?.ToUnixTimeMilliseconds();
        CompletedAt = task.CompletedAt?.ToUnixTimeMilliseconds();
        CanceledAt = task.CanceledAt?.ToUnixTimeMilliseconds();
        RawJson = task.RawJson!;
        SyncedAt = syncedAt;
    }
}
