namespace FlightTaskSync.PackageTests.Infrastructure;

/// <summary>What a <c>dotnet</c> command did: its exit code and everything it printed.</summary>
/// <param name="Command">The command line, for messages.</param>
/// <param name="ExitCode">The exit code; -1 when the command was killed for taking too long.</param>
/// <param name="Output">Standard output and standard error, interleaved.</param>
/// <param name="Duration">How long it ran.</param>
internal sealed record CliResult(string Command, int ExitCode, string Output, TimeSpan Duration)
{
    private const int TailLength = 6000;

    /// <summary>Fails the test with the end of the output unless the command exited with 0.</summary>
    public CliResult EnsureSucceeded()
    {
        if (ExitCode != 0)
        {
            Assert.Fail($"`{Command}` exited with {ExitCode} after {Duration.TotalSeconds:0} s:\n{Tail}");
        }

        return this;
    }

    /// <summary>The end of the output, where the errors are.</summary>
    public string Tail => Output.Length <= TailLength ? Output : "..." + Output[^TailLength..];
}
