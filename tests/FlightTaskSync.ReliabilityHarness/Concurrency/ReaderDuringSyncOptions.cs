namespace FlightTaskSync.ReliabilityHarness.Concurrency;

/// <summary>How the reader-during-sync run goes: the size of the sync and how many readers query meanwhile.</summary>
internal sealed record ReaderDuringSyncOptions
{
    public int Tasks { get; init; } = 100_000;

    public int PageSize { get; init; } = 2_000;

    public int Readers { get; init; } = 1;

    public int Seed { get; init; } = 1;

    /// <summary>Gets how many queries to time on the finished store, with no sync running, to compare with.</summary>
    public int IdleQueries { get; init; } = 2_000;
}
