using Microsoft.Data.Sqlite;

namespace FlightTaskSync.Client.Storage;

/// <summary>
/// The SQLite file behind the store: its connection string, the settings every connection gets,
/// and the one-time preparation of the file (WAL mode, schema migrations) on first use.
/// </summary>
internal sealed class FlightTaskDatabase : IDisposable
{
    /// <summary>How long a statement waits for a lock held by another connection before failing.</summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Page cache settings every connection gets. A 2,000-task page touches a few MB of table and
    /// index pages: with SQLite's default 2 MB cache, index pages were evicted and read again on
    /// every page, which made each page slower as the store grew. The cache is filled only as
    /// pages are used, so a small store costs no more memory. After a checkpoint
    /// (<see cref="CheckpointPragma"/>), the WAL file is cut back to 32 MB, so it does not keep
    /// its largest size on the device.
    /// </summary>
    public const string PerformancePragmas = "PRAGMA cache_size = -32768; PRAGMA journal_size_limit = 33554432;";

    /// <summary>
    /// The page size of a file the store creates (16 KB; SQLite's default is 4 KB). A task's row,
    /// with its raw JSON, is about 1.7 KB: a 4 KB page holds two of them, a 16 KB page nine, so a
    /// first sync writes a quarter as many pages (each a WAL frame, a checkpoint copy and a cache
    /// entry) and the index builds after it read a quarter as many. Measured on a 200,000-task
    /// first sync: 1.37x faster than 4 KB pages (docs/performance.md). A file made before keeps
    /// its page size: SQLite changes it only in an empty file (in WAL mode not even by VACUUM).
    /// </summary>
    public const int NewFilePageSize = 16384;

    /// <summary>
    /// How much WAL a checkpoint waits for: 128 MB (a page of 2,000 tasks writes up to about 30 MB
    /// of it as the store grows). Each checkpoint copies the pages changed since the last into the
    /// file and syncs it; fewer of them measured 18% faster initial syncs than every 32 MB.
    /// </summary>
    public const long CheckpointBytes = 128L * 1024 * 1024;

    /// <summary>
    /// The <c>wal_autocheckpoint</c> setting (counted in pages) that makes a checkpoint every
    /// <see cref="CheckpointBytes"/> in a file of <paramref name="pageSize"/>-byte pages.
    /// </summary>
    public static string CheckpointPragma(long pageSize) =>
        $"PRAGMA wal_autocheckpoint = {CheckpointBytes / Math.Max(512, pageSize)};";

    /// <summary>The small page cache a connection gets while it scans a scope's hashes once (2 MB).</summary>
    public const string ScanCachePragma = "PRAGMA cache_size = -2048;";

    /// <summary>
    /// The page cache of a connection building the list indexes (4 MB), which also bounds the
    /// memory of the sort of their keys (see <see cref="ListIndexes.BuildMissingAsync"/>).
    /// </summary>
    public const string IndexBuildCachePragma = "PRAGMA cache_size = -4096;";

    private readonly string _connectionString;
    private readonly SemaphoreSlim _preparation = new(1, 1);
    private readonly Lock _fileChange = new();
    private volatile bool _prepared;

    // The checkpoint setting for the page size of the file prepared last (read once there, not
    // on each open): empty until then, so the preparing connection keeps SQLite's default.
    private volatile string _checkpointPragma = string.Empty;
    private long _fileGeneration;

    /// <summary>Describes the database at <paramref name="path"/>; nothing is opened until first use.</summary>
    /// <param name="path">The database file; a relative path is taken from the current directory now.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null, empty or white space.</exception>
    public FlightTaskDatabase(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ArgumentException("The path of the flight task database file is required (e.g. '<app data>/flighttasks.db').", nameof(path));
        }

