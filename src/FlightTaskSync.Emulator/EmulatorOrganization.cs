namespace FlightTaskSync.Emulator;

/// <summary>An organization held by the emulator.</summary>
/// <param name="SenteraId">The organization's id, of the real shape (<c>xxxxxxx_OR_...</c>).</param>
/// <param name="Name">A display name.</param>
/// <param name="ParentSenteraId">The parent organization, or <see langword="null"/> for a root.</param>
public sealed record EmulatorOrganization(string SenteraId, string Name, string? ParentSenteraId);
