namespace FlightTaskSync.Emulator.Data;

/// <summary>A user that tasks reference (created by, assigned to, ...).</summary>
internal sealed record EmulatorUser(string SenteraId, string? Email, string? FirstName, string? LastName)
{
    /// <summary>Stands in for an id that a test gave a task without adding the user itself.</summary>
    public static EmulatorUser Placeholder(string senteraId) => new(senteraId, null, null, null);
}
