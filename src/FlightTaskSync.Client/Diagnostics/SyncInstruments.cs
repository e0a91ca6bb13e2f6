using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;

namespace FlightTaskSync.Client.Diagnostics;

/// <summary>
/// The <see cref="ActivitySource"/> (one per process, as .NET's tracing expects) and the metric
/// instruments, on a <see cref="Meter"/> made by the container's <see cref="IMeterFactory"/>: one
/// per service provider, disposed with it, and told apart by listeners that care (tests do).
/// </summary>
internal sealed class SyncInstruments
{
    private static readonly string? Version = typeof(SyncInstruments).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;

    public static readonly ActivitySource ActivitySource = new(FlightTaskSyncTelemetry.ActivitySourceName, Version);

    public SyncInstruments(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(new MeterOptions(FlightTaskSyncTelemetry.MeterName) { Version = Version });
        Syncs = meter.CreateCounter<long>(FlightTaskSyncTelemetry.Syncs, "{sync}", "Syncs that ended.");
        SyncDuration = meter.CreateHistogram<double>(FlightTaskSyncTelemetry.SyncDuration, "s", "How long syncs took.");
        Pages = meter.CreateCounter<long>(FlightTaskSyncTelemetry.Pages, "{page}", "Pages committed.");
        TasksUpserted = meter.CreateCounter<long>(FlightTaskSyncTelemetry.TasksUpserted, "{task}", "Tasks inserted or updated.");
        TasksDeleted = meter.CreateCounter<long>(FlightTaskSyncTelemetry.TasksDeleted, "{task}", "Tasks deleted.");
        Retries = meter.CreateCounter<long>(FlightTaskSyncTelemetry.Retries, "{retry}", "Page requests retried.");
        Failures = meter.CreateCounter<long>(FlightTaskSyncTelemetry.Failures, "{sync}", "Syncs that failed.");
        ServerFailures = meter.CreateCounter<long>(FlightTaskSyncTelemetry.ServerFailures, "{entry}", "Entries of the pages' failed lists.");
        RequestSize = meter.CreateHistogram<long>(FlightTaskSyncTelemetry.RequestSize, "By", "Request body sizes.");
        EditsPushed = meter.CreateCounter<long>(FlightTaskSyncTelemetry.EditsPushed, "{edit}", "Offline edits the server accepted.");
        EditsRejected = meter.CreateCounter<long>(FlightTaskSyncTelemetry.EditsRejected, "{edit}", "Offline edits the server refused.");
        EditConflicts = meter.CreateCounter<long>(FlightTaskSyncTelemetry.EditConflicts, "{edit}", "Offline edits in conflict with a server change.");
    }

    public Counter<long> Syncs { get; }

    public Histogram<double> SyncDuration { get; }

    public Counter<long> Pages { get; }

    public Counter<long> TasksUpserted { get; }

    public Counter<long> TasksDeleted { get; }

    public Counter<long> Retries { get; }

    public Counter<long> Failures { get; }

    public Counter<long> ServerFailures { get; }

    public Histogram<long> RequestSize { get; }

    public Counter<long> EditsPushed { get; }

    public Counter<long> EditsRejected { get; }

    public Counter<long> EditConflicts { get; }
}
