using System.Globalization;
using FlightTaskSync.Client;
using FlightTaskSync.Emulator;

namespace FlightTaskSync.IntegrationTests.Push.PolicyProperty;

/// <summary>An offline edit as the model keeps it (the edits discarded are no longer in the list).</summary>
internal sealed class ModelEdit
{
    public required long Id { get; init; }

    public required PendingEditKind Kind { get; init; }

    /// <summary>Gets the task's key: its sentera id, or the local id a create returned.</summary>
    public required string TaskKey { get; init; }

    public FlightTaskChanges? Changes { get; init; }

    public NewFlightTask? NewTask { get; init; }

    public override string ToString() => $"#{Id} {Kind} {TaskKey} {Changes}{NewTask}";
}

/// <summary>What the policy says the sync must lead to.</summary>
internal sealed class OfflineEditExpectation
{
    /// <summary>Gets every task the server had before the sync, and what it holds after (null: deleted).</summary>
    public Dictionary<string, EmulatorTask?> Existing { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets the tasks the pilot's creates must have made, once each.</summary>
    public List<EmulatorTask> Created { get; } = [];

    /// <summary>Gets the edits the server must have accepted (<c>Pushed</c>).</summary>
    public HashSet<long> Applied { get; } = [];

    /// <summary>Gets the edits the server must have refused: listed, and kept as rejected.</summary>
    public HashSet<long> Rejected { get; } = [];

    /// <summary>Gets the edits settled without reaching the server: dropped by the policy, deletes already done, creates deleted before they were sent.</summary>
    public HashSet<long> Settled { get; } = [];

    /// <summary>Gets the conflicts the sync must report: edit, decision, task deleted on the server.</summary>
    public HashSet<(long EditId, ConflictDecision Decision, bool Deleted)> Conflicts { get; } = [];

    /// <summary>Gets, per task the server had, the mutations the journal must show (update entries, begins, deletes).</summary>
    public Dictionary<string, (int Updates, int Begins, int Deletes)> Journal { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets how many update entries were refused for some of their edits while the task had later entries (the order then matters most).</summary>
    public int PartRefusedBeforeLaterEntries { get; set; }

    /// <summary>Gets the update entries the created tasks must have had after their creates.</summary>
    public int CreatedUpdates { get; set; }

    /// <summary>Gets the begins the created tasks must have had.</summary>
    public int CreatedBegins { get; set; }
}

/// <summary>
/// The oracle: what the policy (DESIGN.md "Offline edits", the push's documented rules) says a sync
/// does with the offline edits, written without the push's code. Per task, the edits in the order made:
/// <list type="bullet">
/// <item>A task the server deleted since the pull: its updates and begins are dropped and reported as
/// conflicts (task deleted on the server); its delete is done already (no conflict).</item>
/// <item>A task the server changed since the pull (its hash is not the pulled one): every edit is a
/// conflict. <see cref="ConflictResolution.ServerWins"/> drops them all; <see cref="ConflictResolution.MergeFields"/>
/// sends them (an update sends only its own properties, so the server keeps the others), except a
/// begin of a task the server no longer has open, which is dropped.</item>
/// <item>What is sent: a delete takes every edit before it with it (the task is gone). Otherwise
/// consecutive updates go as one entry (the later value of a property wins), begins on their own, in
/// the order made; an update entry carrying a field id the server does not know is refused: alone, its
/// edit is rejected; folded from several, the edits that set the field are rejected and the others go
/// again without them. A begin of a task the server does not have open is rejected.</item>
/// <item>A task created offline: created once, with the create's values and the updates made before
/// any begin; then its begins and updates as above. Created and deleted offline: nothing is sent.</item>
/// </list>
/// The server side (how an upsert's dates move the status) follows the emulator's documented rule.
/// </summary>
internal static class OfflineEditModel
{
    /// <summary>Stands for the server's time in <c>started_at</c> after a begin (any date within the hour).</summary>
    public static readonly DateTimeOffset ServerNow = DateTimeOffset.MinValue;

    private static readonly FlightTaskProperty[] LifecycleDates =
        [FlightTaskProperty.StartedAt, FlightTaskProperty.CompletedAt, FlightTaskProperty.CanceledAt];

    public static OfflineEditExpectation Expect(
        IReadOnlyDictionary<string, EmulatorTask> pulled,
        IReadOnlyDictionary<string, EmulatorTask> beforeSync,
        IReadOnlyList<ModelEdit> edits,
        ConflictResolution resolution,
        string userSenteraId)
    {
        var expected = new OfflineEditExpectation();
        foreach (var (id, task) in beforeSync)
        {
            expected.Existing[id] = task;
        }

        foreach (var id in pulled.Keys.Concat(beforeSync.Keys))
        {
            expected.Journal[id] = (0, 0, 0);
        }

        foreach (var task in edits.OrderBy(e => e.Id).GroupBy(e => e.TaskKey, StringComparer.Ordinal))
        {
            var list = task.ToList();
            if (list[0].Kind == PendingEditKind.Create)
            {
                ExpectCreated(list, expected, userSenteraId);
            }
            else
            {
                ExpectExisting(task.Key, list, pulled[task.Key], beforeSync.GetValueOrDefault(task.Key), resolution, expected, userSenteraId);
            }
        }

        return expected;
    }

    /// <summary>Sets one editable property of a task (a provider cleared is the server's default, Self).</summary>
    public static EmulatorTask Set(EmulatorTask task, FlightTaskProperty property, object? value) => property switch
    {
        FlightTaskProperty.Name => task with { Name = (string)value! },
        FlightTaskProperty.Notes => task with { Notes = (string?)value },
        FlightTaskProperty.FieldSenteraId => task with { FieldSenteraId = (string?)value },
        FlightTaskProperty.PlanSenteraId => task with { PlanSenteraId = (string?)value },
        FlightTaskProperty.SurveySenteraId => task with { SurveySenteraId = (string?)value },
        FlightTaskProperty.Provider => task with
        {
            Provider = (FlightTaskProvider?)value switch
            {
                FlightTaskProvider.Sentera => EmulatorTaskProvider.Sentera,
                FlightTaskProvider.FlyGuys => EmulatorTaskProvider.FlyGuys,
                _ => EmulatorTaskProvider.Self,
            },
        },
        FlightTaskProperty.AssignedToSenteraId => task with { AssignedToSenteraId = (string?)value },
        FlightTaskProperty.CompletedBySenteraId => task with { CompletedBySenteraId = (string?)value },
        FlightTaskProperty.ScheduledAt => task with { ScheduledAt = (DateTimeOffset?)value },
        FlightTaskProperty.TargetedAt => task with { TargetedAt = (DateTimeOffset?)value },
        FlightTaskProperty.DueAt => task with { DueAt = (DateTimeOffset?)value },
        FlightTaskProperty.StartedAt => task with { StartedAt = (DateTimeOffset?)value },
        FlightTaskProperty.CompletedAt => task with { CompletedAt = (DateTimeOffset?)value },
        FlightTaskProperty.CanceledAt => task with { CanceledAt = (DateTimeOffset?)value },
        _ => throw new ArgumentOutOfRangeException(nameof(property), property, "Not generated."),
    };

    /// <summary>The editable properties and status of a task as text, to compare expected with actual; a date within the hour is the server's time.</summary>
    public static string Describe(EmulatorTask? task)
    {
        if (task is null)
        {
            return "(deleted)";
        }

        return string.Join(
            " | ",
            task.Name, task.Status, task.Provider, task.Notes, task.FieldSenteraId, task.PlanSenteraId, task.SurveySenteraId,
            task.AssignedToSenteraId, task.CompletedBySenteraId, Date(task.ScheduledAt), Date(task.TargetedAt), Date(task.DueAt),
            Date(task.StartedAt), Date(task.CompletedAt), Date(task.CanceledAt));
    }

    /// <summary>The edits' changes as property → value.</summary>
    public static Dictionary<FlightTaskProperty, object?> ValuesOf(FlightTaskChanges changes) =>
        changes.ChangedProperties.ToDictionary(p => p, changes.GetValue);

    private static void ExpectExisting(
        string id,
        List<ModelEdit> edits,
        EmulatorTask pulled,
        EmulatorTask? server,
        ConflictResolution resolution,
        OfflineEditExpectation expected,
        string user)
    {
        if (server is null)
        {
            foreach (var edit in edits)
            {
                expected.Settled.Add(edit.Id);
                if (edit.Kind != PendingEditKind.Delete)
                {
                    expected.Conflicts.Add((edit.Id, ConflictDecision.Dropped, true));
                }
            }

            return;
        }

        var changedOnServer = !string.Equals(server.ContentHash, pulled.ContentHash, StringComparison.Ordinal);
        var kept = new List<ModelEdit>();
        foreach (var edit in edits)
        {
            if (!changedOnServer)
            {
                kept.Add(edit);
                continue;
            }

            var drop = resolution == ConflictResolution.ServerWins || (edit.Kind == PendingEditKind.Begin && server.Status != EmulatorTaskStatus.Open);
            expected.Conflicts.Add((edit.Id, drop ? ConflictDecision.Dropped : ConflictDecision.Sent, false));
            if (drop)
            {
                expected.Settled.Add(edit.Id);
            }
            else
            {
                kept.Add(edit);
            }
        }

        if (kept.Any(e => e.Kind == PendingEditKind.Delete))
        {
            expected.Applied.UnionWith(kept.Select(e => e.Id));
            expected.Existing[id] = null;
            expected.Journal[id] = (0, 0, 1);
            return;
        }

        // Refused update entries, until none is: the edits they reject leave, the others go again.
        var rejected = new HashSet<long>();
        for (var again = true; again;)
        {
            again = false;
            var runs = Runs(kept.Where(e => !rejected.Contains(e.Id)));
            for (var r = 0; r < runs.Count; r++)
            {
                var run = runs[r];
                if (run[0].Kind == PendingEditKind.Update &&
                    Merge(run).GetValueOrDefault(FlightTaskProperty.FieldSenteraId) is OfflineEditValues.UnknownFieldId)
                {
                    var refused = run.Count == 1 ? [run[0].Id] : run.Where(e => e.Changes!.IsChanged(FlightTaskProperty.FieldSenteraId)).Select(e => e.Id).ToList();
                    rejected.UnionWith(refused);
                    if (refused.Count < run.Count && r < runs.Count - 1)
                    {
                        expected.PartRefusedBeforeLaterEntries++;
                    }

                    again = true;
                }
            }
        }

        expected.Rejected.UnionWith(rejected);
        var (state, updates, begins) = Send(server, Runs(kept.Where(e => !rejected.Contains(e.Id))), expected, user);
        expected.Existing[id] = state;
        expected.Journal[id] = (updates, begins, 0);
    }

    private static void ExpectCreated(List<ModelEdit> edits, OfflineEditExpectation expected, string user)
    {
        if (edits.Any(e => e.Kind == PendingEditKind.Delete))
        {
            expected.Settled.UnionWith(edits.Select(e => e.Id));
            return;
        }

        // The create carries its values and those of the updates made before any begin; what it leaves unset is not sent.
        var create = edits[0].NewTask!;
        var values = new Dictionary<FlightTaskProperty, object?>
        {
            [FlightTaskProperty.Name] = create.Name,
            [FlightTaskProperty.Notes] = create.Notes,
            [FlightTaskProperty.FieldSenteraId] = create.FieldSenteraId,
            [FlightTaskProperty.Provider] = create.Provider,
            [FlightTaskProperty.AssignedToSenteraId] = create.AssignedToSenteraId,
            [FlightTaskProperty.CompletedBySenteraId] = create.CompletedBySenteraId,
            [FlightTaskProperty.ScheduledAt] = create.ScheduledAt,
            [FlightTaskProperty.TargetedAt] = create.TargetedAt,
            [FlightTaskProperty.DueAt] = create.DueAt,
        };
        var merged = 1;
        for (; merged < edits.Count && edits[merged].Kind == PendingEditKind.Update; merged++)
        {
            foreach (var (property, value) in ValuesOf(edits[merged].Changes!))
            {
                values[property] = value;
            }
        }

        values[FlightTaskProperty.Provider] ??= FlightTaskProvider.Self;
        var draft = new EmulatorTask
        {
            SenteraId = string.Empty,
            OrganizationSenteraId = create.OrganizationSenteraId,
            Name = string.Empty,
            Status = EmulatorTaskStatus.Open,
            Provider = EmulatorTaskProvider.Self,
            CreatedBySenteraId = user,
            CreatedAt = DateTimeOffset.UnixEpoch,
            UpdatedAt = DateTimeOffset.UnixEpoch,
        };
        var state = Upsert(draft, values.Where(v => v.Value is not null).ToDictionary(), user);
        expected.Applied.UnionWith(edits.Take(merged).Select(e => e.Id));
        var (final, updates, begins) = Send(state, Runs(edits.Skip(merged)), expected, user);
        expected.Created.Add(final);
        expected.CreatedUpdates += updates;
        expected.CreatedBegins += begins;
    }

    /// <summary>Applies entries in order on the server: a begin of an open task, or rejected; an update entry.</summary>
    private static (EmulatorTask State, int Updates, int Begins) Send(EmulatorTask state, IEnumerable<List<ModelEdit>> runs, OfflineEditExpectation expected, string user)
    {
        var (updates, begins) = (0, 0);
        foreach (var run in runs)
        {
            var ids = run.Select(e => e.Id);
            if (run[0].Kind == PendingEditKind.Begin)
            {
                if (state.Status != EmulatorTaskStatus.Open)
                {
                    expected.Rejected.UnionWith(ids);
                    continue;
                }

                state = state with { Status = EmulatorTaskStatus.InProgress, StartedAt = ServerNow };
                begins++;
            }
            else
            {
                state = Upsert(state, Merge(run), user);
                updates++;
            }

            expected.Applied.UnionWith(ids);
        }

        return (state, updates, begins);
    }

    /// <summary>
    /// An upsert entry on the server: each property it carries is set; when it carries a lifecycle date,
    /// the status is inferred from the dates (and a task that becomes completed without a
    /// completed_by gets the sender, one that stops being completed loses it), as the emulator documents.
    /// </summary>
    private static EmulatorTask Upsert(EmulatorTask task, Dictionary<FlightTaskProperty, object?> values, string user)
    {
        var before = task.Status;
        foreach (var (property, value) in values)
        {
            task = Set(task, property, value);
        }

        if (!LifecycleDates.Any(values.ContainsKey))
        {
            return task;
        }

        var status = task switch
        {
            { CanceledAt: not null } => EmulatorTaskStatus.Canceled,
            { CompletedAt: not null } => EmulatorTaskStatus.Completed,
            { Status: EmulatorTaskStatus.Canceled or EmulatorTaskStatus.Completed } => task.StartedAt is null ? EmulatorTaskStatus.Open : EmulatorTaskStatus.InProgress,
            { Status: EmulatorTaskStatus.Open, StartedAt: not null } => EmulatorTaskStatus.InProgress,
            { Status: EmulatorTaskStatus.InProgress, StartedAt: null } => EmulatorTaskStatus.Open,
            _ => task.Status,
        };
        if (!values.ContainsKey(FlightTaskProperty.CompletedBySenteraId))
        {
            if (status == EmulatorTaskStatus.Completed && before != EmulatorTaskStatus.Completed)
            {
                task = task with { CompletedBySenteraId = task.CompletedBySenteraId ?? user };
            }
            else if (status != EmulatorTaskStatus.Completed && before == EmulatorTaskStatus.Completed)
            {
                task = task with { CompletedBySenteraId = null };
            }
        }

        return task with { Status = status };
    }

    /// <summary>Consecutive updates as one entry, consecutive begins as one.</summary>
    private static List<List<ModelEdit>> Runs(IEnumerable<ModelEdit> edits)
    {
        var runs = new List<List<ModelEdit>>();
        foreach (var edit in edits)
        {
            if (runs.Count > 0 && runs[^1][0].Kind == edit.Kind)
            {
                runs[^1].Add(edit);
            }
            else
            {
                runs.Add([edit]);
            }
        }

        return runs;
    }

    /// <summary>The values of consecutive updates, the later winning.</summary>
    private static Dictionary<FlightTaskProperty, object?> Merge(IEnumerable<ModelEdit> updates)
    {
        var values = new Dictionary<FlightTaskProperty, object?>();
        foreach (var update in updates)
        {
            foreach (var (property, value) in ValuesOf(update.Changes!))
            {
                values[property] = value;
            }
        }

        return values;
    }

    private static string Date(DateTimeOffset? date) => date switch
    {
        null => "-",
        { } d when d == ServerNow || (d - DateTimeOffset.UtcNow).Duration() < TimeSpan.FromHours(1) => "server-now",
        { } d => d.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
    };
}
