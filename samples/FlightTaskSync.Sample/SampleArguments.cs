namespace FlightTaskSync.Sample;

/// <summary>The sample's command line: the embedded emulator by default, the real API with --endpoint.</summary>
internal sealed class SampleArguments
{
    public const string DefaultTokenVariable = "FIELDAGENT_ACCESS_TOKEN";

    public Uri? Endpoint { get; private set; }

    public string? Organization { get; private set; }

    public bool IncludeDescendants { get; private set; } = true;

    public string? DatabasePath { get; private set; }

    public string TokenVariable { get; private set; } = DefaultTokenVariable;

    public int EmulatorTasks { get; private set; } = 3_000;

    public bool Verbose { get; private set; }

    public bool ShowHelp { get; private set; }

    public bool UsesEmulator => Endpoint is null;

    public static string HelpText => $"""
        FlightTaskSync sample: sync FieldAgent flight tasks into a local SQLite database, then read them offline.

        Usage: dotnet run --project samples/FlightTaskSync.Sample [-- options]

        With no options it starts an embedded FieldAgent emulator on 127.0.0.1 and syncs from it.

        Options:
          --endpoint <url>        Sync from this FieldAgent GraphQL endpoint instead of the emulator,
                                  e.g. https://api.sentera.com/graphql (needs --organization and a token).
          --organization <id>     The organization to sync (sentera id, e.g. ezpt0wj_OR_...).
          --no-descendants        Sync the organization alone, not its descendant organizations.
          --token-variable <name> The environment variable holding the access token
                                  (default {DefaultTokenVariable}).
          --database <path>       The SQLite file to sync into (default: a new file in the temp folder).
          --tasks <n>             How many tasks the emulator holds (default 3000).
          --verbose               Show the SDK's logs.
          --help                  Show this text.
        """;

    public static SampleArguments Parse(IReadOnlyList<string> args)
    {
        var parsed = new SampleArguments();
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--help" or "-h" or "-?":
                    parsed.ShowHelp = true;
                    break;
                case "--endpoint":
                    var text = Value(args, ref i);
                    parsed.Endpoint = Uri.TryCreate(text, UriKind.Absolute, out var endpoint)
                        ? endpoint
                        : throw new ArgumentException($"--endpoint '{text}' is not an absolute URL, e.g. https://api.sentera.com/graphql.");
                    break;
                case "--organization":
                    parsed.Organization = Value(args, ref i);
                    break;
                case "--no-descendants":
                    parsed.IncludeDescendants = false;
                    break;
                case "--token-variable":
                    parsed.TokenVariable = Value(args, ref i);
                    break;
                case "--database":
                    parsed.DatabasePath = Value(args, ref i);
                    break;
                case "--tasks":
                    var count = Value(args, ref i);
                    parsed.EmulatorTasks = int.TryParse(count, out var tasks) && tasks is >= 0 and <= 1_000_000
                        ? tasks
                        : throw new ArgumentException($"--tasks '{count}' must be a whole number from 0 to 1,000,000.");
                    break;
                case "--verbose":
                    parsed.Verbose = true;
                    break;
                default:
                    throw new ArgumentException($"Unknown option '{args[i]}'. Run with --help to see the options.");
            }
        }

        if (parsed.Endpoint is not null && string.IsNullOrWhiteSpace(parsed.Organization))
        {
            throw new ArgumentException("--endpoint needs --organization <id>: the organization to sync.");
        }

        return parsed;
    }

    private static string Value(IReadOnlyList<string> args, ref int i) =>
        ++i < args.Count ? args[i] : throw new ArgumentException($"{args[i - 1]} needs a value. Run with --help to see the options.");
}
