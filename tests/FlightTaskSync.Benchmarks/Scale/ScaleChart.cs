using System.Globalization;
using System.Security;
using System.Text;

namespace FlightTaskSync.Benchmarks.Scale;

/// <summary>
/// Draws client time against organization size as a self-contained SVG line chart: wall and CPU
/// time of the initial sync from canned pages (the client alone) and from the emulator.
/// </summary>
internal static class ScaleChart
{
    private const int Width = 720;
    private const int Height = 420;
    private const int Left = 70;
    private const int Right = 200;
    private const int Top = 40;
    private const int Bottom = 60;

    private static readonly (string Source, string Measure, string Label, string Color, string Dash)[] Series =
    [
        ("canned", "cpu", "Client CPU (canned pages)", "#1f77b4", ""),
        ("canned", "wall", "Client wall (canned pages)", "#1f77b4", "6,4"),
        ("emulator", "cpu", "CPU, client + emulator", "#d62728", ""),
        ("emulator", "wall", "Wall, from the emulator", "#d62728", "6,4"),
        ("floor", "wall", "SQLite floor (writes alone)", "#2ca02c", "2,3"),
    ];

    public static string Draw(IReadOnlyList<ScaleResult> initialSyncs)
    {
        var maxTasks = initialSyncs.Max(r => r.Tasks);
        var maxSeconds = NiceCeiling(initialSyncs.Max(r => Math.Max(r.WallSeconds, r.CpuSeconds)));
        double X(double tasks) => Left + tasks / maxTasks * (Width - Left - Right);
        double Y(double seconds) => Height - Bottom - seconds / maxSeconds * (Height - Top - Bottom);

        var svg = new StringBuilder();
        svg.AppendLine(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" width="{Width}" height="{Height}" viewBox="0 0 {Width} {Height}" font-family="sans-serif" font-size="12">""");
        svg.AppendLine("""<rect width="100%" height="100%" fill="white"/>""");
        svg.AppendLine(CultureInfo.InvariantCulture, $"""<text x="{Width / 2}" y="22" text-anchor="middle" font-size="15">Initial sync: time against organization size</text>""");

        for (var i = 0; i <= 5; i++)
        {
            var seconds = maxSeconds * i / 5;
            var y = Y(seconds);
            svg.AppendLine(CultureInfo.InvariantCulture, $"""<line x1="{Left}" y1="{y:F1}" x2="{Width - Right}" y2="{y:F1}" stroke="#ddd"/>""");
            svg.AppendLine(CultureInfo.InvariantCulture, $"""<text x="{Left - 8}" y="{y + 4:F1}" text-anchor="end">{seconds:0.#}</text>""");
        }

        foreach (var tasks in initialSyncs.Select(r => r.Tasks).Distinct().Order())
        {
            var x = X(tasks);
            svg.AppendLine(CultureInfo.InvariantCulture, $"""<line x1="{x:F1}" y1="{Height - Bottom}" x2="{x:F1}" y2="{Height - Bottom + 5}" stroke="black"/>""");
            svg.AppendLine(CultureInfo.InvariantCulture, $"""<text x="{x:F1}" y="{Height - Bottom + 18}" text-anchor="middle">{tasks / 1000}k</text>""");
        }

        svg.AppendLine(CultureInfo.InvariantCulture, $"""<line x1="{Left}" y1="{Height - Bottom}" x2="{Width - Right}" y2="{Height - Bottom}" stroke="black"/>""");
        svg.AppendLine(CultureInfo.InvariantCulture, $"""<line x1="{Left}" y1="{Top}" x2="{Left}" y2="{Height - Bottom}" stroke="black"/>""");
        svg.AppendLine(CultureInfo.InvariantCulture, $"""<text x="{(Left + Width - Right) / 2}" y="{Height - 18}" text-anchor="middle">Tasks in the organization</text>""");
        svg.AppendLine(CultureInfo.InvariantCulture, $"""<text x="18" y="{(Top + Height - Bottom) / 2}" text-anchor="middle" transform="rotate(-90 18 {(Top + Height - Bottom) / 2})">Seconds</text>""");

        var legendY = Top + 10;
        foreach (var (source, measure, label, color, dash) in Series)
        {
            var points = initialSyncs.Where(r => r.Source == source).OrderBy(r => r.Tasks)
                .Select(r => (X: X(r.Tasks), Y: Y(measure == "cpu" ? r.CpuSeconds : r.WallSeconds))).ToList();
            if (points.Count == 0)
            {
                continue;
            }

            var dashAttribute = dash.Length > 0 ? $" stroke-dasharray=\"{dash}\"" : "";
            svg.AppendLine(CultureInfo.InvariantCulture, $"""<polyline fill="none" stroke="{color}" stroke-width="2"{dashAttribute} points="{string.Join(" ", points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.X:F1},{p.Y:F1}")))}"/>""");
            foreach (var (x, y) in points)
            {
                svg.AppendLine(CultureInfo.InvariantCulture, $"""<circle cx="{x:F1}" cy="{y:F1}" r="3" fill="{color}"/>""");
            }

            svg.AppendLine(CultureInfo.InvariantCulture, $"""<line x1="{Width - Right + 12}" y1="{legendY}" x2="{Width - Right + 36}" y2="{legendY}" stroke="{color}" stroke-width="2"{dashAttribute}/>""");
            svg.AppendLine(CultureInfo.InvariantCulture, $"""<text x="{Width - Right + 42}" y="{legendY + 4}">{SecurityElement.Escape(label)}</text>""");
            legendY += 20;
        }

        svg.AppendLine("</svg>");
        return svg.ToString();
    }

    private static double NiceCeiling(double value)
    {
        var step = Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var factor in new[] { 1, 2, 2.5, 5, 10 })
        {
            if (factor * step >= value)
            {
                return factor * step;
            }
        }

        return 10 * step;
    }
}
