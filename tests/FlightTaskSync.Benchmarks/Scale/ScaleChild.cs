using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using FlightTaskSync.Benchmarks.Baselines;
using FlightTaskSync.Benchmarks.Support;
using FlightTaskSync.Client;
using FlightTaskSync.Client.Storage;
using FlightTaskSync.Emulator;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace FlightTaskSync.Benchmarks.Scale;

/// <summary>
/// One measured sync in a process of its own, so that its peak working set and processor time
/// are its own: <c>scale-run --source emulator|canned|floor --kind initial|no-change --tasks N --work DIR</c>.
/// The emulator run records the pages it receives into DIR; the canned run replays them; the floor
/// run writes their tasks with the benchmark's floor writer (SQLite's share alone).
/// </summary>
internal static class ScaleChild
{
    public const string Verb = "scale-run";

    public const string ResultPrefix = "RESULT ";

    public static async Task<int> RunAsync(string[] args)
    {
        var source = Argument(args, "--source");
        var kind = Argument(args, "--kind");
        var tasks = int.Parse(Argument(args, "--tasks"), CultureInfo.InvariantCulture);
        var work = Argument(args, "--work");
        var result = source switch
        {
            "emulator" => await FromEmulatorAsync(kind, tasks, work),
            "canned" => await FromCannedPagesAsync(kind, tasks, work),
            "floor" => await FloorFromCannedPagesAsync(kind, tasks, work),
            _ => throw new ArgumentException($"--source must be emulator, canned or floor, not '{source}'."),
        };
        Console.WriteLine(ResultPrefix + JsonSerializer.Serialize(result));
        return 0;
    }

    private static async Task<ScaleResult> FromEmulatorAsync(string kind, int tasks, string work)
    {
        Directory.CreateDirectory(work);
        var database = Path.Combine(work, "store.db");
        DeleteDatabase(database);
        await using var emulator = await FieldAgentEmulator.StartAsync(new EmulatorOptions { TaskCount = tasks });
        var scope = new SyncScope(emulator.OrganizationIds[0], IncludeDescendantOrganizations: true);
        await File.WriteAllTextAsync(Path.Combine(work, "scope.txt"), scope.OrganizationSenteraId);
        if (kind == "no-change")
        {
            var held = emulator.Data.TasksOf(scope.OrganizationSenteraId, includeDescendants: true);
            await HeldStore.FillAsync(database, scope, held, (await SamplePage.GetAsync()).Tasks);
        }

        var recorder = new RecordingHandler();
        await using var services = SdkHost.Create(emulator.Endpoint, database, emulator.AccessToken, extraHandler: recorder);
        var (report, wall, cpu) = await MeasureAsync(services, scope);

        var pages = Path.Combine(work, "pages");
        Directory.CreateDirectory(pages);
        for (var i = 0; i < recorder.Responses.Count; i++)
        {
            await File.WriteAllBytesAsync(PagePath(pages, i + 1), recorder.Responses[i]);
        }

        return Result("emulator", kind, tasks, report, wall, cpu, recorder.RequestBytes);
    }

    private static async Task<ScaleResult> FromCannedPagesAsync(string kind, int tasks, string work)
    {
        var database = Path.Combine(work, "store.db");
        if (kind == "initial")
        {
            DeleteDatabase(database);
        }

        var scope = new SyncScope(await File.ReadAllTextAsync(Path.Combine(work, "scope.txt")), IncludeDescendantOrganizations: true);
        var pages = Path.Combine(work, "pages");
        var server = new CannedPagesHandler(page => File.ReadAllBytes(PagePath(pages, page)));
        await using var services = SdkHost.Create(new Uri("http://127.0.0.1/graphql"), database, "token", server);
        var (report, wall, cpu) = await MeasureAsync(services, scope);
        return Result("canned", kind, tasks, report, wall, cpu, server.RequestBytes);
    }

    /// <summary>
    /// SQLite's share of an initial sync, and the least any client pays for it: the recorded
    /// pages' tasks written into a new store by <see cref="FloorPageWriter"/> (one prepared
    /// command, one transaction a page). Each page is parsed outside the measurement; only the
    /// writes are timed (wall and processor time of the writing alone).
    /// </summary>
    private static async Task<ScaleResult> FloorFromCannedPagesAsync(string kind, int tasks, string work)
    {
        if (kind != "initial")
        {
            throw new ArgumentException("The floor is measured for initial syncs only.");
        }

        var database = Path.Combine(work, "floor.db");
        DeleteDatabase(database);
        var scope = new SyncScope(await File.ReadAllTextAsync(Path.Combine(work, "scope.txt")), IncludeDescendantOrganizations: true);
        using (var created = new FlightTaskDatabase(database))
        {
            await new SqliteFlightTaskStore(created, TimeProvider.System).CountAsync(scope);
        }

        var pages = Path.Combine(work, "pages");
        var wall = TimeSpan.Zero;
        var cpu = TimeSpan.Zero;
        var written = 0;
        var pageCount = 0;
        using (var writer = new FloorPageWriter(database))
        {
            for (var page = 1; File.Exists(PagePath(pages, page)); page++)
            {
                var body = await File.ReadAllBytesAsync(PagePath(pages, page));
                var pageTasks = SamplePage.ReadTasks(body);
                using var process = Process.GetCurrentProcess();
                var cpuBefore = process.TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                writer.Apply(scope, pageTasks);
                clock.Stop();
                process.Refresh();
                wall += clock.Elapsed;
                cpu += process.TotalProcessorTime - cpuBefore;
                written += pageTasks.Count;
                pageCount++;
            }
        }

        if (written != tasks)
        {
            throw new InvalidOperationException($"The floor wrote {written} tasks, not {tasks}.");
        }

        using var self = Process.GetCurrentProcess();
        return new ScaleResult("floor", kind, tasks, pageCount, wall.TotalSeconds, cpu.TotalSeconds, 0, self.PeakWorkingSet64);
    }

    private static async Task<(SyncReport Report, TimeSpan Wall, TimeSpan Cpu)> MeasureAsync(ServiceProvider services, SyncScope scope)
    {
        var sync = services.GetRequiredService<IFlightTaskSyncClient>();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var report = await sync.SyncAsync(scope);
        clock.Stop();
        process.Refresh();
        return (report, clock.Elapsed, process.TotalProcessorTime - cpuBefore);
    }

    private static ScaleResult Result(string source, string kind, int tasks, SyncReport report, TimeSpan wall, TimeSpan cpu, long requestBytes)
    {
        using var process = Process.GetCurrentProcess();
        if (report.TasksHeld != tasks)
        {
            throw new InvalidOperationException($"The {source} {kind} sync ended holding {report.TasksHeld} tasks, not {tasks}.");
        }

        return new ScaleResult(source, kind, tasks, report.Pages, wall.TotalSeconds, cpu.TotalSeconds, requestBytes, process.PeakWorkingSet64);
    }

    private static string PagePath(string folder, int page) =>
        Path.Combine(folder, page.ToString("D4", CultureInfo.InvariantCulture) + ".json");

    private static void DeleteDatabase(string path)
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }

    private static string Argument(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : throw new ArgumentException($"{Verb} needs {name}.");
    }
}
