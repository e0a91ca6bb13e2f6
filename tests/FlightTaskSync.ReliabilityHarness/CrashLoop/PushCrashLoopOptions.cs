namespace FlightTaskSync.ReliabilityHarness.CrashLoop;

/// <summary>The settings of one <see cref="PushCrashLoopHarness"/> run.</summary>
internal sealed class PushCrashLoopOptions
{
    /// <summary>Gets how many times a child is killed.</summary>
    public int Kills { get; init; } = 40;

    /// <summary>Gets how many tasks the emulator seeds.</summary>
    public int Tasks { get; init; } = 400;

    /// <summary>Gets the most tasks per sync page.</summary>
    public int PageSize { get; init; } = 200;

    /// <summary>Gets how many offline edits each child makes before it syncs.</summary>
    public int EditsPerRun { get; init; } = 25;

    /// <summary>Gets the share of mutation requests the emulator applies and then leaves unanswered.</summary>
    public double DroppedAnswerShare { get; init; } = 0.15;

    /// <summary>Gets the share of kills aimed at the edits (the rest at the sync that pushes them).</summary>
    public double KillsDuringEditsShare { get; init; } = 0.3;

    /// <summary>Gets every how many runs one is left to finish (0 for never), so pushes complete between kills.</summary>
    public int FinishEvery { get; init; } = 4;

    /// <summary>Gets how many tasks the office renames between runs.</summary>
    public int OfficeRenamesPerRun { get; init; } = 5;

    public int Seed { get; init; } = 1;

    public string? WorkFolder { get; init; }

    public Action<string> Log { get; init; } = _ => { };
}
