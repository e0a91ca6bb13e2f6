using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using FlightTaskSync.Benchmarks.ScaleChild;
using FlightTaskSync.Emulator;

namespace FlightTaskSync.Benchmarks.Scale;

/// <summary>
/// <c>scale --baseline &lt;git-ref&gt; [--quick] [--repeats N] [--out DIR] [--iterations N]</c>: the
/// same measured runs against this checkout's SDK and against a build of another commit, in one
/// run, alternating (baseline, current, baseline, current, ...), each in a process of its own
/// (tests/FlightTaskSync.Benchmarks.ScaleChild, built twice from one source through the SDK's
/// public API). Prints a side-by-side table with ratios and writes it with the raw figures (JSON)
/// to artifacts/benchmarks/ (or DIR).
/// </summary>
/// <remarks>
/// The other commit is extracted with <c>git archive</c> into /tmp/fts-baseline-&lt;sha&gt;
/// (outside the repository, kept for the next run), the child's folder is copied into it, and
/// both children are built in Release. The pages every run replays are recorded once, from the
/// emulator of this checkout, before any measurement. The store holding the largest number of
/// tasks is made once by the baseline build (a sync from the emulator, setup only) and kept in
/// the baseline folder; each run works on a copy, and the current build opens (and, if its
/// schema differs, migrates) its copy in a separate unmeasured step first.
/// </remarks>
internal static class SideBySideCommand
{
    private const string ChildProject = "tests/FlightTaskSync.Benchmarks.ScaleChild";
    private const string ChildName = "FlightTaskSync.Benchmarks.ScaleChild";
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static async Task<int> RunAsync(string[] args)
    {
        var options = SideBySideOptions.Parse(args);
        var root = FindRepositoryRoot();
        var started = DateTimeOffset.UtcNow;
        var loadAtStart = LoadAverage();
        var baselineSha = (await RunToolAsync("git", root, "rev-parse", "--verify", options.BaselineRef + "^{commit}")).Trim();
        var currentSha = (await RunToolAsync("git", root, "rev-parse", "HEAD")).Trim();
        var currentDirty = (await RunToolAsync("git", root, "status", "--porcelain", "--", "src", ChildProject)).Trim().Length > 0;
        var baselineRoot = Path.Combine(Path.GetTempPath(), $"fts-baseline-{baselineSha[..12]}");
        Console.WriteLine($"Baseline {options.BaselineRef} = {baselineSha} in {baselineRoot}; current {currentSha}{(currentDirty ? " with uncommitted changes" : "")} in {root}.");
        Console.WriteLine($"Load average at the start: {loadAtStart} (the machine may be shared; figures move with it).");

        var clock = Stopwatch.StartNew();
        await ExtractAsync(root, baselineSha, baselineRoot);
        var baseline = new Side("baseline", await BuildChildAsync(root, baselineRoot, copy: true));
        var current = new Side("current", await BuildChildAsync(root, root, copy: false));
        Console.WriteLine($"Built both children in {clock.Elapsed.TotalSeconds:F0} s.");

        var work = Path.Combine(Path.GetTempPath(), "fts-side-by-side", Guid.NewGuid().ToString("N"));
        var runs = new List<SideBySideRun>();
        try
        {
            clock.Restart();
            var data = await PrepareAsync(options, work, baselineRoot, baseline);
            Console.WriteLine($"Prepared the pages and the held stores in {clock.Elapsed.TotalSeconds:F0} s.");
            baseline.Folder = Path.Combine(work, "baseline");
            current.Folder = Path.Combine(work, "current");
            clock.Restart();
            var scenarios = Scenarios(options, data);
            for (var repeat = 1; repeat <= options.Repeats; repeat++)
            {
                foreach (var scenario in scenarios)
                {
                    foreach (var side in new[] { baseline, current })
                    {
                        Console.WriteLine($"[{repeat}/{options.Repeats}] {scenario.Name}: {side.Name}...");
                        var result = await scenario.Run(side);
                        runs.Add(new SideBySideRun(scenario.Name, scenario.Kind, side.Name, repeat, result));
                        Console.WriteLine($"  {result.WallSeconds:F2} s wall, {result.CpuSeconds:F2} s CPU, peak {result.PeakWorkingSetBytes / 1048576.0:F0} MB");
                    }
                }
            }

            Console.WriteLine($"Measured in {clock.Elapsed.TotalSeconds:F0} s.");
        }
        finally
        {
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }

        var report = new SideBySideReport
        {
            StartedAt = started,
            Machine = ScaleCommand.MachineLine(),
            LoadAverageAtStart = loadAtStart,
            LoadAverageAtEnd = LoadAverage(),
            BaselineRef = options.BaselineRef,
            BaselineSha = baselineSha,
            CurrentSha = currentSha + (currentDirty ? " (with uncommitted changes)" : ""),
            Quick = options.Quick,
            Repeats = options.Repeats,
            Sizes = options.Sizes,
            Runs = runs,
        };
        var table = SideBySideTable.Format(report);
        Console.WriteLine();
        Console.WriteLine(table);
        var output = options.Output ?? Path.Combine(root, "artifacts", "benchmarks");
        Directory.CreateDirectory(output);
        var name = options.Quick ? "side-by-side-quick" : "side-by-side";
        await File.WriteAllTextAsync(Path.Combine(output, name + ".md"), table);
        await File.WriteAllTextAsync(Path.Combine(output, name + ".json"), JsonSerializer.Serialize(report, Indented));
        Console.WriteLine($"Written: {Path.Combine(output, name + ".md")} and .json");
        return 0;
    }

