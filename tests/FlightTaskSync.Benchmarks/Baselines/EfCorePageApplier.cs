using FlightTaskSync.Client;
using Microsoft.EntityFrameworkCore;

namespace FlightTaskSync.Benchmarks.Baselines;

/// <summary>
/// Page apply the way .NET offline-sync libraries built on EF Core do it: a context per page,
/// find each incoming row by key, update it or add it, then one SaveChanges for the page.
/// </summary>
internal sealed class EfCorePageApplier
{
    private readonly DbContextOptions<EfFlightTaskContext> _options;

    public EfCorePageApplier(string databasePath)
    {
        _options = new DbContextOptionsBuilder<EfFlightTaskContext>()
            .UseSqlite($"Data Source={databasePath}")
            .Options;
    }

    public async Task ApplyAsync(SyncScope scope, IReadOnlyList<FlightTask> tasks)
    {
        await using var db = new EfFlightTaskContext(_options);
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var scopeRow = await db.Scopes.SingleOrDefaultAsync(
            s => s.OrganizationSenteraId == scope.OrganizationSenteraId && s.IncludeDescendants == scope.IncludeDescendantOrganizations);
        if (scopeRow is null)
        {
            scopeRow = new EfScopeRow { OrganizationSenteraId = scope.OrganizationSenteraId, IncludeDescendants = scope.IncludeDescendantOrganizations, CreatedAt = now };
            db.Scopes.Add(scopeRow);
            await db.SaveChangesAsync();
        }

        scopeRow.LastPageAt = now;
        foreach (var task in tasks)
        {
            var row = await db.Tasks.FindAsync(scopeRow.ScopeId, task.SenteraId);
            if (row is null)
            {
                row = new EfFlightTaskRow { ScopeId = scopeRow.ScopeId, SenteraId = task.SenteraId };
                db.Tasks.Add(row);
            }

            row.CopyFrom(task, now);
        }

        await db.SaveChangesAsync();
    }
}
