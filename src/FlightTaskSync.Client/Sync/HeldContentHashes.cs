using FlightTaskSync.Client.Transport;

namespace FlightTaskSync.Client.Sync;

/// <summary>
/// The content hash of every task held for the scope being synced, read from the store once
/// per sync and kept level with it as pages commit. The hash set is the protocol's cursor:
/// each request sends exactly these hashes. They are also kept as the request's JSON text,
/// written once: a page of new tasks appends its hashes to it, and only a page that makes
/// hashes leave (a changed or deleted task) writes it again.
/// </summary>
internal sealed class HeldContentHashes
{
    private readonly Dictionary<string, string> _hashById;
    private readonly JsonStringList _requestList;

    public HeldContentHashes(Dictionary<string, string> hashById)
    {
        ArgumentNullException.ThrowIfNull(hashById);
        _hashById = hashById;
        _requestList = new JsonStringList(hashById.Count);
        Rewrite();
    }

    /// <summary>Gets how many tasks are held.</summary>
    public int Count => _hashById.Count;

    /// <summary>Tells whether a task is held.</summary>
    public bool Contains(string senteraId) => _hashById.ContainsKey(senteraId);

    /// <summary>
    /// Gives the hashes to send with the next request: a list that writes itself as JSON text
    /// (<see cref="IPreserializedJsonValue"/>). It is the same list each time, changed by
    /// <see cref="Apply"/>: use it before the next page is applied.
    /// </summary>
    public IReadOnlyList<string> ToRequestList() => _requestList;

    /// <summary>
    /// Counts the changes a page would make to what is held: upserts with a hash not held for
    /// that id, and deletions of ids held. A page that makes none brings nothing new.
    /// </summary>
    public int CountChanges(SyncPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var changes = 0;
        foreach (var task in page.Upserted)
        {
            if (!_hashById.TryGetValue(task.SenteraId, out var held) || !string.Equals(held, task.ContentHash, StringComparison.Ordinal))
            {
                changes++;
            }
        }

        foreach (var id in page.DeletedIds)
        {
            if (_hashById.ContainsKey(id))
            {
                changes++;
            }
        }

        return changes;
    }

    /// <summary>Takes in a page that the store has committed.</summary>
    public void Apply(SyncPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var hashesLeft = false;
        foreach (var task in page.Upserted)
        {
            if (_hashById.TryGetValue(task.SenteraId, out var held))
            {
                hashesLeft |= !string.Equals(held, task.ContentHash, StringComparison.Ordinal);
            }
            else if (!hashesLeft)
            {
                _requestList.Add(task.ContentHash);
            }

            _hashById[task.SenteraId] = task.ContentHash;
        }

        foreach (var id in page.DeletedIds)
        {
            hashesLeft |= _hashById.Remove(id);
        }

        if (hashesLeft)
        {
            Rewrite();
        }
    }

    private void Rewrite()
    {
        _requestList.Clear();
        foreach (var hash in _hashById.Values)
        {
            _requestList.Add(hash);
        }
    }
}
