using System.Globalization;
using FlightTaskSync.ReliabilityHarness.Figures;

namespace FlightTaskSync.ReliabilityHarness.CrashLoop;

/// <summary>What a crash loop did and found.</summary>
internal sealed class CrashLoopResult
{
    public required CrashLoopOptions Options { get; init; }

    public int Kills { get; set; }

    /// <summary>Gets or sets the syncs that finished before their kill time (not counted as kills).</summary>
    public int SyncsThatFinishedFirst { get; set; }

    /// <summary>Gets or sets the kills after which the store held nothing new from that sync.</summary>
    public int KillsBeforeAnyCommit { get; set; }

    /// <summary>Gets or sets the kills after at least one page of that sync was committed, before its end.</summary>
    public int KillsMidSync { get; set; }

    /// <summary>Gets or sets the kills that landed after a page was committed and before the child reported it.</summary>
    public int KillsBetweenCommitAndReport { get; set; }

    public int ResetSyncs { get; set; }

    public int TasksEdited { get; set; }

    public int TasksCreated { get; set; }

    public int IntegrityChecks { get; set; }

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
        yield return string.Create(c, $"  kill points: {KillsBeforeAnyCommit} before the run committed anything, {KillsMidSync} after 1 or more committed pages (mean {Mean(PagesCommittedBeforeKill):F1} pages), {KillsBetweenCommitAndReport} between a commit and its progress report");
        yield return string.Create(c, $"  kill delays after process start: {Percentiles.Describe(KillDelaysMs, "ms")}");
        yield return string.Create(c, $"  syncs that finished before their kill time: {SyncsThatFinishedFirst}; syncs that reset the scope first: {ResetSyncs}");
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
