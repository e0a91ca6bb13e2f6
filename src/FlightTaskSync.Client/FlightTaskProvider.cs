namespace FlightTaskSync.Client;

/// <summary>Who flies a flight task, as FieldAgent reports it.</summary>
public enum FlightTaskProvider
{
    /// <summary>A provider this version of the SDK does not know; the task's <see cref="FlightTask.RawJson"/> has the server's text.</summary>
    Unknown = 0,

    /// <summary>The organization flies it itself (<c>SELF</c>).</summary>
    Self,

    /// <summary>Sentera flies it (<c>SENTERA</c>).</summary>
    Sentera,

    /// <summary>FlyGuys flies it (<c>FLY_GUYS</c>).</summary>
    FlyGuys,
}
