using System.Buffers;

namespace FlightTaskSync.Client.Tests.TestDoubles;

/// <summary>An array pool that hands out fresh arrays and tracks which are still out (not returned).</summary>
internal sealed class CountingArrayPool : ArrayPool<byte>
{
    private readonly HashSet<byte[]> _out = new(ReferenceEqualityComparer.Instance);
    private readonly object _gate = new();

    /// <summary>Gets how many arrays were rented in all.</summary>
    public int Rented { get; private set; }

    /// <summary>Gets how many rented arrays have not come back.</summary>
    public int Outstanding
    {
        get
        {
            lock (_gate)
            {
                return _out.Count;
            }
        }
    }

    public override byte[] Rent(int minimumLength)
    {
        var array = new byte[minimumLength];
        lock (_gate)
        {
            _out.Add(array);
            Rented++;
        }

        return array;
    }

    public override void Return(byte[] array, bool clearArray = false)
    {
        lock (_gate)
        {
            if (!_out.Remove(array))
            {
                throw new InvalidOperationException("An array was returned twice, or was never rented here.");
            }
        }

        // A returned array must not be read again: scribble over it, so a reader would see garbage.
        Array.Fill(array, (byte)'#');
    }
}
