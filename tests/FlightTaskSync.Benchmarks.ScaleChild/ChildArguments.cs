using System.Globalization;

namespace FlightTaskSync.Benchmarks.ScaleChild;

/// <summary>
/// <c>--mode sync|open|queries|reader --db PATH --scope ORG [--pages DIR | --endpoint URL --token T]
/// [--expect-held N] [--expect-upserted N] [--keep PATH] [--iterations N] [--interval-ms N] [--ids FILE]</c>.
/// </summary>
internal sealed record ChildArguments(
    string Mode,
    string Database,
    string Scope,
    string? Pages,
    Uri? Endpoint,
    string Token,
    int? ExpectHeld,
    int? ExpectUpserted,
    string? Keep,
    int Iterations,
    int IntervalMs,
    string? Ids)
{
    public static ChildArguments Parse(string[] args)
    {
        string? Value(string name)
        {
            var at = Array.IndexOf(args, name);
            if (at < 0)
            {
                return null;
            }

            return at + 1 < args.Length ? args[at + 1] : throw new ArgumentException($"{name} needs a value.");
        }

        string Required(string name) => Value(name) ?? throw new ArgumentException($"The child needs {name}.");
        int? Number(string name) => Value(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : null;

        var mode = Required("--mode");
        if (mode is not ("sync" or "open" or "queries" or "reader"))
        {
            throw new ArgumentException($"--mode must be sync, open, queries or reader, not '{mode}'.");
        }

        var endpoint = Value("--endpoint");
        return new ChildArguments(
            mode,
            Path.GetFullPath(Required("--db")),
            Required("--scope"),
            Value("--pages"),
            endpoint is null ? null : new Uri(endpoint),
            Value("--token") ?? "token",
            Number("--expect-held"),
            Number("--expect-upserted"),
            Value("--keep"),
            Number("--iterations") ?? 200,
            Number("--interval-ms") ?? 100,
            Value("--ids"));
    }
}
