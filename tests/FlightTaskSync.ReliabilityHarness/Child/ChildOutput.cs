using System.Globalization;

namespace FlightTaskSync.ReliabilityHarness.Child;

/// <summary>
/// The lines a child sync writes, one event each: <c>&lt;UTC ticks&gt; &lt;event&gt; &lt;values...&gt;</c>.
/// The ticks let a parent order the events of two children on one machine.
/// </summary>
internal static class ChildOutput
{
    public const string Started = "started";
    public const string Reset = "reset";
    public const string Page = "page";
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Log = "log";

    private static readonly Lock Gate = new();

    public static void Write(string kind, params object[] values)
    {
        var line = string.Join(' ', [DateTime.UtcNow.Ticks.ToString(CultureInfo.InvariantCulture), kind, .. values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture))]);
        lock (Gate)
        {
            Console.Out.WriteLine(line);
            Console.Out.Flush();
        }
    }

    /// <summary>Reads a line back: its time, its event and its values; null for a line of another shape.</summary>
    public static (DateTime At, string Kind, string[] Values)? Parse(string line)
    {
        var parts = line.Split(' ');
        if (parts.Length < 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks))
        {
            return null;
        }

        return (new DateTime(ticks, DateTimeKind.Utc), parts[1], parts[2..]);
    }
}
