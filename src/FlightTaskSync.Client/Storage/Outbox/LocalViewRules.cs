namespace FlightTaskSync.Client.Storage.Outbox;

/// <summary>
/// How a pending edit changes the local view of a task: pure functions over <see cref="FlightTask"/>.
/// <see cref="FlightTask.ContentHash"/>, <see cref="FlightTask.RawJson"/>, <see cref="FlightTask.CreatedAt"/>
/// and <see cref="FlightTask.UpdatedAt"/> stay the server's.
/// </summary>
internal static class LocalViewRules
{
    /// <summary>The task a create shows until it is pushed: its local id, status open, an empty content hash.</summary>
    public static FlightTask Created(string localId, NewFlightTask task, DateTimeOffset madeAt, string rawJson) => new()
    {
        SenteraId = localId,
        ContentHash = string.Empty,
        Name = task.Name,
        Status = FlightTaskStatus.Open,
        StatusValue = "OPEN",
        Provider = task.Provider,
        Notes = task.Notes,
        OrganizationSenteraId = task.OrganizationSenteraId,
        FieldSenteraId = task.FieldSenteraId,
        PlanSenteraId = task.PlanSenteraId,
        SurveySenteraId = task.SurveySenteraId,
        AssignedToSenteraId = task.AssignedToSenteraId,
        CompletedBySenteraId = task.CompletedBySenteraId,
        CreatedBySenteraId = string.Empty,
        CreatedAt = madeAt,
        UpdatedAt = madeAt,
        ScheduledAt = task.ScheduledAt,
        TargetedAt = task.TargetedAt,
        DueAt = task.DueAt,
        StartedAt = task.StartedAt,
        CompletedAt = task.CompletedAt,
        CanceledAt = task.CanceledAt,
        RawJson = rawJson,
    };

    /// <summary>A begin: in progress, started when the edit was made unless it had started already.</summary>
    public static FlightTask Begun(FlightTask task, DateTimeOffset madeAt) => Copy(task, changes: null, status: "IN_PROGRESS", startedAt: task.StartedAt ?? madeAt);

    /// <summary>
    /// An update: each property set takes its value (<see cref="FlightTaskProperty.AssignedToEmail"/> has
    /// no column and shows nothing until a pull). When it sets <c>StartedAt</c>, <c>CompletedAt</c> or
    /// <c>CanceledAt</c> of a task in one of the statuses the server infers from them (open, in progress,
    /// completed, canceled), the status is inferred the same way (canceled, else completed, else in
    /// progress, else open), as the server is inferred to do; any other status is kept.
    /// </summary>
    public static FlightTask Updated(FlightTask task, FlightTaskChanges changes)
    {
        var updated = Copy(task, changes, status: null, startedAt: null);
        var datesChanged = changes.IsChanged(FlightTaskProperty.StartedAt) || changes.IsChanged(FlightTaskProperty.CompletedAt) ||
            changes.IsChanged(FlightTaskProperty.CanceledAt);
        if (!datesChanged || task.Status is not (FlightTaskStatus.Open or FlightTaskStatus.InProgress or FlightTaskStatus.Completed or FlightTaskStatus.Canceled))
        {
            return updated;
        }

        var status = updated.CanceledAt is not null ? "CANCELED"
            : updated.CompletedAt is not null ? "COMPLETED"
            : updated.StartedAt is not null ? "IN_PROGRESS"
            : "OPEN";
        return Copy(updated, changes: null, status, startedAt: null);
    }

    /// <summary>The value a server row has for an editable property (null for <see cref="FlightTaskProperty.AssignedToEmail"/>, which it does not hold).</summary>
    public static object? ValueOf(FlightTask task, FlightTaskProperty property) => property switch
    {
        FlightTaskProperty.Name => task.Name,
        FlightTaskProperty.Notes => task.Notes,
        FlightTaskProperty.FieldSenteraId => task.FieldSenteraId,
        FlightTaskProperty.PlanSenteraId => task.PlanSenteraId,
        FlightTaskProperty.SurveySenteraId => task.SurveySenteraId,
        FlightTaskProperty.Provider => task.Provider,
        FlightTaskProperty.AssignedToSenteraId => task.AssignedToSenteraId,
        FlightTaskProperty.CompletedBySenteraId => task.CompletedBySenteraId,
        FlightTaskProperty.ScheduledAt => task.ScheduledAt,
        FlightTaskProperty.TargetedAt => task.TargetedAt,
        FlightTaskProperty.DueAt => task.DueAt,
        FlightTaskProperty.StartedAt => task.StartedAt,
        FlightTaskProperty.CompletedAt => task.CompletedAt,
        FlightTaskProperty.CanceledAt => task.CanceledAt,
        _ => null,
    };

