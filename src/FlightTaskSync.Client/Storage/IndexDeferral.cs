namespace FlightTaskSync.Client.Storage;

/// <summary>
/// Whether the <see cref="ListIndexes"/> of a database file are left out while a first sync
/// writes, and by which of this instance's syncs. A first sync into a store that holds no task
/// drops them (nothing to drop but empty trees) and each of its pages then updates the table and
/// its primary key alone; they are built once, after its last page, before it reports completion.
/// </summary>
/// <remarks>
/// <para>
/// The marker: while a deferral runs, this instance holds the file <c>&lt;database&gt;.indexing</c>
/// open exclusively (on Unix .NET takes an advisory <c>flock</c> for <see cref="FileShare.None"/>,
/// as <c>ScopeSyncLock</c> relies on too). Another process or instance that finds the indexes
/// missing builds them only when it can open that file itself, that is when no deferral is
/// running: a process killed mid-sync lets the lock go with it, and the next one to open the file
/// or start or end a sync builds them. The file is deleted when the deferral ends.
/// </para>
/// <para>Every member but <see cref="IsInProgressAnywhere"/> is called with <see cref="Gate"/> held.</para>
/// </remarks>
internal sealed class IndexDeferral : IDisposable
{
    private readonly HashSet<SyncScope> _scopes = [];
    private volatile FileStream? _marker;

    /// <summary>Describes the deferral of the database at <paramref name="databasePath"/>; nothing is opened yet.</summary>
    public IndexDeferral(string databasePath)
    {
        MarkerPath = databasePath + ".indexing";
    }

    /// <summary>Gets the path of the marker file.</summary>
    public string MarkerPath { get; }

    /// <summary>Gets the gate that the start and the end of every sync pass one at a time.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>Gets whether a sync of this instance is deferring the indexes.</summary>
    public bool IsDeferringHere => _marker is not null;

    /// <summary>
    /// Tells whether a deferral runs now, in this instance or in any other holding the marker
    /// (another process on the same file): the indexes are then left to it.
    /// </summary>
    public bool IsInProgressAnywhere()
    {
        if (_marker is not null)
        {
            return true;
        }

        // No marker file, no deferral (a running one holds it open). Checked first so that the
        // common case, the start and end of every sync of a store with its indexes, throws and
        // catches nothing (an app's debugger would show a first-chance exception for each).
        if (!File.Exists(MarkerPath))
        {
            return false;
        }

        try
        {
            using var probe = new FileStream(MarkerPath, FileMode.Open, FileAccess.ReadWrite, FileShare.None, bufferSize: 1);
            return false;
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            // No marker (or none this process may open, which then cannot be a deferral of the store's).
            return false;
        }
        catch (IOException)
        {
            // Held open by a deferral elsewhere.
            return true;
        }
    }

    /// <summary>Takes the marker for a deferral starting here; <see langword="false"/> when another holds it.</summary>
    public bool TryTakeMarker()
    {
        if (_marker is not null)
        {
            return true;
        }

        try
        {
            _marker = new FileStream(MarkerPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 1, FileOptions.DeleteOnClose);
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Counts <paramref name="scope"/>'s sync among those writing while the indexes are deferred.</summary>
    public void Join(SyncScope scope) => _scopes.Add(scope);

    /// <summary>
    /// Takes <paramref name="scope"/>'s sync out of the deferral. Returns whether it was in it;
    /// <paramref name="wasLast"/> tells whether it was the last one (the indexes are then to be built).
    /// </summary>
    public bool Leave(SyncScope scope, out bool wasLast)
    {
        var left = _scopes.Remove(scope);
        wasLast = left && _scopes.Count == 0;
        return left;
    }

    /// <summary>Lets the marker go (once the indexes are built, or their build failed and is left to the next sync).</summary>
    public void ReleaseMarker()
    {
        _scopes.Clear();
        var marker = _marker;
        _marker = null;
        marker?.Dispose();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        ReleaseMarker();
        Gate.Dispose();
    }
}
