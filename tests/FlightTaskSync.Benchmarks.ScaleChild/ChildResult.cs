namespace FlightTaskSync.Benchmarks.ScaleChild;

/// <summary>
/// What one child run measured, printed as one JSON line after <see cref="Prefix"/>. The side-by-side
/// runner (tests/FlightTaskSync.Benchmarks, which links this file) reads it back.
/// </summary>
internal sealed record ChildResult
{
    /// <summary>Marks the result line in the child's output.</summary>
    public const string Prefix = "CHILD-RESULT ";

    /// <summary>Gets what was run: sync, open, queries or reader.</summary>
    public string Mode { get; init; } = "";

    /// <summary>Gets the tasks the scope holds at the end.</summary>
    public int Held { get; init; }

    /// <summary>Gets the tasks the sync upserted (sync and reader modes).</summary>
    public int Upserted { get; init; }

    /// <summary>Gets the pages the sync took.</summary>
    public int Pages { get; init; }

    /// <summary>Gets the elapsed time of the measured work (the sync; in open mode, the first count).</summary>
    public double WallSeconds { get; init; }

    /// <summary>Gets the process's processor time during the measured work.</summary>
    public double CpuSeconds { get; init; }

    /// <summary>Gets the process's peak working set over its whole life.</summary>
    public long PeakWorkingSetBytes { get; init; }

    /// <summary>Gets how long opening the store took in a separate run before this one (the runner fills it in), or 0.</summary>
    public double OpenSeconds { get; init; }

    /// <summary>Gets the bytes of every request body the canned server read.</summary>
    public long RequestBytes { get; init; }

    /// <summary>Gets the latencies of each kind of query or reader call, in milliseconds, in the order taken.</summary>
    public Dictionary<string, double[]> LatenciesMs { get; init; } = [];

    /// <summary>Gets how many reader calls failed (reader mode).</summary>
    public int ReaderErrors { get; init; }

    /// <summary>Gets how many of those failures were SQLite's BUSY or LOCKED.</summary>
    public int ReaderBusy { get; init; }

    /// <summary>Gets the first few failures' types and messages.</summary>
    public List<string> ErrorSamples { get; init; } = [];
}
