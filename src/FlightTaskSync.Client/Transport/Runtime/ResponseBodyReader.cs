namespace FlightTaskSync.Client.Transport;

/// <summary>
/// Reads a whole response body into one array. Result objects keep slices of it (their raw
/// JSON), so the array is owned by the result and never returned to a pool.
/// </summary>
internal static class ResponseBodyReader
{
    private const int InitialSize = 64 * 1024;

    /// <summary>Reads the body, or returns <see langword="null"/> when it is longer than <paramref name="maxBytes"/>.</summary>
    public static async Task<ReadOnlyMemory<byte>?> ReadAsync(HttpContent content, long maxBytes, CancellationToken cancellationToken)
    {
        var declared = content.Headers.ContentLength;
        if (declared > maxBytes)
        {
            return null;
        }

        var buffer = new byte[declared is { } length ? Math.Max(length, 1) : Math.Min(InitialSize, maxBytes)];
        var filled = 0;
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            while (true)
            {
                if (filled == buffer.Length)
                {
                    if (buffer.Length >= maxBytes)
                    {
                        // Full at the limit: one more byte means too large. (Not a ?: with null:
                        // null would convert to an empty Memory through the array conversion.)
                        var probe = new byte[1];
                        if (await stream.ReadAsync(probe, cancellationToken).ConfigureAwait(false) > 0)
                        {
                            return null;
                        }

                        return buffer.AsMemory(0, filled);
                    }

                    Array.Resize(ref buffer, (int)Math.Min(Math.Min((long)buffer.Length * 2, maxBytes), Array.MaxLength));
                }

                var read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return buffer.AsMemory(0, filled);
                }

                filled += read;
            }
        }
    }
}
