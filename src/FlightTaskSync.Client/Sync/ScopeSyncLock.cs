using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace FlightTaskSync.Client.Sync;

/// <summary>
/// Lets one sync of a scope run at a time per database: a semaphore between the syncs of this
/// process, and an exclusively opened lock file beside the database between processes (on
/// Unix .NET takes an advisory <c>flock</c> for <see cref="FileShare.None"/>). A second sync waits
/// for the first instead of interleaving its pages, which would send a stale hash set.
/// </summary>
internal sealed class ScopeSyncLock
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);
    private static readonly TimeSpan FilePollInterval = TimeSpan.FromMilliseconds(100);

    private readonly string _databasePath;
    private readonly ILogger _logger;

    public ScopeSyncLock(string databasePath, ILogger logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        ArgumentNullException.ThrowIfNull(logger);
        _databasePath = Path.GetFullPath(databasePath);
        _logger = logger;
    }

    /// <summary>Waits until this caller alone may sync <paramref name="scope"/>; dispose the result to let the next one in.</summary>
    public async Task<IAsyncDisposable> AcquireAsync(SyncScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var lockPath = LockFilePath(scope);
        var gate = Gates.GetOrAdd(lockPath, static _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var file = await OpenExclusiveAsync(lockPath, scope, cancellationToken).ConfigureAwait(false);
            return new Held(gate, file);
        }
        catch
        {
            gate.Release();
            throw;
        }
    }

    /// <summary>
    /// Tells whether a sync of <paramref name="scope"/> holds the lock file right now (this process's
    /// own syncs included). Used to tell a running sync from one that a closed app left unfinished.
    /// </summary>
    public bool IsHeld(SyncScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var lockPath = LockFilePath(scope);
        if (!File.Exists(lockPath))
        {
            return false;
        }

        try
        {
            using var probe = new FileStream(lockPath, FileMode.Open, FileAccess.ReadWrite, FileShare.None, bufferSize: 1);
            return false;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // In use, or not ours to open: either way not a sync this process could tell is over.
            return true;
        }
    }

    /// <summary>Gives the lock file of a scope: beside the database, named by a hash of the scope.</summary>
    internal string LockFilePath(SyncScope scope)
    {
        // One file per scope, named by a hash so any organization id makes a valid file name.
        var key = $"{scope.OrganizationSenteraId}\n{scope.IncludeDescendantOrganizations}";
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)), 0, 8).ToLowerInvariant();
        return $"{_databasePath}.sync-{hash}.lock";
    }

    private async Task<FileStream> OpenExclusiveAsync(string lockPath, SyncScope scope, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(lockPath)!);
        var told = false;
        while (true)
        {
            try
            {
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 1);
            }
            catch (IOException) when (File.Exists(lockPath))
            {
                // Held by a sync in another process: wait for it, however long it takes.
                if (!told)
                {
                    SyncLog.WaitingForOtherProcess(_logger, scope);
                    told = true;
                }

                await Task.Delay(FilePollInterval, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private sealed class Held(SemaphoreSlim gate, FileStream file) : IAsyncDisposable
    {
        private int _released;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                await file.DisposeAsync().ConfigureAwait(false);
                gate.Release();
            }
        }
    }
}
