using System.Buffers;
using System.Text.Json;

namespace FlightTaskSync.Client.Transport;

/// <summary>
/// The reading steps that generated parsers are made of. Each reads the value the reader stands
/// on and throws <see cref="ResultParseException"/> with a plain message when it is not the kind
/// of value the operation asked for.
/// </summary>
internal static class JsonResultReader
{
    /// <summary>Checks that the reader stands on the start of an object.</summary>
    public static void ExpectStartObject(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw Mismatch("an object", ref reader);
        }
    }

    /// <summary>Checks that the reader stands on the start of an array.</summary>
    public static void ExpectStartArray(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw Mismatch("a list", ref reader);
        }
    }

    /// <summary>Moves to the value of the property the reader stands on.</summary>
    public static void ReadValue(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new ResultParseException("the response ends inside an object");
        }
    }

    /// <summary>
    /// Moves to the next property of the object the reader is in. Returns <see langword="false"/>
    /// at the end of the object, where the reader is left on its <see cref="JsonTokenType.EndObject"/>.
    /// </summary>
    public static bool NextProperty(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new ResultParseException("the response ends inside an object");
        }

        return reader.TokenType == JsonTokenType.PropertyName;
    }

    /// <summary>
    /// Moves to the next element of the list the reader is in. Returns <see langword="false"/> at
    /// the end of the list, where the reader is left on its <see cref="JsonTokenType.EndArray"/>.
    /// </summary>
    public static bool NextElement(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new ResultParseException("the response ends inside a list");
        }

        return reader.TokenType != JsonTokenType.EndArray;
    }

    /// <summary>Checks that the reader stands on a string; <paramref name="expected"/> names it in the message.</summary>
    public static void ExpectString(ref Utf8JsonReader reader, string expected)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw Mismatch(expected, ref reader);
        }
    }

    /// <summary>Moves past the value the reader stands on, whatever it is.</summary>
    public static void SkipValue(ref Utf8JsonReader reader) => reader.Skip();

    /// <summary>Tells whether the reader stands on a JSON <c>null</c>.</summary>
    public static bool IsNull(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null;

    /// <summary>Throws for a <c>null</c> where the schema declares a non-null value.</summary>
    public static ResultParseException NullForNonNull() =>
        new("the schema declares this field non-null but the response has null");

    /// <summary>Reads a <c>String</c> value.</summary>
    public static string ReadString(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw Mismatch("a string", ref reader);
        }

        return reader.GetString()!;
    }

    /// <summary>Reads an <c>ID</c> value: a string, or an integer written as a number.</summary>
    public static string ReadId(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var number))
        {
            return number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            throw Mismatch("an ID (string)", ref reader);
        }

        return reader.GetString()!;
    }

    /// <summary>Reads an <c>Int</c> value (32-bit).</summary>
    public static int ReadInt32(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var value))
        {
            throw Mismatch("a 32-bit integer", ref reader);
        }

        return value;
    }

    /// <summary>Reads a 64-bit integer (a custom scalar with <c>@runtimeType(name: "Int64")</c>).</summary>
    public static long ReadInt64(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out var value))
        {
            throw Mismatch("a 64-bit integer", ref reader);
        }

        return value;
    }

    /// <summary>Reads a decimal number (a custom scalar with <c>@runtimeType(name: "Decimal")</c>).</summary>
    public static decimal ReadDecimal(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDecimal(out var value))
        {
            throw Mismatch("a decimal number", ref reader);
        }

        return value;
    }

    /// <summary>Reads a GUID written as a string (a custom scalar with <c>@runtimeType(name: "Guid")</c>).</summary>
    public static Guid ReadGuid(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String || !reader.TryGetGuid(out var value))
        {
            throw Mismatch("a GUID", ref reader);
        }

        return value;
    }

    /// <summary>Reads a <c>Float</c> value.</summary>
    public static double ReadDouble(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDouble(out var value))
        {
            throw Mismatch("a number", ref reader);
        }

        return value;
    }

    /// <summary>Reads a <c>Boolean</c> value.</summary>
    public static bool ReadBoolean(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        _ => throw Mismatch("a boolean", ref reader),
    };

    /// <summary>Reads an ISO 8601 date and time written as a string.</summary>
    public static DateTimeOffset ReadDateTimeOffset(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw Mismatch("an ISO 8601 date and time", ref reader);
        }

        if (!reader.TryGetDateTimeOffset(out var value))
        {
            throw new ResultParseException($"'{Truncate(reader.GetString())}' is not an ISO 8601 date and time");
        }

        return value;
    }

    /// <summary>Reads any JSON value as a detached <see cref="JsonElement"/>.</summary>
    public static JsonElement ReadJsonElement(ref Utf8JsonReader reader) => JsonElement.ParseValue(ref reader);

    /// <summary>
    /// Reads a custom scalar that has no runtime type: a string value as it is, any other value
    /// as its JSON text.
    /// </summary>
    public static string ReadScalarAsString(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString()!;
        }

        return ReadJsonElement(ref reader).GetRawText();
    }

    /// <summary>
    /// Finds the <c>__typename</c> of the object the reader stands on without moving the reader.
    /// Generated documents select <c>__typename</c> first, and servers keep selection order,
    /// so the first property is nearly always it; otherwise the object is scanned.
    /// </summary>
    /// <returns>The type name, or <see langword="null"/> when the object has none.</returns>
    public static string? PeekTypename(ref Utf8JsonReader reader)
    {
        ExpectStartObject(ref reader);
        var scan = reader;
        while (scan.Read() && scan.TokenType == JsonTokenType.PropertyName)
        {
            var isTypename = scan.ValueTextEquals("__typename"u8);
            scan.Read();
            if (isTypename)
            {
                return scan.TokenType == JsonTokenType.String ? scan.GetString() : null;
            }

            scan.Skip();
        }

        return null;
    }

    /// <summary>Cuts the JSON of a whole value out of the body.</summary>
    /// <param name="json">The body the reader reads.</param>
    /// <param name="start">The <see cref="Utf8JsonReader.TokenStartIndex"/> of the value's first token.</param>
    /// <param name="reader">The reader, standing on the value's last token.</param>
    public static ReadOnlyMemory<byte> Slice(ReadOnlyMemory<byte> json, long start, ref Utf8JsonReader reader) =>
        json.Slice((int)start, (int)(reader.BytesConsumed - start));

    private static ResultParseException Mismatch(string expected, ref Utf8JsonReader reader) =>
        new($"expected {expected} but the response has {Describe(ref reader)}");

    private static string Describe(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => $"the string '{Truncate(reader.GetString())}'",
        JsonTokenType.Number => $"the number {Truncate(System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan))}",
        JsonTokenType.True or JsonTokenType.False => $"the boolean {(reader.TokenType == JsonTokenType.True ? "true" : "false")}",
        JsonTokenType.Null => "null",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "a list",
        _ => reader.TokenType.ToString(),
    };

    private static string Truncate(string? value) =>
        value is null ? string.Empty : value.Length <= 64 ? value : string.Concat(value.AsSpan(0, 61), "...");
}
