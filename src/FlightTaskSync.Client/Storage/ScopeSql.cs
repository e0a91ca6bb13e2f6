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

    /// <summary>Records that a sync of the scope completed, creating its row if needed.</summary>
    public const string RecordCompleted = """
        INSERT INTO sync_scopes (organization_sentera_id, include_descendants, created_at, last_completed_at)
        VALUES ($organization, $descendants, $now, $completed)
        ON CONFLICT (organization_sentera_id, include_descendants) DO UPDATE SET last_completed_at = excluded.last_completed_at;
        """;

    /// <summary>Deletes the scope's tasks, then its row. (The foreign key would cascade; saying it does not depend on it.)</summary>
    public const string Delete =
        "DELETE FROM flight_tasks WHERE scope_id = " + ScopeIdOf + ";\n" +
        "DELETE FROM sync_scopes WHERE organization_sentera_id = $organization AND include_descendants = $descendants;";

    /// <summary>Binds <c>$organization</c> and <c>$descendants</c>.</summary>
    public static void AddParameters(SqliteCommand command, SyncScope scope)
    {
        command.Parameters.AddWithValue("$organization", scope.OrganizationSenteraId);
        command.Parameters.AddWithValue("$descendants", scope.IncludeDescendantOrganizations);
    }
}
