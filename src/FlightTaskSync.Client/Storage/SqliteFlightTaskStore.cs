using System.Globalization;
using FlightTaskSync.Client.Events;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FlightTaskSync.Client.Storage;

/// <summary>
/// The store on SQLite. Every call takes its own pooled connection, so calls are thread-safe;
/// under WAL, reads see the last committed page and never wait for a page being written.
/// </summary>
internal sealed partial class SqliteFlightTaskStore : IFlightTaskStore, IPageStore
{
    private static readonly string GetSql =
        $"SELECT {FlightTaskColumns.SelectList} FROM flight_tasks WHERE scope_id = {ScopeSql.ScopeIdOf} AND sentera_id = $sentera_id;";

    // The count (an index-only scan, a few ms per 100,000 rows) sizes the dictionary once.
    /// <summary>Reads a scope's (sentera_id, content_hash) pairs: from ix_flight_tasks_hashes alone, never the rows.</summary>
    // Hashes are the server's: a task created offline (empty hash) is left out, and a task hidden by a
    // pending delete is in (from pulled_rows), so that a pull tells whether the server still has it.
    internal const string ReadHashPairsSql =
        $"SELECT sentera_id, content_hash FROM flight_tasks WHERE scope_id = {ScopeSql.ScopeIdOf} AND content_hash <> '' UNION ALL {HiddenHashPairsSql};";

    // The server rows of tasks a pending delete hides: pulled_rows is empty unless edits are pending.
    private const string HiddenHashPairsSql =
        $"SELECT p.sentera_id, p.content_hash FROM pulled_rows p WHERE p.scope_id = {ScopeSql.ScopeIdOf} " +
        "AND NOT EXISTS (SELECT 1 FROM flight_tasks f WHERE f.scope_id = p.scope_id AND f.sentera_id = p.sentera_id)";

    private const string ReadContentHashesSql =
        $"SELECT count(*) FROM flight_tasks WHERE scope_id = {ScopeSql.ScopeIdOf} AND content_hash <> '';" + ReadHashPairsSql;

    /// <summary>Reads a scope's content hashes alone: from ix_flight_tasks_hashes, never the rows.</summary>
    internal const string ReadHashesSql =
        $"SELECT content_hash FROM flight_tasks WHERE scope_id = {ScopeSql.ScopeIdOf} AND content_hash <> '' UNION ALL SELECT content_hash FROM ({HiddenHashPairsSql});";

    private const string ReadHashesOfSql =
        $"SELECT sentera_id, content_hash FROM flight_tasks WHERE scope_id = {ScopeSql.ScopeIdOf} AND content_hash <> '' AND sentera_id IN (SELECT value FROM json_each($ids)) " +
        $"UNION ALL SELECT sentera_id, content_hash FROM ({HiddenHashPairsSql}) WHERE sentera_id IN (SELECT value FROM json_each($ids));";

    private readonly FlightTaskDatabase _database;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    public SqliteFlightTaskStore(FlightTaskDatabase database, TimeProvider timeProvider, ILogger<SqliteFlightTaskStore>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _database = database;
        _timeProvider = timeProvider;
        _logger = logger ?? NullLogger<SqliteFlightTaskStore>.Instance;
    }

    /// <inheritdoc/>
    public event EventHandler<FlightTasksChangedEventArgs>? Changed;

