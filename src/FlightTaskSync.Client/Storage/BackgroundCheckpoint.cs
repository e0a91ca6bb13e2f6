using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FlightTaskSync.Client.Storage;

/// <summary>
/// Copies the WAL into the database file beside a sync's page writes, on a connection of its
/// own, instead of inside the commit of whichever page crosses the checkpoint size. A first sync
/// of a large organization writes hundreds of MB: SQLite's automatic checkpoint makes the writing
/// thread copy 128 MB and sync the file every few dozen pages, while the next page waits. Here a
/// passive checkpoint (it never waits for a lock, never blocks a reader or the writer) starts on
/// the thread pool once the pages committed since the last one hold <see cref="ThresholdBytes"/>
/// of tasks, at most one at a time. SQLite's own checkpoint at 128 MB of WAL stays as the
/// backstop when this one falls behind. Measured on a 200,000-task first sync: about 15% faster
/// (docs/performance.md). A checkpoint is crash safe in itself: a process killed during one
/// leaves the WAL to be copied by the next.
/// </summary>
internal sealed class BackgroundCheckpoint : IDisposable
{
    /// <summary>
    /// Task bytes (raw JSON) committed since the last checkpoint that start the next one: about
    /// 7,000 tasks, three full pages. A delta sync of one page leaves the WAL to SQLite as before.
    /// </summary>
    public const long ThresholdBytes = 8L * 1024 * 1024;

    private readonly string _connectionString;
    private readonly Lock _gate = new();
    private long _pendingBytes;
    private Task _running = Task.CompletedTask;
    private bool _disposed;

    /// <param name="databasePath">The database file; it is opened read-write, never created.</param>
    public BackgroundCheckpoint(string databasePath)
    {
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = false,
        }.ToString();
    }

    /// <summary>Gets the checkpoint started last (completed when none runs); it never faults.</summary>
    public Task Running
    {
        get
        {
            lock (_gate)
            {
                return _running;
            }
        }
    }

    /// <summary>Gets how many checkpoints have been started.</summary>
    public int Started { get; private set; }

    /// <summary>
    /// Counts a committed page's task bytes; starts a checkpoint when enough have been committed
    /// since the last one and none is running. Returns at once.
    /// </summary>
    /// <param name="taskBytes">The page's task bytes (raw JSON).</param>
    /// <param name="logger">Where a failed checkpoint is told (at Debug: the next one, or SQLite's own, copies the WAL).</param>
    public void PageCommitted(long taskBytes, ILogger? logger = null)
    {
        lock (_gate)
        {
            _pendingBytes += Math.Max(0, taskBytes);
            if (_disposed || _pendingBytes < ThresholdBytes || !_running.IsCompleted)
            {
                return;
            }

            _pendingBytes = 0;
            Started++;
            var log = logger ?? NullLogger.Instance;
            _running = Task.Run(() => Checkpoint(log), CancellationToken.None);
        }
    }

    /// <summary>Lets a running checkpoint finish (a few seconds at most) and starts no more.</summary>
    public void Dispose()
    {
        Task running;
        lock (_gate)
        {
            _disposed = true;
            running = _running;
        }

        running.Wait(TimeSpan.FromSeconds(10));
    }

    private void Checkpoint(ILogger logger)
    {
        try
        {
            using var connection = new SqliteConnection(_connectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
            command.ExecuteNonQuery();
        }
        catch (Exception exception) when (exception is SqliteException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            // The file removed, damaged or unreadable: the page writes report that themselves.
            StoreLog.CheckpointFailed(logger, exception);
        }
    }
}
