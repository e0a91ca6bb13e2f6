using System.Buffers;
using System.Collections;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace FlightTaskSync.Client.Transport;

/// <summary>
/// A list of strings kept as the JSON array a request sends (<c>["a","b",...]</c>), built by
/// appending. Sending it copies the text instead of writing each string again: a request with
/// 100,000 content hashes costs about what copying its 2 MB costs. Reading an element decodes
/// it from the text, so the list is also an ordinary (slower) <see cref="IReadOnlyList{T}"/>.
/// Not thread-safe: change it only while no request is being written from it.
/// </summary>
internal sealed class JsonStringList : IReadOnlyList<string>, IPreserializedJsonValue
{
    /// <summary>
    /// The most bytes handed to the writer at once (then flushed): few flushes beside the copy, and
    /// a chunk small enough to stay in the processor's cache between the two copies (list, stream).
    /// </summary>
    public const int ChunkBytes = 65536;

    private const ulong FnvOffset = 14695981039346656037;
    private const ulong FnvPrime = 1099511628211;

    // Printable ASCII but the quote and the backslash: copied into JSON as it is.
    private const string Plain = " !#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~";
    private static readonly SearchValues<char> PlainCharacters = SearchValues.Create(Plain);
    private static readonly SearchValues<byte> PlainBytes = SearchValues.Create(Encoding.ASCII.GetBytes(Plain));

    private byte[] _json;
    private int _length;
    private int[] _starts;
    private int _count;