    /// <inheritdoc/>
    public async Task<FlightTask?> GetAsync(SyncScope scope, string senteraId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(senteraId);

        try
        {
            var connection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                using var command = connection.CreateCommand();
                command.CommandText = GetSql;
                ScopeSql.AddParameters(command, scope);
                command.Parameters.AddWithValue("$sentera_id", senteraId);
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? FlightTaskRowReader.Read(reader) : null;
                }
            }
        }
        catch (Exception exception) when (StoreFailure.IsStoreFailure(exception))
        {
            throw StoreFailure.Wrap(_database.Path, "read", exception);
        }
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<FlightTask>> ListAsync(SyncScope scope, CancellationToken cancellationToken) =>
        ListAsync(scope, query: null, cancellationToken);

    /// <inheritdoc/>
    public async Task<IReadOnlyList<FlightTask>> ListAsync(SyncScope scope, FlightTaskQuery? query = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        query ??= new FlightTaskQuery();
        FlightTaskQuerySql.Validate(query, nameof(query));
        if (query.Take == 0)
        {
            return [];
        }

        try
        {
            var connection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                using var command = connection.CreateCommand();
                FlightTaskQuerySql.SetList(command, scope, query);
                var tasks = new List<FlightTask>(Math.Min(query.Take, 256));
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        tasks.Add(FlightTaskRowReader.Read(reader));
                    }
                }

                return tasks;
            }
        }
        catch (Exception exception) when (StoreFailure.IsStoreFailure(exception))
        {
            throw StoreFailure.Wrap(_database.Path, "read", exception);
        }
    }

    /// <inheritdoc/>
    public Task<int> CountAsync(SyncScope scope, CancellationToken cancellationToken) =>
        CountAsync(scope, query: null, cancellationToken);

    /// <inheritdoc/>
    public async Task<int> CountAsync(SyncScope scope, FlightTaskQuery? query = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        query ??= new FlightTaskQuery();
        FlightTaskQuerySql.Validate(query, nameof(query));

        try
        {
            var connection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                using var command = connection.CreateCommand();
                FlightTaskQuerySql.SetCount(command, scope, query);
                return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
            }
        }
        catch (Exception exception) when (StoreFailure.IsStoreFailure(exception))
        {
            throw StoreFailure.Wrap(_database.Path, "read", exception);
        }
    }

    /// <inheritdoc/>
    public async Task ResetAsync(SyncScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        try
        {
            var connection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                using var transaction = connection.BeginTransaction();
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = ScopeSql.Delete;
                ScopeSql.AddParameters(command, scope);
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (StoreFailure.IsStoreFailure(exception))
        {
            throw StoreFailure.Wrap(_database.Path, "reset", exception);
        }

        RaiseChanged(new FlightTasksChangedEventArgs(scope, [], [], isReset: true));
    }

    /// <inheritdoc/>
    public async Task<Dictionary<string, string>> ReadContentHashesAsync(SyncScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return await ScanScopeAsync(scope, ReadContentHashesSql, async (reader, token) =>
        {
            await reader.ReadAsync(token).ConfigureAwait(false);
            var hashes = new Dictionary<string, string>(reader.GetInt32(0), StringComparer.Ordinal);
            await reader.NextResultAsync(token).ConfigureAwait(false);
            while (await reader.ReadAsync(token).ConfigureAwait(false))
            {
                hashes.Add(reader.GetString(0), reader.GetString(1));
            }

            return hashes;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<int> ReadHeldHashesAsync(SyncScope scope, Utf8TextSink addHash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(addHash);
        // Prepared on the handle so that each hash goes over as SQLite's UTF-8 bytes, with no string
        // made of it: 100,000 hashes took 31 ms through the provider's reader, 20 ms so.
        return await ScanAsync((connection, token) =>
        {
            using var statements = RawStatements.Prepare(connection, ReadHashesSql);
            statements.BindText(statements.IndexesOf("$organization"), scope.OrganizationSenteraId);
            statements.BindInt64("$descendants", scope.IncludeDescendantOrganizations ? 1 : 0);
            return Task.FromResult(statements.ReadColumn(0, addHash, token));
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<Dictionary<string, string>> ReadHashesOfAsync(SyncScope scope, PageRows page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(page);
        var held = new Dictionary<string, string>(StringComparer.Ordinal);
        if (page.IsEmpty)
        {
            return held;
        }

        try
        {
            var connection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                using var command = connection.CreateCommand();
                command.CommandText = ReadHashesOfSql;
                ScopeSql.AddParameters(command, scope);
                command.Parameters.AddWithValue("$ids", PageWriter.ToJsonArray(page.Upserted, page.DeletedIds));
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        held.Add(reader.GetString(0), reader.GetString(1));
                    }
                }
            }
        }
        catch (Exception exception) when (StoreFailure.IsStoreFailure(exception))
        {
            throw StoreFailure.Wrap(_database.Path, "read", exception);
        }

        return held;
    }

    /// <summary>Runs one read over a scope's hash index, with the small page cache a single pass needs.</summary>
    private Task<T> ScanScopeAsync<T>(
        SyncScope scope, string sql, Func<SqliteDataReader, CancellationToken, Task<T>> read, CancellationToken cancellationToken) =>
        ScanAsync(async (connection, token) =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            ScopeSql.AddParameters(command, scope);
            var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                return await read(reader, token).ConfigureAwait(false);
            }
        }, cancellationToken);

    /// <summary>
    /// Runs one pass over a scope's rows on a pooled connection whose page cache is kept small
    /// meanwhile (<see cref="FlightTaskDatabase.ScanCachePragma"/>): one pass gains nothing from the
    /// cache, which would otherwise add its 32 MB to the memory of a sync holding many tasks.
    /// </summary>
    private async Task<T> ScanAsync<T>(Func<SqliteConnection, CancellationToken, Task<T>> scan, CancellationToken cancellationToken)
    {
        try
        {
            var connection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                return await FlightTaskDatabase.WithCacheAsync(
                    connection, FlightTaskDatabase.ScanCachePragma, () => scan(connection, cancellationToken), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (StoreFailure.IsStoreFailure(exception))
        {
            throw StoreFailure.Wrap(_database.Path, "read", exception);
        }
    }

    /// <inheritdoc/>
    public async Task<PageWriteResult> ApplyPageAsync(SyncScope scope, PageRows page, SyncClaim? claim = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(page);
        var upserted = page.Upserted;
        var deletedIds = page.DeletedIds;
        cancellationToken.ThrowIfCancellationRequested();

        PageWriteResult result;
        FlightTasksChangedEventArgs changed;
        try
        {
            var generation = _database.FileGeneration;
            var connection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                // Disposed without a commit (failure or cancellation), the transaction rolls back.
                using var transaction = connection.BeginTransaction();
                if (claim is { } held)
                {
                    // Under the write lock: a reset that has committed deleted the claim; one that has not waits for this page.
                    await EnsureClaimedAsync(connection, transaction, scope, held, cancellationToken).ConfigureAwait(false);
                }

                using var writer = await PageWriter.CreateAsync(connection, transaction, scope, _timeProvider.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                // The sync knows how many of the rows it holds (no second pass over the page's ids); another caller has them counted.
                var updated = page.HeldCount ?? await writer.CountHeldAsync(upserted, cancellationToken).ConfigureAwait(false);
                foreach (var row in upserted)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    writer.Upsert(row);
                }

                var deleted = new List<string>(deletedIds.Count);
                foreach (var id in deletedIds)
                {
                    if (await writer.DeleteAsync(id, cancellationToken).ConfigureAwait(false) > 0)
                    {
                        deleted.Add(id);
                    }
                }

                await ApplyPageToLocalViewAsync(connection, transaction, scope, upserted, deletedIds, cancellationToken).ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
                if (claim is { } claimed)
                {
                    await EnsureFileAtPathAsync(scope, claimed, generation, cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                result = new PageWriteResult(upserted.Count - updated, updated, deleted.Count);
                changed = new FlightTasksChangedEventArgs(scope, [.. upserted.Select(t => t.SenteraId)], deleted, isReset: false);
            }
        }
        catch (Exception exception) when (StoreFailure.IsStoreFailure(exception))
        {
            throw StoreFailure.Wrap(_database.Path, "written", exception);
        }

        _database.Checkpoints.PageCommitted(TaskBytes(upserted), _logger);
        RaiseChanged(changed);
        return result;
    }

    private static long TaskBytes(IReadOnlyList<TaskRow> rows)
    {
        long bytes = 0;
        foreach (var row in rows)
        {
            bytes += row.RawJson.Length;
        }

        return bytes;
    }

    private void RaiseChanged(FlightTasksChangedEventArgs change) =>
        IsolatedEventRaiser.Raise(Changed, this, change, exception => StoreLog.ChangedHandlerFailed(_logger, change.Scope, exception));
}
