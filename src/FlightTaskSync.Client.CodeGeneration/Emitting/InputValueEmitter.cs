using FlightTaskSync.Client.CodeGeneration.Schema;

namespace FlightTaskSync.Client.CodeGeneration.Emitting;

/// <summary>
/// Emits the statements that check and write one value of an input type (scalar, enum, input
/// object, lists of them), for the variables class and for the input-object serializers alike.
/// In the variables' <c>WriteAsync</c> (<c>inVariables</c>) lists flush the writer as they go and a
/// list that keeps its own JSON (<c>IPreserializedJsonValue</c>) writes itself and vouches for its
/// elements; an input object's <c>Write</c> is synchronous and writes every list element by element.
/// </summary>
internal sealed class InputValueEmitter
{
    /// <summary>The number of buffered bytes after which the writer is flushed while a list variable is written.</summary>
    public const int FlushThreshold = 16384;

    private readonly SchemaModel _schema;
    private readonly CSharpTypes _types;

    public InputValueEmitter(SchemaModel schema, CSharpTypes types)
    {
        _schema = schema;
        _types = types;
    }

    public SchemaType NamedTypeOf(TypeReference type) => _schema.FindType(type.NamedType)!;

    /// <summary>Tells whether a value of <paramref name="type"/> is a C# value type, which cannot be null when non-null.</summary>
    public bool IsValueType(TypeReference type)
    {
        if (type.Nullable.IsList)
        {
            return false;
        }

        var named = NamedTypeOf(type);
        return named.Kind == SchemaTypeKind.Enum || (named.Kind == SchemaTypeKind.Scalar && named.RuntimeType!.IsValueType);
    }

    /// <summary>Tells whether a value of <paramref name="type"/> needs any check: a null where it is non-null, or something inside.</summary>
    public bool NeedsChecks(TypeReference type) =>
        (type.IsNonNull && !IsValueType(type)) || NeedsInnerChecks(type.Nullable);

    /// <summary>Tells whether a present value of <paramref name="type"/> has anything inside to check: list elements, input-object fields.</summary>
    public bool NeedsInnerChecks(TypeReference type) =>
        type.IsList ? NeedsChecks(type.OfType!) : NamedTypeOf(type).Kind == SchemaTypeKind.InputObject;

    /// <summary>Emits statements that write <paramref name="value"/>, which the checks have passed, with <c>writer</c>.</summary>
    /// <param name="writer">The code being written.</param>
    /// <param name="value">The C# expression of the value.</param>
    /// <param name="type">The GraphQL type of the value.</param>
    /// <param name="prefix">A prefix that makes the names of locals unique in the method (a variable or field name).</param>
    /// <param name="inVariables">Whether the statements are in the variables' async <c>WriteAsync</c>.</param>
    /// <param name="depth">The list depth, for local names.</param>
    public void EmitWrite(CodeWriter writer, string value, TypeReference type, string prefix, bool inVariables, int depth = 0)
    {
        if (type.IsNonNull)
        {
            EmitWritePresent(writer, value, type.OfType!, prefix, inVariables, depth);
            return;
        }

        // Pattern variables of an if condition live in the enclosing block: the prefix keeps them unique.
        var present = $"{prefix}Value{depth}";
        writer.Open($"if ({value} is {{ }} {present})");
        EmitWritePresent(writer, present, type, prefix, inVariables, depth);
        writer.Close();
        writer.Open("else");
        writer.Line("writer.WriteNullValue();");
        writer.Close();
    }

