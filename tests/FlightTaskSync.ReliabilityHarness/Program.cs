using FlightTaskSync.ReliabilityHarness;
using FlightTaskSync.ReliabilityHarness.Child;
using FlightTaskSync.ReliabilityHarness.CrashLoop;

// The reliability harnesses of docs/reliability.md, full size by default:
//   dotnet run -c Release --project tests/FlightTaskSync.ReliabilityHarness -- crash-loop [--kills 100] [--tasks 100000]
// `child-sync` is the child process the crash loop starts and kills.
const string Usage = """
    FlightTaskSync reliability harnesses (docs/reliability.md)

    Usage: dotnet run -c Release --project tests/FlightTaskSync.ReliabilityHarness -- <harness> [options]

      crash-loop   [--kills 100] [--tasks 100000] [--page-size 2000] [--seed 1]
      child-sync   --endpoint URL --token T --database PATH --organization ID [--descendants] [--reset]

    Each harness prints its figures, and exits with 1 if any check failed.
    """;

if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.WriteLine(Usage);
    return args.Length == 0 ? 2 : 0;
}

try
{
    var options = new HarnessArguments(args[1..]);
    using var stop = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) =>
    {
        e.Cancel = true;
        stop.Cancel();
    };

    switch (args[0])
    {
        case ChildSync.Verb:
            return await ChildSync.RunAsync(options);

        case CrashLoopHarness.Verb:
            var crashLoop = new CrashLoopOptions
            {
                Kills = options.Integer("kills", 100),
                Tasks = options.Integer("tasks", 100_000),
                PageSize = options.Integer("page-size", 2_000),
                Seed = options.Integer("seed", 1),
                Log = Console.WriteLine,
            };
            options.RejectUnknown();
            return Report((await CrashLoopHarness.RunAsync(crashLoop, stop.Token)).Describe(), ok: r => r);

        default:
            Console.Error.WriteLine($"Unknown harness '{args[0]}'.\n\n{Usage}");
            return 2;
    }
}
catch (ArgumentException exception)
{
    Console.Error.WriteLine($"error: {exception.Message}\n\n{Usage}");
    return 2;
}

static int Report(IEnumerable<string> lines, Func<bool, bool> ok)
{
    var failed = false;
    Console.WriteLine();
    foreach (var line in lines)
    {
        failed |= line.Contains("VIOLATION", StringComparison.Ordinal);
        Console.WriteLine(line);
    }

    return ok(!failed) ? 0 : 1;
}
