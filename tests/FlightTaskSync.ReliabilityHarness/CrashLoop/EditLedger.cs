using System.Globalization;
using FlightTaskSync.ReliabilityHarness.Child;
using FlightTaskSync.ReliabilityHarness.Processes;
using FlightTaskSync.ReliabilityHarness.Server;

namespace FlightTaskSync.ReliabilityHarness.CrashLoop;

/// <summary>
/// Every offline edit the push crash loop's children reported, attempted or returned, and the
/// checks of the server's final state against them.
/// </summary>
internal sealed class EditLedger
{
    private readonly List<EditRecord> _records = [];

    /// <summary>Gets how many edit calls returned, over every run.</summary>
    public int Confirmed => _records.Count(r => r.Confirmed);

    /// <summary>Gets the time the last finished child's sync took (from its 'pushing' line to its end), when it reported both.</summary>
    public TimeSpan? LastSyncTime { get; private set; }

    /// <summary>Reads one child's lines: its attempts, the edits that returned, and its sync's time.</summary>
    public void Read(int run, IReadOnlyList<ChildLine> lines, PushCrashLoopResult result)
    {
        var attempts = new Dictionary<string, EditRecord>(StringComparer.Ordinal);
        ChildLine? pushing = null;
        LastSyncTime = null;
        foreach (var line in lines)
        {
            if (ChildOutput.Parse(line.Text) is not { } parsed)
            {
                continue;
            }

            switch (parsed.Kind)
            {
                case ChildPush.Attempt when parsed.Values.Length >= 4:
                    var record = new EditRecord(run, parsed.Values[0], parsed.Values[1], parsed.Values[2], parsed.Values[3]);
                    attempts[record.Marker] = record;
                    _records.Add(record);
                    break;
                case ChildPush.Edit when parsed.Values.Length >= 4 && attempts.TryGetValue(parsed.Values[2], out var attempt):
                    attempt.Confirmed = true;
                    attempt.TaskId = parsed.Values[1];
                    Count(attempt, result);
                    break;
                case ChildPush.Pushing:
                    pushing = line;
                    break;
                case ChildOutput.Completed when pushing is not null:
                    LastSyncTime = line.Received - pushing.Received;
                    break;
            }
        }

        result.EditsInterrupted += attempts.Values.Count(a => !a.Confirmed);
    }

    /// <summary>Checks the server's final state against every edit reported.</summary>
    public void Check(IReadOnlyDictionary<string, ServerTask> served, IReadOnlyDictionary<string, string> officeNames, PushCrashLoopResult result)
    {
        var byName = served.Values.GroupBy(t => t.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        int CountNamed(string marker) => byName.TryGetValue(CreatedName(marker), out var named) ? named.Count : 0;

        foreach (var (name, tasks) in byName.Where(g => g.Key.StartsWith(ChildPush.CreatedNamePrefix + " ", StringComparison.Ordinal) && g.Value.Count > 1))
        {
            result.Violations.Add($"'{name}' was created {tasks.Count} times on the server: {string.Join(", ", tasks.Select(t => t.SenteraId))}");
        }

        foreach (var create in _records.Where(r => r.Confirmed && r.Kind == ChildPush.Create))
        {
            var deletedAfter = _records.Any(r => r.Kind == ChildPush.Delete && r.CreatedAs == create.Marker);
            if (CountNamed(create.Marker) == 0 && !deletedAfter)
            {
                result.Violations.Add($"the create {create.Marker} (run {create.Run}) returned but never reached the server");
            }
        }

        foreach (var delete in _records.Where(r => r.Confirmed && r.Kind == ChildPush.Delete))
        {
            var stillThere = delete.CreatedAs != "-" ? CountNamed(delete.CreatedAs) > 0 : served.ContainsKey(delete.TaskId);
            if (stillThere)
            {
                result.Violations.Add($"the delete {delete.Marker} of {delete.TaskId} (run {delete.Run}) returned but the server still has the task");
            }
        }

        foreach (var begin in _records.Where(r => r.Confirmed && r.Kind == ChildPush.Begin))
        {
            if (Resolve(begin, served, byName) is { } task && task.Status == "OPEN")
            {
                result.Violations.Add($"the begin {begin.Marker} of {begin.TaskId} (run {begin.Run}) returned but the server's task is still OPEN");
            }
        }

        // The notes: the last write of each task that returned wins, or a later one that may have
        // been queued before its child was killed.
        var writes = _records.Where(r => r.Kind is ChildPush.Update or ChildPush.Create).GroupBy(Identity, StringComparer.Ordinal);
        foreach (var group in writes)
        {
            var target = Resolve(group.First(), served, byName);
            var lastConfirmed = group.Where(r => r.Confirmed).Select(r => r.Marker).Order(StringComparer.Ordinal).LastOrDefault();
            if (target is null || lastConfirmed is null)
            {
                continue;
            }

            var allowed = group.Where(r => !r.Confirmed && string.CompareOrdinal(r.Marker, lastConfirmed) > 0).Select(r => r.Marker).Append(lastConfirmed).ToHashSet(StringComparer.Ordinal);
            if (target.Notes is null || !allowed.Contains(target.Notes))
            {
                result.Violations.Add($"task {target.SenteraId}: notes '{target.Notes}' on the server, but the last edit that returned wrote '{lastConfirmed}'");
            }
        }

        foreach (var (id, name) in officeNames)
        {
            if (served.TryGetValue(id, out var task) && task.Name != name)
            {
                result.Violations.Add($"task {id}: the office renamed it '{name}', the server has '{task.Name}' (a push sent a field its edit did not change)");
            }
        }
    }

    private static string CreatedName(string marker) => $"{ChildPush.CreatedNamePrefix} {marker}";

    private static string Identity(EditRecord record) =>
        record.Kind == ChildPush.Create ? "c:" + record.Marker : record.CreatedAs != "-" ? "c:" + record.CreatedAs : "id:" + record.TaskId;

    private static ServerTask? Resolve(EditRecord record, IReadOnlyDictionary<string, ServerTask> served, Dictionary<string, List<ServerTask>> byName)
    {
        var created = record.Kind == ChildPush.Create ? record.Marker : record.CreatedAs;
        if (created != "-")
        {
            return byName.TryGetValue(CreatedName(created), out var named) && named.Count == 1 ? named[0] : null;
        }

        return served.GetValueOrDefault(record.TaskId);
    }

    private static void Count(EditRecord record, PushCrashLoopResult result)
    {
        result.EditsConfirmed++;
        switch (record.Kind)
        {
            case ChildPush.Create: result.Creates++; break;
            case ChildPush.Update: result.Updates++; break;
            case ChildPush.Begin: result.Begins++; break;
            case ChildPush.Delete: result.Deletes++; break;
        }
    }

    private sealed class EditRecord(int run, string kind, string taskId, string marker, string createdAs)
    {
        public int Run { get; } = run;

        public string Kind { get; } = kind;

        public string TaskId { get; set; } = taskId;

        public string Marker { get; } = marker;

        public string CreatedAs { get; } = createdAs;

        public bool Confirmed { get; set; }

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Kind} {Marker} of {TaskId} (run {Run}{(Confirmed ? "" : ", unconfirmed")})");
    }
}
