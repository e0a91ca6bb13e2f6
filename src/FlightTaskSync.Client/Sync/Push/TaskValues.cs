using System.Globalization;
using FlightTaskSync.Client.Storage;

namespace FlightTaskSync.Client.Sync.Push;

/// <summary>Reads, compares and shows the editable properties of a task as the server holds it.</summary>
internal static class TaskValues
{
    /// <summary>
    /// How far apart two dates may be and still be the same value: the server may keep fewer
    /// fractional digits than were sent (the emulator keeps whole seconds of its own stamps).
    /// </summary>
    public static readonly TimeSpan DateTolerance = TimeSpan.FromSeconds(1);

    /// <summary>Reads a property of a task; false for one the task model does not carry (<see cref="FlightTaskProperty.AssignedToEmail"/>).</summary>
    public static bool TryGet(FlightTask task, FlightTaskProperty property, out object? value)
    {
        ArgumentNullException.ThrowIfNull(task);
        value = property switch
        {
            FlightTaskProperty.Name => task.Name,
            FlightTaskProperty.Notes => task.Notes,
            FlightTaskProperty.FieldSenteraId => task.FieldSenteraId,
            FlightTaskProperty.PlanSenteraId => task.PlanSenteraId,
            FlightTaskProperty.SurveySenteraId => task.SurveySenteraId,
            FlightTaskProperty.Provider => task.Provider,
            FlightTaskProperty.AssignedToSenteraId => task.AssignedToSenteraId,
            FlightTaskProperty.CompletedBySenteraId => task.CompletedBySenteraId,
            FlightTaskProperty.ScheduledAt => task.ScheduledAt,
            FlightTaskProperty.TargetedAt => task.TargetedAt,
            FlightTaskProperty.DueAt => task.DueAt,
            FlightTaskProperty.StartedAt => task.StartedAt,
            FlightTaskProperty.CompletedAt => task.CompletedAt,
            FlightTaskProperty.CanceledAt => task.CanceledAt,
            _ => null,
        };
        return property != FlightTaskProperty.AssignedToEmail;
    }

    /// <summary>
    /// Tells whether two values of a property are the same: strings ordinally, dates within
    /// <see cref="DateTolerance"/>, a provider set to null (the server's default) as <see cref="FlightTaskProvider.Self"/>.
    /// </summary>
    public static bool Same(FlightTaskProperty property, object? left, object? right)
    {
        if (property == FlightTaskProperty.Provider)
        {
            return (left as FlightTaskProvider? ?? FlightTaskProvider.Self) == (right as FlightTaskProvider? ?? FlightTaskProvider.Self);
        }

        return (left, right) switch
        {
            (null, null) => true,
            (DateTimeOffset a, DateTimeOffset b) => (a - b).Duration() < DateTolerance,
            (string a, string b) => string.Equals(a, b, StringComparison.Ordinal),
            _ => Equals(left, right),
        };
    }

    /// <summary>Shows a value as text: dates in ISO 8601 UTC, providers as the server names them.</summary>
    public static string? Text(object? value) => value switch
    {
        null => null,
        DateTimeOffset date => date.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFF'Z'", CultureInfo.InvariantCulture),
        FlightTaskProvider provider => ServerEnumValues.ToServer(provider) ?? provider.ToString(),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };
}
