namespace FlightTaskSync.Benchmarks.Baselines;

/// <summary>A row of <c>sync_scopes</c> as an EF Core entity.</summary>
internal sealed class EfScopeRow
{
    public long ScopeId { get; set; }

    public string OrganizationSenteraId { get; set; } = "";

    public bool IncludeDescendants { get; set; }

    public long CreatedAt { get; set; }

    public long? LastPageAt { get; set; }

    public long? LastCompletedAt { get; set; }
}