    /// <summary>The measured runs, in the order they are taken each repeat (later ones start from stores the first two leave).</summary>
    private static List<Scenario> Scenarios(SideBySideOptions options, PreparedData data)
    {
        var sizes = options.Sizes;
        string N(int count) => count.ToString("N0", CultureInfo.InvariantCulture);
        string Text(int count) => count.ToString(CultureInfo.InvariantCulture);
        return
        [
            new($"first sync, {N(sizes.Small)} tasks", "first-sync", side => side.RunAsync(
                fresh: true, template: null,
                "--mode", "sync", "--scope", data.SmallScope, "--pages", data.SmallPages, "--expect-held", Text(sizes.Small), "--keep", side.Template("small"))),
            new($"first sync, {N(sizes.Large)} tasks", "first-sync", side => side.RunAsync(
                fresh: true, template: null,
                "--mode", "sync", "--scope", data.LargeScope, "--pages", data.LargePages, "--expect-held", Text(sizes.Large), "--keep", side.Template("large"))),
            new($"first sync, {N(sizes.Large)} tasks, a reader every {options.ReaderIntervalMs} ms", "reader", side => side.RunAsync(
                fresh: true, template: null,
                "--mode", "reader", "--scope", data.LargeScope, "--pages", data.LargePages, "--expect-held", Text(sizes.Large),
                "--interval-ms", Text(options.ReaderIntervalMs))),
            new($"first sync of a new scope ({N(sizes.Small)} tasks), {N(sizes.Large)} of another held", "first-sync", side => side.RunAsync(
                fresh: false, template: side.Template("large"),
                "--mode", "sync", "--scope", data.SmallScope, "--pages", data.SmallPages, "--expect-held", Text(sizes.Small))),
            new($"delta of {N(data.DeltaTasks)} changes, {N(sizes.Large)} held", "sync", side => side.RunAsync(
                fresh: false, template: side.Template("large"),
                "--mode", "sync", "--scope", data.LargeScope, "--pages", data.DeltaPages, "--expect-held", Text(sizes.Large), "--expect-upserted", Text(data.DeltaTasks))),
            new($"no-change sync, {N(sizes.Small)} held", "sync", side => side.RunAsync(
                fresh: false, template: side.Template("small"),
                "--mode", "sync", "--scope", data.SmallScope, "--expect-held", Text(sizes.Small), "--expect-upserted", "0")),
            new($"no-change sync, {N(sizes.Held)} held", "sync", async side =>
            {
                // The kept store was made by the baseline build: open it first, unmeasured (the
                // current build migrates it here if its schema differs), then sync.
                var opened = await side.RunAsync(
                    fresh: false, template: data.HeldStore,
                    "--mode", "open", "--scope", data.HeldScope, "--expect-held", Text(sizes.Held));
                var synced = await side.RunAsync(
                    fresh: false, template: null,
                    "--mode", "sync", "--scope", data.HeldScope, "--expect-held", Text(sizes.Held), "--expect-upserted", "0");
                return synced with { OpenSeconds = opened.WallSeconds };
            }),
            new($"first screen, {N(sizes.Large)} held", "queries", side => side.RunAsync(
                fresh: false, template: side.Template("large"),
                "--mode", "queries", "--scope", data.LargeScope, "--ids", data.LargeIds, "--iterations", Text(options.Iterations))),
        ];
    }

