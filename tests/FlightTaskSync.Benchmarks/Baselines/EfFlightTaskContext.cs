using System.Text;
using Microsoft.EntityFrameworkCore;

namespace FlightTaskSync.Benchmarks.Baselines;

/// <summary>EF Core over the SDK's own tables (created by the SDK's migrations), column for column.</summary>
internal sealed class EfFlightTaskContext(DbContextOptions<EfFlightTaskContext> options) : DbContext(options)
{
    public DbSet<EfFlightTaskRow> Tasks => Set<EfFlightTaskRow>();

    public DbSet<EfScopeRow> Scopes => Set<EfScopeRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<EfFlightTaskRow>(task =>
        {
            task.ToTable("flight_tasks");
            task.HasKey(t => new { t.ScopeId, t.SenteraId });
        });
        modelBuilder.Entity<EfScopeRow>(scope =>
        {
            scope.ToTable("sync_scopes");
            scope.HasKey(s => s.ScopeId);
        });

        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetProperties()))
        {
            property.SetColumnName(SnakeCase(property.Name));
        }
    }

    private static string SnakeCase(string name)
    {
        var text = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                text.Append('_');
            }

            text.Append(char.ToLowerInvariant(name[i]));
        }

        return text.ToString();
    }
}
