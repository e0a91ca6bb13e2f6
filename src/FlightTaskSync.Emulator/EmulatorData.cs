using FlightTaskSync.Emulator.Data;

namespace FlightTaskSync.Emulator;

/// <summary>
/// The organizations and flight tasks the emulator serves. Every member is thread-safe, and
/// each <c>sync_flight_tasks</c> request is answered from one consistent state: edits made
/// while a page is computed wait for it, edits made between two pages show in the next one.
/// </summary>
public sealed partial class EmulatorData
{
    private readonly Lock _lock = new();
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan? _tombstoneRetention;
    private readonly DataGenerator _generator;
    private readonly Dictionary<string, OrganizationEntry> _organizations = new(StringComparer.Ordinal);
    private readonly List<EmulatorOrganization> _organizationOrder = [];
    private readonly Dictionary<string, HashedTask> _tasks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _tombstoneOrganization = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RelatedItem> _related = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EmulatorUser> _users = new(StringComparer.Ordinal);

    internal EmulatorData(int seed, TimeProvider timeProvider, TimeSpan? tombstoneRetention)
    {
        _timeProvider = timeProvider;
        _tombstoneRetention = tombstoneRetention;
        _generator = new DataGenerator(seed);
        foreach (var user in _generator.Users)
        {
            _users[user.SenteraId] = user;
        }
    }

    /// <summary>Seeds roots with their children, then spreads generated tasks over them at random.</summary>
    /// <returns>The seeded organizations: each root followed by its children.</returns>
    internal IReadOnlyList<string> Seed(int organizationCount, int childrenPerOrganization, int taskCount)
    {
        lock (_lock)
        {
            var seeded = new List<string>();
            for (var r = 0; r < organizationCount; r++)
            {
                var root = AddOrganization();
                seeded.Add(root.SenteraId);
                for (var c = 0; c < childrenPerOrganization; c++)
                {
                    seeded.Add(AddOrganization(parentSenteraId: root.SenteraId).SenteraId);
                }
            }

            for (var i = 0; i < taskCount; i++)
            {
                var organizationId = seeded[_generator.Random.Next(seeded.Count)];
                Store(_organizations[organizationId], _generator.NewTask(organizationId));
            }

            return seeded;
        }
    }

    /// <summary>Every organization, in the order they were added (roots first when seeded).</summary>
    public IReadOnlyList<EmulatorOrganization> Organizations
    {
        get
        {
            lock (_lock)
            {
                return [.. _organizationOrder];
            }
        }
    }

    /// <summary>The number of organizations.</summary>
    public int OrganizationCount
    {
        get
        {
            lock (_lock)
            {
                return _organizations.Count;
            }
        }
    }

    /// <summary>The number of live (not deleted) tasks.</summary>
    public int TaskCount
    {
        get
        {
            lock (_lock)
            {
                return _tasks.Count;
            }
        }
    }

    /// <summary>The number of tombstones still reportable (see <see cref="EmulatorOptions.TombstoneRetention"/>).</summary>
    public int TombstoneCount
    {
        get
        {
            lock (_lock)
            {
                var now = _timeProvider.GetUtcNow();
                return _organizations.Values.Sum(o => o.Tombstones.Values.Count(t => IsReportable(t, now)));
            }
        }
    }

    /// <summary>Adds an organization with generated id (and fields, plans and surveys for its tasks).</summary>
    /// <param name="name">Its name; <see langword="null"/> makes one up.</param>
    /// <param name="parentSenteraId">The parent organization, or <see langword="null"/> for a root.</param>
    /// <returns>The new organization.</returns>
    /// <exception cref="KeyNotFoundException">The parent is not held.</exception>
    public EmulatorOrganization AddOrganization(string? name = null, string? parentSenteraId = null)
    {
        lock (_lock)
        {
            var parent = parentSenteraId is null ? null : Organization(parentSenteraId);
            var (organization, related) = _generator.NewOrganization(name, parent?.Organization);
            _organizations[organization.SenteraId] = new OrganizationEntry(organization);
            _organizationOrder.Add(organization);
            parent?.Children.Add(organization.SenteraId);
            foreach (var item in related)
            {
                _related[item.SenteraId] = item;
            }

            return organization;
        }
    }

