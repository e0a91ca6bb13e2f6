using System.Globalization;

namespace FlightTaskSync.ReliabilityHarness.Figures;

/// <summary>Percentiles of measured values (nearest rank), for the figures the harnesses print.</summary>
internal static class Percentiles
{
    public static double Of(IReadOnlyList<double> values, double percentile)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    public static string Describe(IReadOnlyList<double> values, string unit) =>
        values.Count == 0
            ? "none"
            : string.Create(CultureInfo.InvariantCulture, $"n={values.Count}, p50 {Of(values, 50):F1} {unit}, p90 {Of(values, 90):F1} {unit}, p99 {Of(values, 99):F1} {unit}, max {values.Max():F1} {unit}");
}
