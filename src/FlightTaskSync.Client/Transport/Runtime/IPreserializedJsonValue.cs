using System.Text.Json;

namespace FlightTaskSync.Client.Transport;

/// <summary>
/// A list variable value that keeps its own JSON text, for values sent again and again and too
/// large to write element by element each time (the held content hashes: 2 MB at 100,000).
/// Generated variables look for it on every list variable: <c>Validate()</c> skips its elements
/// (it checked them as it took them in) and <c>WriteAsync</c> lets it write itself.
/// </summary>
internal interface IPreserializedJsonValue
{
    /// <summary>Writes the whole value (one JSON array) at the writer's position.</summary>
    /// <param name="writer">The writer, standing where a value is expected.</param>
    /// <param name="cancellationToken">Cancels the flushes of a large value.</param>
    /// <returns>A task that completes when the value is written.</returns>
    ValueTask WriteJsonAsync(Utf8JsonWriter writer, CancellationToken cancellationToken);
}
