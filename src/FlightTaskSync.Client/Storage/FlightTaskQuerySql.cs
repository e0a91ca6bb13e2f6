using System.Text;
using Microsoft.Data.Sqlite;

namespace FlightTaskSync.Client.Storage;

/// <summary>
/// Turns a <see cref="FlightTaskQuery"/> into SQL: filters as parameters, the order from a fixed
/// list of columns, never a value written into the text.
/// </summary>
internal static class FlightTaskQuerySql
{
    /// <summary>Checks the query's page and enum values.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Skip or Take is negative, or an enum value is not defined.</exception>
    public static void Validate(FlightTaskQuery query, string parameterName)
    {
        if (query.Skip < 0)
        {
            throw new ArgumentOutOfRangeException(parameterName, query.Skip, "FlightTaskQuery.Skip must be 0 or more.");
        }

        if (query.Take < 0)
        {
            throw new ArgumentOutOfRangeException(parameterName, query.Take, "FlightTaskQuery.Take must be 0 or more: the most tasks to list.");
        }

        if (query.Status is { } status && !Enum.IsDefined(status))
        {
            throw new ArgumentOutOfRangeException(parameterName, status, "FlightTaskQuery.Status must be a defined FlightTaskStatus, or null for any.");
        }

        if (!Enum.IsDefined(query.OrderBy))
        {
            throw new ArgumentOutOfRangeException(parameterName, query.OrderBy, "FlightTaskQuery.OrderBy must be a defined FlightTaskOrder.");
        }
    }

    /// <summary>Sets the command to select the scope's tasks that match, ordered and paged, with their raw JSON only when asked for.</summary>
    public static void SetList(SqliteCommand command, SyncScope scope, FlightTaskQuery query)
    {
        var columns = query.IncludeRawJson ? FlightTaskColumns.SelectList : FlightTaskColumns.SelectListWithoutRawJson;
        var sql = new StringBuilder("SELECT ").Append(columns).Append(" FROM flight_tasks");
        AppendWhere(sql, command, scope, query);
        var direction = query.Descending ? " DESC" : " ASC";
        sql.Append(" ORDER BY ").Append(OrderColumn(query.OrderBy)).Append(direction).Append(", sentera_id").Append(direction);
        sql.Append(" LIMIT $take OFFSET $skip");
        command.Parameters.AddWithValue("$take", query.Take);
        command.Parameters.AddWithValue("$skip", query.Skip);
        command.CommandText = sql.Append(';').ToString();
    }

    /// <summary>Sets the command to count the scope's tasks that match the query's filters.</summary>
    public static void SetCount(SqliteCommand command, SyncScope scope, FlightTaskQuery query)
    {
        var sql = new StringBuilder("SELECT count(*) FROM flight_tasks");
        AppendWhere(sql, command, scope, query);
        command.CommandText = sql.Append(';').ToString();
    }

    private static void AppendWhere(StringBuilder sql, SqliteCommand command, SyncScope scope, FlightTaskQuery query)
    {
        sql.Append(" WHERE scope_id = ").Append(ScopeSql.ScopeIdOf);
        ScopeSql.AddParameters(command, scope);

        if (query.Status is { } status)
        {
            AppendStatus(sql, command, status);
        }

        AppendEquals(sql, command, "organization_sentera_id", query.OrganizationSenteraId);
        AppendEquals(sql, command, "field_sentera_id", query.FieldSenteraId);
        AppendEquals(sql, command, "assigned_to_sentera_id", query.AssignedToSenteraId);
    }

    private static void AppendStatus(StringBuilder sql, SqliteCommand command, FlightTaskStatus status)
    {
        if (ServerEnumValues.ToServer(status) is { } text)
        {
            sql.Append(" AND status = $status");
            command.Parameters.AddWithValue("$status", text);
            return;
        }

        // Unknown: every status this version has no name for.
        var known = ServerEnumValues.KnownStatuses;
        sql.Append(" AND status NOT IN (");
        for (var i = 0; i < known.Count; i++)
        {
            var name = "$known" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            sql.Append(i == 0 ? "" : ", ").Append(name);
            command.Parameters.AddWithValue(name, known[i]);
        }

        sql.Append(')');
    }

    private static void AppendEquals(StringBuilder sql, SqliteCommand command, string column, string? value)
    {
        if (value is null)
        {
            return;
        }

        // The column names come from the three constant call sites above.
        sql.Append(" AND ").Append(column).Append(" = $").Append(column);
        command.Parameters.AddWithValue("$" + column, value);
    }

    private static string OrderColumn(FlightTaskOrder order) => order switch
    {
        FlightTaskOrder.UpdatedAt => "updated_at",
        FlightTaskOrder.Name => "name",
        FlightTaskOrder.TargetedAt => "targeted_at",
        FlightTaskOrder.ScheduledAt => "scheduled_at",
        FlightTaskOrder.CreatedAt => "created_at",
        _ => throw new ArgumentOutOfRangeException(nameof(order), order, "Not a FlightTaskOrder."),
    };
}
