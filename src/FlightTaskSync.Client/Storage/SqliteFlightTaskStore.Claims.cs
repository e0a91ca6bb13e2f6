using Microsoft.Data.Sqlite;

namespace FlightTaskSync.Client.Storage;

/// <summary>The store's side of <see cref="SyncClaim"/>: taken when a sync is called, checked before each of its writes.</summary>
internal sealed partial class SqliteFlightTaskStore
{
    /// <inheritdoc/>
    public async Task<SyncClaim> ClaimAsync(SyncScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        try
        {
            var claim = await InsertClaimAsync(scope, cancellationToken).ConfigureAwait(false);
            if (await IsAtPathAsync(scope, claim, cancellationToken).ConfigureAwait(false))
            {
                return claim;
            }

            // The file was replaced while the pool held the old one open: the sync claims the new
            // one instead, rather than failing at its first page.
            _database.FileChanged(claim.FileGeneration);
            return await InsertClaimAsync(scope, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (StoreFailure.IsStoreFailure(exception))
        {
            throw StoreFailure.Wrap(_database.Path, "written", exception);
        }
    }

    private async Task<SyncClaim> InsertClaimAsync(SyncScope scope, CancellationToken cancellationToken)
    {
        var generation = _database.FileGeneration;
        var connection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            command.CommandText = ScopeSql.Claim;
            ScopeSql.AddParameters(command, scope);
            command.Parameters.AddWithValue("$now", StoredTime.ToStored(_timeProvider.GetUtcNow()));
            var id = (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            return new SyncClaim(id, generation);
        }
    }

    /// <inheritdoc/>
    public async Task ReleaseAsync(SyncClaim claim, CancellationToken cancellationToken = default)
    {
        try
        {
            var connection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                using var command = connection.CreateCommand();
                command.CommandText = ScopeSql.Release;
                command.Parameters.AddWithValue("$claim", claim.Id);
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (StoreFailure.IsStoreFailure(exception))
        {
            throw StoreFailure.Wrap(_database.Path, "written", exception);
        }
    }

    /// <summary>Throws <see cref="ScopeClaimLostException"/> unless the claim is still there (inside the write's own transaction).</summary>
    private async Task EnsureClaimedAsync(SqliteConnection connection, SqliteTransaction transaction, SyncScope scope, SyncClaim claim, CancellationToken cancellationToken)
    {
        if (!await IsClaimedAsync(connection, transaction, scope, claim, cancellationToken).ConfigureAwait(false))
        {
            throw ClaimLost(scope, claim);
        }
    }

    /// <summary>
    /// Throws <see cref="ScopeClaimLostException"/> (the file replaced) unless the file at the
    /// database's path holds the claim too: a write on pooled connections may go to a file that was
    /// removed or replaced while they held it open. Called inside the write's transaction, before
    /// its commit, after the claim was found on the write's own connection.
    /// </summary>
    private async Task EnsureFileAtPathAsync(SyncScope scope, SyncClaim claim, long generation, CancellationToken cancellationToken)
    {
        if (!await IsAtPathAsync(scope, claim, cancellationToken).ConfigureAwait(false))
        {
            throw FileGone(scope, generation);
        }
    }

    /// <summary>Tells whether the file at the database's path (not the one pooled connections hold) has the claim.</summary>
    private async Task<bool> IsAtPathAsync(SyncScope scope, SyncClaim claim, CancellationToken cancellationToken)
    {
        var atPath = await _database.OpenFileAtPathAsync(cancellationToken).ConfigureAwait(false);
        if (atPath is null)
        {
            return false;
        }

        await using (atPath.ConfigureAwait(false))
        {
            return await IsClaimedAsync(atPath, null, scope, claim, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The file at the path is not the one this store's connections hold: the next call prepares the one at the path.</summary>
    private ScopeClaimLostException FileGone(SyncScope scope, long generation)
    {
        _database.FileChanged(generation);
        return new($"The database file '{_database.Path}' was removed or replaced while the sync of {scope} ran.") { FileReplaced = true };
    }

    private static async Task<bool> IsClaimedAsync(
        SqliteConnection connection, SqliteTransaction? transaction, SyncScope scope, SyncClaim claim, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = ScopeSql.IsClaimed;
        ScopeSql.AddParameters(command, scope);
        command.Parameters.AddWithValue("$claim", claim.Id);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) == 1;
    }

    /// <summary>The claim is gone: the file was replaced since it was taken, or else the scope was reset.</summary>
    private ScopeClaimLostException ClaimLost(SyncScope scope, SyncClaim claim) =>
        claim.FileGeneration != _database.FileGeneration
            ? new($"The database file '{_database.Path}' was removed or replaced while the sync of {scope} ran.") { FileReplaced = true }
            : new($"The scope {scope} was reset while its sync ran.");
}
