namespace FlightTaskSync.Emulator;

/// <summary>What the emulator keeps of a deleted flight task, so that clients still holding it hear of the deletion.</summary>
/// <param name="SenteraId">The deleted task's id.</param>
/// <param name="OrganizationSenteraId">The organization the task belonged to.</param>
/// <param name="LastContentHash">The task's content hash when it was deleted. A client that holds this hash, or any earlier hash of the task, is told of the deletion.</param>
/// <param name="DeletedAt">When the task was deleted (from the emulator's <see cref="TimeProvider"/>).</param>
public sealed record EmulatorTombstone(string SenteraId, string OrganizationSenteraId, string LastContentHash, DateTimeOffset DeletedAt);