    /// <summary>Creates an empty list with room for <paramref name="capacity"/> strings of about 16 characters.</summary>
    public JsonStringList(int capacity = 16)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _starts = new int[Math.Max(capacity, 4)];
        _json = new byte[Math.Max(capacity, 4) * 20];
        _json[0] = (byte)'[';
        _length = 1;
    }

    /// <summary>Gets the number of strings.</summary>
    public int Count => _count;

    /// <summary>Gets the bytes of the array's JSON text, brackets included.</summary>
    public int JsonLength => _length + 1;

    /// <summary>Gets a string, decoded from the text (an allocation each time).</summary>
    public string this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _count);
            var end = index + 1 < _count ? _starts[index + 1] - 1 : _length;
            var reader = new Utf8JsonReader(_json.AsSpan(_starts[index], end - _starts[index]));
            reader.Read();
            return reader.GetString()!;
        }
    }

    /// <summary>Appends a string, written as a JSON string once, here.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null: JSON lists of this kind hold no nulls.</exception>
    public void Add(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.AsSpan().IndexOfAnyExcept(PlainCharacters) < 0)
        {
            var start = StartElement(value.Length);
            _length += Encoding.ASCII.GetBytes(value, _json.AsSpan(start));
        }
        else
        {
            var encoded = JsonEncodedText.Encode(value, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).EncodedUtf8Bytes;
            var start = StartElement(encoded.Length);
            encoded.CopyTo(_json.AsSpan(start));
            _length += encoded.Length;
        }

        _json[_length++] = (byte)'"';
    }

    /// <summary>
    /// Appends a string given as UTF-8 bytes, written as a JSON string once, here: copied as they
    /// are when they need no escaping (a content hash, say), else decoded and written as
    /// <see cref="Add(string)"/> writes it (invalid UTF-8 then reads as U+FFFD).
    /// </summary>
    public void AddUtf8(ReadOnlySpan<byte> value)
    {
        if (value.IndexOfAnyExcept(PlainBytes) >= 0)
        {
            Add(Encoding.UTF8.GetString(value));
            return;
        }

        // Started first: it may replace _json with a larger array.
        var start = StartElement(value.Length);
        value.CopyTo(_json.AsSpan(start));
        _length += value.Length;
        _json[_length++] = (byte)'"';
    }

    /// <summary>
    /// Removes one occurrence of each of <paramref name="values"/> (a value given twice removes two;
    /// a value not in the list removes nothing), keeping the others in their order. The text is
    /// compacted in place, one pass over it: each element's bytes are hashed as they stand, and
    /// only an element whose hash is one of the values' is decoded and compared, so no string is
    /// made for an element kept.
    /// </summary>
    /// <returns>How many strings were removed.</returns>
    public int RemoveEach(IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var toRemove = new Dictionary<string, int>(StringComparer.Ordinal);
        var hashes = new Dictionary<ulong, int>();
        var pending = 0;
        foreach (var value in values)
        {
            ArgumentNullException.ThrowIfNull(value, nameof(values));
            CollectionsMarshal.GetValueRefOrAddDefault(toRemove, value, out _)++;
            CollectionsMarshal.GetValueRefOrAddDefault(hashes, HashOfElementText(value), out _)++;
            pending++;
        }

        if (pending == 0 || _count == 0)
        {
            return 0;
        }

        var write = 1;
        var kept = 0;
        var removed = 0;
        for (var i = 0; i < _count; i++)
        {
            var start = _starts[i];
            var end = i + 1 < _count ? _starts[i + 1] - 1 : _length;
            var element = _json.AsSpan(start, end - start);
            if (pending > 0 && TakeOne(element, toRemove, hashes))
            {
                pending--;
                removed++;
                continue;
            }

            // Kept: moved down over what was removed (never past its own start, so nothing
            // not yet read is overwritten; CopyTo allows the overlap).
            if (kept > 0)
            {
                _json[write++] = (byte)',';
            }

            _starts[kept++] = write;
            element.CopyTo(_json.AsSpan(write));
            write += element.Length;
        }

        _count = kept;
        _length = write;
        return removed;
    }

    /// <summary>Removes every string, keeping the memory for the next ones.</summary>
    public void Clear()
    {
        _count = 0;
        _length = 1;
    }

    /// <summary>
    /// Writes the array. To a writer that skips validation (as the request body's does) it goes
    /// in chunks of about <see cref="ChunkBytes"/>, flushed one by one, so the writer never holds
    /// the whole list: each chunk ends before a separating comma and is written as a raw value,
    /// and the writer puts that comma back before the next one. A validating writer would refuse
    /// a second value there, so it gets the array in one piece.
    /// </summary>
    public async ValueTask WriteJsonAsync(Utf8JsonWriter writer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _json[_length] = (byte)']';
        var total = _length + 1;
        if (total <= ChunkBytes || !writer.Options.SkipValidation)
        {
            writer.WriteRawValue(_json.AsSpan(0, total), skipInputValidation: true);
            return;
        }

        var start = 0;
        var element = 0;
        while (total - start > ChunkBytes)
        {
            var next = LastElementStartingBy(start + ChunkBytes, element);
            if (next < 0)
            {
                break;
            }

            writer.WriteRawValue(_json.AsSpan(start, _starts[next] - 1 - start), skipInputValidation: true);
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            start = _starts[next];
            element = next;
        }

        writer.WriteRawValue(_json.AsSpan(start, total - start), skipInputValidation: true);
    }

    /// <inheritdoc/>
    public IEnumerator<string> GetEnumerator()
    {
        for (var i = 0; i < _count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>
    /// Tells whether an element (its JSON text, quotes included) is one still to be removed, and
    /// if so counts it off. Equal strings are written as equal bytes, so an element whose hash
    /// is not among the values' is not one of them; one whose hash is, is decoded and compared.
    /// </summary>
    private static bool TakeOne(ReadOnlySpan<byte> element, Dictionary<string, int> toRemove, Dictionary<ulong, int> hashes)
    {
        var hash = Fnv1a(element[1..^1]);
        if (!hashes.TryGetValue(hash, out var candidates) || candidates == 0)
        {
            return false;
        }

        var reader = new Utf8JsonReader(element);
        reader.Read();
        var key = reader.GetString()!;
        if (!toRemove.TryGetValue(key, out var left) || left == 0)
        {
            return false;
        }

        toRemove[key] = left - 1;
        hashes[hash] = candidates - 1;
        return true;
    }

    /// <summary>The hash of the bytes <see cref="Add"/> writes between a string's quotes.</summary>
    private static ulong HashOfElementText(string value)
    {
        if (value.AsSpan().IndexOfAnyExcept(PlainCharacters) < 0)
        {
            // Written as its ASCII bytes: each character is its byte.
            var hash = FnvOffset;
            foreach (var character in value)
            {
                hash = (hash ^ (byte)character) * FnvPrime;
            }

            return hash;
        }

        return Fnv1a(JsonEncodedText.Encode(value, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).EncodedUtf8Bytes);
    }

    // 64-bit FNV-1a: short, cheap, and good enough to tell content hashes apart before comparing.
    private static ulong Fnv1a(ReadOnlySpan<byte> bytes)
    {
        // An index loop: this file is also compiled by the code-generation tests' Roslyn 4.11,
        // which cannot bind a foreach over a span against .NET 10's reference assemblies.
        var hash = FnvOffset;
        for (var i = 0; i < bytes.Length; i++)
        {
            hash = (hash ^ bytes[i]) * FnvPrime;
        }

        return hash;
    }

    /// <summary>
    /// Finds the last element after <paramref name="element"/> whose separating comma lies at or
    /// before <paramref name="limit"/> (at least the next element, so a huge string still goes);
    /// -1 when <paramref name="element"/> is the last.
    /// </summary>
    private int LastElementStartingBy(int limit, int element)
    {
        if (element + 1 >= _count)
        {
            return -1;
        }

        var found = Array.BinarySearch(_starts, element + 1, _count - element - 1, limit + 1);
        var last = found >= 0 ? found : ~found - 1;
        return Math.Max(last, element + 1);
    }

    /// <summary>
    /// Starts an element of <paramref name="bytes"/> bytes of JSON string content: room for it, its
    /// comma, its quotes and the closing bracket, then the comma and the opening quote written.
    /// Returns where the content goes; the caller writes it, moves the length past it and closes
    /// the quote.
    /// </summary>
    private int StartElement(int bytes)
    {
        if (_count == _starts.Length)
        {
            Array.Resize(ref _starts, _starts.Length * 2);
        }

        Reserve(bytes + 4);
        Separate();
        _json[_length++] = (byte)'"';
        return _length;
    }

    private void Separate()
    {
        if (_count > 0)
        {
            _json[_length++] = (byte)',';
        }

        _starts[_count++] = _length;
    }

    private void Reserve(int bytes)
    {
        if (_length + bytes > _json.Length)
        {
            Array.Resize(ref _json, Math.Max(_json.Length * 2, _length + bytes));
        }
    }
}
