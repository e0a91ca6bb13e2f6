using FlightTaskSync.ReliabilityHarness.Child;
using FlightTaskSync.ReliabilityHarness.Processes;

namespace FlightTaskSync.ReliabilityHarness.Concurrency;

/// <summary>What one child sync of a two-process run reported: its exit, its pages' times, whether it waited for the other.</summary>
internal sealed record ProcessRace(string Name, int ExitCode, IReadOnlyList<DateTime> PageTimes, bool Waited, string LastLine)
{
    /// <summary>The SDK's event id for "waiting for another process's sync of the same scope".</summary>
    public const int WaitingEventId = 1007;

    public bool Completed => ExitCode == 0;

    public static ProcessRace From(string name, DotnetProcess child)
    {
        var events = child.Lines.Select(l => ChildOutput.Parse(l.Text)).OfType<(DateTime At, string Kind, string[] Values)>().ToList();
        return new ProcessRace(
            name,
            child.HasExited ? child.ExitCode : -1,
            [.. events.Where(e => e.Kind == ChildOutput.Page).Select(e => e.At)],
            events.Any(e => e.Kind == ChildOutput.Log && e.Values.Length > 0 && e.Values[0] == WaitingEventId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            child.Lines.Count > 0 ? child.Lines[^1].Text : child.Errors);
    }

    /// <summary>Tells whether every page of this sync was committed before any page of <paramref name="other"/>.</summary>
    public bool AllPagesBefore(ProcessRace other) =>
        PageTimes.Count > 0 && other.PageTimes.Count > 0 && PageTimes.Max() < other.PageTimes.Min();

    /// <summary>Tells whether the two syncs' page commits overlapped in time.</summary>
    public bool Overlaps(ProcessRace other) =>
        PageTimes.Count > 0 && other.PageTimes.Count > 0 && PageTimes.Min() < other.PageTimes.Max() && other.PageTimes.Min() < PageTimes.Max();
}
