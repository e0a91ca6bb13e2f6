namespace FlightTaskSync.Client;

/// <summary>
/// The names under which FlightTaskSync reports traces and metrics, for an app to subscribe to,
/// e.g. with OpenTelemetry: <c>.AddSource(FlightTaskSyncTelemetry.ActivitySourceName)</c> and
/// <c>.AddMeter(FlightTaskSyncTelemetry.MeterName)</c>. No span or metric carries a token or a
/// task's content; spans carry the organization id being synced.
/// </summary>
public static class FlightTaskSyncTelemetry
{
    /// <summary>
    /// The name of the <see cref="System.Diagnostics.ActivitySource"/>: a <c>FlightTaskSync.Sync</c> span per sync, a
    /// <c>FlightTaskSync.Page</c> span per page, a <c>FlightTaskSync.Push</c> span per mutation call of the push (tagged
    /// <c>flighttasksync.push.mutation</c>, <c>.entries</c>, <c>.retries</c>, <c>.outcome</c>).
    /// </summary>
    public const string ActivitySourceName = "FlightTaskSync";

    /// <summary>The name of the <see cref="System.Diagnostics.Metrics.Meter"/> of the instruments below.</summary>
    public const string MeterName = "FlightTaskSync";

    /// <summary>Counter of syncs that ended, tagged <c>outcome</c> (<c>completed</c>, <c>failed</c>, <c>canceled</c>) and <c>full_resync</c>.</summary>
    public const string Syncs = "flighttasksync.syncs";

    /// <summary>Histogram of sync durations in seconds, tagged like <see cref="Syncs"/>.</summary>
    public const string SyncDuration = "flighttasksync.sync.duration";

    /// <summary>Counter of pages committed.</summary>
    public const string Pages = "flighttasksync.pages";

    /// <summary>Counter of tasks inserted or updated.</summary>
    public const string TasksUpserted = "flighttasksync.tasks.upserted";

    /// <summary>Counter of tasks deleted (by the server, or missing from a full resync).</summary>
    public const string TasksDeleted = "flighttasksync.tasks.deleted";

    /// <summary>Counter of page requests retried.</summary>
    public const string Retries = "flighttasksync.retries";

    /// <summary>Counter of failed syncs, tagged <c>error.type</c> (the exception's type name).</summary>
    public const string Failures = "flighttasksync.failures";

    /// <summary>Counter of the entries of the pages' <c>failed</c> lists (problems the server reported inside good pages).</summary>
    public const string ServerFailures = "flighttasksync.server_failures";

    /// <summary>Histogram of request body sizes in bytes (the hash list grows with what is held).</summary>
    public const string RequestSize = "flighttasksync.request.size";

    /// <summary>Counter of offline edits the server accepted (or was found to have applied).</summary>
    public const string EditsPushed = "flighttasksync.edits.pushed";

    /// <summary>Counter of offline edits the server refused.</summary>
    public const string EditsRejected = "flighttasksync.edits.rejected";

    /// <summary>Counter of offline edits in conflict with a server change, tagged <c>decision</c> (<c>sent</c>, <c>dropped</c>).</summary>
    public const string EditConflicts = "flighttasksync.edits.conflicts";

    /// <summary>Span tag: the organization being synced.</summary>
    public const string OrganizationTag = "flighttasksync.organization_id";

    /// <summary>Span tag: whether the scope includes descendant organizations.</summary>
    public const string IncludeDescendantsTag = "flighttasksync.include_descendants";
}
