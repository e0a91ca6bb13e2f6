using FlightTaskSync.ReliabilityHarness;
using FlightTaskSync.ReliabilityHarness.Child;
using FlightTaskSync.ReliabilityHarness.Concurrency;
using FlightTaskSync.ReliabilityHarness.CrashLoop;
using FlightTaskSync.ReliabilityHarness.Soak;

// The reliability harnesses of docs/reliability.md, full size by default:
//   dotnet run -c Release --project tests/FlightTaskSync.ReliabilityHarness -- crash-loop [--kills 100] [--tasks 100000]
// `child-sync` is the child process the crash loop starts and kills.
//
// One entry per harness: its name, its options as the usage lists them, and what runs it. A
// harness reads its options, rejects any it did not read, runs, and gives its exit code; the
// three measuring harnesses give the lines of their figures instead (see Figures below).
HarnessCommand[] harnesses =
[
    new(CrashLoopHarness.Verb, "[--kills 100] [--tasks 100000] [--page-size 2000] [--seed 1]", Figures(async (options, stop) =>
    {
        var crashLoop = new CrashLoopOptions
        {
            Kills = options.Integer("kills", 100),
            Tasks = options.Integer("tasks", 100_000),
            PageSize = options.Integer("page-size", 2_000),
            Seed = options.Integer("seed", 1),
            Log = Console.WriteLine,
        };
        options.RejectUnknown();
        return (await CrashLoopHarness.RunAsync(crashLoop, stop)).Describe();
    })),

    new(PushCrashLoopHarness.Verb, "[--kills 40] [--tasks 400] [--edits 25] [--drop 0.15] [--seed 1]", Figures(async (options, stop) =>
    {
        var pushLoop = new PushCrashLoopOptions
        {
            Kills = options.Integer("kills", 40),
            Tasks = options.Integer("tasks", 400),
            EditsPerRun = options.Integer("edits", 25),
            DroppedAnswerShare = double.Parse(options.Text("drop", "0.15"), System.Globalization.CultureInfo.InvariantCulture),
            Seed = options.Integer("seed", 1),
            Log = Console.WriteLine,
        };
        options.RejectUnknown();
        return (await PushCrashLoopHarness.RunAsync(pushLoop, stop)).Describe();
    })),

    new(FaultSoakHarness.Verb, "[--tasks 20000] [--page-size 2000] [--rounds 5] [--seed 1]", Figures(async (options, stop) =>
    {
        var soak = new FaultSoakOptions
        {
            Tasks = options.Integer("tasks", 20_000),
            PageSize = options.Integer("page-size", 2_000),
            Rounds = options.Integer("rounds", 5),
            Seed = options.Integer("seed", 1),
            Log = Console.WriteLine,
        };
        options.RejectUnknown();
        return (await FaultSoakHarness.RunAsync(soak, stop)).Describe();
    })),

    new("concurrency", "[--tasks 100000] [--page-size 2000] [--readers 1] [--process-tasks 20000]", Figures(async (options, stop) =>
    {
        var reader = new ReaderDuringSyncOptions
        {
            Tasks = options.Integer("tasks", 100_000),
            PageSize = options.Integer("page-size", 2_000),
            Readers = options.Integer("readers", 1),
        };
        var processTasks = options.Integer("process-tasks", 20_000);
        options.RejectUnknown();
        Console.WriteLine($"reader during a sync of {reader.Tasks:N0} tasks ...");
        var readerResult = await ReaderDuringSyncHarness.RunAsync(reader, stop);
        Console.WriteLine($"two processes on one database ({processTasks:N0} tasks) ...");
        var processResult = await TwoProcessHarness.RunAsync(processTasks, reader.PageSize, stop);
        Console.WriteLine("two scopes in one process ...");
        var scopesResult = await ParallelScopesHarness.RunAsync(processTasks, reader.PageSize, stop);
        return [.. readerResult.Describe(), .. processResult.Describe(), .. scopesResult.Describe()];
    })),

    new(ChildPush.Verb, "--endpoint URL --token T --database PATH --organization ID [--descendants] [--run N] [--edits N] [--seed N]", (options, _) => ChildPush.RunAsync(options)),

    new(ChildSync.Verb, "--endpoint URL --token T --database PATH --organization ID [--descendants] [--reset]", (options, _) => ChildSync.RunAsync(options)),
];

var usage = $"""
    FlightTaskSync reliability harnesses (docs/reliability.md)

    Usage: dotnet run -c Release --project tests/FlightTaskSync.ReliabilityHarness -- <harness> [options]

    {string.Join('\n', harnesses.Select(h => $"  {h.Name,-12} {h.Options}"))}

    Each harness prints its figures, and exits with 1 if any check failed.
    """;

if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.WriteLine(usage);
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

    var harness = Array.Find(harnesses, h => h.Name == args[0]);
    if (harness is null)
    {
        Console.Error.WriteLine($"Unknown harness '{args[0]}'.\n\n{usage}");
        return 2;
    }

    return await harness.RunAsync(options, stop.Token);
}
catch (ArgumentException exception)
{
    Console.Error.WriteLine($"error: {exception.Message}\n\n{usage}");
    return 2;
}

// A harness that prints its figures: exit code 1 if any line reports a violation, else 0.
static Func<HarnessArguments, CancellationToken, Task<int>> Figures(Func<HarnessArguments, CancellationToken, Task<IEnumerable<string>>> run) =>
    async (options, stop) =>
    {
        var lines = await run(options, stop);
        var failed = false;
        Console.WriteLine();
        foreach (var line in lines)
        {
            failed |= line.Contains("VIOLATION", StringComparison.Ordinal);
            Console.WriteLine(line);
        }

        return failed ? 1 : 0;
    };
