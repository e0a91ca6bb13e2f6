using System.Text.Json;

namespace FlightTaskSync.Client.Transport;

/// <summary>Reads the <c>data</c> member of a response into the generated result types of one operation.</summary>
/// <typeparam name="TData">The generated result type.</typeparam>
internal interface IOperationResultParser<out TData>
    where TData : class
{
    /// <summary>
    /// Reads the value of <c>data</c>. <paramref name="reader"/> stands on the value's
    /// <see cref="JsonTokenType.StartObject"/> and is left on its <see cref="JsonTokenType.EndObject"/>.
    /// </summary>
    /// <param name="reader">A reader over the whole body, positioned on the <c>data</c> object.</param>
    /// <param name="json">The whole body that <paramref name="reader"/> reads; result objects keep slices of it.</param>
    /// <exception cref="ResultParseException">The data does not match the operation.</exception>
    TData Parse(ref Utf8JsonReader reader, ReadOnlyMemory<byte> json);

    /// <summary>
    /// Gets whether the results keep slices of the body they were parsed from (the generated
    /// result types keep their raw JSON). The connection reads each body into a pooled buffer it
    /// takes back once the parser returns; a parser that keeps slices is given a copy of its own.
    /// A parser that copies what it keeps says <see langword="false"/>, and reads the pooled buffer.
    /// </summary>
    bool KeepsSlicesOfBody => true;
}
