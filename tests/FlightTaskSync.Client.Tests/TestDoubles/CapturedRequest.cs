namespace FlightTaskSync.Client.Tests.TestDoubles;

/// <summary>One request the fake server received.</summary>
internal sealed record CapturedRequest(
    int Index,
    string OrganizationSenteraId,
    bool IncludeDescendants,
    IReadOnlyList<string> ContentHashes,
    IReadOnlyList<string> Authorization,
    DateTimeOffset ReceivedAt,
    string? OperationName);
