using System.Globalization;
using FlightTaskSync.Benchmarks.ScaleChild;

namespace FlightTaskSync.Benchmarks.Scale;

/// <summary>The organization sizes of a side-by-side run.</summary>
/// <param name="Small">Tasks of the smaller first sync (also the new scope and the smaller no-change sync).</param>
/// <param name="Large">Tasks of the larger first sync (also what the delta, new-scope and query runs hold).</param>
/// <param name="Delta">Tasks edited on the server for the delta run.</param>
/// <param name="Held">Tasks held by the larger no-change sync.</param>
internal sealed record SideBySideSizes(int Small, int Large, int Delta, int Held);

/// <summary>The arguments of <c>scale --baseline</c>.</summary>
internal sealed record SideBySideOptions(
    string BaselineRef,
    bool Quick,
    int Repeats,
    int Iterations,
    int ReaderIntervalMs,
    SideBySideSizes Sizes,
    string? Output)
{
    private static readonly SideBySideSizes Full = new(100_000, 200_000, 2_000, 1_000_000);
    private static readonly SideBySideSizes QuickSizes = new(5_000, 10_000, 500, 20_000);

    public static SideBySideOptions Parse(string[] args)
    {
        string? Value(string name)
        {
            var at = Array.IndexOf(args, name);
            if (at < 0)
            {
                return null;
            }

            return at + 1 < args.Length && !args[at + 1].StartsWith("--", StringComparison.Ordinal)
                ? args[at + 1]
                : throw new ArgumentException($"{name} needs a value.");
        }

        int? Number(string name)
        {
            if (Value(name) is not { } text)
            {
                return null;
            }

            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
                ? number
                : throw new ArgumentException($"{name} must be a whole number above 0, not '{text}'.");
        }

        var quick = args.Contains("--quick");
        var sizes = quick ? QuickSizes : Full;
        sizes = new SideBySideSizes(
            Number("--small") ?? sizes.Small,
            Number("--large") ?? sizes.Large,
            Number("--delta") ?? sizes.Delta,
            Number("--held") ?? sizes.Held);
        return new SideBySideOptions(
            Value("--baseline") ?? throw new ArgumentException("--baseline needs a git ref (a commit, branch or tag)."),
            quick,
            Number("--repeats") ?? (quick ? 1 : 3),
            Number("--iterations") ?? (quick ? 30 : 200),
            Number("--reader-interval-ms") ?? 100,
            sizes,
            Value("--out"));
    }
}

/// <summary>One child run of a side-by-side run.</summary>
internal sealed record SideBySideRun(string Scenario, string Kind, string Side, int Repeat, ChildResult Result);

/// <summary>Everything a side-by-side run measured, as written to its JSON file.</summary>
internal sealed record SideBySideReport
{
    public DateTimeOffset StartedAt { get; init; }

    public string Machine { get; init; } = "";

    public string LoadAverageAtStart { get; init; } = "";

    public string LoadAverageAtEnd { get; init; } = "";

    public string BaselineRef { get; init; } = "";

    public string BaselineSha { get; init; } = "";

    public string CurrentSha { get; init; } = "";

    public bool Quick { get; init; }

    public int Repeats { get; init; }

    public SideBySideSizes Sizes { get; init; } = new(0, 0, 0, 0);

    public IReadOnlyList<SideBySideRun> Runs { get; init; } = [];
}