    /// <summary>
    /// Emits statements that check a value that is there (not null) of <paramref name="type"/>: no
    /// null element where the list's elements are non-null, and no problem in an input object.
    /// </summary>
    /// <param name="writer">The code being written.</param>
    /// <param name="value">The C# expression of the value, not null.</param>
    /// <param name="type">The GraphQL type of the value, without its outer non-null marker.</param>
    /// <param name="path">The value's path as the text of an interpolated string (<c>flightTasks[{i0}]</c>).</param>
    /// <param name="declaration">What declares the type, for messages (<c>$flightTasks is declared [FlightTaskImport!]!</c>).</param>
    /// <param name="fail">Makes the statement that reports a problem, from the text of an interpolated string.</param>
    /// <param name="prefix">A prefix that makes the names of locals unique in the method.</param>
    /// <param name="inVariables">Whether the statements are in the variables' <c>Validate</c>, where lists that keep their own JSON are not read.</param>
    /// <param name="depth">The list depth, for local names.</param>
    public void EmitPresentChecks(
        CodeWriter writer,
        string value,
        TypeReference type,
        string path,
        string declaration,
        Func<string, string> fail,
        string prefix,
        bool inVariables,
        int depth = 0)
    {
        if (type.IsList)
        {
            var element = type.OfType!;
            if (!NeedsChecks(element))
            {
                return;
            }

            var index = "i" + depth;
            var item = $"{value}[{index}]";
            var itemPath = $"{path}[{{{index}}}]";
            if (inVariables)
            {
                writer.Open($"if ({value} is not {RuntimeTypes.PreserializedJsonValue})");
            }

            writer.Open($"for (var {index} = 0; {index} < {value}.Count; {index}++)");
            if (element.IsNonNull)
            {
                if (!IsValueType(element))
                {
                    writer.Open($"if ({item} is null)");
                    writer.Line(fail($"{itemPath} is null, but {declaration}: its elements cannot be null."));
                    writer.Close();
                }

                EmitPresentChecks(writer, item, element.OfType!, itemPath, declaration, fail, prefix, inVariables, depth + 1);
            }
            else
            {
                var present = $"{prefix}Item{depth}";
                writer.Open($"if ({item} is {{ }} {present})");
                EmitPresentChecks(writer, present, element, itemPath, declaration, fail, prefix, inVariables, depth + 1);
                writer.Close();
            }

            writer.Close();
            if (inVariables)
            {
                writer.Close();
            }

            return;
        }

        var named = NamedTypeOf(type);
        if (named.Kind == SchemaTypeKind.InputObject)
        {
            var problem = $"{prefix}Problem{depth}";
            writer.Open($"if ({_types.Generated(InputObjectEmitter.SerializerName(named))}.Check({value}) is {{ }} {problem})");
            writer.Line(fail($"{path}.{{{problem}}}"));
            writer.Close();
        }
    }

    private void EmitWritePresent(CodeWriter writer, string value, TypeReference type, string prefix, bool inVariables, int depth)
    {
        if (type.IsList)
        {
            EmitWriteList(writer, value, type, prefix, inVariables, depth);
            return;
        }

        var named = NamedTypeOf(type);
        switch (named.Kind)
        {
            case SchemaTypeKind.Enum:
                writer.Line($"writer.WriteStringValue({_types.Generated(EnumEmitter.SerializerName(named))}.Format({value}));");
                break;
            case SchemaTypeKind.InputObject:
                writer.Line($"{_types.Generated(InputObjectEmitter.SerializerName(named))}.Write(writer, {value});");
                break;
            default:
                writer.Line(string.Format(System.Globalization.CultureInfo.InvariantCulture, named.RuntimeType!.WriteStatementFormat, value));
                break;
        }
    }

    private void EmitWriteList(CodeWriter writer, string value, TypeReference type, string prefix, bool inVariables, int depth)
    {
        var index = "i" + depth;
        if (inVariables)
        {
            var preserialized = $"{prefix}Json{depth}";
            writer.Open($"if ({value} is {RuntimeTypes.PreserializedJsonValue} {preserialized})");
            writer.Line($"await {preserialized}.WriteJsonAsync(writer, cancellationToken).ConfigureAwait(false);");
            writer.Close();
            writer.Open("else");
        }

        writer.Line("writer.WriteStartArray();");
        writer.Open($"for (var {index} = 0; {index} < {value}.Count; {index}++)");
        EmitWrite(writer, $"{value}[{index}]", type.OfType!, prefix, inVariables, depth + 1);
        if (inVariables)
        {
            writer.Open($"if (writer.BytesPending > {FlushThreshold})");
            writer.Line("await writer.FlushAsync(cancellationToken).ConfigureAwait(false);");
            writer.Close();
        }

        writer.Close();
        writer.Line("writer.WriteEndArray();");
        if (inVariables)
        {
            writer.Close();
        }
    }
}
