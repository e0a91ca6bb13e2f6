using FlightTaskSync.Emulator.Data;

namespace FlightTaskSync.Emulator;

/// <summary>The journal of applied mutations, and the lock a mutation call holds while it applies.</summary>
public sealed partial class EmulatorData
{
    private static readonly IReadOnlyDictionary<string, string?> EmptyFields = new Dictionary<string, string?>(StringComparer.Ordinal);

    private readonly List<EmulatorMutation> _journal = [];

    /// <summary>
    /// Every change mutations applied, in order: one entry per accepted <c>upsert_flight_tasks</c>
    /// entry, per task begun and per task deleted (rejected entries, unknown ids and office edits are
    /// not recorded). Use it to check that each edit a client pushed reached the server exactly once,
    /// and that no task was created twice. A snapshot: later mutations do not change it.
    /// </summary>
    public IReadOnlyList<EmulatorMutation> Journal
    {
        get
        {
            lock (_lock)
            {
                return [.. _journal];
            }
        }
    }

    /// <summary>
    /// Runs one mutation call under the data's lock, so that its entries apply together: no page is
    /// computed and no office edit lands in the middle of a call. The lock is re-entrant, so the
    /// public editing methods can be used inside.
    /// </summary>
    internal T Atomically<T>(Func<T> apply)
    {
        lock (_lock)
        {
            return apply();
        }
    }

    /// <summary>Appends a change to the journal, numbering it. Call under the lock, right after applying it.</summary>
    internal void Record(
        MutationSource source,
        EmulatorMutationKind kind,
        int index,
        EmulatorTask task,
        string contentHash,
        IReadOnlyDictionary<string, string?>? fields = null)
    {
        lock (_lock)
        {
            _journal.Add(new EmulatorMutation
            {
                Sequence = _journal.Count + 1,
                RequestNumber = source.RequestNumber,
                Operation = source.Operation,
                Kind = kind,
                Index = index,
                TaskSenteraId = task.SenteraId,
                OrganizationSenteraId = task.OrganizationSenteraId,
                Fields = fields ?? EmptyFields,
                UserSenteraId = source.UserSenteraId,
                AppliedAt = DataGenerator.TruncateToSeconds(_timeProvider.GetUtcNow()),
                ContentHash = contentHash,
            });
        }
    }
}
