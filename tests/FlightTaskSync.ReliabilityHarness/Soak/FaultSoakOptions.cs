namespace FlightTaskSync.ReliabilityHarness.Soak;

/// <summary>How a fault soak runs.</summary>
internal sealed record FaultSoakOptions
{
    public int Tasks { get; init; } = 20_000;

    public int PageSize { get; init; } = 2_000;

    /// <summary>Gets the share of requests that get a fault.</summary>
    public double FaultRate { get; init; } = 0.3;

    /// <summary>Gets how many soaks to run, each on a new server and database with its own seed.</summary>
    public int Rounds { get; init; } = 1;

    public int Seed { get; init; } = 1;

    /// <summary>Gets the most syncs an app makes before the harness gives up (an app syncs again after a failed sync).</summary>
    public int MaxSyncs { get; init; } = 60;

    public Action<string> Log { get; init; } = _ => { };
}
