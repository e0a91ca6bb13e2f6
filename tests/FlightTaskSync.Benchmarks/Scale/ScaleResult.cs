namespace FlightTaskSync.Benchmarks.Scale;

/// <summary>What one measured sync of the scale runner did and cost (one child process).</summary>
/// <param name="Source">"emulator" (in-process FieldAgent emulator over loopback HTTP) or "canned" (prepared pages in a handler).</param>
/// <param name="Kind">"initial" (empty store) or "no-change" (everything already held).</param>
/// <param name="Tasks">Tasks in the organization.</param>
/// <param name="Pages">Pages the sync took.</param>
/// <param name="WallSeconds">Elapsed time of the sync.</param>
/// <param name="CpuSeconds">Processor time of the process during the sync (with the emulator, the server's too).</param>
/// <param name="RequestBytes">Bytes of all request bodies.</param>
/// <param name="PeakWorkingSetBytes">The process's peak working set (with the emulator, the server's memory too).</param>
internal sealed record ScaleResult(
    string Source,
    string Kind,
    int Tasks,
    int Pages,
    double WallSeconds,
    double CpuSeconds,
    long RequestBytes,
    long PeakWorkingSetBytes)
{
    /// <summary>Gets the tasks brought per second of wall time (0 for a no-change sync).</summary>
    public double TasksPerSecond => Kind == "initial" && WallSeconds > 0 ? Tasks / WallSeconds : 0;
}