        Path = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            ForeignKeys = true,
            DefaultTimeout = (int)BusyTimeout.TotalSeconds,
        }.ToString();
        IndexDeferral = new IndexDeferral(Path);
        Checkpoints = new BackgroundCheckpoint(Path);
    }

    /// <summary>Gets the full path of the database file.</summary>
    public string Path { get; }

    /// <summary>Gets the checkpoints that run beside a sync's page writes.</summary>
    public BackgroundCheckpoint Checkpoints { get; }

    /// <summary>Gets whether (and for which syncs) the file's list indexes are left out while a first sync writes.</summary>
    internal IndexDeferral IndexDeferral { get; }

    /// <summary>
    /// Gets how many times the file at <see cref="Path"/> was found removed or replaced and a new
    /// one prepared: a <see cref="SyncClaim"/> taken before such a change belongs to a file gone.
    /// </summary>
    public long FileGeneration => Interlocked.Read(ref _fileGeneration);

    /// <summary>
    /// Gets an observer of every connection this instance opens, once its settings are applied:
    /// a seam for tests that watch the SQL the store runs. The SDK never sets it.
    /// </summary>
    internal Action<SqliteConnection>? ConnectionOpened { get; init; }

    /// <summary>
    /// Opens a connection with the store's settings. The first call of this instance prepares the
    /// file (creates its folder, refuses a file that is not the store's or has a newer schema, turns
    /// WAL on, migrates) exactly once.
    /// </summary>
    /// <exception cref="FlightTaskStoreException">The file cannot be opened or prepared, or was made by a newer version of FlightTaskSync.</exception>
    public async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        // A file removed since it was prepared (its folder deleted, say): pooled connections would
        // go on reading and writing the unlinked file. The file at the path is prepared instead.
        if (_prepared && !File.Exists(Path))
        {
            FileChanged(FileGeneration);
        }

        if (!_prepared)
        {
            await PrepareOnceAsync(cancellationToken).ConfigureAwait(false);
        }

        return await OpenConfiguredAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Records that the file at <see cref="Path"/> is no longer the one prepared in
    /// <paramref name="generation"/> (removed or replaced): the pooled connections to the old one
    /// are let go, <see cref="FileGeneration"/> moves on, and the next open prepares the file at the path.
    /// </summary>
    public void FileChanged(long generation)
    {
        lock (_fileChange)
        {
            if (FileGeneration != generation)
            {
                return;
            }

            Interlocked.Increment(ref _fileGeneration);
            _prepared = false;
            ClearPool();
        }
    }

    /// <summary>
    /// Opens a connection of its own to whatever file is at <see cref="Path"/> now (not pooled,
    /// read-only, creating no file): what a pooled connection, which may hold a file since removed,
    /// cannot tell. Returns <see langword="null"/> when no file is there.
    /// </summary>
    public async Task<SqliteConnection?> OpenFileAtPathAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(InspectionConnectionString(Path));
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch (SqliteException) when (!File.Exists(Path))
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            return null;
        }
    }

    /// <summary>Closes the pooled connections to the file, so it can be moved or deleted.</summary>
    public void Dispose()
    {
        Checkpoints.Dispose();
        ClearPool();
        IndexDeferral.Dispose();
        _preparation.Dispose();
    }

    /// <summary>
    /// A connection string that reads the file at <paramref name="path"/> without writing or
    /// creating anything: read-only, not pooled, and immutable (no locks, no -shm) when there is no
    /// -wal file, that is when no connection is writing it and nothing waits for a checkpoint.
    /// </summary>
    internal static string InspectionConnectionString(string path)
    {
        var wal = new FileInfo(path + "-wal");
        return new SqliteConnectionStringBuilder
        {
            DataSource = wal.Exists && wal.Length > 0 ? path : new Uri(path).AbsoluteUri + "?immutable=1",
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
            DefaultTimeout = (int)BusyTimeout.TotalSeconds,
        }.ToString();
    }

    private void ClearPool()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    private async Task PrepareOnceAsync(CancellationToken cancellationToken)
    {
        await _preparation.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_prepared)
            {
                return;
            }

            await PrepareAsync(cancellationToken).ConfigureAwait(false);
            _prepared = true;
        }
        finally
        {
            _preparation.Release();
        }
    }

    private async Task PrepareAsync(CancellationToken cancellationToken)
    {
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);

            // Before SQLite opens it: another application's file is refused untouched.
            await DatabaseFileOwnership.EnsureOursAsync(Path, cancellationToken).ConfigureAwait(false);
            CreateOwnerOnlyFile(Path);
            var connection = await OpenConfiguredAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                // The version is checked before WAL is turned on: a newer database is not touched at all.
                await SchemaMigrator.EnsureNotNewerAsync(connection, Path, cancellationToken).ConfigureAwait(false);
                // The page size first: it takes effect only while the file is empty (a new one).
                await ExecuteAsync(connection, $"PRAGMA page_size = {NewFilePageSize}; PRAGMA journal_mode = WAL;", cancellationToken).ConfigureAwait(false);
                _checkpointPragma = CheckpointPragmaFor(connection);
                await ExecuteAsync(connection, _checkpointPragma, cancellationToken).ConfigureAwait(false);
                await SchemaMigrator.MigrateAsync(connection, SchemaMigrations.LatestVersion, cancellationToken).ConfigureAwait(false);

                // A first sync that was killed before it built its deferred list indexes left the
                // file without them; they are built now, unless that deferral is still running
                // (in another process on the same file), which builds them when it ends.
                if (!IndexDeferral.IsInProgressAnywhere())
                {
                    await ListIndexes.BuildMissingAsync(connection, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode is 11 or 26)
        {
            // Damaged (SQLITE_CORRUPT, SQLITE_NOTADB) where the schema is kept: say so, and what to do.
            throw StoreFailure.Wrap(Path, "opened", exception);
        }
        catch (Exception exception) when (exception is SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new FlightTaskStoreException(
                $"The flight task database '{Path}' could not be opened: {exception.Message} " +
                "Check that the path names a SQLite file (or a new one) in a folder this app can write to, or set DatabasePath to another file.",
                exception);
        }
    }

    /// <summary>
    /// On Unix, creates a missing database file readable and writable by its owner only, before
    /// SQLite opens it: SQLite would create it with the process's umask (often readable by every
    /// user), and gives its -wal and -shm files the mode of the database file. An existing file
    /// is left as it is; on Windows the file inherits the ACL of its (per-user) folder.
    /// </summary>
    private static void CreateOwnerOnlyFile(string path)
    {
        if (OperatingSystem.IsWindows() || System.IO.Path.Exists(path))
        {
            return;
        }

        try
        {
            // SQLite takes an empty file for a new database.
            using var file = new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            });
        }
        catch (IOException) when (System.IO.Path.Exists(path))
        {
            // Another process created it first: it made it the same way, or it is the app's own file.
        }
    }

    private async Task<SqliteConnection> OpenConfiguredAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            // Per connection: wait for a writer instead of failing with SQLITE_BUSY; NORMAL is
            // durable enough under WAL (a power cut may lose the last commit, never corrupt the file).
            await ExecuteAsync(connection, $"PRAGMA busy_timeout = {(int)BusyTimeout.TotalMilliseconds}; PRAGMA synchronous = NORMAL; {PerformancePragmas} {_checkpointPragma}", cancellationToken).ConfigureAwait(false);
            ConnectionOpened?.Invoke(connection);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// The <see cref="CheckpointPragma"/> for the page size of the file <paramref name="connection"/>
    /// has open (read with a query: synchronous, as Microsoft.Data.Sqlite runs it anyway).
    /// </summary>
    internal static string CheckpointPragmaFor(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA page_size;";
        return CheckpointPragma(Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Runs <paramref name="work"/> with the connection's page cache set by <paramref name="cachePragma"/>
    /// (<see cref="ScanCachePragma"/>, <see cref="IndexBuildCachePragma"/>), then, whatever the work's
    /// outcome, gives the connection back the cache every connection has (<see cref="PerformancePragmas"/>)
    /// before it returns to the pool.
    /// </summary>
    internal static async Task<T> WithCacheAsync<T>(SqliteConnection connection, string cachePragma, Func<Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(work);
        await ExecuteAsync(connection, cachePragma, cancellationToken).ConfigureAwait(false);
        try
        {
            return await work().ConfigureAwait(false);
        }
        finally
        {
            await ExecuteAsync(connection, PerformancePragmas, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
