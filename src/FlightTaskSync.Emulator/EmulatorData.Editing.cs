using FlightTaskSync.Emulator.Data;

namespace FlightTaskSync.Emulator;

/// <summary>Changes to tasks: updates, deletions (with tombstones) and random edits.</summary>
public sealed partial class EmulatorData
{
    /// <summary>
    /// Replaces a task with a changed copy, as the office would (between two client syncs, this makes
    /// a conflict). When <paramref name="change"/> leaves <see cref="EmulatorTask.UpdatedAt"/> as it was,
    /// the current time (whole seconds) is stamped, as a server would; nothing else is inferred (set
    /// <see cref="EmulatorTask.UpdatedBySenteraId"/> to say who edited). Not recorded in <see cref="Journal"/>.
    /// </summary>
    /// <param name="senteraId">The task's id.</param>
    /// <param name="change">Makes the new content from the current one, e.g. <c>t =&gt; t with { Notes = "x" }</c>.</param>
    /// <returns>The task as stored.</returns>
    /// <exception cref="KeyNotFoundException">No live task has this id.</exception>
    /// <exception cref="ArgumentException">The change altered the id or the organization (a move is a delete and an add).</exception>
    public EmulatorTask Update(string senteraId, Func<EmulatorTask, EmulatorTask> change)
    {
        ArgumentNullException.ThrowIfNull(senteraId);
        ArgumentNullException.ThrowIfNull(change);
        lock (_lock)
        {
            if (!_tasks.TryGetValue(senteraId, out var current))
            {
                throw new KeyNotFoundException($"No live task '{senteraId}' is held by the emulator.");
            }

            var changed = change(current.Task) ?? throw new ArgumentException("The change returned null.", nameof(change));
            if (!string.Equals(changed.SenteraId, current.Task.SenteraId, StringComparison.Ordinal)
                || !string.Equals(changed.OrganizationSenteraId, current.Task.OrganizationSenteraId, StringComparison.Ordinal))
            {
                throw new ArgumentException("An update cannot change a task's id or organization; delete it and add a new one instead.", nameof(change));
            }

            if (changed.UpdatedAt == current.Task.UpdatedAt)
            {
                changed = changed with { UpdatedAt = DataGenerator.TruncateToSeconds(_timeProvider.GetUtcNow()) };
            }

            return Replace(changed).Task;
        }
    }

    /// <summary>Deletes a task, keeping a tombstone so that clients holding its last hash are told.</summary>
    /// <param name="senteraId">The task's id.</param>
    /// <returns>The tombstone, or <see langword="null"/> when no live task has this id.</returns>
    public EmulatorTombstone? Delete(string senteraId)
    {
        ArgumentNullException.ThrowIfNull(senteraId);
        lock (_lock)
        {
            return _tasks.TryGetValue(senteraId, out var stored) ? Remove(stored) : null;
        }
    }

    /// <summary>
    /// Makes plausible edits (status moves on, notes or assignee change) to tasks picked at
    /// random from the seeded <see cref="Random"/>; every edit gives a new content hash.
    /// </summary>
    /// <param name="count">How many distinct tasks to edit (fewer if fewer are in scope).</param>
    /// <param name="organizationSenteraId">Limit to this organization and its descendants; <see langword="null"/> for all.</param>
    /// <returns>The edited tasks.</returns>
    public IReadOnlyList<EmulatorTask> EditRandomTasks(int count, string? organizationSenteraId = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_lock)
        {
            var now = _timeProvider.GetUtcNow();
            var edited = new List<EmulatorTask>();
            foreach (var stored in PickRandom(count, organizationSenteraId))
            {
                var changed = _generator.Edit(stored.Task, now);
                if (string.Equals(changed.ContentHash, stored.Hash, StringComparison.Ordinal))
                {
                    changed = changed with { Notes = (changed.Notes ?? string.Empty) + " (edited again)" };
                }

                edited.Add(Replace(changed).Task);
            }

            return edited;
        }
    }

    /// <summary>Deletes tasks picked at random from the seeded <see cref="Random"/>.</summary>
    /// <param name="count">How many tasks to delete (fewer if fewer are in scope).</param>
    /// <param name="organizationSenteraId">Limit to this organization and its descendants; <see langword="null"/> for all.</param>
    /// <returns>The tombstones.</returns>
    public IReadOnlyList<EmulatorTombstone> DeleteRandomTasks(int count, string? organizationSenteraId = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_lock)
        {
            return [.. PickRandom(count, organizationSenteraId).Select(Remove)];
        }
    }

    private List<HashedTask> PickRandom(int count, string? organizationSenteraId)
    {
        var candidates = organizationSenteraId is null
            ? _organizationOrder.SelectMany(o => _organizations[o.SenteraId].Tasks.Values).ToArray()
            : Scope(organizationSenteraId, includeDescendants: true).SelectMany(o => o.Tasks.Values).ToArray();
        _generator.Random.Shuffle(candidates);
        return [.. candidates.Take(count)];
    }

    private HashedTask Store(OrganizationEntry organization, EmulatorTask task)
    {
        if (_tasks.ContainsKey(task.SenteraId))
        {
            throw new ArgumentException($"A live task already has the id '{task.SenteraId}'.", nameof(task));
        }

        if (_tombstoneOrganization.Remove(task.SenteraId, out var formerOrganization))
        {
            _organizations[formerOrganization].Tombstones.Remove(task.SenteraId);
        }

        _generator.ReserveId(task.SenteraId);
        var stored = new HashedTask(Normalize(task));
        _tasks[task.SenteraId] = stored;
        organization.Tasks[task.SenteraId] = stored;
        return stored;
    }

    private HashedTask Replace(EmulatorTask changed)
    {
        var previous = _tasks[changed.SenteraId];
        var stored = new HashedTask(Normalize(changed), [.. previous.FormerHashes, previous.Hash]);
        _tasks[stored.SenteraId] = stored;
        _organizations[stored.Task.OrganizationSenteraId].Tasks[stored.SenteraId] = stored;
        return stored;
    }

    private EmulatorTombstone Remove(HashedTask stored)
    {
        var organization = _organizations[stored.Task.OrganizationSenteraId];
        _tasks.Remove(stored.SenteraId);
        organization.Tasks.Remove(stored.SenteraId);
        var tombstone = new EmulatorTombstone(stored.SenteraId, organization.Organization.SenteraId, stored.Hash, _timeProvider.GetUtcNow());
        organization.Tombstones[stored.SenteraId] = new TombstoneEntry(tombstone, stored);
        _tombstoneOrganization[stored.SenteraId] = organization.Organization.SenteraId;
        return tombstone;
    }

    /// <summary>Keeps dates in UTC, so that the hash does not depend on the offset a caller used.</summary>
    private static EmulatorTask Normalize(EmulatorTask task) => task with
    {
        CreatedAt = task.CreatedAt.ToUniversalTime(),
        UpdatedAt = task.UpdatedAt.ToUniversalTime(),
        ScheduledAt = task.ScheduledAt?.ToUniversalTime(),
        TargetedAt = task.TargetedAt?.ToUniversalTime(),
        DueAt = task.DueAt?.ToUniversalTime(),
        StartedAt = task.StartedAt?.ToUniversalTime(),
        CompletedAt = task.CompletedAt?.ToUniversalTime(),
        CanceledAt = task.CanceledAt?.ToUniversalTime(),
    };
}
