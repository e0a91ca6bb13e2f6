using FlightTaskSync.Emulator;

namespace FlightTaskSync.ReliabilityHarness.Processes;

/// <summary>
/// The standalone FieldAgent emulator in a process of its own (<c>FlightTaskSync.Emulator.dll
/// --tasks N ...</c>), as a server apart from the app would be: its endpoint and root organization
/// are read from the banner it prints.
/// </summary>
internal sealed class EmulatorProcess : IAsyncDisposable
{
    private const string ListeningPrefix = "FieldAgent emulator listening on ";

    private readonly DotnetProcess _process;

    private EmulatorProcess(DotnetProcess process, Uri endpoint, string rootOrganization, string token)
    {
        _process = process;
        Endpoint = endpoint;
        RootOrganization = rootOrganization;
        Token = token;
    }

    public Uri Endpoint { get; }

    /// <summary>Gets the first root organization: with its descendants, it holds every seeded task.</summary>
    public string RootOrganization { get; }

    public string Token { get; }

    public int ProcessId => _process.Id;

    public static async Task<EmulatorProcess> StartAsync(int tasks, int pageSize, int seed, CancellationToken cancellationToken, params string[] extraArguments)
    {
        var token = $"harness-{Guid.NewGuid():N}";
        var process = DotnetProcess.Start(
            typeof(FieldAgentEmulator).Assembly.Location,
            ["--tasks", Invariant(tasks), "--page-size", Invariant(pageSize), "--seed", Invariant(seed), "--token", token,
             "--organizations", "1", "--children", "2", "--port", "0", .. extraArguments]);
        try
        {
            var ready = await process.WaitForLineAsync(line => line.StartsWith("Press Ctrl+C", StringComparison.Ordinal), TimeSpan.FromMinutes(3), cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"The emulator did not start: {process.Errors}");
            _ = ready;
            var lines = process.Lines.Select(l => l.Text).ToList();
            var endpoint = new Uri(lines.First(l => l.StartsWith(ListeningPrefix, StringComparison.Ordinal))[ListeningPrefix.Length..].Trim());
            var organizations = lines.FindIndex(l => l == "Organizations:");
            var root = lines[organizations + 1].Trim().Split(' ', 2)[0];
            return new EmulatorProcess(process, endpoint, root, token);
        }
        catch
        {
            await process.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    private static string Invariant(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
