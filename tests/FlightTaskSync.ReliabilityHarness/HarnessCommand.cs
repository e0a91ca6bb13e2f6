namespace FlightTaskSync.ReliabilityHarness;

/// <summary>One command of the harness program: its name, its options for the usage, and what runs it.</summary>
/// <param name="Name">The command, the program's first argument.</param>
/// <param name="Options">Its options as the usage lists them.</param>
/// <param name="RunAsync">Runs it with the remaining arguments; gives the exit code.</param>
internal sealed record HarnessCommand(string Name, string Options, Func<HarnessArguments, CancellationToken, Task<int>> RunAsync);
