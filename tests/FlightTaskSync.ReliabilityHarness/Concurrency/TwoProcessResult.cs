namespace FlightTaskSync.ReliabilityHarness.Concurrency;

/// <summary>What the two-process runs found.</summary>
internal sealed class TwoProcessResult
{
    public required int Tasks { get; init; }

    /// <summary>Gets or sets the first and second sync of the same scope, in two processes, on one database.</summary>
    public ProcessRace? SameScopeFirst { get; set; }

    public ProcessRace? SameScopeSecond { get; set; }

    public bool SameScopeConverged { get; set; }

    /// <summary>Gets or sets the syncs of two different scopes, in two processes, on one database.</summary>
    public ProcessRace? ScopeA { get; set; }

    public ProcessRace? ScopeB { get; set; }

    public bool TwoScopesConverged { get; set; }

    public List<string> Violations { get; } = [];

    public IEnumerable<string> Describe()
    {
        yield return $"two processes, one database, one scope ({Tasks:N0} tasks): first {Outcome(SameScopeFirst)}, second {Outcome(SameScopeSecond)}; " +
            $"the second waited for the first: {YesNo(SameScopeSecond?.Waited)}; every page of the first before any of the second: {YesNo(SameScopeFirst?.AllPagesBefore(SameScopeSecond!))}; store equals the server: {YesNo(SameScopeConverged)}";
        yield return $"two processes, one database, two scopes: {Outcome(ScopeA)} and {Outcome(ScopeB)}; their pages overlapped in time: {YesNo(ScopeA?.Overlaps(ScopeB!))}; both stores equal the server: {YesNo(TwoScopesConverged)}";
        foreach (var violation in Violations)
        {
            yield return "  VIOLATION: " + violation;
        }
    }

    private static string Outcome(ProcessRace? race) =>
        race is null ? "not run" : race.Completed ? $"completed ({race.PageTimes.Count} page(s))" : $"FAILED (exit {race.ExitCode}: {race.LastLine})";

    private static string YesNo(bool? value) => value is true ? "yes" : "no";
}
