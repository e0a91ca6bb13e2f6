using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using FlightTaskSync.Client.Transport;
using FlightTaskSync.Tests.Shared;

namespace FlightTaskSync.Client.Tests.Transport;

public sealed class JsonStringListTests
{
    private static readonly JsonSerializerOptions RelaxedSerializerOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly JsonWriterOptions RequestWriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    [Test]
    public void Add_PlainAndEscapedStrings_ReadBackAsTheyWere()
    {
        // Arrange
        string[] values = ["abc+/=", "", "say \"hi\"", "back\\slash", "tab\there", "line\nbreak", "héllo wörld", "日本", "\u0001"];
        var list = new JsonStringList();

        // Act
        foreach (var value in values)
        {
            list.Add(value);
        }

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(list, Has.Count.EqualTo(values.Length));
            Assert.That(list, Is.EqualTo(values));
            Assert.That(list[2], Is.EqualTo("say \"hi\""));
        });
    }

    [Test]
    public async Task AddUtf8_PlainEscapedAndInvalidBytes_WritesWhatAddWritesForTheDecodedStrings()
    {
        // Arrange: plain ASCII (copied as it is) between values that need escaping or decoding.
        byte[][] values =
        [
            "3f9a0c1d2e"u8.ToArray(), ""u8.ToArray(), "say \"hi\""u8.ToArray(), "back\\slash"u8.ToArray(), "tab\there"u8.ToArray(),
            "héllo wörld"u8.ToArray(), "日本"u8.ToArray(), [0x01], [0x61, 0xFF, 0x62], "abc+/="u8.ToArray(),
        ];
        var fromBytes = new JsonStringList();
        var fromStrings = new JsonStringList();

        // Act
        foreach (var value in values)
        {
            fromBytes.AddUtf8(value);
            fromStrings.Add(Encoding.UTF8.GetString(value));
        }

        var written = await WriteInObjectAsync(RequestWriterOptions, writer => fromBytes.WriteJsonAsync(writer, CancellationToken.None));
        var expected = await WriteInObjectAsync(RequestWriterOptions, writer => fromStrings.WriteJsonAsync(writer, CancellationToken.None));

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(fromBytes, Has.Count.EqualTo(values.Length));
            Assert.That(fromBytes, Is.EqualTo(values.Select(value => Encoding.UTF8.GetString(value))));
            Assert.That(fromBytes[8], Is.EqualTo("a\uFFFDb"), "invalid UTF-8 reads as U+FFFD");
            Assert.That(written, Is.EqualTo(expected));
        });
    }

    [Test]
    public void AddUtf8_ManyValuesGrowingTheList_HoldsWhatAddHolds()
    {
        // Arrange: far more than the first arrays hold, so both grow many times while bytes are added.
        var values = Enumerable.Range(0, 10_000).Select(i => i % 7 == 0 ? $"say \"{i}\"" : Hash(i)).ToList();
        var fromBytes = new JsonStringList(1);
        var fromStrings = new JsonStringList(1);

        // Act
        foreach (var value in values)
        {
            fromBytes.AddUtf8(Encoding.UTF8.GetBytes(value));
            fromStrings.Add(value);
        }

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(fromBytes, Is.EqualTo(values));
            Assert.That(fromBytes.JsonLength, Is.EqualTo(fromStrings.JsonLength));
        });
    }

    [Test]
    public void Add_Null_ThrowsArgumentNullException()
    {
        // Arrange
        var list = new JsonStringList();

        // Act
        var add = () => list.Add(null!);

        // Assert
        Assert.That(add, Throws.ArgumentNullException);
    }

    [Test]
    public void Indexer_OutOfRange_Throws()
    {
        // Arrange
        var list = new JsonStringList();
        list.Add("a");

        // Act
        var read = () => list[1];

        // Assert
        Assert.That(read, Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void Clear_ThenAdd_HoldsOnlyTheNewStrings()
    {
        // Arrange
        var list = new JsonStringList();
        list.Add("old-1");
        list.Add("old-2");

        // Act
        list.Clear();
        list.Add("new");

        // Assert
        Assert.That(list, Is.EqualTo(new[] { "new" }));
    }

    [Test]
    public void RemoveEach_SomeValues_RemovesOneOccurrenceOfEachAndKeepsTheOrder()
    {
        // Arrange: a repeated value, escaped and non-ASCII ones, one longer than the stack buffer.
        var longValue = new string('x', 300);
        string[] values = ["h1", "dup", "say \"hi\"", "h2", "dup", "héllo", longValue, "h3", "dup", "日本"];
        var list = new JsonStringList();
        foreach (var value in values)
        {
            list.Add(value);
        }

        // Act: "dup" twice of three, and a value the list does not hold.
        var removed = list.RemoveEach(["dup", "say \"hi\"", "absent", "héllo", longValue, "dup", "日本"]);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(removed, Is.EqualTo(6));
            Assert.That(list, Is.EqualTo(new[] { "h1", "h2", "h3", "dup" }));
            Assert.That(list, Has.Count.EqualTo(4));
        });
    }

    [Test]
    public async Task RemoveEach_ThenAdd_WritesValidJsonOfWhatIsLeft()
    {
        // Arrange: more than a chunk, so the chunked writer walks the compacted element starts.
        var hashes = Enumerable.Range(0, 20_000).Select(Hash).ToList();
        var list = new JsonStringList();
        hashes.ForEach(list.Add);
        var leaving = hashes.Where((_, i) => i % 3 == 0).ToList();
        var expected = hashes.Where((_, i) => i % 3 != 0).Append("new-1").Append("new-2").ToList();

        // Act
        var removed = list.RemoveEach(leaving);
        list.Add("new-1");
        list.Add("new-2");
        var written = await WriteInObjectAsync(RequestWriterOptions, writer => list.WriteJsonAsync(writer, CancellationToken.None));

        // Assert
        using var document = JsonDocument.Parse(written);
        Assert.Multiple(() =>
        {
            Assert.That(removed, Is.EqualTo(leaving.Count));
            Assert.That(document.RootElement.GetProperty("list").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(expected));
            Assert.That(list, Is.EqualTo(expected));
            Assert.That(list.JsonLength, Is.EqualTo(Encoding.UTF8.GetByteCount(JsonSerializer.Serialize(expected, RelaxedSerializerOptions))));
        });
    }

    [Test]
    public void RemoveEach_EverythingThenAdd_HoldsOnlyTheNewString()
    {
        // Arrange
        var list = new JsonStringList();
        list.Add("a");
        list.Add("b");

        // Act
        var removed = list.RemoveEach(["b", "a"]);
        list.Add("c");

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(removed, Is.EqualTo(2));
            Assert.That(list, Is.EqualTo(new[] { "c" }));
        });
    }

    [Test]
    public void RemoveEach_NullValue_ThrowsArgumentNullException()
    {
        // Arrange
        var list = new JsonStringList();
        list.Add("a");

        // Act
        var remove = () => list.RemoveEach(["a", null!]);

        // Assert
        Assert.That(remove, Throws.ArgumentNullException);
    }

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(3)]
    [TestCase(900)]
    [TestCase(100_000)]
    public async Task WriteJsonAsync_RequestWriter_WritesTheSameJsonAsWritingEachString(int count)
    {
        // Arrange: 100,000 hashes are about 2 MB, far more than one chunk.
        var hashes = Enumerable.Range(0, count).Select(Hash).ToList();
        var list = new JsonStringList();
        hashes.ForEach(list.Add);

        // Act
        var written = await WriteInObjectAsync(RequestWriterOptions, writer => list.WriteJsonAsync(writer, CancellationToken.None));
        var expected = await WriteInObjectAsync(RequestWriterOptions, writer =>
        {
            writer.WriteStartArray();
            hashes.ForEach(writer.WriteStringValue);
            writer.WriteEndArray();
            return ValueTask.CompletedTask;
        });

        // Assert
        Assert.That(written, Is.EqualTo(expected));
    }

    [Test]
    public async Task WriteJsonAsync_StringsLongerThanAChunk_StillWritesValidJson()
    {
        // Arrange: single strings larger than a chunk force a chunk of one element.
        var values = new[] { new string('a', JsonStringList.ChunkBytes * 2), "b", new string('c', JsonStringList.ChunkBytes + 5), "d\"e" };
        var list = new JsonStringList();
        foreach (var value in values)
        {
            list.Add(value);
        }

        // Act
        var written = await WriteInObjectAsync(RequestWriterOptions, writer => list.WriteJsonAsync(writer, CancellationToken.None));

        // Assert
        using var document = JsonDocument.Parse(written);
        Assert.That(document.RootElement.GetProperty("list").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(values));
    }

    [Test]
    public async Task WriteJsonAsync_LargeList_FlushesChunkByChunk()
    {
        // Arrange
        var list = new JsonStringList();
        for (var i = 0; i < 100_000; i++)
        {
            list.Add(Hash(i));
        }

        using var stream = new WriteCountingStream();
        var writer = new Utf8JsonWriter(stream, RequestWriterOptions);
        await using (writer)
        {
            writer.WriteStartObject();
            writer.WritePropertyName("list");

            // Act
            await list.WriteJsonAsync(writer, CancellationToken.None);
            writer.WriteEndObject();
        }

        // Assert: about 2 MB went out in writes of one chunk each, never held whole by the writer.
        Assert.That(stream.WriteCount, Is.GreaterThanOrEqualTo(list.JsonLength / JsonStringList.ChunkBytes));
    }

    [Test]
    public async Task WriteJsonAsync_ValidatingWriter_WritesTheArrayInOnePiece()
    {
        // Arrange
        var hashes = Enumerable.Range(0, 5_000).Select(Hash).ToList();
        var list = new JsonStringList();
        hashes.ForEach(list.Add);

        // Act
        var written = await WriteInObjectAsync(new JsonWriterOptions(), writer => list.WriteJsonAsync(writer, CancellationToken.None));

        // Assert
        using var document = JsonDocument.Parse(written);
        Assert.Multiple(() =>
        {
            Assert.That(document.RootElement.GetProperty("list").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(hashes));
            Assert.That(document.RootElement.GetProperty("after").GetInt32(), Is.EqualTo(1));
        });
    }

    private static string Hash(int i) => Convert.ToBase64String(BitConverter.GetBytes(i * 2654435761L)[..6]) + i.ToString("x8", CultureInfo.InvariantCulture);

    private static async Task<string> WriteInObjectAsync(JsonWriterOptions options, Func<Utf8JsonWriter, ValueTask> writeList)
    {
        using var stream = new MemoryStream();
        var writer = new Utf8JsonWriter(stream, options);
        await using (writer)
        {
            writer.WriteStartObject();
            writer.WritePropertyName("list");
            await writeList(writer);
            writer.WriteNumber("after", 1);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