    /// <summary>The organization with this id, or <see langword="null"/>.</summary>
    /// <param name="senteraId">The organization's id (ordinal, case-sensitive).</param>
    /// <returns>The organization, or <see langword="null"/>.</returns>
    public EmulatorOrganization? GetOrganization(string senteraId)
    {
        ArgumentNullException.ThrowIfNull(senteraId);
        lock (_lock)
        {
            return _organizations.TryGetValue(senteraId, out var entry) ? entry.Organization : null;
        }
    }

    /// <summary>The organizations a scope covers: the organization, then its descendants (breadth first) if asked.</summary>
    /// <param name="organizationSenteraId">The scope's organization.</param>
    /// <param name="includeDescendants">Whether child organizations, at any depth, are in scope.</param>
    /// <returns>The ids of the organizations in scope.</returns>
    /// <exception cref="KeyNotFoundException">The organization is not held.</exception>
    public IReadOnlyList<string> OrganizationsInScope(string organizationSenteraId, bool includeDescendants = false)
    {
        lock (_lock)
        {
            return [.. Scope(organizationSenteraId, includeDescendants).Select(o => o.Organization.SenteraId)];
        }
    }

    /// <summary>Makes a realistic task for an organization without adding it: change it with <c>with</c>, then <see cref="AddTask"/>.</summary>
    /// <param name="organizationSenteraId">The organization the task will belong to.</param>
    /// <returns>A new task with a fresh id.</returns>
    /// <exception cref="KeyNotFoundException">The organization is not held.</exception>
    public EmulatorTask GenerateTask(string organizationSenteraId)
    {
        lock (_lock)
        {
            Organization(organizationSenteraId);
            return _generator.NewTask(organizationSenteraId);
        }
    }

    /// <summary>Adds generated tasks to an organization.</summary>
    /// <param name="organizationSenteraId">The organization.</param>
    /// <param name="count">How many tasks.</param>
    /// <returns>The new tasks.</returns>
    public IReadOnlyList<EmulatorTask> AddGeneratedTasks(string organizationSenteraId, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_lock)
        {
            var organization = Organization(organizationSenteraId);
            var added = new List<EmulatorTask>(count);
            for (var i = 0; i < count; i++)
            {
                added.Add(Store(organization, _generator.NewTask(organizationSenteraId)).Task);
            }

            return added;
        }
    }

    /// <summary>Adds a task. Re-adding the id of a deleted task removes its tombstone.</summary>
    /// <param name="task">The task; its organization must be held and its id must not be live.</param>
    /// <returns>The task as stored (dates in UTC).</returns>
    /// <exception cref="KeyNotFoundException">The organization is not held.</exception>
    /// <exception cref="ArgumentException">A live task has this id.</exception>
    public EmulatorTask AddTask(EmulatorTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        lock (_lock)
        {
            return Store(Organization(task.OrganizationSenteraId), task).Task;
        }
    }

    /// <summary>Adds tasks, all or none.</summary>
    /// <param name="tasks">The tasks, as for <see cref="AddTask"/>.</param>
    /// <returns>The tasks as stored.</returns>
    public IReadOnlyList<EmulatorTask> AddTasks(IEnumerable<EmulatorTask> tasks)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        var list = tasks.ToList();
        lock (_lock)
        {
            var ids = new HashSet<string>(StringComparer.Ordinal);
            foreach (var task in list)
            {
                ArgumentNullException.ThrowIfNull(task, nameof(tasks));
                Organization(task.OrganizationSenteraId);
                if (_tasks.ContainsKey(task.SenteraId) || !ids.Add(task.SenteraId))
                {
                    throw new ArgumentException($"Task '{task.SenteraId}' is given twice or already held.", nameof(tasks));
                }
            }

            return [.. list.Select(t => Store(_organizations[t.OrganizationSenteraId], t).Task)];
        }
    }

    /// <summary>The live task with this id, or <see langword="null"/>.</summary>
    /// <param name="senteraId">The task's id.</param>
    /// <returns>The task, or <see langword="null"/>.</returns>
    public EmulatorTask? Get(string senteraId)
    {
        ArgumentNullException.ThrowIfNull(senteraId);
        lock (_lock)
        {
            return _tasks.TryGetValue(senteraId, out var stored) ? stored.Task : null;
        }
    }
}
