using FlightTaskSync.Client.Storage.Outbox;

namespace FlightTaskSync.Client.Sync.Push;

/// <summary>What the server's answer says of one entry of a call.</summary>
internal sealed class EntryResult
{
    /// <summary>Stands for the reasons of a refusal the server did not explain.</summary>
    private static readonly PendingEditError UnexplainedRefusal = new() { Key = "rejected", Message = "The server refused the entry without giving a reason." };

    /// <summary>Gets the entry, as it was sent.</summary>
    public required PlannedEntry Entry { get; init; }

    /// <summary>Gets what became of it: applied, rejected or in doubt.</summary>
    public required EditOutcomeKind Kind { get; init; }

    /// <summary>Gets, for an applied create, the id the server gave the task.</summary>
    public string? NewSenteraId { get; init; }

    /// <summary>Gets, for an applied upsert, the task's new content hash.</summary>
    public string? NewContentHash { get; init; }

    /// <summary>Gets, for a rejected entry, the server's reasons (at least one).</summary>
    public IReadOnlyList<PendingEditError> Errors { get; init; } = [];

    public static EntryResult InDoubt(PlannedEntry entry) => new() { Entry = entry, Kind = EditOutcomeKind.InDoubt };

    public static EntryResult Applied(PlannedEntry entry, string? newSenteraId = null, string? newContentHash = null) =>
        new() { Entry = entry, Kind = EditOutcomeKind.Applied, NewSenteraId = newSenteraId, NewContentHash = newContentHash };

    public static EntryResult Rejected(PlannedEntry entry, IReadOnlyList<PendingEditError> errors) =>
        new() { Entry = entry, Kind = EditOutcomeKind.Rejected, Errors = errors.Count > 0 ? errors : [UnexplainedRefusal] };
}
