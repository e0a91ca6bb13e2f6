using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;

namespace FlightTaskSync.Client.Diagnostics;

/// <summary>The <see cref="ActivitySource"/> and the metric instruments, created once per process.</summary>
internal static class SyncInstruments
{
    private static readonly string? Version = typeof(SyncInstruments).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;

    public static readonly ActivitySource ActivitySource = new(FlightTaskSyncTelemetry.ActivitySourceName, Version);

    public static readonly Meter Meter = new(FlightTaskSyncTelemetry.MeterName, Version);

    public static readonly Counter<long> Syncs = Meter.CreateCounter<long>(FlightTaskSyncTelemetry.Syncs, "{sync}", "Syncs that ended.");

    public static readonly Histogram<double> SyncDuration = Meter.CreateHistogram<double>(FlightTaskSyncTelemetry.SyncDuration, "s", "How long syncs took.");

    public static readonly Counter<long> Pages = Meter.CreateCounter<long>(FlightTaskSyncTelemetry.Pages, "{page}", "Pages committed.");

    public static readonly Counter<long> TasksUpserted = Meter.CreateCounter<long>(FlightTaskSyncTelemetry.TasksUpserted, "{task}", "Tasks inserted or updated.");

    public static readonly Counter<long> TasksDeleted = Meter.CreateCounter<long>(FlightTaskSyncTelemetry.TasksDeleted, "{task}", "Tasks deleted.");

    public static readonly Counter<long> Retries = Meter.CreateCounter<long>(FlightTaskSyncTelemetry.Retries, "{retry}", "Page requests retried.");

    public static readonly Counter<long> Failures = Meter.CreateCounter<long>(FlightTaskSyncTelemetry.Failures, "{sync}", "Syncs that failed.");

    public static readonly Counter<long> ServerFailures = Meter.CreateCounter<long>(FlightTaskSyncTelemetry.ServerFailures, "{entry}", "Entries of the pages' failed lists.");

    public static readonly Histogram<long> RequestSize = Meter.CreateHistogram<long>(FlightTaskSyncTelemetry.RequestSize, "By", "Request body sizes.");
}
