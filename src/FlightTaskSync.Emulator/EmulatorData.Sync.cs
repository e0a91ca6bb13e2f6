using FlightTaskSync.Emulator.Data;

namespace FlightTaskSync.Emulator;

/// <summary>The semantics of <c>sync_flight_tasks</c> (documented in the emulator's README).</summary>
public sealed partial class EmulatorData
{
    /// <summary>
    /// Computes one page for a client that holds <paramref name="clientHashes"/>: the first
    /// <paramref name="pageSize"/> tasks in scope (ordinal order of id) whose hash the client
    /// lacks, every reportable deletion whose last hash it holds, and how many changed tasks
    /// are left after this page. Deletions count neither toward the cap nor toward the rest.
    /// </summary>
    internal SyncPage ComputePage(string organizationSenteraId, bool includeDescendants, HashSet<string> clientHashes, int pageSize)
    {
        lock (_lock)
        {
            var scope = Scope(organizationSenteraId, includeDescendants);
            var changed = 0;

            // Each organization's tasks are already in id order; the page's first items can
            // only come from each one's first pageSize changed tasks, so that is all we keep.
            var candidates = new List<HashedTask>(Math.Min(pageSize * scope.Count, 4096));
            foreach (var organization in scope)
            {
                var taken = 0;
                foreach (var stored in organization.Tasks.Values)
                {
                    if (clientHashes.Contains(stored.Hash))
                    {
                        continue;
                    }

                    changed++;
                    if (taken < pageSize)
                    {
                        candidates.Add(stored);
                        taken++;
                    }
                }
            }

            if (scope.Count > 1)
            {
                candidates.Sort(static (a, b) => string.CompareOrdinal(a.SenteraId, b.SenteraId));
            }

            var upserted = candidates.Count > pageSize ? candidates.GetRange(0, pageSize) : candidates;

            var now = _timeProvider.GetUtcNow();
            var deleted = new List<HashedTask>();
            foreach (var organization in scope)
            {
                foreach (var tombstone in organization.Tombstones.Values)
                {
                    if (IsReportable(tombstone, now) && tombstone.Last.IsHeldBy(clientHashes))
                    {
                        deleted.Add(tombstone.Last);
                    }
                }
            }

            if (scope.Count > 1)
            {
                deleted.Sort(static (a, b) => string.CompareOrdinal(a.SenteraId, b.SenteraId));
            }

            return new SyncPage(upserted, deleted, changed - upserted.Count);
        }
    }
}
