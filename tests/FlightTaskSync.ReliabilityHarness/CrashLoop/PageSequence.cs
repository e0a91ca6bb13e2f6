namespace FlightTaskSync.ReliabilityHarness.CrashLoop;

/// <summary>
/// The states a store may be in after a sync that was killed, for a server that does not change
/// during the sync. The emulator sends the tasks whose hash the client does not hold, in ordinal
/// order of id, a page at a time (its README); so after k whole pages the store is the state it
/// started from with the first k·pageSize of those tasks brought level with the server. Any
/// other state is a half-applied page (or a corrupt one).
/// </summary>
internal static class PageSequence
{
    /// <summary>The ids the server will send to a client holding <paramref name="held"/>, in the order it sends them.</summary>
    public static List<string> Changed(IReadOnlyDictionary<string, string> held, IReadOnlyDictionary<string, string> server)
    {
        var heldHashes = new HashSet<string>(held.Values, StringComparer.Ordinal);
        var changed = server.Where(task => !heldHashes.Contains(task.Value)).Select(task => task.Key).ToList();
        changed.Sort(StringComparer.Ordinal);
        return changed;
    }

    /// <summary>
    /// Tells whether <paramref name="after"/> is <paramref name="before"/> with a whole number of
    /// pages applied; gives that number, or what is wrong.
    /// </summary>
    public static bool IsWholePages(
        IReadOnlyDictionary<string, string> before,
        IReadOnlyDictionary<string, string> after,
        IReadOnlyDictionary<string, string> server,
        int pageSize,
        out int pages,
        out string? problem)
    {
        pages = 0;
        var changed = Changed(before, server);
        var position = new Dictionary<string, int>(changed.Count, StringComparer.Ordinal);
        for (var i = 0; i < changed.Count; i++)
        {
            position[changed[i]] = i;
        }

        var brought = 0;
        var deletionsApplied = false;
        foreach (var (id, hash) in after)
        {
            if (before.TryGetValue(id, out var old) && old == hash)
            {
                continue;
            }

            if (!position.ContainsKey(id) || server[id] != hash)
            {
                problem = $"task {id} holds hash {hash}, which is neither what the store held before ({old ?? "nothing"}) nor the server's ({(server.TryGetValue(id, out var s) ? s : "deleted")})";
                return false;
            }

            brought++;
        }

        foreach (var id in before.Keys)
        {
            if (!after.ContainsKey(id))
            {
                if (server.ContainsKey(id))
                {
                    problem = $"task {id} was dropped though the server still has it";
                    return false;
                }

                deletionsApplied = true;
            }
        }

        // What was brought must be exactly the first tasks of the sequence, a whole number of pages.
        for (var i = 0; i < brought; i++)
        {
            if (!after.TryGetValue(changed[i], out var hash) || hash != server[changed[i]])
            {
                problem = $"{brought} task(s) were brought, but not the first {brought} the server sends (task {changed[i]} at position {i} is missing): a page was applied in part";
                return false;
            }
        }

        if (brought % pageSize != 0 && brought != changed.Count)
        {
            problem = $"{brought} task(s) were brought: not a whole number of pages of {pageSize}";
            return false;
        }

        pages = brought == 0 ? (deletionsApplied ? 1 : 0) : (brought + pageSize - 1) / pageSize;
        problem = null;
        return true;
    }
}
