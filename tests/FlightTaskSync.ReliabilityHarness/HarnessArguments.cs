using System.Globalization;

namespace FlightTaskSync.ReliabilityHarness;

/// <summary>The harness's <c>--name value</c> and <c>--flag</c> arguments, read by name.</summary>
internal sealed class HarnessArguments
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public HarnessArguments(IEnumerable<string> args)
    {
        string? pending = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                pending = arg[2..];
                _values[pending] = null;
            }
            else if (pending is not null)
            {
                _values[pending] = arg;
                pending = null;
            }
            else
            {
                throw new ArgumentException($"Unexpected argument '{arg}': options are --name value or --flag.");
            }
        }
    }

    public string Text(string name, string? fallback = null)
    {
        _read.Add(name);
        return _values.TryGetValue(name, out var value) && value is not null
            ? value
            : fallback ?? throw new ArgumentException($"--{name} is required.");
    }

    public int Integer(string name, int fallback)
    {
        _read.Add(name);
        if (!_values.TryGetValue(name, out var text) || text is null)
        {
            return fallback;
        }

        return int.TryParse(text.Replace("_", string.Empty, StringComparison.Ordinal).Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ArgumentException($"--{name} needs a whole number, not '{text}'.");
    }

    public bool Flag(string name)
    {
        _read.Add(name);
        return _values.ContainsKey(name);
    }

    /// <summary>Throws for an option no harness read: a typo should not silently run the defaults.</summary>
    public void RejectUnknown()
    {
        var unknown = _values.Keys.Where(k => !_read.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Unknown option(s): {string.Join(", ", unknown.Select(u => "--" + u))}.");
        }
    }
}
