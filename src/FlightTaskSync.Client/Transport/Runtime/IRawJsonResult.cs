namespace FlightTaskSync.Client.Transport;

/// <summary>
/// A generated result object that keeps the exact JSON the server sent for it, so that a
/// consumer can store it whole (fields it does not model yet included) without re-serializing.
/// </summary>
internal interface IRawJsonResult
{
    /// <summary>Gets the UTF-8 JSON of this object, a slice of the response body.</summary>
    ReadOnlyMemory<byte> RawJson { get; }
}
