namespace FlightTaskSync.Tests.Shared;

/// <summary>
/// A memory stream that counts the writes it receives (each flush of a JSON writer is one), to see
/// that a writer streams. One source, linked into each test project that needs it.
/// </summary>
internal sealed class WriteCountingStream : MemoryStream
{
    public int WriteCount { get; private set; }

    public override void Write(byte[] buffer, int offset, int count)
    {
        WriteCount++;
        base.Write(buffer, offset, count);
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        WriteCount++;
        base.Write(buffer);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        WriteCount++;
        return base.WriteAsync(buffer, offset, count, cancellationToken);
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        WriteCount++;
        return base.WriteAsync(buffer, cancellationToken);
    }
}
