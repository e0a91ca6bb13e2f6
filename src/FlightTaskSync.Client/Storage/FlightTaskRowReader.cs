using Microsoft.Data.Sqlite;

namespace FlightTaskSync.Client.Storage;

/// <summary>Turns a row selected with <see cref="FlightTaskColumns.SelectList"/> (or its list without the raw JSON) into a <see cref="FlightTask"/>.</summary>
internal static class FlightTaskRowReader
{
    /// <summary>Reads the reader's current row.</summary>
    public static FlightTask Read(SqliteDataReader row)
    {
        var statusValue = row.GetString(3);
        return new FlightTask
        {
            SenteraId = row.GetString(0),
            ContentHash = row.GetString(1),
            Name = row.GetString(2),
            Status = ServerEnumValues.ParseStatus(statusValue),
            StatusValue = statusValue,
            Provider = ServerEnumValues.ParseProvider(TextOrNull(row, 4)),
            Notes = TextOrNull(row, 5),
            OrganizationSenteraId = TextOrNull(row, 6),
            FieldSenteraId = TextOrNull(row, 7),
            PlanSenteraId = TextOrNull(row, 8),
            SurveySenteraId = TextOrNull(row, 9),
            AssignedToSenteraId = TextOrNull(row, 10),
            CompletedBySenteraId = TextOrNull(row, 11),
            CreatedBySenteraId = row.GetString(12),
            UpdatedBySenteraId = TextOrNull(row, 13),
            CreatedAt = StoredTime.FromStored(row.GetInt64(14)),
            UpdatedAt = StoredTime.FromStored(row.GetInt64(15)),
            ScheduledAt = TimeOrNull(row, 16),
            TargetedAt = TimeOrNull(row, 17),
            DueAt = TimeOrNull(row, 18),
            StartedAt = TimeOrNull(row, 19),
            CompletedAt = TimeOrNull(row, 20),
            CanceledAt = TimeOrNull(row, 21),
            RawJson = TextOrNull(row, 22),
            SyncedAt = StoredTime.FromStored(row.GetInt64(23)),
            HasPendingEdits = row.FieldCount > FlightTaskColumns.HasPendingEditsOrdinal && row.GetInt64(FlightTaskColumns.HasPendingEditsOrdinal) != 0,
        };
    }

    private static string? TextOrNull(SqliteDataReader row, int ordinal) => row.IsDBNull(ordinal) ? null : row.GetString(ordinal);

    private static DateTimeOffset? TimeOrNull(SqliteDataReader row, int ordinal) =>
        row.IsDBNull(ordinal) ? null : StoredTime.FromStored(row.GetInt64(ordinal));
}
