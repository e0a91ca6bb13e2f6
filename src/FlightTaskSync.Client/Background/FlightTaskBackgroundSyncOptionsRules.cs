using Microsoft.Extensions.Options;

namespace FlightTaskSync.Client.Background;

/// <summary>
/// The checks of <see cref="FlightTaskBackgroundSyncOptions"/> beyond its range attributes: at least
/// one scope, and the time spans (checked here, not by attributes, which would need reflection).
/// </summary>
internal sealed class FlightTaskBackgroundSyncOptionsRules : IValidateOptions<FlightTaskBackgroundSyncOptions>
{
    private const string Type = nameof(FlightTaskBackgroundSyncOptions);

    public ValidateOptionsResult Validate(string? name, FlightTaskBackgroundSyncOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.Scopes.Count == 0)
        {
            failures.Add($"{Type}.Scopes is empty: add the scopes to sync in the background, e.g. o.Scopes.Add(new SyncScope(organizationSenteraId)).");
        }
        else if (options.Scopes.Any(scope => scope is null))
        {
            failures.Add($"{Type}.Scopes holds a null scope: add SyncScope instances only.");
        }

        FlightTaskSyncOptionsRules.CheckRange(failures, nameof(options.Interval), options.Interval, TimeSpan.FromSeconds(1), TimeSpan.FromDays(7), Type);
        FlightTaskSyncOptionsRules.CheckRange(failures, nameof(options.InitialDelay), options.InitialDelay, TimeSpan.Zero, TimeSpan.FromDays(1), Type);
        FlightTaskSyncOptionsRules.CheckRange(failures, nameof(options.FailureBackoff), options.FailureBackoff, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1), Type);
        FlightTaskSyncOptionsRules.CheckRange(failures, nameof(options.MaxBackoff), options.MaxBackoff, TimeSpan.FromSeconds(1), TimeSpan.FromDays(7), Type);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