    /// <summary>
    /// The base values of an update: the server row's value of each property the changes set, but
    /// <see cref="FlightTaskProperty.AssignedToEmail"/>, which the row does not hold.
    /// </summary>
    public static FlightTaskChanges BaseValues(FlightTask serverRow, FlightTaskChanges changes) =>
        FlightTaskChanges.FromValues(changes.ChangedProperties
            .Where(p => p != FlightTaskProperty.AssignedToEmail)
            .Select(p => KeyValuePair.Create(p, ValueOf(serverRow, p))));

    /// <summary>The task with other values of the local view's own columns.</summary>
    public static FlightTask WithView(FlightTask task, bool hasPendingEdits, DateTimeOffset syncedAt) => new()
    {
        SenteraId = task.SenteraId,
        ContentHash = task.ContentHash,
        Name = task.Name,
        Status = task.Status,
        StatusValue = task.StatusValue,
        Provider = task.Provider,
        Notes = task.Notes,
        OrganizationSenteraId = task.OrganizationSenteraId,
        FieldSenteraId = task.FieldSenteraId,
        PlanSenteraId = task.PlanSenteraId,
        SurveySenteraId = task.SurveySenteraId,
        AssignedToSenteraId = task.AssignedToSenteraId,
        CompletedBySenteraId = task.CompletedBySenteraId,
        CreatedBySenteraId = task.CreatedBySenteraId,
        UpdatedBySenteraId = task.UpdatedBySenteraId,
        CreatedAt = task.CreatedAt,
        UpdatedAt = task.UpdatedAt,
        ScheduledAt = task.ScheduledAt,
        TargetedAt = task.TargetedAt,
        DueAt = task.DueAt,
        StartedAt = task.StartedAt,
        CompletedAt = task.CompletedAt,
        CanceledAt = task.CanceledAt,
        RawJson = task.RawJson,
        SyncedAt = syncedAt,
        HasPendingEdits = hasPendingEdits,
    };

    private static FlightTask Copy(FlightTask task, FlightTaskChanges? changes, string? status, DateTimeOffset? startedAt)
    {
        T Pick<T>(FlightTaskProperty property, T current) =>
            changes is not null && changes.IsChanged(property) ? (T)changes.GetValue(property)! : current;

        T? PickNullable<T>(FlightTaskProperty property, T? current)
            where T : class =>
            changes is not null && changes.IsChanged(property) ? (T?)changes.GetValue(property) : current;

        DateTimeOffset? PickTime(FlightTaskProperty property, DateTimeOffset? current) =>
            changes is not null && changes.IsChanged(property) ? (DateTimeOffset?)changes.GetValue(property) : current;

        var statusValue = status ?? task.StatusValue;
        var provider = changes is not null && changes.IsChanged(FlightTaskProperty.Provider)
            ? (FlightTaskProvider?)changes.GetValue(FlightTaskProperty.Provider) ?? FlightTaskProvider.Self
            : task.Provider;
        return new FlightTask
        {
            SenteraId = task.SenteraId,
            ContentHash = task.ContentHash,
            Name = Pick(FlightTaskProperty.Name, task.Name),
            Status = ServerEnumValues.ParseStatus(statusValue),
            StatusValue = statusValue,
            Provider = provider,
            Notes = PickNullable(FlightTaskProperty.Notes, task.Notes),
            OrganizationSenteraId = task.OrganizationSenteraId,
            FieldSenteraId = PickNullable(FlightTaskProperty.FieldSenteraId, task.FieldSenteraId),
            PlanSenteraId = PickNullable(FlightTaskProperty.PlanSenteraId, task.PlanSenteraId),
            SurveySenteraId = PickNullable(FlightTaskProperty.SurveySenteraId, task.SurveySenteraId),
            AssignedToSenteraId = PickNullable(FlightTaskProperty.AssignedToSenteraId, task.AssignedToSenteraId),
            CompletedBySenteraId = PickNullable(FlightTaskProperty.CompletedBySenteraId, task.CompletedBySenteraId),
            CreatedBySenteraId = task.CreatedBySenteraId,
            UpdatedBySenteraId = task.UpdatedBySenteraId,
            CreatedAt = task.CreatedAt,
            UpdatedAt = task.UpdatedAt,
            ScheduledAt = PickTime(FlightTaskProperty.ScheduledAt, task.ScheduledAt),
            TargetedAt = PickTime(FlightTaskProperty.TargetedAt, task.TargetedAt),
            DueAt = PickTime(FlightTaskProperty.DueAt, task.DueAt),
            StartedAt = startedAt ?? PickTime(FlightTaskProperty.StartedAt, task.StartedAt),
            CompletedAt = PickTime(FlightTaskProperty.CompletedAt, task.CompletedAt),
            CanceledAt = PickTime(FlightTaskProperty.CanceledAt, task.CanceledAt),
            RawJson = task.RawJson,
            SyncedAt = task.SyncedAt,
            HasPendingEdits = task.HasPendingEdits,
        };
    }
}
