using System.Globalization;
using GraphQL.Types;
using GraphQLParser.AST;

namespace FlightTaskSync.Emulator.Execution;

/// <summary>The schema's <c>JSON</c>: any JSON value, passed through as dictionaries, lists and primitives.</summary>
internal sealed class JsonGraphType : ScalarGraphType
{
    public JsonGraphType()
    {
        Name = "JSON";
        Description = "Any JSON value.";
    }

    public override object? Serialize(object? value) => value;

    public override object? ParseValue(object? value) => value;

    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLNullValue => null,
        GraphQLStringValue text => text.Value.ToString(),
        GraphQLBooleanValue boolean => boolean.BoolValue,
        GraphQLIntValue integer => long.TryParse(integer.Value.Span, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole)
            ? whole
            : decimal.Parse(integer.Value.Span, NumberStyles.Float, CultureInfo.InvariantCulture),
        GraphQLFloatValue number => double.Parse(number.Value.Span, NumberStyles.Float, CultureInfo.InvariantCulture),
        GraphQLEnumValue symbol => symbol.Name.StringValue,
        GraphQLListValue list => list.Values?.Select(ParseLiteral).ToList() ?? [],
        GraphQLObjectValue obj => obj.Fields?.ToDictionary(f => f.Name.StringValue, f => ParseLiteral(f.Value), StringComparer.Ordinal)
            ?? new Dictionary<string, object?>(StringComparer.Ordinal),
        _ => ThrowLiteralConversionError(value),
    };
}
