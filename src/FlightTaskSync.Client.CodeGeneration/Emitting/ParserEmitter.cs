using FlightTaskSync.Client.CodeGeneration.Model;
using FlightTaskSync.Client.CodeGeneration.Pipeline;
using FlightTaskSync.Client.CodeGeneration.Schema;

namespace FlightTaskSync.Client.CodeGeneration.Emitting;

/// <summary>
/// Emits the result parser of an operation: straight-line <c>Utf8JsonReader</c> code, one method
/// per result class and one <c>__typename</c> dispatch per interface or union path. Every field
/// read adds its property name, every list element its index, to a <c>ResultParseException</c>.
/// </summary>
internal sealed class ParserEmitter
{
    private const string ReaderParameters = "ref " + RuntimeTypes.Utf8JsonReader + " reader, " + RuntimeTypes.ReadOnlyMemoryOfBytes + " json";
    private const string Read = RuntimeTypes.JsonResultReader;

    private readonly ClientSettings _settings;
    private readonly CSharpTypes _types;

    public ParserEmitter(ClientSettings settings)
    {
        _settings = settings;
        _types = new CSharpTypes(settings.Namespace);
    }

    public string Emit(OperationModel operation)
    {
        var writer = CodeWriter.ForFile(_settings.Namespace);
        var rootInterface = _types.Generated(operation.Root.InterfaceName);
        writer.Line();
        writer.Summary($"Reads the <c>data</c> of the {operation.KindSuffix.ToLowerInvariant()} <c>{operation.Name}</c> into its result types.");
        writer.Open($"{_settings.AccessModifier} sealed class {operation.ParserClassName} : {RuntimeTypes.OperationResultParser}<{rootInterface}>");
        writer.Open($"private {operation.ParserClassName}()");
        writer.Close();
        writer.Line();
        writer.Summary("Gets the parser; it holds no state.");
        writer.Line($"public static {_types.Generated(operation.ParserClassName)} Instance {{ get; }} = new {_types.Generated(operation.ParserClassName)}();");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line($"public {rootInterface} Parse({ReaderParameters}) => {MethodFor(operation.Root)}(ref reader, json);");

        foreach (var shape in operation.Shapes)
        {
            if (shape.IsAbstract)
            {
                EmitDispatch(writer, shape);
                EmitClassParser(writer, shape.UnknownClassName!, shape.Fields, null);
            }

            foreach (var concrete in shape.ConcreteTypes)
            {
                EmitClassParser(writer, concrete.ClassName, concrete.AllFields, concrete.Type.Name);
            }
        }

        writer.Close();
        return writer.ToString();
    }

    /// <summary>Gets the method that reads an object at the path: the dispatch of an abstract path, else the one class's parser.</summary>
    private static string MethodFor(SelectionShape shape) =>
        "Parse" + (shape.IsAbstract ? shape.InterfaceName : shape.ConcreteTypes[0].ClassName);

    private void EmitDispatch(CodeWriter writer, SelectionShape shape)
    {
        writer.Line();
        writer.Open($"private static {_types.Generated(shape.InterfaceName)} {MethodFor(shape)}({ReaderParameters})");
        writer.Open($"switch ({Read}.PeekTypename(ref reader))");
        writer.Line("case null:");
        writer.Line($"    throw {RuntimeTypes.ResultParseException}.MissingField(\"__typename\");");
        foreach (var concrete in shape.ConcreteTypes)
        {
            writer.Line($"case {CSharpNames.StringLiteral(concrete.Type.Name)}:");
            writer.Line($"    return Parse{concrete.ClassName}(ref reader, json);");
        }

        writer.Line("default:");
        writer.Line($"    return Parse{shape.UnknownClassName}(ref reader, json);");
        writer.Close();
        writer.Close();
    }

