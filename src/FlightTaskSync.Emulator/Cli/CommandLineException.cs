namespace FlightTaskSync.Emulator.Cli;

/// <summary>A command line that cannot be run; the message says what to change.</summary>
internal sealed class CommandLineException(string message) : Exception(message);
