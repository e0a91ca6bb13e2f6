namespace FlightTaskSync.Client;

/// <summary>
/// What <see cref="IFlightTaskStore.ListAsync(SyncScope, FlightTaskQuery?, CancellationToken)"/> returns: filters (all optional, combined with AND),
/// an order and a page. The default query lists the first 1,000 tasks of the scope by
/// <see cref="FlightTaskOrder.UpdatedAt"/>, oldest change first, without their raw JSON.
/// <see cref="IFlightTaskStore.CountAsync(SyncScope, FlightTaskQuery?, CancellationToken)"/> takes the filters alone.
/// </summary>
public sealed class FlightTaskQuery
{
    /// <summary>
    /// Gets the status to keep, or <see langword="null"/> for any. <see cref="FlightTaskStatus.Unknown"/>
    /// keeps the tasks whose status this version of the SDK does not know.
    /// </summary>
    public FlightTaskStatus? Status { get; init; }

    /// <summary>Gets the organization id to keep (useful in a scope with descendants), or <see langword="null"/> for any.</summary>
    public string? OrganizationSenteraId { get; init; }

    /// <summary>Gets the field id to keep, or <see langword="null"/> for any.</summary>
    public string? FieldSenteraId { get; init; }

    /// <summary>Gets the id of the assignee to keep, or <see langword="null"/> for any.</summary>
    public string? AssignedToSenteraId { get; init; }

    /// <summary>Gets what to sort by; ties are broken by sentera id.</summary>
    /// <value>The default value is <see cref="FlightTaskOrder.UpdatedAt"/>.</value>
    public FlightTaskOrder OrderBy { get; init; } = FlightTaskOrder.UpdatedAt;

    /// <summary>Gets whether to sort in descending order (the tie-break by sentera id too).</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool Descending { get; init; }

    /// <summary>Gets how many tasks of the ordered result to skip; 0 or more.</summary>
    /// <value>The default value is 0.</value>
    public int Skip { get; init; }

    /// <summary>
    /// Gets the most tasks to return: a page. A list never reads an unbounded number of tasks by
    /// itself; to read more, raise it or ask for the next page with <see cref="Skip"/>
    /// (<see cref="IFlightTaskStore.CountAsync(SyncScope, FlightTaskQuery?, CancellationToken)"/> says how many match). 0 returns none.
    /// </summary>
    /// <value>The default value is 1,000; 0 or more.</value>
    public int Take { get; init; } = 1000;

    /// <summary>
    /// Gets whether the listed tasks carry their <see cref="FlightTask.RawJson"/>. The server's JSON of
    /// a task is most of its size, and a list seldom needs it: by default it is not read, and
    /// <see cref="FlightTask.RawJson"/> is <see langword="null"/> in the listed tasks.
    /// <see cref="IFlightTaskStore.GetAsync"/> always reads it.
    /// </summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool IncludeRawJson { get; init; }
}
