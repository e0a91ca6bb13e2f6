namespace FlightTaskSync.Client.Storage;

/// <summary>
/// Maps the public status and provider enums to the strings the server uses, and back. The store
/// keeps the server's strings, so a value added on the server later survives in the database and
/// is recognised as soon as the SDK learns it.
/// </summary>
internal static class ServerEnumValues
{
    /// <summary>The status strings this version knows: every <see cref="FlightTaskStatus"/> but Unknown.</summary>
    public static IReadOnlyList<string> KnownStatuses { get; } =
        [.. Enum.GetValues<FlightTaskStatus>().Select(ToServer).OfType<string>()];

    /// <summary>Gives the server's string for a known status, or <see langword="null"/> for <see cref="FlightTaskStatus.Unknown"/>.</summary>
    public static string? ToServer(FlightTaskStatus status) => status switch
    {
        FlightTaskStatus.Open => "OPEN",
        FlightTaskStatus.InProgress => "IN_PROGRESS",
        FlightTaskStatus.FlightCompleted => "FLIGHT_COMPLETED",
        FlightTaskStatus.WaitingForUpload => "WAITING_FOR_UPLOAD",
        FlightTaskStatus.Completed => "COMPLETED",
        FlightTaskStatus.Failed => "FAILED",
        FlightTaskStatus.Canceled => "CANCELED",
        _ => null,
    };

    /// <summary>Reads a server status string (exact, case-sensitive); anything else is <see cref="FlightTaskStatus.Unknown"/>.</summary>
    public static FlightTaskStatus ParseStatus(string? value) => value switch
    {
        "OPEN" => FlightTaskStatus.Open,
        "IN_PROGRESS" => FlightTaskStatus.InProgress,
        "FLIGHT_COMPLETED" => FlightTaskStatus.FlightCompleted,
        "WAITING_FOR_UPLOAD" => FlightTaskStatus.WaitingForUpload,
        "COMPLETED" => FlightTaskStatus.Completed,
        "FAILED" => FlightTaskStatus.Failed,
        "CANCELED" => FlightTaskStatus.Canceled,
        _ => FlightTaskStatus.Unknown,
    };

    /// <summary>Gives the server's string for a known provider, or <see langword="null"/> for <see cref="FlightTaskProvider.Unknown"/>.</summary>
    public static string? ToServer(FlightTaskProvider provider) => provider switch
    {
        FlightTaskProvider.Self => "SELF",
        FlightTaskProvider.Sentera => "SENTERA",
        FlightTaskProvider.FlyGuys => "FLY_GUYS",
        _ => null,
    };

    /// <summary>Reads a server provider string (exact, case-sensitive); anything else is <see cref="FlightTaskProvider.Unknown"/>.</summary>
    public static FlightTaskProvider ParseProvider(string? value) => value switch
    {
        "SELF" => FlightTaskProvider.Self,
        "SENTERA" => FlightTaskProvider.Sentera,
        "FLY_GUYS" => FlightTaskProvider.FlyGuys,
        _ => FlightTaskProvider.Unknown,
    };
}
