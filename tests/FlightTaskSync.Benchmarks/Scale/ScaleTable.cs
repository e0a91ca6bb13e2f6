using System.Globalization;
using System.Text;

namespace FlightTaskSync.Benchmarks.Scale;

/// <summary>The scale runner's results as a Markdown table, with the growth from each size to the next.</summary>
internal static class ScaleTable
{
    public static string Format(IReadOnlyList<ScaleResult> results, string machine)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Machine: {machine}. Run at {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC.");
        text.AppendLine();
        text.AppendLine("| Source | Sync | Tasks | Pages | Wall (s) | CPU (s) | Tasks/s | Request bytes | Peak working set | CPU growth | Wall growth |");
        text.AppendLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var result in results.OrderBy(r => r.Source switch { "canned" => 0, "floor" => 1, _ => 2 }).ThenBy(r => r.Kind).ThenBy(r => r.Tasks))
        {
            var previous = results
                .Where(r => r.Source == result.Source && r.Kind == result.Kind && r.Tasks < result.Tasks)
                .MaxBy(r => r.Tasks);
            var cpuGrowth = previous is null ? "" : $"{result.CpuSeconds / previous.CpuSeconds:F2}× (×{(double)result.Tasks / previous.Tasks:0.#} tasks)";
            var wallGrowth = previous is null ? "" : $"{result.WallSeconds / previous.WallSeconds:F2}×";
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {result.Source} | {result.Kind} | {result.Tasks:N0} | {result.Pages} | {result.WallSeconds:F2} | {result.CpuSeconds:F2} | " +
                $"{(result.TasksPerSecond > 0 ? result.TasksPerSecond.ToString("N0", CultureInfo.InvariantCulture) : "")} | " +
                $"{(result.RequestBytes > 0 ? Bytes(result.RequestBytes) : "")} | {result.PeakWorkingSetBytes / 1048576.0:F0} MB | {cpuGrowth} | {wallGrowth} |");
        }

        return text.ToString();
    }

    private static string Bytes(long bytes) => bytes switch
    {
        >= 1L << 30 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):F2} GB"),
        >= 1L << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 20):F1} MB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:F0} KB"),
    };
}
