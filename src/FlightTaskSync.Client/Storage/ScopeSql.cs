using Microsoft.Data.Sqlite;

namespace FlightTaskSync.Client.Storage;

/// <summary>The SQL that finds or records a <see cref="SyncScope"/> in <c>sync_scopes</c>.</summary>
internal static class ScopeSql
{
    /// <summary>A scalar subquery giving the scope's id (NULL, so matching no task, for a scope never written).</summary>
    public const string ScopeIdOf =
        "(SELECT scope_id FROM sync_scopes WHERE organization_sentera_id = $organization AND include_descendants = $descendants)";

    /// <summary>Records that a page was written to the scope, creating its row if needed; returns the scope's id.</summary>
    public const string RecordPage = """
        INSERT INTO sync_scopes (organization_sentera_id, include_descendants, created_at, last_page_at)
        VALUES ($organization, $descendants, $now, $now)
        ON CONFLICT (organization_sentera_id, include_descendants) DO UPDATE SET last_page_at = excluded.last_page_at
        RETURNING scope_id;
        """;

    /// <summary>
    /// Records that a sync of the scope completed, creating its row if needed: the scope is idle,
    /// its last error is forgotten, and <c>$full</c> (when not NULL) is the end of a full resync.
    /// </summary>
    public const string RecordCompleted = """
        INSERT INTO sync_scopes (organization_sentera_id, include_descendants, created_at, last_completed_at, state, last_full_resync_at)
        VALUES ($organization, $descendants, $now, $completed, 'idle', $full)
        ON CONFLICT (organization_sentera_id, include_descendants) DO UPDATE SET
            last_completed_at = excluded.last_completed_at,
            state = 'idle',
            last_error_kind = 0,
            last_error_message = NULL,
            last_full_resync_at = COALESCE(excluded.last_full_resync_at, last_full_resync_at);
        """;

    /// <summary>Records that a sync of the scope started, creating its row if needed.</summary>
    public const string RecordStarted = """
        INSERT INTO sync_scopes (organization_sentera_id, include_descendants, created_at, state, last_started_at)
        VALUES ($organization, $descendants, $now, 'syncing', $now)
        ON CONFLICT (organization_sentera_id, include_descendants) DO UPDATE SET state = 'syncing', last_started_at = excluded.last_started_at;
        """;

    /// <summary>
    /// Records how a sync of the scope ended without completing: <c>$state</c> is 'failed' (with the
    /// error's kind, a <see cref="SyncErrorKind"/>, and message) or 'idle' (canceled; the last error is kept).
    /// </summary>
    public const string RecordEnded = """
        INSERT INTO sync_scopes (organization_sentera_id, include_descendants, created_at, state, last_failed_at, last_error_kind, last_error_message)
        VALUES ($organization, $descendants, $now, $state, $failed, COALESCE($error_kind, 0), $error_message)
        ON CONFLICT (organization_sentera_id, include_descendants) DO UPDATE SET
            state = excluded.state,
            last_failed_at = COALESCE(excluded.last_failed_at, last_failed_at),
            last_error_kind = COALESCE($error_kind, last_error_kind),
            last_error_message = COALESCE(excluded.last_error_message, last_error_message);
        """;

    /// <summary>Reads the scope's status columns and how many tasks it holds.</summary>
    public const string ReadStatus =
        StatusColumns + ", (SELECT count(*) FROM flight_tasks WHERE flight_tasks.scope_id = sync_scopes.scope_id)" + StatusOfScope;

    /// <summary>
    /// Reads the scope's status columns alone, and NULL for the count: the count scans an index of
    /// the scope's tasks (about 13 ms for 100,000 in a process just started), which a sync's start
    /// need not pay, as the read of the held hashes that follows it counts them.
    /// </summary>
    public const string ReadStatusUncounted = StatusColumns + ", NULL" + StatusOfScope;

    private const string StatusColumns =
        "SELECT state, created_at, last_started_at, last_completed_at, last_failed_at, last_error_kind, last_error_message, last_full_resync_at";

    private const string StatusOfScope = " FROM sync_scopes WHERE organization_sentera_id = $organization AND include_descendants = $descendants;";

    /// <summary>
    /// Deletes the scope's tasks, then its row (the foreign key would cascade; saying it does not
    /// depend on it), and the claims of its syncs, so that none of them writes anything more.
    /// </summary>
    public const string Delete =
        "DELETE FROM flight_tasks WHERE scope_id = " + ScopeIdOf + ";\n" +
        "DELETE FROM sync_scopes WHERE organization_sentera_id = $organization AND include_descendants = $descendants;\n" +
        "DELETE FROM sync_claims WHERE organization_sentera_id = $organization AND include_descendants = $descendants;";

    /// <summary>Takes a claim for a sync of the scope (a random id: never one a reset deleted); returns its id.</summary>
    public const string Claim = """
        INSERT INTO sync_claims (claim_id, organization_sentera_id, include_descendants, claimed_at)
        VALUES (random(), $organization, $descendants, $now)
        RETURNING claim_id;
        """;

    /// <summary>Tells whether the claim <c>$claim</c> of the scope is still there (1) or not (0).</summary>
    public const string IsClaimed =
        "SELECT EXISTS (SELECT 1 FROM sync_claims WHERE claim_id = $claim AND organization_sentera_id = $organization AND include_descendants = $descendants);";

    /// <summary>Lets the claim <c>$claim</c> go.</summary>
    public const string Release = "DELETE FROM sync_claims WHERE claim_id = $claim;";

    /// <summary>Binds <c>$organization</c> and <c>$descendants</c>.</summary>
    public static void AddParameters(SqliteCommand command, SyncScope scope)
    {
        command.Parameters.AddWithValue("$organization", scope.OrganizationSenteraId);
        command.Parameters.AddWithValue("$descendants", scope.IncludeDescendantOrganizations);
    }
}
