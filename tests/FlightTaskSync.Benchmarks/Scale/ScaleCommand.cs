using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace FlightTaskSync.Benchmarks.Scale;

/// <summary>
/// The scale runner: initial syncs of growing organizations and a no-change sync of a large one,
/// each from the in-process emulator and then from the same pages replayed by a canned server,
/// each in its own process; and, for the initial syncs, the same pages' tasks written by the
/// floor writer alone (what SQLite costs any client). Prints a table, and writes it with a chart of client time against
/// organization size (SVG) into docs/ (or artifacts/ with <c>--quick</c>).
/// </summary>
internal static class ScaleCommand
{
    private static readonly int[] FullSizes = [25_000, 50_000, 100_000, 200_000];
    private static readonly int[] QuickSizes = [5_000, 10_000, 20_000, 40_000];
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static async Task<int> RunAsync(string[] args)
    {
        var quick = args.Contains("--quick");
        var sizes = quick ? QuickSizes : FullSizes;
        var held = quick ? 100_000 : 1_000_000;
        var root = FindRepositoryRoot();
        var output = quick ? Path.Combine(root, "artifacts", "benchmarks") : Path.Combine(root, "docs");
        var work = Path.Combine(Path.GetTempPath(), "flighttasksync-scale", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(output);

        var results = new List<ScaleResult>();
        try
        {
            foreach (var tasks in sizes)
            {
                var folder = Path.Combine(work, tasks.ToString(CultureInfo.InvariantCulture));
                results.Add(await RunChildAsync("emulator", "initial", tasks, folder));
                results.Add(await RunChildAsync("canned", "initial", tasks, folder));
                results.Add(await RunChildAsync("floor", "initial", tasks, folder));
                Directory.Delete(folder, recursive: true);
            }

            var heldFolder = Path.Combine(work, "held");
            results.Add(await RunChildAsync("emulator", "no-change", held, heldFolder));
            results.Add(await RunChildAsync("canned", "no-change", held, heldFolder));
        }
        finally
        {
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }

        var table = ScaleTable.Format(results, MachineLine());
        Console.WriteLine();
        Console.WriteLine(table);
        await File.WriteAllTextAsync(Path.Combine(output, "performance-scale.md"), table);
        await File.WriteAllTextAsync(Path.Combine(output, "performance-scale.json"), JsonSerializer.Serialize(results, Indented));
        await File.WriteAllTextAsync(Path.Combine(output, "performance-scale.svg"), ScaleChart.Draw(results.Where(r => r.Kind == "initial").ToList()));
        Console.WriteLine($"Written: {Path.Combine(output, "performance-scale.md")}, .json and .svg");
        return 0;
    }

    private static async Task<ScaleResult> RunChildAsync(string source, string kind, int tasks, string work)
    {
        Console.WriteLine($"{kind} sync of {tasks:N0} tasks from the {source}...");
        var start = new ProcessStartInfo
        {
            FileName = Environment.ProcessPath!,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(start.FileName) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ScaleCommand).Assembly.Location);
        }

        foreach (var argument in new[] { ScaleChild.Verb, "--source", source, "--kind", kind, "--tasks", tasks.ToString(CultureInfo.InvariantCulture), "--work", work })
        {
            start.ArgumentList.Add(argument);
        }

        using var child = Process.Start(start)!;
        var output = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        var line = output.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.StartsWith(ScaleChild.ResultPrefix, StringComparison.Ordinal));
        if (child.ExitCode != 0 || line is null)
        {
            throw new InvalidOperationException($"The {source} {kind} run of {tasks} tasks failed (exit code {child.ExitCode}):\n{output}");
        }

        var result = JsonSerializer.Deserialize<ScaleResult>(line[ScaleChild.ResultPrefix.Length..])!;
        Console.WriteLine($"  {result.Pages} pages, {result.WallSeconds:F2} s wall, {result.CpuSeconds:F2} s CPU, peak {result.PeakWorkingSetBytes / 1048576.0:F0} MB");
        return result;
    }

    internal static string MachineLine()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} cores");
        if (cpu is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $" ({cpu})");
        }

        text.Append(CultureInfo.InvariantCulture, $", {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
        return text.ToString();
    }

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
}
