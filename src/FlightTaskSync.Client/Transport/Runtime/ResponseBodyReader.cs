using System.Buffers;

namespace FlightTaskSync.Client.Transport;

/// <summary>
/// Reads a whole response body once, into one array rented from a pool: sized by the
/// <c>Content-Length</c> when the server sends one, grown (rent twice the size, copy, return the
/// old one) when it does not. Whatever happens the array goes back to its pool: on a failure
/// here, or when the caller disposes the <see cref="PooledBody"/> it got.
/// </summary>
internal static class ResponseBodyReader
{
    private const int InitialSize = 64 * 1024;

    /// <summary>Reads the body, or returns <see langword="null"/> (nothing rented) when it is longer than <paramref name="maxBytes"/>.</summary>
    public static async Task<PooledBody?> ReadAsync(HttpContent content, long maxBytes, ArrayPool<byte> pool, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(pool);
        var declared = content.Headers.ContentLength;
        if (declared > maxBytes)
        {
            return null;
        }

        var size = declared is { } length ? Math.Max(length, 1) : Math.Min(InitialSize, maxBytes);
        byte[]? buffer = pool.Rent((int)Math.Min(size, Array.MaxLength));
        var filled = 0;
        try
        {
            var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                while (true)
                {
                    // A rented array may be longer than asked: never read past the limit.
                    var room = (int)Math.Min(buffer.Length - filled, maxBytes - filled);
                    if (room == 0)
                    {
                        // Full (at the declared length, the limit, or the array's size): one byte
                        // more tells the end from a body that goes on, without growing for nothing.
                        var probe = new byte[1];
                        if (await stream.ReadAsync(probe, cancellationToken).ConfigureAwait(false) == 0)
                        {
                            return Take(ref buffer, filled, pool);
                        }

                        if (filled >= maxBytes)
                        {
                            pool.Return(buffer);
                            buffer = null;
                            return null;
                        }

                        var larger = pool.Rent((int)Math.Min(Math.Min((long)buffer.Length * 2, maxBytes), Array.MaxLength));
                        buffer.AsSpan(0, filled).CopyTo(larger);
                        pool.Return(buffer);
                        buffer = larger;
                        buffer[filled++] = probe[0];
                        continue;
                    }

                    var read = await stream.ReadAsync(buffer.AsMemory(filled, room), cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        return Take(ref buffer, filled, pool);
                    }

                    filled += read;
                }
            }
        }
        finally
        {
            // Set to null once handed over or returned: anything else (an exception) returns it here.
            if (buffer is not null)
            {
                pool.Return(buffer);
            }
        }
    }

    private static PooledBody Take(ref byte[]? buffer, int length, ArrayPool<byte> pool)
    {
        var body = new PooledBody(buffer!, length, pool);
        buffer = null;
        return body;
    }
}

/// <summary>A response body in an array rented from a pool; disposing it returns the array (once).</summary>
internal sealed class PooledBody : IDisposable
{
    private readonly ArrayPool<byte> _pool;
    private byte[]? _buffer;

    public PooledBody(byte[] buffer, int length, ArrayPool<byte> pool)
    {
        _buffer = buffer;
        Length = length;
        _pool = pool;
    }

    /// <summary>Gets the body's length in bytes.</summary>
    public int Length { get; }

    /// <summary>Gets the body; valid until disposed.</summary>
    public ReadOnlyMemory<byte> Memory =>
        (_buffer ?? throw new ObjectDisposedException(nameof(PooledBody))).AsMemory(0, Length);

    /// <inheritdoc/>
    public void Dispose()
    {
        var buffer = Interlocked.Exchange(ref _buffer, null);
        if (buffer is not null)
        {
            _pool.Return(buffer);
        }
    }
}
