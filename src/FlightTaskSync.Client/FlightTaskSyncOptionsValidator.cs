using Microsoft.Extensions.Options;

namespace FlightTaskSync.Client;

/// <summary>Checks the attributes of <see cref="FlightTaskSyncOptions"/> (generated at build time, no reflection).</summary>
[OptionsValidator]
internal sealed partial class FlightTaskSyncOptionsValidator : IValidateOptions<FlightTaskSyncOptions>
{
}
