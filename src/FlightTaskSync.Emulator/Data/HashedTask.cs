namespace FlightTaskSync.Emulator.Data;

/// <summary>
/// A task with its content hash computed once, as the store keeps it and pages serve it, and the
/// hashes its earlier versions had: a client that synced an earlier version and missed the edits
/// still holds one of those, and must hear of the task's deletion.
/// </summary>
internal sealed class HashedTask(EmulatorTask task, IReadOnlyList<string>? formerHashes = null)
{
    public EmulatorTask Task { get; } = task;

    public string Hash { get; } = task.ContentHash;

    public IReadOnlyList<string> FormerHashes { get; } = formerHashes ?? [];

    public string SenteraId => Task.SenteraId;

    /// <summary>Tells whether a client holding <paramref name="clientHashes"/> holds any version of this task.</summary>
    public bool IsHeldBy(IReadOnlySet<string> clientHashes)
    {
        if (clientHashes.Contains(Hash))
        {
            return true;
        }

        foreach (var former in FormerHashes)
        {
            if (clientHashes.Contains(former))
            {
                return true;
            }
        }

        return false;
    }
}
