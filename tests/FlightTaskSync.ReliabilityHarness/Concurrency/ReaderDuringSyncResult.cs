using System.Globalization;
using FlightTaskSync.ReliabilityHarness.Figures;

namespace FlightTaskSync.ReliabilityHarness.Concurrency;

/// <summary>What the readers saw while a sync wrote, and afterwards.</summary>
internal sealed class ReaderDuringSyncResult
{
    public required ReaderDuringSyncOptions Options { get; init; }

    public List<double> LatenciesDuringSyncMs { get; } = [];

    public List<double> IdleLatenciesMs { get; } = [];

    public List<string> Errors { get; } = [];

    public int BusyErrors { get; set; }

    /// <summary>Gets or sets the pages the sync committed.</summary>
    public int Pages { get; set; }

    /// <summary>Gets or sets the largest task count a reader saw grow to during the sync.</summary>
    public int LargestCountSeen { get; set; }

    public TimeSpan SyncDuration { get; set; }

    public bool Converged { get; set; }

    public IEnumerable<string> Describe()
    {
        var c = CultureInfo.InvariantCulture;
        yield return string.Create(c, $"reader during sync: {Options.Readers} reader(s) querying without pause while {Options.Tasks:N0} tasks sync in {Pages} pages of {Options.PageSize:N0} ({SyncDuration.TotalSeconds:F1} s)");
        yield return string.Create(c, $"  queries during the sync: {LatenciesDuringSyncMs.Count:N0}; errors: {Errors.Count}; SQLITE_BUSY/locked: {BusyErrors}; counts seen grew to {LargestCountSeen:N0}");
        yield return "  latency during the sync: " + Percentiles.Describe(LatenciesDuringSyncMs, "ms");
        yield return "  latency with no sync running: " + Percentiles.Describe(IdleLatenciesMs, "ms");
        yield return $"  store equals the server after the sync: {(Converged ? "yes" : "NO")}";
        foreach (var error in Errors.Take(5))
        {
            yield return "  VIOLATION: " + error;
        }
    }
}