    /// <summary>
    /// Records the pages (two organizations of different seeds, so their ids differ, and a delta
    /// of the larger one) and makes the store holding the largest number of tasks once (kept in
    /// the baseline folder).
    /// </summary>
    private static async Task<PreparedData> PrepareAsync(SideBySideOptions options, string work, string baselineRoot, Side baseline)
    {
        var sizes = options.Sizes;
        var smallPages = Path.Combine(work, "pages-small");
        var largePages = Path.Combine(work, "pages-large");
        var deltaPages = Path.Combine(work, "pages-delta");
        var largeIds = Path.Combine(work, "ids-large.txt");
        string smallScope;
        await using (var emulator = await FieldAgentEmulator.StartAsync(new EmulatorOptions { TaskCount = sizes.Small, Seed = 2 }))
        using (var recorder = new PageRecorder(emulator))
        {
            var (pages, _) = await recorder.RecordAsync(smallPages);
            smallScope = recorder.Scope;
            Console.WriteLine($"Recorded {pages} pages of {sizes.Small:N0} tasks (organization {smallScope}).");
        }

        string largeScope;
        int deltaTasks;
        await using (var emulator = await FieldAgentEmulator.StartAsync(new EmulatorOptions { TaskCount = sizes.Large, Seed = 1 }))
        using (var recorder = new PageRecorder(emulator))
        {
            var (pages, _) = await recorder.RecordAsync(largePages);
            largeScope = recorder.Scope;
            var random = new Random(11);
            await File.WriteAllLinesAsync(largeIds, recorder.Held.Keys.OrderBy(_ => random.Next()).Take(1000));
            Console.WriteLine($"Recorded {pages} pages of {sizes.Large:N0} tasks (organization {largeScope}).");
            emulator.Data.EditRandomTasks(sizes.Delta);
            (pages, deltaTasks) = await recorder.RecordAsync(deltaPages);
            Console.WriteLine($"Recorded {pages} page(s) of a delta of {deltaTasks:N0} edited tasks.");
        }

        if (smallScope == largeScope)
        {
            throw new InvalidOperationException("The two recorded organizations have the same id; the new-scope run needs two.");
        }

        var heldStore = Path.Combine(baselineRoot, "held", $"held-{sizes.Held}.db");
        var heldScopeFile = heldStore + ".scope";
        if (!File.Exists(heldScopeFile))
        {
            // Setup, not measured: the baseline SDK syncs the whole organization from a live
            // emulator in larger pages (10,000 tasks; the SDK accepts them) to make it quicker.
            Console.WriteLine($"Making the store holding {sizes.Held:N0} tasks with the baseline build (once; kept as {heldStore})...");
            var clock = Stopwatch.StartNew();
            await using var emulator = await FieldAgentEmulator.StartAsync(new EmulatorOptions { TaskCount = sizes.Held, Seed = 3, PageSize = 10_000 });
            var scratch = Path.Combine(work, "held-seed", "store.db");
            await baseline.RunChildAsync(
                "--mode", "sync", "--db", scratch, "--scope", emulator.OrganizationIds[0], "--endpoint", emulator.Endpoint.ToString(),
                "--token", emulator.AccessToken, "--expect-held", sizes.Held.ToString(CultureInfo.InvariantCulture), "--keep", heldStore);
            await File.WriteAllTextAsync(heldScopeFile, emulator.OrganizationIds[0]);
            Console.WriteLine($"  made in {clock.Elapsed.TotalSeconds:F0} s.");
        }

        return new PreparedData(smallScope, smallPages, largeScope, largePages, largeIds, deltaPages, deltaTasks, heldStore, await File.ReadAllTextAsync(heldScopeFile));
    }

