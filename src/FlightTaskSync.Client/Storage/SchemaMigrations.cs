namespace FlightTaskSync.Client.Storage;

/// <summary>
/// Every schema version the store knows, oldest first. Append only: a released step is never
/// edited, and no step drops data (a column or table that goes away is copied first).
/// </summary>
internal static class SchemaMigrations
{
    /// <summary>The steps, in version order (1, 2, ...).</summary>
    public static IReadOnlyList<SchemaMigration> All { get; } =
    [
        // flight_tasks keeps its rowid: with raw JSON of about 1 KB a row, a WITHOUT ROWID table
        // measured 2.5x slower to fill, 2.5x slower to read the hashes of, and 3x larger on disk
        // (100,000 tasks: 11.4 s vs 4.6 s, 0.7 s vs 0.27 s, 489 MB vs 165 MB).
        new(1, "Create the scope and task tables", """
            CREATE TABLE sync_scopes (
                scope_id INTEGER PRIMARY KEY,
                organization_sentera_id TEXT NOT NULL,
                include_descendants INTEGER NOT NULL,
                created_at INTEGER NOT NULL,
                last_page_at INTEGER,
                last_completed_at INTEGER,
                UNIQUE (organization_sentera_id, include_descendants)
            );

            CREATE TABLE flight_tasks (
                scope_id INTEGER NOT NULL REFERENCES sync_scopes (scope_id) ON DELETE CASCADE,
                sentera_id TEXT NOT NULL,
                content_hash TEXT NOT NULL,
                name TEXT NOT NULL,
                status TEXT NOT NULL,
                provider TEXT,
                notes TEXT,
                organization_sentera_id TEXT,
                field_sentera_id TEXT,
                plan_sentera_id TEXT,
                survey_sentera_id TEXT,
                assigned_to_sentera_id TEXT,
                completed_by_sentera_id TEXT,
                created_by_sentera_id TEXT NOT NULL,
                updated_by_sentera_id TEXT,
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL,
                scheduled_at INTEGER,
                targeted_at INTEGER,
                due_at INTEGER,
                started_at INTEGER,
                completed_at INTEGER,
                canceled_at INTEGER,
                raw_json TEXT NOT NULL,
                synced_at INTEGER NOT NULL,
                PRIMARY KEY (scope_id, sentera_id)
            );
            """),

        // The primary key already serves lookups by id and the hash read of a scope; these serve
        // the filters and orders of ListAsync. Each ends with sentera_id, the tie-break.
        new(2, "Index the columns tasks are listed by", """
            CREATE INDEX ix_flight_tasks_status ON flight_tasks (scope_id, status, updated_at, sentera_id);
            CREATE INDEX ix_flight_tasks_updated_at ON flight_tasks (scope_id, updated_at, sentera_id);
            CREATE INDEX ix_flight_tasks_targeted_at ON flight_tasks (scope_id, targeted_at, sentera_id);
            CREATE INDEX ix_flight_tasks_field ON flight_tasks (scope_id, field_sentera_id);
            CREATE INDEX ix_flight_tasks_assigned_to ON flight_tasks (scope_id, assigned_to_sentera_id);
            CREATE INDEX ix_flight_tasks_organization ON flight_tasks (scope_id, organization_sentera_id);
            """),

        // The sync status of each scope survives a restart: what state the last sync left, when
        // it failed and why (exception type and message; never a token), and when the last full
        // resync ended. A scope row written before this version reads as idle.
        new(3, "Keep each scope's sync status", """
            ALTER TABLE sync_scopes ADD COLUMN state TEXT NOT NULL DEFAULT 'idle';
            ALTER TABLE sync_scopes ADD COLUMN last_started_at INTEGER;
            ALTER TABLE sync_scopes ADD COLUMN last_failed_at INTEGER;
            ALTER TABLE sync_scopes ADD COLUMN last_error_type TEXT;
            ALTER TABLE sync_scopes ADD COLUMN last_error_message TEXT;
            ALTER TABLE sync_scopes ADD COLUMN last_full_resync_at INTEGER;
            """),

        // Every sync starts by reading the scope's (sentera_id, content_hash) pairs. Through the
        // primary key alone that visits each task's row (about 1.5 KB with its raw JSON) in id
        // order; this index holds both columns, so the read stays inside it. Measured with
        // 100,000 tasks held: a no-change sync 774 ms -> 214 ms; a page of 2,000 new tasks pays
        // one more index entry per row (docs/performance.md).
        new(4, "Index each scope's content hashes by id for the sync's hash read", """
            CREATE INDEX ix_flight_tasks_hashes ON flight_tasks (scope_id, sentera_id, content_hash);
            """),

        // Marks the file as the store's (DatabaseFileOwnership): from here on a file without the
        // mark is another application's, and is refused untouched. 1179931467 is 0x4654534B.
        // A scope's last error is kept as a SyncErrorKind (its number) instead of an exception's
        // type name, which a renamed class would have broken: the names stored before are turned
        // into their kinds; last_error_type keeps them as they were and is no longer written or read.
        // sync_claims holds a row per sync called and not yet ended (SyncClaim): a reset deletes its
        // scope's rows, and a sync whose row is gone writes nothing more.
        new(5, "Mark the file as FlightTaskSync's; keep each scope's last error as a SyncErrorKind; claims of running syncs", """
            PRAGMA application_id = 1179931467;
            ALTER TABLE sync_scopes ADD COLUMN last_error_kind INTEGER NOT NULL DEFAULT 0;
            UPDATE sync_scopes SET last_error_kind = CASE last_error_type
                WHEN 'FlightTaskSyncUnavailableException' THEN 1
                WHEN 'FlightTaskSyncAuthenticationException' THEN 2
                WHEN 'FlightTaskSyncRejectedException' THEN 3
                WHEN 'FlightTaskSyncInvalidResponseException' THEN 4
                WHEN 'FlightTaskSyncStalledException' THEN 5
                WHEN 'FlightTaskStoreException' THEN 6
                ELSE 8 END
            WHERE last_error_type IS NOT NULL;

            CREATE TABLE sync_claims (
                claim_id INTEGER PRIMARY KEY,
                organization_sentera_id TEXT NOT NULL,
                include_descendants INTEGER NOT NULL,
                claimed_at INTEGER NOT NULL
            );
            CREATE INDEX ix_sync_claims_scope ON sync_claims (organization_sentera_id, include_descendants);
            """),

        // Offline edits (SqliteFlightTaskStore.Outbox / .LocalView). flight_tasks holds each scope's
        // local view, materialized, so reads keep their indexes: has_pending_edits marks a task with
        // queued edits; first_held_at is when a pull first inserted the row (kept by later writes;
        // a row written before this version falls back to its synced_at). pulled_rows holds the
        // server's row as last pulled for every task whose local view differs from it (edited,
        // hidden by a delete); outbox_edits the queue (AUTOINCREMENT: ids only grow, across scopes
        // and restarts; state 3 marks an applied edit the view shows until a pull brings the task);
        // own_content_hashes the hash this client's own applied push gave a task (NULL: take the
        // next hash a pull brings). All three go with their scope (a reset is a sign-out).
        new(6, "Offline edits: the outbox, the server rows under local views, own hashes, first-held times", """
            ALTER TABLE flight_tasks ADD COLUMN has_pending_edits INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE flight_tasks ADD COLUMN first_held_at INTEGER;

            CREATE TABLE pulled_rows (
                scope_id INTEGER NOT NULL REFERENCES sync_scopes (scope_id) ON DELETE CASCADE,
                sentera_id TEXT NOT NULL,
                content_hash TEXT NOT NULL,
                name TEXT NOT NULL,
                status TEXT NOT NULL,
                provider TEXT,
                notes TEXT,
                organization_sentera_id TEXT,
                field_sentera_id TEXT,
                plan_sentera_id TEXT,
                survey_sentera_id TEXT,
                assigned_to_sentera_id TEXT,
                completed_by_sentera_id TEXT,
                created_by_sentera_id TEXT NOT NULL,
                updated_by_sentera_id TEXT,
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL,
                scheduled_at INTEGER,
                targeted_at INTEGER,
                due_at INTEGER,
                started_at INTEGER,
                completed_at INTEGER,
                canceled_at INTEGER,
                raw_json TEXT NOT NULL,
                synced_at INTEGER NOT NULL,
                first_held_at INTEGER NOT NULL,
                PRIMARY KEY (scope_id, sentera_id)
            );

            CREATE TABLE outbox_edits (
                edit_id INTEGER PRIMARY KEY AUTOINCREMENT,
                scope_id INTEGER NOT NULL REFERENCES sync_scopes (scope_id) ON DELETE CASCADE,
                task_id TEXT NOT NULL,
                kind INTEGER NOT NULL,
                state INTEGER NOT NULL,
                made_at INTEGER NOT NULL,
                base_content_hash TEXT,
                changes TEXT,
                base_values TEXT,
                new_task TEXT,
                first_sent_at INTEGER,
                errors TEXT
            );
            CREATE INDEX ix_outbox_edits_task ON outbox_edits (scope_id, task_id);

            CREATE TABLE own_content_hashes (
                scope_id INTEGER NOT NULL REFERENCES sync_scopes (scope_id) ON DELETE CASCADE,
                sentera_id TEXT NOT NULL,
                content_hash TEXT,
                PRIMARY KEY (scope_id, sentera_id)
            );
            """),
    ];

    /// <summary>The newest version this build knows.</summary>
    public static int LatestVersion => All[^1].Version;
}
