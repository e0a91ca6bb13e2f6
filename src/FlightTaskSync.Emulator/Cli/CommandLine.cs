using System.Globalization;

namespace FlightTaskSync.Emulator.Cli;

/// <summary>The standalone emulator's arguments, parsed by hand (no extra package).</summary>
internal sealed class CommandLine
{
    /// <summary>The standalone emulator seeds this many tasks unless told otherwise.</summary>
    public const int DefaultTaskCount = 5000;

    public const string Usage = """
        FieldAgent emulator: an in-memory FieldAgent GraphQL server (sync_flight_tasks) on 127.0.0.1.

        Usage: dotnet run --project src/FlightTaskSync.Emulator -- [options]

        Options:
          --tasks N               tasks to seed (default 5000)
          --organizations N       root organizations to seed (default 1)
          --children N            child organizations per root (default 2)
          --page-size N           most upserted items per page (default 2000)
          --port N                port on 127.0.0.1, 0 for any free port (default 0)
          --seed N                seed of the generated data (default 1)
          --token T               the bearer token to accept (default: a random one)
          --token-lifetime SECS   seconds a token stays valid (default: forever)
          --drop-mutation-answers P
                                  apply this share (0 to 1) of mutation requests, then drop
                                  the connection before answering (default 0)
          --verbose               log requests, faults and Kestrel to the console
          -h, --help              show this help

        It prints the endpoint, the token and the organization ids, then runs until Ctrl+C.
        """;

    public EmulatorOptions Options { get; } = new() { TaskCount = DefaultTaskCount };

    public bool ShowHelp { get; private set; }

    public bool Verbose { get; private set; }

    /// <summary>Gets the share of mutation requests that are applied and then left unanswered (0 for none).</summary>
    public double DropMutationAnswers { get; private set; }

    /// <summary>Parses <c>--name value</c> and <c>--name=value</c> forms.</summary>
    /// <exception cref="CommandLineException">An argument is unknown, lacks its value or has a bad one.</exception>
    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var commandLine = new CommandLine();
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inlineValue) = Split(args[i]);
            string Value() => inlineValue ?? (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal)
                ? args[++i]
                : throw new CommandLineException($"{name} needs a value."));

            var options = commandLine.Options;
            switch (name)
            {
                case "-h" or "--help" or "-?":
                    commandLine.ShowHelp = true;
                    break;
                case "--verbose":
                    commandLine.Verbose = true;
                    break;
                case "--tasks":
                    options.TaskCount = Integer(name, Value(), min: 0);
                    break;
                case "--organizations":
                    options.OrganizationCount = Integer(name, Value(), min: 1);
                    break;
                case "--children":
                    options.ChildrenPerOrganization = Integer(name, Value(), min: 0);
                    break;
                case "--page-size":
                    options.PageSize = Integer(name, Value(), min: 1);
                    break;
                case "--port":
                    options.Port = Integer(name, Value(), min: 0, max: 65535);
                    break;
                case "--seed":
                    options.Seed = Integer(name, Value(), min: int.MinValue);
                    break;
                case "--token":
                    var token = Value();
                    options.AccessToken = token.Length > 0 && !token.Any(char.IsWhiteSpace)
                        ? token
                        : throw new CommandLineException("--token must be non-empty and contain no spaces.");
                    break;
                case "--token-lifetime":
                    options.TokenLifetime = TimeSpan.FromSeconds(Integer(name, Value(), min: 1));
                    break;
                case "--drop-mutation-answers":
                    commandLine.DropMutationAnswers = Fraction(name, Value());
                    break;
                default:
                    throw new CommandLineException($"Unknown argument '{args[i]}'.");
            }
        }

        return commandLine;
    }

    private static (string Name, string? Value) Split(string arg)
    {
        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        return arg.StartsWith("--", StringComparison.Ordinal) && equals > 2 ? (arg[..equals], arg[(equals + 1)..]) : (arg, null);
    }

    private static double Fraction(string name, string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 1
            ? value
            : throw new CommandLineException($"{name} must be a number from 0 to 1, not '{text}'.");

    private static int Integer(string name, string text, int min, int max = int.MaxValue)
    {
        if (!int.TryParse(text.Replace("_", string.Empty, StringComparison.Ordinal).Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            throw new CommandLineException($"{name} needs a whole number, not '{text}'.");
        }

        if (value < min || value > max)
        {
            var range = max == int.MaxValue ? $"{min} or more" : $"from {min} to {max}";
            throw new CommandLineException($"{name} must be {range}, not {value}.");
        }

        return value;
    }
}
