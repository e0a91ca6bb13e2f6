using Microsoft.Extensions.Options;

namespace FlightTaskSync.Client.Background;

/// <summary>Checks the attributes of <see cref="FlightTaskBackgroundSyncOptions"/> (generated at build time, no reflection).</summary>
[OptionsValidator]
internal sealed partial class FlightTaskBackgroundSyncOptionsValidator : IValidateOptions<FlightTaskBackgroundSyncOptions>
{
}
