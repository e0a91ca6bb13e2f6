using System.Globalization;
using FlightTaskSync.Client.Storage;
using Microsoft.Data.Sqlite;

namespace FlightTaskSync.Client.Tests.Fixtures;

/// <summary>
/// Writes tasks onto a file of an older schema version the way the store of that version did:
/// only the columns every version has (<see cref="FlightTaskColumns.Names"/>), so that today's
/// page writer, which also keeps columns added since, is not needed on an old file.
/// </summary>
internal static class LegacyTaskWriter
{
    public static void Write(SqliteConnection connection, SyncScope scope, DateTimeOffset syncedAt, params FlightTask[] tasks)
    {
        using var transaction = connection.BeginTransaction();
        long scopeId;
        using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = ScopeSql.RecordPage;
            ScopeSql.AddParameters(command, scope);
            command.Parameters.AddWithValue("$now", StoredTime.ToStored(syncedAt));
            scopeId = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        var names = FlightTaskColumns.Names;
        foreach (var task in tasks)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText =
                $"INSERT OR REPLACE INTO flight_tasks (scope_id, {string.Join(", ", names)}) VALUES ($scope_id, {string.Join(", ", names.Select(n => "$" + n))});";
            command.Parameters.AddWithValue("$scope_id", scopeId);
            object?[] values =
            [
                task.SenteraId, task.ContentHash, task.Name, task.StatusValue, ServerEnumValues.ToServer(task.Provider), task.Notes,
                task.OrganizationSenteraId, task.FieldSenteraId, task.PlanSenteraId, task.SurveySenteraId,
                task.AssignedToSenteraId, task.CompletedBySenteraId, task.CreatedBySenteraId, task.UpdatedBySenteraId,
                StoredTime.ToStored(task.CreatedAt), StoredTime.ToStored(task.UpdatedAt), StoredTime.ToStoredOrNull(task.ScheduledAt),
                StoredTime.ToStoredOrNull(task.TargetedAt), StoredTime.ToStoredOrNull(task.DueAt), StoredTime.ToStoredOrNull(task.StartedAt),
                StoredTime.ToStoredOrNull(task.CompletedAt), StoredTime.ToStoredOrNull(task.CanceledAt), task.RawJson, StoredTime.ToStored(syncedAt),
            ];
            for (var i = 0; i < names.Count; i++)
            {
                command.Parameters.AddWithValue("$" + names[i], values[i] ?? DBNull.Value);
            }

            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }
}
