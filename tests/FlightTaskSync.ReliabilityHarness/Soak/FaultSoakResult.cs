using System.Globalization;
using FlightTaskSync.Emulator;

namespace FlightTaskSync.ReliabilityHarness.Soak;

/// <summary>What a fault soak did and found, over all its rounds.</summary>
internal sealed class FaultSoakResult
{
    public required FaultSoakOptions Options { get; init; }

    public int Syncs { get; set; }

    /// <summary>Gets the failed syncs by exception type (an app syncs again after each).</summary>
    public Dictionary<string, int> FailedSyncs { get; } = new(StringComparer.Ordinal);

    public int Requests { get; set; }

    /// <summary>Gets or sets the most requests allowed over all rounds: three per page a fault-free sync would need, and ten more a round.</summary>
    public int RequestBudget { get; set; }

    public int Pages { get; set; }

    public int Retries { get; set; }

    public Dictionary<EmulatorFaultKind, int> Faults { get; } = [];

    public int TasksEdited { get; set; }

    public int TasksDeleted { get; set; }

    public int TasksAdded { get; set; }

    public int ReaderQueries { get; set; }

    /// <summary>Gets or sets "database is locked" or SQLITE_BUSY seen anywhere: exceptions, reader errors, logs.</summary>
    public int BusyErrors { get; set; }

    public int RoundsConverged { get; set; }

    public List<string> Violations { get; } = [];

    public TimeSpan Duration { get; set; }

    public IEnumerable<string> Describe()
    {
        var c = CultureInfo.InvariantCulture;
        yield return string.Create(c, $"fault soak: {Options.Rounds} round(s) of a {Options.Tasks:N0}-task sync, page size {Options.PageSize:N0}, faults on {Options.FaultRate:P0} of requests, edits/deletes/additions between pages, in {Duration.TotalSeconds:F0} s");
        yield return string.Create(c, $"  faults injected: {string.Join(", ", Faults.OrderBy(f => f.Key).Select(f => $"{f.Key} {f.Value}"))}");
        yield return string.Create(c, $"  server changes during the syncs: {TasksEdited:N0} edited, {TasksDeleted:N0} deleted, {TasksAdded:N0} added");
        yield return string.Create(c, $"  syncs: {Syncs} ({(FailedSyncs.Count == 0 ? "none failed" : string.Join(", ", FailedSyncs.Select(f => $"{f.Value} failed with {f.Key}")))}); {Pages} pages committed, {Retries} retries in the completed syncs");
        yield return string.Create(c, $"  requests: {Requests} (budget {RequestBudget}: 3 per page of a fault-free sync + 10 a round)");
        yield return string.Create(c, $"  a reader queried meanwhile: {ReaderQueries:N0} queries; \"database is locked\"/SQLITE_BUSY anywhere: {BusyErrors}");
        yield return string.Create(c, $"  rounds converging exactly to the server: {RoundsConverged} of {Options.Rounds}");
        foreach (var violation in Violations)
        {
            yield return "  VIOLATION: " + violation;
        }
    }
}
