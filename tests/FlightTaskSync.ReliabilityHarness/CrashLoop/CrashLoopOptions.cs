namespace FlightTaskSync.ReliabilityHarness.CrashLoop;

/// <summary>How a crash loop runs: how many kills, on how large an organization.</summary>
internal sealed record CrashLoopOptions
{
    /// <summary>Gets the number of syncs to kill.</summary>
    public int Kills { get; init; } = 100;

    /// <summary>Gets the number of tasks the emulator seeds (all in the scope synced).</summary>
    public int Tasks { get; init; } = 100_000;

    /// <summary>Gets the emulator's page size.</summary>
    public int PageSize { get; init; } = 2_000;

    /// <summary>Gets the seed of the data and of every random choice (the kills land in real time, so runs differ anyway).</summary>
    public int Seed { get; init; } = 1;

    /// <summary>
    /// Gets how often a kill is aimed before the first page (k = 0): every n-th kill. The others are
    /// aimed after a committed page, when the sync has more than one page to write.
    /// </summary>
    public int BeforeFirstPageEvery { get; init; } = 4;

    /// <summary>Gets the share of syncs that reset the scope first, so a full sync is killed again and again.</summary>
    public double ResetShare { get; init; } = 0.1;

    /// <summary>Gets the folder of the database; a new temp folder when null.</summary>
    public string? WorkFolder { get; init; }

    /// <summary>Gets where progress lines go.</summary>
    public Action<string> Log { get; init; } = _ => { };
}
