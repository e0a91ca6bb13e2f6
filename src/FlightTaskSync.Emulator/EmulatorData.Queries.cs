using FlightTaskSync.Emulator.Data;

namespace FlightTaskSync.Emulator;

/// <summary>Read-side snapshots and the lookups the GraphQL resolvers use.</summary>
public sealed partial class EmulatorData
{
    /// <summary>A snapshot of the live tasks of a scope: id to current content hash.</summary>
    /// <param name="organizationSenteraId">The scope's organization.</param>
    /// <param name="includeDescendants">Whether descendant organizations are in scope.</param>
    /// <returns>Id to content hash, a copy that later edits do not change.</returns>
    /// <exception cref="KeyNotFoundException">The organization is not held.</exception>
    public IReadOnlyDictionary<string, string> TasksOf(string organizationSenteraId, bool includeDescendants = false)
    {
        lock (_lock)
        {
            var snapshot = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var organization in Scope(organizationSenteraId, includeDescendants))
            {
                foreach (var stored in organization.Tasks.Values)
                {
                    snapshot[stored.SenteraId] = stored.Hash;
                }
            }

            return snapshot;
        }
    }

    /// <summary>The number of live tasks in a scope.</summary>
    /// <param name="organizationSenteraId">The scope's organization.</param>
    /// <param name="includeDescendants">Whether descendant organizations are in scope.</param>
    /// <returns>The count.</returns>
    public int CountTasks(string organizationSenteraId, bool includeDescendants = false)
    {
        lock (_lock)
        {
            return Scope(organizationSenteraId, includeDescendants).Sum(o => o.Tasks.Count);
        }
    }

    /// <summary>The reportable tombstones of a scope, in ordinal order of id within each organization.</summary>
    /// <param name="organizationSenteraId">The scope's organization.</param>
    /// <param name="includeDescendants">Whether descendant organizations are in scope.</param>
    /// <returns>The tombstones.</returns>
    public IReadOnlyList<EmulatorTombstone> TombstonesOf(string organizationSenteraId, bool includeDescendants = false)
    {
        lock (_lock)
        {
            var now = _timeProvider.GetUtcNow();
            return [.. Scope(organizationSenteraId, includeDescendants)
                .SelectMany(o => o.Tombstones.Values)
                .Where(t => IsReportable(t, now))
                .Select(t => t.Tombstone)];
        }
    }

    /// <summary>The current time of the emulator's clock.</summary>
    internal DateTimeOffset Now => _timeProvider.GetUtcNow();

    internal EmulatorUser User(string senteraId)
    {
        lock (_lock)
        {
            return _users.TryGetValue(senteraId, out var user) ? user : EmulatorUser.Placeholder(senteraId);
        }
    }

    internal RelatedItem Related(RelatedItemKind kind, string senteraId)
    {
        lock (_lock)
        {
            return _related.TryGetValue(senteraId, out var item) && item.Kind == kind ? item : RelatedItem.Placeholder(kind, senteraId);
        }
    }

    /// <summary>
    /// The users tasks reference (creators, assignees, ...), generated from the seed. The first is the
    /// emulator's own user, <see cref="FieldAgentEmulator.UserSenteraId"/>.
    /// </summary>
    public IReadOnlyList<string> UserIds
    {
        get
        {
            lock (_lock)
            {
                return [.. _generator.Users.Select(u => u.SenteraId)];
            }
        }
    }

    /// <summary>The fields (<c>AS</c>) of an organization: what its tasks' <c>field_sentera_id</c> may name.</summary>
    /// <param name="organizationSenteraId">The organization.</param>
    /// <returns>The field ids.</returns>
    /// <exception cref="KeyNotFoundException">The organization is not held.</exception>
    public IReadOnlyList<string> FieldIdsOf(string organizationSenteraId)
    {
        lock (_lock)
        {
            Organization(organizationSenteraId);
            return _generator.RelatedIdsOf(organizationSenteraId, RelatedItemKind.Field);
        }
    }

    /// <summary>A fresh task id of the real shape for a task the server creates now.</summary>
    internal string NewTaskId(string organizationSenteraId, DateTimeOffset createdAt)
    {
        lock (_lock)
        {
            Organization(organizationSenteraId);
            return _generator.NewTaskId(organizationSenteraId, createdAt);
        }
    }

    /// <summary>Whether <paramref name="senteraId"/> is a user the emulator holds.</summary>
    internal bool IsUser(string senteraId)
    {
        lock (_lock)
        {
            return _users.ContainsKey(senteraId);
        }
    }

    /// <summary>
    /// Where a field, plan or survey id stands for a task of <paramref name="organizationSenteraId"/>:
    /// held by that organization, held by another one, or unknown.
    /// </summary>
    internal RelatedItemStanding Standing(RelatedItemKind kind, string senteraId, string organizationSenteraId)
    {
        lock (_lock)
        {
            if (!_related.TryGetValue(senteraId, out var item) || item.Kind != kind)
            {
                return RelatedItemStanding.Unknown;
            }

            // An organization that is not held (a create that names none) has no items to compare with.
            return !_organizations.ContainsKey(organizationSenteraId)
                || _generator.RelatedIdsOf(organizationSenteraId, kind).Contains(senteraId, StringComparer.Ordinal)
                ? RelatedItemStanding.OfTheOrganization
                : RelatedItemStanding.OfAnotherOrganization;
        }
    }

    internal IReadOnlyList<EmulatorUser> Users
    {
        get
        {
            lock (_lock)
            {
                return [.. _users.Values];
            }
        }
    }

    private OrganizationEntry Organization(string senteraId)
    {
        ArgumentNullException.ThrowIfNull(senteraId);
        return _organizations.TryGetValue(senteraId, out var entry)
            ? entry
            : throw new KeyNotFoundException($"No organization '{senteraId}' is held by the emulator.");
    }

    /// <summary>The organization, then (if asked) its descendants breadth first. Call under the lock.</summary>
    private List<OrganizationEntry> Scope(string organizationSenteraId, bool includeDescendants)
    {
        var scope = new List<OrganizationEntry> { Organization(organizationSenteraId) };
        for (var i = 0; includeDescendants && i < scope.Count; i++)
        {
            scope.AddRange(scope[i].Children.Select(id => _organizations[id]));
        }

        return scope;
    }

    private bool IsReportable(TombstoneEntry entry, DateTimeOffset now) =>
        _tombstoneRetention is not { } retention || now - entry.Tombstone.DeletedAt <= retention;

    private sealed class OrganizationEntry(EmulatorOrganization organization)
    {
        public EmulatorOrganization Organization { get; } = organization;

        public List<string> Children { get; } = [];

        /// <summary>Live tasks, in ordinal order of id: the order pages are served in.</summary>
        public SortedDictionary<string, HashedTask> Tasks { get; } = new(StringComparer.Ordinal);

        public SortedDictionary<string, TombstoneEntry> Tombstones { get; } = new(StringComparer.Ordinal);
    }

    private sealed record TombstoneEntry(EmulatorTombstone Tombstone, HashedTask Last);
}
