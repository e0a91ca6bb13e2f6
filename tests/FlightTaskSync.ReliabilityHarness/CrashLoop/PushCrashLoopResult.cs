using System.Globalization;
using FlightTaskSync.ReliabilityHarness.Figures;

namespace FlightTaskSync.ReliabilityHarness.CrashLoop;

/// <summary>What a push crash loop did and found.</summary>
internal sealed class PushCrashLoopResult
{
    public required PushCrashLoopOptions Options { get; init; }

    public int Kills { get; set; }

    /// <summary>Gets or sets the kills aimed between two edit calls of the child.</summary>
    public int KillsDuringEdits { get; set; }

    /// <summary>Gets or sets the kills aimed at the sync that pushes (after the child said it starts it).</summary>
    public int KillsDuringSync { get; set; }

    /// <summary>Gets or sets the runs left to finish, or that finished before their kill point.</summary>
    public int RunsFinished { get; set; }

    /// <summary>Gets the time from the report each kill was aimed at to the kill.</summary>
    public List<double> KillDelaysMs { get; } = [];

    /// <summary>Gets or sets the edit calls that returned in a child (the SDK must never lose one).</summary>
    public int EditsConfirmed { get; set; }

    /// <summary>Gets or sets the edit calls a child started and was killed in before they returned.</summary>
    public int EditsInterrupted { get; set; }

    public int Creates { get; set; }

    public int Updates { get; set; }

    public int Begins { get; set; }

    public int Deletes { get; set; }

    public int OfficeRenames { get; set; }

    /// <summary>Gets or sets the edits the pushes reported accepted, over every run that finished.</summary>
    public int PushedReported { get; set; }

    /// <summary>Gets or sets the conflicts the pushes reported, over every run that finished.</summary>
    public int ConflictsReported { get; set; }

    public int IntegrityChecks { get; set; }

    public int FinalSyncs { get; set; }

    /// <summary>Gets or sets the tasks the server holds at the end.</summary>
    public int FinalServerTasks { get; set; }

    /// <summary>Gets or sets whether the store equals the server after the final syncs, with nothing pending.</summary>
    public bool Converged { get; set; }

    /// <summary>Gets what went wrong; empty when every check held.</summary>
    public List<string> Violations { get; } = [];

    public TimeSpan Duration { get; set; }

    public IEnumerable<string> Describe()
    {
        var c = CultureInfo.InvariantCulture;
        yield return string.Create(c, $"push crash loop: {Kills} kills (SIGKILL) of a child that edits offline and syncs, {Options.Tasks:N0} seeded tasks, {Options.EditsPerRun} edits a run, {Options.DroppedAnswerShare:P0} of mutation answers dropped after applying, seed {Options.Seed}, in {Duration.TotalSeconds:F0} s");
        yield return string.Create(c, $"  kills: {KillsDuringEdits} between edit calls, {KillsDuringSync} during the sync that pushes; {RunsFinished} runs finished; kill delays {Percentiles.Describe(KillDelaysMs, "ms")}");
        yield return string.Create(c, $"  edits that returned: {EditsConfirmed:N0} ({Creates} creates, {Updates} updates, {Begins} begins, {Deletes} deletes); edits interrupted by a kill: {EditsInterrupted}");
        yield return string.Create(c, $"  office renames between runs: {OfficeRenames}; pushes reported {PushedReported:N0} edits accepted and {ConflictsReported} conflicts in the runs that finished");
        yield return string.Create(c, $"  {IntegrityChecks} integrity checks; {FinalSyncs} final sync(s); {(Converged ? "converged" : "DID NOT CONVERGE")}: store equals server ({FinalServerTasks:N0} tasks), nothing pending; violations: {Violations.Count}");
        foreach (var violation in Violations)
        {
            yield return "  VIOLATION: " + violation;
        }
    }
}
