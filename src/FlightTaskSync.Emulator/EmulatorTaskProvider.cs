namespace FlightTaskSync.Emulator;

/// <summary>Who flies an emulated task: the schema's <c>TaskProvider</c> values.</summary>
public enum EmulatorTaskProvider
{
    /// <summary><c>SELF</c>: the organization's own pilots.</summary>
    Self,

    /// <summary><c>SENTERA</c>: flown by Sentera.</summary>
    Sentera,

    /// <summary><c>FLY_GUYS</c>: flown by the Fly Guys network.</summary>
    FlyGuys,
}
