using System.Text.Json;

namespace FlightTaskSync.Client.Transport;

/// <summary>
/// One request of a generated operation: its document, its name and its variables. The
/// connection writes it as the JSON body <c>{"operationName", "query", "variables"}</c>.
/// </summary>
internal interface IOperationRequest
{
    /// <summary>Gets the operation's name, as in the document.</summary>
    string OperationName { get; }

    /// <summary>Gets the GraphQL document (UTF-8) that holds the operation.</summary>
    ReadOnlySpan<byte> Document { get; }

    /// <summary>
    /// Writes the variables as one JSON object value. Writers of large lists flush
    /// <paramref name="writer"/> as they go, so the body streams instead of growing in memory.
    /// </summary>
    ValueTask WriteVariablesAsync(Utf8JsonWriter writer, CancellationToken cancellationToken);
}
