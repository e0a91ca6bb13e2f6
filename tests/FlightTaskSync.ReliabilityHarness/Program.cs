using FlightTaskSync.ReliabilityHarness;
using FlightTaskSync.ReliabilityHarness.Child;
using FlightTaskSync.ReliabilityHarness.Concurrency;
using FlightTaskSync.ReliabilityHarness.CrashLoop;
using FlightTaskSync.ReliabilityHarness.Soak;

// The reliability harnesses of docs/reliability.md, full size by default:
//   dotnet run -c Release --project tests/FlightTaskSync.ReliabilityHarness -- crash-loop [--kills 100] [--tasks 100000]
// `child-sync` is the child process the crash loop starts and kills.
const string Usage = """
    FlightTaskSync reliability harnesses (docs/reliability.md)

    Usage: dotnet run -c Release --project tests/FlightTaskSync.ReliabilityHarness -- <harness> [options]

      crash-loop   [--kills 100] [--tasks 100000] [--page-size 2000] [--seed 1]
      fault-soak   [--tasks 20000] [--page-size 2000] [--rounds 5] [--seed 1]
      concurrency  [--tasks 100000] [--page-size 2000] [--readers 1] [--process-tasks 20000]
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

        case FaultSoakHarness.Verb:
            var soak = new FaultSoakOptions
            {
                Tasks = options.Integer("tasks", 20_000),
                PageSize = options.Integer("page-size", 2_000),
                Rounds = options.Integer("rounds", 5),
                Seed = options.Integer("seed", 1),
                Log = Console.WriteLine,
            };
            options.RejectUnknown();
            return Report((await FaultSoakHarness.RunAsync(soak, stop.Token)).Describe(), ok: r => r);

        case "concurrency":
            var reader = new ReaderDuringSyncOptions
            {
                Tasks = options.Integer("tasks", 100_000),
                PageSize = options.Integer("page-size", 2_000),
                Readers = options.Integer("readers", 1),
            };
            var processTasks = options.Integer("process-tasks", 20_000);
            options.RejectUnknown();
            Console.WriteLine($"reader during a sync of {reader.Tasks:N0} tasks ...");
            var readerResult = await ReaderDuringSyncHarness.RunAsync(reader, stop.Token);
            Console.WriteLine($"two processes on one database ({processTasks:N0} tasks) ...");
            var processResult = await TwoProcessHarness.RunAsync(processTasks, reader.PageSize, stop.Token);
            Console.WriteLine("two scopes in one process ...");
            var scopesResult = await ParallelScopesHarness.RunAsync(processTasks, reader.PageSize, stop.Token);
            return Report([.. readerResult.Describe(), .. processResult.Describe(), .. scopesResult.Describe()], ok: r => r);

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
