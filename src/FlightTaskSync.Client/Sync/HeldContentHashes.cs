using FlightTaskSync.Client.Transport;

namespace FlightTaskSync.Client.Sync;

/// <summary>
/// The content hashes the client holds for the scope being synced: the protocol's cursor, sent
/// with each request. They are kept only as the request's JSON text, written once: a page of
/// new tasks appends its hashes, and a page that makes hashes leave (a changed or deleted task)
/// removes them from the text in one pass.
/// </summary>
/// <remarks>
/// No id → hash map is kept for a delta sync: what is held is exactly what the store holds for
/// the scope (read once at the start, kept level as pages are written), so the store tells, for
/// each page, the hashes it holds for the page's ids, and that is all a page needs. A full
/// resync starts from nothing held while the store keeps every task, so there what is held is
/// what the resync has received so far, kept by id here.
/// </remarks>
internal sealed class HeldContentHashes
{
    private readonly JsonStringList _requestList;

    // A full resync only: id → hash of each task received (and so held) in this sync.
    private readonly Dictionary<string, string>? _received;

    // A full resync only: the ids the store held when it started, and those of them a page has deleted
    // since; with _received they tell which of a page's ids the store holds (updates, not inserts).
    private readonly IReadOnlyDictionary<string, string>? _storedAtStart;
    private readonly HashSet<string>? _deletedSinceStart;

    private HeldContentHashes(JsonStringList requestList, Dictionary<string, string>? received, IReadOnlyDictionary<string, string>? storedAtStart = null)
    {
        _requestList = requestList;
        _received = received;
        _storedAtStart = storedAtStart;
        _deletedSinceStart = storedAtStart is null ? null : new HashSet<string>(StringComparer.Ordinal);
    }

    /// <summary>Gets how many tasks are held.</summary>
    public int Count => _requestList.Count;

    /// <summary>Gets whether this is a full resync's set (it starts empty and tracks ids).</summary>
    public bool IsFullResync => _received is not null;

    /// <summary>What a delta sync holds: every hash the store holds for the scope.</summary>
    /// <param name="storedHashes">The store's hashes for the scope, as the request's JSON list; kept and changed here.</param>
    public static HeldContentHashes FromStore(JsonStringList storedHashes)
    {
        ArgumentNullException.ThrowIfNull(storedHashes);
        return new HeldContentHashes(storedHashes, received: null);
    }

    /// <summary>What a full resync holds: nothing at first, then each task it receives.</summary>
    /// <param name="storedAtStart">
    /// The store's id → hash of the scope when the resync started, when known: then each page
    /// is told how many of its rows the store holds (<see cref="Storage.PageRows.HeldCount"/>).
    /// </param>
    public static HeldContentHashes ForFullResync(IReadOnlyDictionary<string, string>? storedAtStart = null) =>
        new(new JsonStringList(), new Dictionary<string, string>(StringComparer.Ordinal), storedAtStart);

    /// <summary>Tells whether a full resync has received (and still holds) a task.</summary>
    /// <exception cref="InvalidOperationException">Not a full resync's set.</exception>
    public bool HasReceived(string senteraId) =>
        _received is null
            ? throw new InvalidOperationException("Only a full resync tracks the tasks it received.")
            : _received.ContainsKey(senteraId);

    /// <summary>
    /// Gives the hashes to send with the next request: a list that writes itself as JSON text
    /// (<see cref="IPreserializedJsonValue"/>). It is the same list each time, changed by
    /// <see cref="Apply"/>: use it before the next page is applied.
    /// </summary>
    public IReadOnlyList<string> ToRequestList() => _requestList;

    /// <summary>
    /// Takes in a page about to be written, and counts the changes it makes to what is held:
    /// upserts with a hash not held for that id, and deletions of ids held. A page that makes
    /// none brought nothing new. It also tells the page how many of its rows the store holds
    /// already (<see cref="Storage.PageRows.HeldCount"/>: the store then counts nothing itself),
    /// when that is known: always in a delta sync, in a full resync when it was given the store's ids.
    /// </summary>
    /// <param name="page">The page.</param>
    /// <param name="storedBefore">
    /// The store's hash, before the page, of each of the page's ids it held (upserted or deleted):
    /// <see cref="Storage.IPageStore.ReadHashesOfAsync"/>, read before the page is written. A full
    /// resync uses what it has received instead.
    /// </param>
    /// <returns>How many changes the page made to what is held.</returns>
    public int Apply(SyncPage page, IReadOnlyDictionary<string, string> storedBefore)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(storedBefore);
        IReadOnlyDictionary<string, string> before = _received ?? storedBefore;
        List<string>? leaving = null;
        List<string>? arriving = null;
        var changes = 0;
        var storeHeld = 0;

        // A page's ids are distinct (the store refuses a page that repeats one), so updating
        // _received while reading it as "before" sees each id's value from before the page.
        foreach (var task in page.Upserted)
        {
            if (IsInStore(task.SenteraId, storedBefore))
            {
                storeHeld++;
            }

            if (before.TryGetValue(task.SenteraId, out var held))
            {
                if (string.Equals(held, task.ContentHash, StringComparison.Ordinal))
                {
                    continue;
                }

                (leaving ??= []).Add(held);
            }

            changes++;
            if (_received is not null)
            {
                _received[task.SenteraId] = task.ContentHash;
            }

            if (leaving is null)
            {
                _requestList.Add(task.ContentHash);
            }
            else
            {
                (arriving ??= []).Add(task.ContentHash);
            }
        }

        foreach (var id in page.DeletedIds)
        {
            if (_storedAtStart is not null && _storedAtStart.ContainsKey(id))
            {
                _deletedSinceStart!.Add(id);
            }

            if (before.TryGetValue(id, out var held))
            {
                (leaving ??= []).Add(held);
                changes++;
                _received?.Remove(id);
            }
        }

        if (leaving is not null)
        {
            _requestList.RemoveEach(leaving);
        }

        if (arriving is not null)
        {
            foreach (var hash in arriving)
            {
                _requestList.Add(hash);
            }
        }

        if (_received is null || _storedAtStart is not null)
        {
            page.Rows.HeldCount = storeHeld;
        }

        return changes;
    }

    /// <summary>Tells whether the store holds the id before the page (read before <see cref="_received"/> changes for it).</summary>
    private bool IsInStore(string id, IReadOnlyDictionary<string, string> storedBefore)
    {
        if (_received is null)
        {
            return storedBefore.ContainsKey(id);
        }

        return _received.ContainsKey(id) ||
            (_storedAtStart is not null && _storedAtStart.ContainsKey(id) && !_deletedSinceStart!.Contains(id));
    }
}