    private static async Task ExtractAsync(string root, string sha, string baselineRoot)
    {
        var marker = Path.Combine(baselineRoot, ".fts-extracted");
        if (File.Exists(marker))
        {
            return;
        }

        Console.WriteLine($"Extracting {sha} into {baselineRoot}...");
        if (Directory.Exists(baselineRoot))
        {
            Directory.Delete(baselineRoot, recursive: true);
        }

        Directory.CreateDirectory(baselineRoot);
        var archive = Path.Combine(Path.GetTempPath(), $"fts-baseline-{sha[..12]}.tar");
        await RunToolAsync("git", root, "archive", "--format=tar", "-o", archive, sha);
        await RunToolAsync("tar", baselineRoot, "-xf", archive);
        File.Delete(archive);
        await File.WriteAllTextAsync(marker, sha);
    }

    /// <summary>Builds the child in Release in <paramref name="checkout"/> (after copying this source there when asked); returns its assembly.</summary>
    private static async Task<string> BuildChildAsync(string root, string checkout, bool copy)
    {
        var project = Path.Combine(checkout, ChildProject);
        if (copy)
        {
            if (Directory.Exists(project))
            {
                foreach (var file in Directory.GetFiles(project))
                {
                    File.Delete(file);
                }
            }

            Directory.CreateDirectory(project);
            foreach (var file in Directory.GetFiles(Path.Combine(root, ChildProject)))
            {
                File.Copy(file, Path.Combine(project, Path.GetFileName(file)), overwrite: true);
            }
        }

        Console.WriteLine($"Building {project} (Release)...");
        await RunToolAsync("dotnet", checkout, "build", Path.Combine(project, ChildName + ".csproj"), "-c", "Release", "-nologo", "-v", "q");
        var assembly = Path.Combine(project, "bin", "Release", "net10.0", ChildName + ".dll");
        return File.Exists(assembly) ? assembly : throw new InvalidOperationException($"The build left no {assembly}.");
    }

    private static async Task<string> RunToolAsync(string tool, string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{await output}\n{await error}");
        }

        return await output;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(Directory.GetCurrentDirectory()); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "FlightTaskSync.Client.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Run the scale runner from inside the repository (where FlightTaskSync.Client.sln is).");
    }

    private sealed record Scenario(string Name, string Kind, Func<Side, Task<ChildResult>> Run);

    private sealed record PreparedData(
        string SmallScope,
        string SmallPages,
        string LargeScope,
        string LargePages,
        string LargeIds,
        string DeltaPages,
        int DeltaTasks,
        string HeldStore,
        string HeldScope);

    /// <summary>One SDK build: its child and its working folder (the stores it made and syncs into).</summary>
    private sealed class Side(string name, string child)
    {
        public string Name { get; } = name;

        public string Folder { get; set; } = "";

        private string Database => Path.Combine(Folder, "store.db");

        public string Template(string name) => Path.Combine(Folder, name + ".db");

        /// <summary>Runs the child on this side's store: a new one (<paramref name="fresh"/>), a copy of <paramref name="template"/>, or the one left by the run before.</summary>
        public async Task<ChildResult> RunAsync(bool fresh, string? template, params string[] arguments)
        {
            Directory.CreateDirectory(Folder);
            if (fresh || template is not null)
            {
                foreach (var suffix in new[] { "", "-wal", "-shm" })
                {
                    File.Delete(Database + suffix);
                    if (template is not null && File.Exists(template + suffix))
                    {
                        File.Copy(template + suffix, Database + suffix);
                    }
                }
            }

            return await RunChildAsync([.. arguments, "--db", Database]);
        }

        public async Task<ChildResult> RunChildAsync(params string[] arguments)
        {
            var output = await RunToolAsync("dotnet", Path.GetTempPath(), [child, .. arguments]);
            var line = output.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.StartsWith(ChildResult.Prefix, StringComparison.Ordinal))
                ?? throw new InvalidOperationException($"The {Name} child printed no result:\n{output}");
            return JsonSerializer.Deserialize<ChildResult>(line[ChildResult.Prefix.Length..])!;
        }
    }
}
