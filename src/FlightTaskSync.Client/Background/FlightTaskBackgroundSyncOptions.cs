using System.ComponentModel.DataAnnotations;

namespace FlightTaskSync.Client;

/// <summary>
/// Settings of the background sync, given to <c>services.AddFlightTaskSyncBackgroundService(options => ...)</c>.
/// </summary>
public sealed class FlightTaskBackgroundSyncOptions
{
    /// <summary>Gets the scopes synced on every round. <see cref="IFlightTaskBackgroundSync.RequestSync(SyncScope)"/> can ask for others.</summary>
    /// <value>The default is no scope; at least one is required (the host does not start without one).</value>
    public IList<SyncScope> Scopes { get; } = [];

    /// <summary>Gets or sets the time between two rounds after a successful one.</summary>
    /// <value>The default value is 15 minutes; from 1 second to 7 days.</value>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Gets or sets how much each wait may vary, as a share of it (0.1: ±10%), so that a fleet of
    /// tablets coming back online together does not sync in lockstep.
    /// </summary>
    /// <value>The default value is 0.1; from 0 to 0.5.</value>
    [Range(0.0, 0.5)]
    public double Jitter { get; set; } = 0.1;

    /// <summary>Gets or sets the wait before the first round after the host starts.</summary>
    /// <value>The default value is zero: sync at once; up to 1 day.</value>
    public TimeSpan InitialDelay { get; set; } = TimeSpan.Zero;

    /// <summary>Gets or sets the wait after a round in which a sync failed; it doubles with each failed round in a row, up to <see cref="MaxBackoff"/>.</summary>
    /// <value>The default value is 30 seconds; from 1 second to 1 day.</value>
    public TimeSpan FailureBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets the longest wait after failed rounds.</summary>
    /// <value>The default value is 1 hour; from 1 second to 7 days.</value>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(1);
}
