using FlightTaskSync.Client;
using FlightTaskSync.Client.Editing;
using FlightTaskSync.Client.Storage.Outbox;

namespace FlightTaskSync.Tests.Shared;

/// <summary>
/// The outbox and the server rows of one scope in memory, keeping the guarantees
/// <see cref="IOutboxStore"/> and <see cref="ILocalEditStore"/> state (ids in order, first-sent
/// time kept, local ids replaced everywhere on an applied create, own hashes, first-held times),
/// so that the push can be tested without SQLite. A "pull" is <see cref="Pull"/>: the scope's
/// tasks as the server has them now. Thread-safe; one source, linked into each test project.
/// </summary>
internal sealed class InMemoryOutboxStore : IOutboxStore, ILocalEditStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, ServerRow> _rows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _ownHashes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _ownHashFromNextPull = new(StringComparer.Ordinal);
    private readonly List<OutboxEdit> _edits = [];
    private readonly List<string> _events = [];
    private long _lastId;

    public InMemoryOutboxStore(TimeProvider clock)
    {
        Clock = clock;
    }

    public TimeProvider Clock { get; }

    /// <summary>Gets or sets a hook run after edits are marked sending (and before their call goes out): a test kills the "process" here by throwing.</summary>
    public Action<IReadOnlyCollection<long>>? AfterMarkSending { get; set; }

    /// <summary>Gets what was done, in order: <c>mark:1,2</c>, <c>record:1=Applied,...</c>.</summary>
    public IReadOnlyList<string> Events
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }
    }

    /// <summary>Gets the queue as it stands.</summary>
    public IReadOnlyList<OutboxEdit> Edits
    {
        get
        {
            lock (_gate)
            {
                return [.. _edits];
            }
        }
    }

    /// <summary>Gets the id → hash of the server rows held.</summary>
    public IReadOnlyDictionary<string, string> HeldHashes
    {
        get
        {
            lock (_gate)
            {
                return _rows.ToDictionary(r => r.Key, r => r.Value.Task.ContentHash, StringComparer.Ordinal);
            }
        }
    }

    /// <summary>A pull of the whole scope: rows not in <paramref name="serverTasks"/> were deleted on the server.</summary>
    public void Pull(IEnumerable<FlightTask> serverTasks)
    {
        lock (_gate)
        {
            var now = Clock.GetUtcNow();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var task in serverTasks)
            {
                seen.Add(task.SenteraId);
                var firstHeld = _rows.TryGetValue(task.SenteraId, out var row) ? row.FirstHeldAt : now;
                if ((row is null || row.Task.ContentHash != task.ContentHash) && _ownHashFromNextPull.Remove(task.SenteraId))
                {
                    _ownHashes[task.SenteraId] = task.ContentHash;
                }

                _rows[task.SenteraId] = new ServerRow(task, firstHeld);
            }

            foreach (var id in _rows.Keys.Where(id => !seen.Contains(id)).ToList())
            {
                _rows.Remove(id);
            }
        }
    }

    /// <summary>Adds an edit directly (a test's queue), with the next id.</summary>
    public OutboxEdit Add(Func<long, OutboxEdit> make)
    {
        lock (_gate)
        {
            var edit = make(++_lastId);
            _edits.Add(edit);
            return edit;
        }
    }

    public Task<IReadOnlyList<OutboxEdit>> ReadEditsAsync(SyncScope scope, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<OutboxEdit>>([.. _edits.OrderBy(e => e.Id)]);
        }
    }

    public Task<IReadOnlyDictionary<string, ServerTaskState>> ReadServerTasksAsync(
        SyncScope scope, IReadOnlyCollection<string> senteraIds, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var found = new Dictionary<string, ServerTaskState>(StringComparer.Ordinal);
            foreach (var id in senteraIds)
            {
                if (_rows.ContainsKey(id))
                {
                    found[id] = StateOf(id);
                }
            }

            return Task.FromResult<IReadOnlyDictionary<string, ServerTaskState>>(found);
        }
    }

    public Task<IReadOnlyList<ServerTaskState>> ReadServerTasksFirstHeldSinceAsync(SyncScope scope, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<ServerTaskState>>([.. _rows.Where(r => r.Value.FirstHeldAt >= since).Select(r => StateOf(r.Key))]);
        }
    }

    public Task MarkSendingAsync(SyncScope scope, IReadOnlyCollection<long> editIds, DateTimeOffset sentAt, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var ids = editIds.ToHashSet();
            Replace(e => ids.Contains(e.Id), e => Copy(e, state: OutboxEditState.Sending, firstSentAt: e.FirstSentAt ?? sentAt));
            _events.Add($"mark:{string.Join(",", editIds)}");
        }

        AfterMarkSending?.Invoke(editIds);
        return Task.CompletedTask;
    }

    public Task RecordOutcomesAsync(SyncScope scope, IReadOnlyList<EditOutcome> outcomes, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            _events.Add($"record:{string.Join(",", outcomes.Select(o => $"{o.EditId}={o.Kind}"))}");
            foreach (var outcome in outcomes)
            {
                var edit = _edits.FirstOrDefault(e => e.Id == outcome.EditId);
                if (outcome.NewSenteraId is { } newId && edit is not null && LocalTaskId.IsLocal(edit.TaskId))
                {
                    var localId = edit.TaskId;
                    Replace(e => e.TaskId == localId, e => Copy(e, taskId: newId));
                    edit = _edits.First(e => e.Id == outcome.EditId);
                }

                if (edit is null)
                {
                    continue;
                }

                switch (outcome.Kind)
                {
                    case EditOutcomeKind.Applied:
                        _edits.Remove(edit);
                        if (edit.Kind != PendingEditKind.Delete)
                        {
                            if (outcome.NewContentHash is { } hash)
                            {
                                _ownHashes[edit.TaskId] = hash;
                                _ownHashFromNextPull.Remove(edit.TaskId);
                            }
                            else
                            {
                                _ownHashFromNextPull.Add(edit.TaskId);
                            }
                        }

                        break;
                    case EditOutcomeKind.Rejected:
                        Replace(e => e.Id == edit.Id, e => Copy(e, state: OutboxEditState.Rejected, errors: outcome.Errors));
                        break;
                    case EditOutcomeKind.NotSent:
                        Replace(e => e.Id == edit.Id, e => Copy(e, state: OutboxEditState.Pending));
                        break;
                    case EditOutcomeKind.Dropped:
                        _edits.Remove(edit);
                        break;
                    case EditOutcomeKind.InDoubt:
                        break;
                }
            }
        }

        return Task.CompletedTask;
    }

    public Task<FlightTask?> AddEditAsync(SyncScope scope, LocalEdit edit, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var row = _rows.GetValueOrDefault(edit.TaskId);
            var createdLocally = _edits.Any(e => e.TaskId == edit.TaskId && e.Kind == PendingEditKind.Create);
            var deleted = _edits.Any(e => e.TaskId == edit.TaskId && e.Kind == PendingEditKind.Delete);
            if (edit.Kind != PendingEditKind.Create && (deleted || (row is null && !createdLocally)))
            {
                throw new KeyNotFoundException($"The scope holds no task {edit.TaskId}.");
            }

            var baseValues = edit.Changes is { } changes && row is not null
                ? FlightTaskChanges.FromValues(changes.ChangedProperties
                    .Where(p => p != FlightTaskProperty.AssignedToEmail)
                    .Select(p => KeyValuePair.Create(p, Value(row.Task, p))))
                : null;
            _edits.Add(new OutboxEdit
            {
                Id = ++_lastId,
                TaskId = edit.TaskId,
                Kind = edit.Kind,
                State = OutboxEditState.Pending,
                MadeAt = edit.MadeAt,
                BaseContentHash = row?.Task.ContentHash,
                Changes = edit.Changes,
                BaseValues = baseValues,
                NewTask = edit.NewTask,
            });
            return Task.FromResult(edit.Kind == PendingEditKind.Delete ? null : row?.Task ?? LocalTask(edit));
        }
    }

    public Task<IReadOnlyList<PendingEdit>> ListPendingAsync(SyncScope scope, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<PendingEdit>>([.. _edits.Select(e => new PendingEdit
            {
                Id = e.Id,
                TaskId = e.TaskId,
                Kind = e.Kind,
                State = e.State == OutboxEditState.Rejected ? PendingEditState.Rejected : PendingEditState.Pending,
                Errors = e.Errors,
                MadeAt = e.MadeAt,
                Changes = e.Changes,
                NewTask = e.NewTask,
            })]);
        }
    }

    public Task<bool> DiscardAsync(SyncScope scope, long editId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var edit = _edits.FirstOrDefault(e => e.Id == editId);
            if (edit is null)
            {
                return Task.FromResult(false);
            }

            _edits.RemoveAll(e => e.Id == editId || (edit.Kind == PendingEditKind.Create && e.TaskId == edit.TaskId));
            return Task.FromResult(true);
        }
    }

    private static object? Value(FlightTask task, FlightTaskProperty property) => property switch
    {
        FlightTaskProperty.Name => task.Name,
        FlightTaskProperty.Notes => task.Notes,
        FlightTaskProperty.FieldSenteraId => task.FieldSenteraId,
        FlightTaskProperty.PlanSenteraId => task.PlanSenteraId,
        FlightTaskProperty.SurveySenteraId => task.SurveySenteraId,
        FlightTaskProperty.Provider => task.Provider,
        FlightTaskProperty.AssignedToSenteraId => task.AssignedToSenteraId,
        FlightTaskProperty.CompletedBySenteraId => task.CompletedBySenteraId,
        FlightTaskProperty.ScheduledAt => task.ScheduledAt,
        FlightTaskProperty.TargetedAt => task.TargetedAt,
        FlightTaskProperty.DueAt => task.DueAt,
        FlightTaskProperty.StartedAt => task.StartedAt,
        FlightTaskProperty.CompletedAt => task.CompletedAt,
        FlightTaskProperty.CanceledAt => task.CanceledAt,
        _ => null,
    };

    private static FlightTask LocalTask(LocalEdit edit) => new()
    {
        SenteraId = edit.TaskId,
        ContentHash = string.Empty,
        Name = edit.NewTask?.Name ?? string.Empty,
        Status = FlightTaskStatus.Open,
        StatusValue = "OPEN",
        Provider = edit.NewTask?.Provider ?? FlightTaskProvider.Self,
        OrganizationSenteraId = edit.NewTask?.OrganizationSenteraId,
        CreatedBySenteraId = string.Empty,
        CreatedAt = edit.MadeAt,
        UpdatedAt = edit.MadeAt,
        RawJson = "{}",
    };

    private static OutboxEdit Copy(
        OutboxEdit e, string? taskId = null, OutboxEditState? state = null, DateTimeOffset? firstSentAt = null, IReadOnlyList<PendingEditError>? errors = null) => new()
        {
            Id = e.Id,
            TaskId = taskId ?? e.TaskId,
            Kind = e.Kind,
            State = state ?? e.State,
            MadeAt = e.MadeAt,
            BaseContentHash = e.BaseContentHash,
            Changes = e.Changes,
            BaseValues = e.BaseValues,
            NewTask = e.NewTask,
            FirstSentAt = firstSentAt ?? e.FirstSentAt,
            Errors = errors ?? e.Errors,
        };

    private void Replace(Func<OutboxEdit, bool> which, Func<OutboxEdit, OutboxEdit> change)
    {
        for (var i = 0; i < _edits.Count; i++)
        {
            if (which(_edits[i]))
            {
                _edits[i] = change(_edits[i]);
            }
        }
    }

    private ServerTaskState StateOf(string id) => new()
    {
        Task = _rows[id].Task,
        FirstHeldAt = _rows[id].FirstHeldAt,
        OwnContentHash = _ownHashes.GetValueOrDefault(id),
    };

    private sealed record ServerRow(FlightTask Task, DateTimeOffset FirstHeldAt);
}
