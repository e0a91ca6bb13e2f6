using System.Globalization;
using FlightTaskSync.ReliabilityHarness.Figures;

namespace FlightTaskSync.ReliabilityHarness.CrashLoop;

/// <summary>What a crash loop did and found.</summary>
internal sealed class CrashLoopResult
{
    public required CrashLoopOptions Options { get; init; }

    public int Kills { get; set; }

    /// <summary>Gets or sets the syncs that finished before their kill point (not counted as kills).</summary>
    public int SyncsThatFinishedFirst { get; set; }

    /// <summary>Gets or sets the kills after which the store held nothing new from that sync.</summary>
    public int KillsBeforeAnyCommit { get; set; }

    /// <summary>Gets or sets the kills after at least one page of that sync was committed and before its last one was.</summary>
    public int KillsMidSync { get; set; }

    /// <summary>Gets or sets the kills after the last page of that sync was committed (the store already level with the server).</summary>
    public int KillsAfterLastPage { get; set; }

    /// <summary>Gets or sets the kills that landed after a page was committed and before the child reported it.</summary>
    public int KillsBetweenCommitAndReport { get; set; }

    public int ResetSyncs { get; set; }

    public int TasksEdited { get; set; }

    public int TasksCreated { get; set; }

    public int IntegrityChecks { get; set; }

    /// <summary>Gets the page each kill was aimed at: killed after the child reported it committed (0: after its start line).</summary>
    public List<int> KillAims { get; } = [];

    /// <summary>Gets the time from the report each kill was aimed at to the kill.</summary>
    public List<double> KillDelaysMs { get; } = [];

    public List<int> PagesCommittedBeforeKill { get; } = [];

    /// <summary>Gets what went wrong; empty when every check held.</summary>
    public List<string> Violations { get; } = [];

    public bool FinalSyncConverged { get; set; }

    public int FinalTaskCount { get; set; }

    public TimeSpan FinalSyncDuration { get; set; }

    public TimeSpan Duration { get; set; }

    public IEnumerable<string> Describe()
    {
        var c = CultureInfo.InvariantCulture;
        yield return string.Create(c, $"crash loop: {Kills} kills (SIGKILL) of a child sync of {Options.Tasks:N0} seeded tasks, page size {Options.PageSize:N0}, seed {Options.Seed}, in {Duration.TotalSeconds:F0} s");
        yield return string.Create(c, $"  kills aimed: {KillAims.Count(k => k == 0)} before the first page (after the child's start line), {KillAims.Count(k => k > 0)} after the child's report of page k (k from {(KillAims.Any(k => k > 0) ? KillAims.Where(k => k > 0).Min() : 0)} to {(KillAims.Count > 0 ? KillAims.Max() : 0)})");
        yield return string.Create(c, $"  kill points: {KillsBeforeAnyCommit} before the run committed anything, {KillsMidSync} after 1 or more committed pages and before the last (mean {Mean(PagesCommittedBeforeKill):F1} pages), {KillsAfterLastPage} after the last page, {KillsBetweenCommitAndReport} between a commit and its progress report");
        yield return string.Create(c, $"  kill delays after the report aimed at: {Percentiles.Describe(KillDelaysMs, "ms")}");
        yield return string.Create(c, $"  syncs that finished before their kill point: {SyncsThatFinishedFirst}; syncs that reset the scope first: {ResetSyncs}");
        yield return string.Create(c, $"  server changes between runs: {TasksEdited:N0} task edits, {TasksCreated:N0} tasks created");
        yield return string.Create(c, $"  after every kill and every run: {IntegrityChecks} integrity checks; violations: {Violations.Count}");
        yield return string.Create(c, $"  final sync: {(FinalSyncConverged ? "converged" : "DID NOT CONVERGE")} to {FinalTaskCount:N0} tasks in {FinalSyncDuration.TotalSeconds:F1} s");
        foreach (var violation in Violations)
        {
            yield return "  VIOLATION: " + violation;
        }
    }

    private static double Mean(List<int> values) => values.Count == 0 ? 0 : values.Average();
}
