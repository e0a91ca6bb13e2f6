namespace FlightTaskSync.Client;

/// <summary>
/// What <see cref="IFlightTaskStore.ListAsync(SyncScope, FlightTaskQuery?, CancellationToken)"/> sorts by. Ties are always broken by the task's
/// <see cref="FlightTask.SenteraId"/>, in the same direction, so every order is stable.
/// </summary>
public enum FlightTaskOrder
{
    /// <summary>By <see cref="FlightTask.UpdatedAt"/>: the order in which tasks last changed.</summary>
    UpdatedAt = 0,

    /// <summary>By <see cref="FlightTask.Name"/>, compared ordinally (by character code, case-sensitive).</summary>
    Name,

    /// <summary>By <see cref="FlightTask.TargetedAt"/>; tasks without one come first ascending, last descending.</summary>
    TargetedAt,

    /// <summary>By <see cref="FlightTask.ScheduledAt"/>; tasks without one come first ascending, last descending.</summary>
    ScheduledAt,

    /// <summary>By <see cref="FlightTask.CreatedAt"/>.</summary>
    CreatedAt,
}