    /// <param name="writer">The writer.</param>
    /// <param name="className">The class to construct.</param>
    /// <param name="fields">Its fields.</param>
    /// <param name="typeName">The GraphQL type when it is known, used when the response leaves out <c>__typename</c>.</param>
    private void EmitClassParser(CodeWriter writer, string className, IReadOnlyList<FieldShape> fields, string? typeName)
    {
        writer.Line();
        writer.Open($"private static {_types.Generated(className)} Parse{className}({ReaderParameters})");
        writer.Line($"{Read}.ExpectStartObject(ref reader);");
        writer.Line("var start = reader.TokenStartIndex;");
        foreach (var field in fields)
        {
            writer.Line($"{CSharpTypes.Nullable(_types.Of(field))} {Local(field)} = null;");
        }

        writer.Open($"while ({Read}.NextProperty(ref reader))");
        var keyword = "if";
        foreach (var field in fields)
        {
            writer.Open($"{keyword} (reader.ValueTextEquals({CSharpNames.Utf8Literal(field.ResponseName)}))");
            writer.Line($"{Read}.ReadValue(ref reader);");
            writer.Open("try");
            EmitRead(writer, field.Type, field, Local(field), 0);
            writer.Close();
            writer.Open($"catch ({RuntimeTypes.ResultParseException} exception)");
            writer.Line($"exception.AtProperty({CSharpNames.StringLiteral(field.ResponseName)});");
            writer.Line("throw;");
            writer.Close();
            writer.Close();
            keyword = "else if";
        }

        writer.Open("else");
        writer.Line($"{Read}.ReadValue(ref reader);");
        writer.Line($"{Read}.SkipValue(ref reader);");
        writer.Close();
        writer.Close();

        EmitRequiredChecks(writer, fields, typeName);
        var arguments = fields.Select(Argument).Concat([$"{Read}.Slice(json, start, ref reader)"]);
        writer.Line($"return new {_types.Generated(className)}({string.Join(", ", arguments)});");
        writer.Close();
    }

    private static void EmitRequiredChecks(CodeWriter writer, IReadOnlyList<FieldShape> fields, string? typeName)
    {
        foreach (var field in fields)
        {
            if (field.IsTypename && typeName is not null)
            {
                // Objects of a known type are not dispatched on their type name: a missing one is tolerated.
                writer.Line($"{Local(field)} ??= {CSharpNames.StringLiteral(typeName)};");
            }
            else if (field.Type.IsNonNull)
            {
                writer.Open($"if ({Local(field)} is null)");
                writer.Line($"throw {RuntimeTypes.ResultParseException}.MissingField({CSharpNames.StringLiteral(field.ResponseName)});");
                writer.Close();
            }
        }
    }

    /// <summary>Writes the statements that read the value the reader stands on into <paramref name="target"/>.</summary>
    private void EmitRead(CodeWriter writer, TypeReference type, FieldShape field, string target, int depth)
    {
        if (type.IsNonNull)
        {
            writer.Open($"if ({Read}.IsNull(ref reader))");
            writer.Line($"throw {Read}.NullForNonNull();");
            writer.Close();
            EmitReadPresent(writer, type.OfType!, field, target, depth);
            return;
        }

        writer.Open($"if ({Read}.IsNull(ref reader))");
        writer.Line($"{target} = null;");
        writer.Close();
        writer.Open("else");
        EmitReadPresent(writer, type, field, target, depth);
        writer.Close();
    }

    private void EmitReadPresent(CodeWriter writer, TypeReference type, FieldShape field, string target, int depth)
    {
        if (!type.IsList)
        {
            writer.Line($"{target} = {ReadExpression(field)};");
            return;
        }

        var list = "list" + depth;
        var item = "item" + depth;
        var exception = "exception" + depth;
        var itemType = _types.Of(type.OfType!, field);
        writer.Line($"{Read}.ExpectStartArray(ref reader);");
        writer.Line($"var {list} = new {RuntimeTypes.List}<{itemType}>();");
        writer.Open($"while ({Read}.NextElement(ref reader))");
        writer.Line($"{itemType} {item};");
        writer.Open("try");
        EmitRead(writer, type.OfType!, field, item, depth + 1);
        writer.Close();
        writer.Open($"catch ({RuntimeTypes.ResultParseException} {exception})");
        writer.Line($"{exception}.AtIndex({list}.Count);");
        writer.Line("throw;");
        writer.Close();
        writer.Line($"{list}.Add({item});");
        writer.Close();
        writer.Line($"{target} = {list};");
    }

    private string ReadExpression(FieldShape field)
    {
        if (field.Child is not null)
        {
            return $"{MethodFor(field.Child)}(ref reader, json)";
        }

        return field.NamedType.Kind == SchemaTypeKind.Enum
            ? $"{_types.Generated(EnumEmitter.SerializerName(field.NamedType))}.Parse(ref reader)"
            : $"{Read}.{field.NamedType.RuntimeType!.ReadMethod}(ref reader)";
    }

    private static string Local(FieldShape field) => field.ResponseName + "Value";

    private static string Argument(FieldShape field) =>
        field.Type.IsNonNull && !field.Type.Nullable.IsList && IsValueType(field) ? Local(field) + ".Value" : Local(field);

    private static bool IsValueType(FieldShape field) =>
        field.Child is null && (field.NamedType.Kind == SchemaTypeKind.Enum || field.NamedType.RuntimeType!.IsValueType);
}
