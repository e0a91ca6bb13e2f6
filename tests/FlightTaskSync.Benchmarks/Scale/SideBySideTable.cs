using System.Globalization;
using System.Text;
using FlightTaskSync.Benchmarks.ScaleChild;

namespace FlightTaskSync.Benchmarks.Scale;

/// <summary>A side-by-side run as a Markdown table: each measure's median per side, the runs behind it, and current ÷ baseline.</summary>
internal static class SideBySideTable
{
    public static string Format(SideBySideReport report)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Current ({report.CurrentSha}) against baseline {report.BaselineRef} ({report.BaselineSha}), side by side in one run.");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Machine: {report.Machine}. Run at {report.StartedAt:yyyy-MM-dd HH:mm} UTC; load average {report.LoadAverageAtStart} at the start, {report.LoadAverageAtEnd} at the end.");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Each run is a process of its own, taken baseline, current, baseline, current, ...; {report.Repeats} run(s) of each per side. A figure is the median of its runs, the runs in brackets; latencies are pooled over the runs (median and 95th percentile; the first call of each run apart).");
        text.AppendLine();
        text.AppendLine("| Run | Measure | Baseline | Current | Current ÷ baseline | Better |");
        text.AppendLine("| --- | --- | ---: | ---: | ---: | --- |");
        foreach (var scenario in report.Runs.Select(r => r.Scenario).Distinct())
        {
            var runs = report.Runs.Where(r => r.Scenario == scenario).ToList();
            var baseline = runs.Where(r => r.Side == "baseline").Select(r => r.Result).ToList();
            var current = runs.Where(r => r.Side == "current").Select(r => r.Result).ToList();
            void Row(string measure, Func<ChildResult, double> value, string format, bool higherIsBetter) =>
                AppendRow(text, scenario, measure, baseline.Select(value).ToList(), current.Select(value).ToList(), format, higherIsBetter);

            switch (runs[0].Kind)
            {
                case "first-sync":
                    Row("tasks/s", r => r.Upserted / r.WallSeconds, "N0", higherIsBetter: true);
                    Row("wall (s)", r => r.WallSeconds, "F2", higherIsBetter: false);
                    Row("CPU (s)", r => r.CpuSeconds, "F2", higherIsBetter: false);
                    Row("peak working set (MB)", r => r.PeakWorkingSetBytes / 1048576.0, "F0", higherIsBetter: false);
                    break;
                case "sync":
                    Row("wall (s)", r => r.WallSeconds, "F3", higherIsBetter: false);
                    Row("CPU (s)", r => r.CpuSeconds, "F3", higherIsBetter: false);
                    Row("peak working set (MB)", r => r.PeakWorkingSetBytes / 1048576.0, "F0", higherIsBetter: false);
                    if (runs.Any(r => r.Result.OpenSeconds > 0))
                    {
                        Row("opening the copied store beforehand, unmeasured above (s)", r => r.OpenSeconds, "F2", higherIsBetter: false);
                    }

                    break;
                case "reader":
                    Row("tasks/s", r => r.Upserted / r.WallSeconds, "N0", higherIsBetter: true);
                    Row("wall (s)", r => r.WallSeconds, "F2", higherIsBetter: false);
                    Row("peak working set (MB)", r => r.PeakWorkingSetBytes / 1048576.0, "F0", higherIsBetter: false);
                    foreach (var name in runs.SelectMany(r => r.Result.LatenciesMs.Keys).Distinct())
                    {
                        LatencyRows(text, scenario, name, baseline, current, firstApart: false);
                    }

                    Row("reader calls that failed", r => r.ReaderErrors, "N0", higherIsBetter: false);
                    Row("of them SQLITE_BUSY or LOCKED", r => r.ReaderBusy, "N0", higherIsBetter: false);
                    foreach (var sample in runs.SelectMany(r => r.Result.ErrorSamples.Select(e => $"{r.Side}: {e}")).Distinct().Take(6))
                    {
                        text.AppendLine(CultureInfo.InvariantCulture, $"| {scenario} | failure seen | {Escape(sample)} | | | |");
                    }

                    break;
                case "queries":
                    foreach (var name in runs.SelectMany(r => r.Result.LatenciesMs.Keys).Distinct())
                    {
                        LatencyRows(text, scenario, name, baseline, current, firstApart: true);
                    }

                    Row("peak working set (MB)", r => r.PeakWorkingSetBytes / 1048576.0, "F0", higherIsBetter: false);
                    break;
            }
        }

        AppendGrowth(text, report);
        return text.ToString();
    }

    /// <summary>Processor time growth from the smaller first sync to the larger, per side (medians).</summary>
    private static void AppendGrowth(StringBuilder text, SideBySideReport report)
    {
        var firstSyncs = report.Runs.Where(r => r.Kind == "first-sync").Select(r => r.Scenario).Distinct().Take(2).ToList();
        if (firstSyncs.Count < 2)
        {
            return;
        }

        double? Growth(string side)
        {
            var small = Median(report.Runs.Where(r => r.Scenario == firstSyncs[0] && r.Side == side).Select(r => r.Result.CpuSeconds).ToList());
            var large = Median(report.Runs.Where(r => r.Scenario == firstSyncs[1] && r.Side == side).Select(r => r.Result.CpuSeconds).ToList());
            return small is > 0 && large is not null ? large / small : null;
        }

        var baseline = Growth("baseline");
        var current = Growth("current");
        var ratio = baseline is > 0 && current is not null ? (current / baseline)?.ToString("F2", CultureInfo.InvariantCulture) + "×" : "";
        text.AppendLine(CultureInfo.InvariantCulture,
            $"| {firstSyncs[0]} → {firstSyncs[1]} | CPU growth | {baseline:F2}× | {current:F2}× | {ratio} | lower |");
    }

    private static void LatencyRows(StringBuilder text, string scenario, string name, List<ChildResult> baseline, List<ChildResult> current, bool firstApart)
    {
        List<double> Pool(List<ChildResult> results) =>
            [.. results.SelectMany(r => r.LatenciesMs.TryGetValue(name, out var all) ? (firstApart ? all.Skip(1) : all) : [])];
        List<double> Firsts(List<ChildResult> results) =>
            [.. results.Select(r => r.LatenciesMs.TryGetValue(name, out var all) && all.Length > 0 ? all[0] : double.NaN).Where(v => !double.IsNaN(v))];

        var b = Pool(baseline);
        var c = Pool(current);
        AppendPooled(text, scenario, $"{name}: median (ms)", Percentile(b, 0.5), Percentile(c, 0.5), $"n = {b.Count}, {c.Count}");
        AppendPooled(text, scenario, $"{name}: p95 (ms)", Percentile(b, 0.95), Percentile(c, 0.95), "");
        AppendPooled(text, scenario, $"{name}: max (ms)", b.Count > 0 ? b.Max() : null, c.Count > 0 ? c.Max() : null, "");
        if (firstApart)
        {
            AppendRow(text, scenario, $"{name}: first call on a store just opened (ms)", Firsts(baseline), Firsts(current), "F2", higherIsBetter: false);
        }
    }

    private static void AppendPooled(StringBuilder text, string scenario, string measure, double? baseline, double? current, string note)
    {
        var ratio = baseline is > 0 && current is not null ? string.Create(CultureInfo.InvariantCulture, $"{current / baseline:F2}×") : "";
        text.AppendLine(CultureInfo.InvariantCulture,
            $"| {scenario} | {measure} | {baseline:F2} | {current:F2} | {ratio} | lower{(note.Length > 0 ? "; " + note : "")} |");
    }

    private static void AppendRow(StringBuilder text, string scenario, string measure, List<double> baseline, List<double> current, string format, bool higherIsBetter)
    {
        var b = Median(baseline);
        var c = Median(current);
        var ratio = b is > 0 && c is not null ? string.Create(CultureInfo.InvariantCulture, $"{c / b:F2}×") : "";
        text.AppendLine(CultureInfo.InvariantCulture,
            $"| {scenario} | {measure} | {Figure(b, baseline, format)} | {Figure(c, current, format)} | {ratio} | {(higherIsBetter ? "higher" : "lower")} |");
    }

    private static string Figure(double? median, List<double> runs, string format)
    {
        if (median is null)
        {
            return "";
        }

        var text = median.Value.ToString(format, CultureInfo.InvariantCulture);
        return runs.Count > 1 ? $"{text} [{string.Join(", ", runs.Select(r => r.ToString(format, CultureInfo.InvariantCulture)))}]" : text;
    }

    private static double? Median(List<double> values) => Percentile(values, 0.5);

    /// <summary>The nearest-rank percentile; the median of an even count is the mean of the middle two.</summary>
    private static double? Percentile(List<double> values, double fraction)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToList();
        if (fraction == 0.5)
        {
            var middle = sorted.Count / 2;
            return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }

        var rank = (int)Math.Ceiling(fraction * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
