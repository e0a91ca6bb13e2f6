namespace FlightTaskSync.Client.Storage;

/// <summary>
/// Takes one TEXT value as SQLite holds it, UTF-8 bytes valid only during the call: a reader of
/// many values hands each over without making a string of it.
/// </summary>
/// <param name="utf8">The value's bytes; copy them to keep them.</param>
internal delegate void Utf8TextSink(ReadOnlySpan<byte> utf8);
