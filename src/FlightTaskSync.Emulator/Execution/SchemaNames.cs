namespace FlightTaskSync.Emulator.Execution;

/// <summary>The schema's enum value names of the emulator's enums.</summary>
internal static class SchemaNames
{
    public static string Of(EmulatorTaskStatus status) => status switch
    {
        EmulatorTaskStatus.Open => "OPEN",
        EmulatorTaskStatus.InProgress => "IN_PROGRESS",
        EmulatorTaskStatus.FlightCompleted => "FLIGHT_COMPLETED",
        EmulatorTaskStatus.WaitingForUpload => "WAITING_FOR_UPLOAD",
        EmulatorTaskStatus.Completed => "COMPLETED",
        EmulatorTaskStatus.Failed => "FAILED",
        EmulatorTaskStatus.Canceled => "CANCELED",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not a TaskStatus."),
    };

    public static string Of(EmulatorTaskProvider provider) => provider switch
    {
        EmulatorTaskProvider.Self => "SELF",
        EmulatorTaskProvider.Sentera => "SENTERA",
        EmulatorTaskProvider.FlyGuys => "FLY_GUYS",
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Not a TaskProvider."),
    };

    public static string Of(EmulatorTaskType taskType) => taskType switch
    {
        EmulatorTaskType.Flight => "FLIGHT",
        EmulatorTaskType.Scout => "SCOUT",
        _ => throw new ArgumentOutOfRangeException(nameof(taskType), taskType, "Not a TaskType."),
    };

    public static EmulatorTaskProvider ProviderOf(string name) => name switch
    {
        "SELF" => EmulatorTaskProvider.Self,
        "SENTERA" => EmulatorTaskProvider.Sentera,
        "FLY_GUYS" => EmulatorTaskProvider.FlyGuys,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Not a TaskProvider."),
    };
}
