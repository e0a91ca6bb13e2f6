using FlightTaskSync.Client;
using FlightTaskSync.Emulator;

namespace FlightTaskSync.IntegrationTests.Push.PolicyProperty;

/// <summary>
/// Plays one generated case against the harness and keeps the model's side: the tasks as pulled, the
/// edits queued (with the ids the editor gave them), and the device's view the model expects (which
/// tasks it shows, and whether each is open), from which each step picks its task.
/// </summary>
internal sealed class CaseRun(FieldAgentEmulator emulator, IOfflineEditHarness harness)
{
    private readonly List<string> _deviceKeys = [];
    private readonly List<string> _serverKeys = [];
    private readonly List<ModelEdit> _edits = [];
    private OfflineEditValues _values = null!;

    private enum LocalStatus
    {
        Open,
        NotOpen,
        Unknown,
    }

    /// <summary>Gets the server's tasks as the device pulled them before going offline.</summary>
    public Dictionary<string, EmulatorTask> Pulled { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets the edits queued and not discarded, in the order made.</summary>
    public IReadOnlyList<ModelEdit> Edits => _edits;

    /// <summary>Gets how many edits the device refused (as it had to), nothing queued.</summary>
    public int Refused { get; private set; }

    private EmulatorData Data => emulator.Data;

    /// <summary>The office's tasks, then the device's pull while online.</summary>
    public async Task SeedAsync(IReadOnlyList<int> statuses)
    {
        var organization = harness.Organization;
        _values = new OfflineEditValues(Data.FieldIdsOf(organization), Data.UserIds);
        foreach (var status in statuses)
        {
            var task = Data.AddTask(Seeded(Data.GenerateTask(organization), status, emulator.UserSenteraId));
            _deviceKeys.Add(task.SenteraId);
            _serverKeys.Add(task.SenteraId);
        }

        await harness.PullAsync();
        foreach (var id in _deviceKeys)
        {
            Pulled[id] = Data.Get(id)!;
        }
    }

    public async Task StepAsync(OfflineStep step, int n)
    {
        var view = LocalView();
        var scope = harness.Scope;
        var editor = harness.Editor;
        var visible = _deviceKeys.Where(view.ContainsKey).ToList();
        switch (step.Kind)
        {
            case OfflineStepKind.Begin:
                // Picked among every task shown, as edits are, so that steps with the same pick meet on one task.
                if (Pick(visible, step) is { } begin)
                {
                    if (view[begin] == LocalStatus.Open)
                    {
                        await editor.BeginAsync(scope, begin);
                        await RecordAsync(PendingEditKind.Begin, begin);
                    }
                    else if (view[begin] == LocalStatus.NotOpen && harness.ChecksLocalView)
                    {
                        await RefusedAsync<InvalidOperationException>(() => editor.BeginAsync(scope, begin), $"begin of {begin}, not open");
                    }
                }

                break;
            case OfflineStepKind.Update when Pick(visible, step) is { } key:
                var changes = _values.Changes(step.Values, $"{n}", allowUnknownField: Pulled.ContainsKey(key));
                await editor.UpdateAsync(scope, key, changes);
                await RecordAsync(PendingEditKind.Update, key, changes);
                break;
            case OfflineStepKind.Create:
                var newTask = _values.NewTask(harness.Organization, step.Values, $"{n}");
                var created = await editor.CreateAsync(scope, newTask);
                _deviceKeys.Add(created.SenteraId);
                await RecordAsync(PendingEditKind.Create, created.SenteraId, newTask: newTask);
                break;
            case OfflineStepKind.Delete when Pick(visible, step) is { } key:
                await editor.DeleteAsync(scope, key);
                await RecordAsync(PendingEditKind.Delete, key);
                break;
            case OfflineStepKind.Discard when Pick(_edits, step) is { } edit:
                var discarded = await editor.DiscardAsync(scope, edit.Id);
                Require(discarded, $"discard of {edit} returned false");
                _edits.RemoveAll(e => e.Id == edit.Id || (edit.Kind == PendingEditKind.Create && e.TaskKey == edit.TaskKey));
                await RequireQueueAsync($"after discarding {edit}");
                break;
            case OfflineStepKind.EditDeleted when Pick(_deviceKeys.Where(k => !view.ContainsKey(k)).ToList(), step) is { } key:
                await RefusedAsync<KeyNotFoundException>(() => editor.UpdateAsync(scope, key, new FlightTaskChanges { Notes = "too late" }), $"update of {key}, deleted");
                break;
            case OfflineStepKind.InvalidUpdate when Pick(visible, step) is { } key:
                await RefusedAsync<ArgumentException>(() => editor.UpdateAsync(scope, key, new FlightTaskChanges { Name = "   " }), $"blank name for {key}");
                break;
            case OfflineStepKind.OfficeChange when Pick(LiveOnServer(), step) is { } key:
                Data.Update(key, t => _values.OfficeChange(t, step.Values, $"o{n}"));
                break;
            case OfflineStepKind.OfficeDelete when Pick(LiveOnServer(), step) is { } key:
                Data.Delete(key);
                break;
            case OfflineStepKind.OfficeCreate:
                _serverKeys.Add(Data.AddTask(Data.GenerateTask(harness.Organization)).SenteraId);
                break;
            default:
                // Nothing to pick from: the step does nothing.
                break;
        }
    }

    private static T? Pick<T>(IReadOnlyList<T> candidates, OfflineStep step)
        where T : class => candidates.Count == 0 ? null : candidates[step.Pick % candidates.Count];

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"Property violated: {message}");
        }
    }

    /// <summary>A generated task with the lifecycle of the generated status (0-5 open, in progress, completed, canceled, failed).</summary>
    private static EmulatorTask Seeded(EmulatorTask task, int status, string user)
    {
        var day = new DateTimeOffset(2025, 2, 1, 9, 0, 0, TimeSpan.Zero);
        var open = task with { Status = EmulatorTaskStatus.Open, StartedAt = null, CompletedAt = null, CanceledAt = null, CompletedBySenteraId = null };
        return status switch
        {
            6 => open with { Status = EmulatorTaskStatus.InProgress, StartedAt = day },
            7 => open with { Status = EmulatorTaskStatus.Completed, StartedAt = day, CompletedAt = day.AddHours(2), CompletedBySenteraId = user },
            8 => open with { Status = EmulatorTaskStatus.Canceled, CanceledAt = day },
            9 => open with { Status = EmulatorTaskStatus.Failed, StartedAt = day },
            _ => open,
        };
    }

    private List<string> LiveOnServer() => [.. _serverKeys.Where(k => Data.Get(k) is not null)];

    /// <summary>
    /// The device's view as the model sees it: the pulled tasks with the queued edits applied. A task
    /// is open as pulled, not open once begun, and of unknown status once an update moved its
    /// lifecycle dates (the local view's status inference is the store's business: no begin then).
    /// </summary>
    private Dictionary<string, LocalStatus> LocalView()
    {
        var view = Pulled.ToDictionary(t => t.Key, t => t.Value.Status == EmulatorTaskStatus.Open ? LocalStatus.Open : LocalStatus.NotOpen, StringComparer.Ordinal);
        foreach (var edit in _edits)
        {
            switch (edit.Kind)
            {
                case PendingEditKind.Create:
                    view[edit.TaskKey] = LocalStatus.Open;
                    break;
                case PendingEditKind.Begin:
                    view[edit.TaskKey] = LocalStatus.NotOpen;
                    break;
                case PendingEditKind.Update when edit.Changes!.IsChanged(FlightTaskProperty.StartedAt)
                    || edit.Changes.IsChanged(FlightTaskProperty.CompletedAt) || edit.Changes.IsChanged(FlightTaskProperty.CanceledAt):
                    view[edit.TaskKey] = LocalStatus.Unknown;
                    break;
                case PendingEditKind.Delete:
                    view.Remove(edit.TaskKey);
                    break;
                default:
                    break;
            }
        }

        return view;
    }

    /// <summary>Takes the id the editor gave the edit just made: one more in the queue, the newest.</summary>
    private async Task RecordAsync(PendingEditKind kind, string key, FlightTaskChanges? changes = null, NewFlightTask? newTask = null)
    {
        var pending = await harness.Editor.ListPendingAsync(harness.Scope);
        Require(pending.Count == _edits.Count + 1, $"{kind} of {key} queued one edit: {pending.Count} pending, {_edits.Count} before");
        var last = pending.MaxBy(p => p.Id)!;
        Require(last.Kind == kind && last.TaskId == key && (_edits.Count == 0 || last.Id > _edits[^1].Id), $"the newest pending edit is the {kind} of {key}, not #{last.Id} {last.Kind} of {last.TaskId}");
        _edits.Add(new ModelEdit { Id = last.Id, Kind = kind, TaskKey = key, Changes = changes, NewTask = newTask });
    }

    private async Task RefusedAsync<TException>(Func<Task> edit, string what)
        where TException : Exception
    {
        try
        {
            await edit();
        }
        catch (TException)
        {
            Refused++;
            await RequireQueueAsync($"after the refused {what}");
            return;
        }

        throw new InvalidOperationException($"Property violated: the {what} was accepted; {typeof(TException).Name} expected.");
    }

    private async Task RequireQueueAsync(string when)
    {
        var pending = await harness.Editor.ListPendingAsync(harness.Scope);
        Require(
            pending.Select(p => p.Id).SequenceEqual(_edits.Select(e => e.Id)),
            $"{when}, the queue is [{string.Join(",", pending.Select(p => p.Id))}], not [{string.Join(",", _edits.Select(e => e.Id))}]");
    }
}
