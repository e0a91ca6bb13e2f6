namespace FlightTaskSync.ReliabilityHarness.Processes;

/// <summary>One line a child process wrote to its standard output, and when the parent read it.</summary>
/// <param name="Text">The line.</param>
/// <param name="Received">Time since the process was started, when the parent read the line.</param>
internal sealed record ChildLine(string Text, TimeSpan Received);
