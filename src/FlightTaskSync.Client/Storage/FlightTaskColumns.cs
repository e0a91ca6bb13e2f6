namespace FlightTaskSync.Client.Storage;

/// <summary>
/// The columns of a task in <c>flight_tasks</c> besides <c>scope_id</c>, in the one order that both
/// <see cref="FlightTaskRowReader"/> (by ordinal) and <see cref="PageWriter"/> (by parameter) use.
/// </summary>
internal static class FlightTaskColumns
{
    /// <summary>The column names, in order.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "sentera_id", "content_hash", "name", "status", "provider", "notes",
        "organization_sentera_id", "field_sentera_id", "plan_sentera_id", "survey_sentera_id",
        "assigned_to_sentera_id", "completed_by_sentera_id", "created_by_sentera_id", "updated_by_sentera_id",
        "created_at", "updated_at", "scheduled_at", "targeted_at", "due_at", "started_at", "completed_at", "canceled_at",
        "raw_json", "synced_at",
    ];

    /// <summary>
    /// The ordinal of <c>has_pending_edits</c>, read after <see cref="Names"/> (which a pull writes)
    /// by <see cref="FlightTaskRowReader"/>: a pull's upsert leaves it as it was.
    /// </summary>
    public const int HasPendingEditsOrdinal = 24;

    /// <summary>The names joined for a SELECT list, then <c>has_pending_edits</c>.</summary>
    public static string SelectList { get; } = string.Join(", ", Names) + ", has_pending_edits";

    /// <summary>
    /// The SELECT list with NULL in place of <c>raw_json</c>: the same ordinals, without reading the
    /// largest column of every row (it is kept in overflow pages SQLite then never visits).
    /// </summary>
    public static string SelectListWithoutRawJson { get; } = string.Join(", ", Names.Select(name => name == "raw_json" ? "NULL" : name)) + ", has_pending_edits";
}
