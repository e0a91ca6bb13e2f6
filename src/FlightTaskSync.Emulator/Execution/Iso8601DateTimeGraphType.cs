using System.Globalization;
using GraphQL.Types;
using GraphQLParser.AST;

namespace FlightTaskSync.Emulator.Execution;

/// <summary>The schema's <c>ISO8601DateTime</c>: UTC, whole seconds, <c>yyyy-MM-ddTHH:mm:ssZ</c>.</summary>
internal sealed class Iso8601DateTimeGraphType : ScalarGraphType
{
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    public Iso8601DateTimeGraphType()
    {
        Name = "ISO8601DateTime";
        Description = "A UTC instant in ISO 8601, e.g. \"2022-02-03T20:26:43Z\".";
    }

    public static string ToText(DateTimeOffset value) =>
        value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    public override object? Serialize(object? value) => value switch
    {
        null => null,
        DateTimeOffset instant => ToText(instant),
        DateTime dateTime => ToText(new DateTimeOffset(DateTime.SpecifyKind(dateTime, dateTime.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : dateTime.Kind))),
        _ => ThrowSerializationError(value),
    };

    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        string text => Parse(text),
        DateTimeOffset instant => instant.ToUniversalTime(),
        DateTime dateTime => new DateTimeOffset(DateTime.SpecifyKind(dateTime, DateTimeKind.Utc)),
        _ => ThrowValueConversionError(value),
    };

    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLNullValue => null,
        GraphQLStringValue text => Parse(text.Value.ToString()),
        _ => ThrowLiteralConversionError(value),
    };

    private static DateTimeOffset Parse(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant)
            ? instant
            : throw new FormatException($"'{text}' is not an ISO 8601 date and time such as \"2022-02-03T20:26:43Z\".");
}
