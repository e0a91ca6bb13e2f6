using FlightTaskSync.Client.CodeGeneration.Pipeline;
using FlightTaskSync.Client.CodeGeneration.Schema;

namespace FlightTaskSync.Client.CodeGeneration.Emitting;

/// <summary>
/// Emits a GraphQL input object as a sealed class with one settable property per field, and its
/// serializer. A field that must be given (non-null, no default) is a <c>required</c> property of
/// its type; any other field is an <c>Optional&lt;T&gt;</c>, so that a field left unset is left out
/// of the request while one set to <see langword="null"/> is sent as <c>null</c>.
/// </summary>
internal sealed class InputObjectEmitter
{
    private readonly ClientSettings _settings;
    private readonly CSharpTypes _types;
    private readonly InputValueEmitter _values;

    public InputObjectEmitter(ClientSettings settings, SchemaModel schema)
    {
        _settings = settings;
        _types = new CSharpTypes(settings.Namespace);
        _values = new InputValueEmitter(schema, _types);
    }

    public static string SerializerName(SchemaType inputObject) => inputObject.DotNetName + "Serializer";

    /// <summary>Gets the property of a field: its name with the first letter upper-cased, as for result fields.</summary>
    public static string PropertyName(SchemaInputValue field) => CSharpNames.UpperFirst(field.Name);

    public string Emit(SchemaType inputObject)
    {
        var writer = CodeWriter.ForFile(_settings.Namespace);
        EmitClass(writer, inputObject);
        EmitSerializer(writer, inputObject);
        return writer.ToString();
    }

    private void EmitClass(CodeWriter writer, SchemaType inputObject)
    {
        writer.Line();
        writer.Summary($"The GraphQL input type <c>{inputObject.Name}</c>. A property of type <see cref=\"{RuntimeTypes.Optional}{{T}}\"/> left unset is not sent; set to <see langword=\"null\"/>, it is sent as <c>null</c>.");
        writer.Open($"{_settings.AccessModifier} sealed class {inputObject.DotNetName}");
        var first = true;
        foreach (var field in inputObject.InputFields)
        {
            if (!first)
            {
                writer.Line();
            }

            first = false;
            var type = Xml(field.Type.ToString());
            var named = _values.NamedTypeOf(field.Type);
            if (field.IsRequired)
            {
                writer.Summary($"Gets or sets <c>{field.Name}</c> (<c>{type}</c>), which must be given.");
                writer.Line($"public required {_types.Of(field, named)} {PropertyName(field)} {{ get; set; }}");
            }
            else
            {
                var meaning = field.Type.IsNonNull
                    ? "left unset (the default), it is not sent and the schema's default applies; it cannot be null"
                    : "left unset (the default), it is not sent; set to <see langword=\"null\"/>, it is sent as <c>null</c>";
                writer.Summary($"Gets or sets <c>{field.Name}</c> (<c>{type}</c>): {meaning}.");
                writer.Line($"public {_types.Of(field, named)} {PropertyName(field)} {{ get; set; }}");
            }
        }

        writer.Close();
    }

    private void EmitSerializer(CodeWriter writer, SchemaType inputObject)
    {
        var qualified = _types.Generated(inputObject.DotNetName);
        writer.Line();
        writer.Summary($"Checks and writes <see cref=\"{qualified}\"/> values as GraphQL input objects.");
        writer.Open($"{_settings.AccessModifier} static class {SerializerName(inputObject)}");
        EmitCheck(writer, inputObject, qualified);
        writer.Line();
        EmitWrite(writer, inputObject, qualified);
        writer.Close();
    }

    private void EmitCheck(CodeWriter writer, SchemaType inputObject, string qualified)
    {
        writer.Summary("Finds what the server would refuse in a value: a null where the schema says non-null, in the value or in the input objects and lists inside it.");
        writer.Line("/// <param name=\"value\">The value.</param>");
        writer.Line("/// <returns><see langword=\"null\"/> when the value can be sent, else the first problem, starting with its path in the value (<c>name is null, ...</c>).</returns>");
        writer.Open($"public static string? Check({qualified} value)");
        writer.Line("global::System.ArgumentNullException.ThrowIfNull(value);");
        foreach (var field in inputObject.InputFields)
        {
            if (!_values.NeedsChecks(field.Type))
            {
                continue;
            }

            var property = $"value.{PropertyName(field)}";
            var declaration = $"{inputObject.Name}.{field.Name} is declared {field.Type}";
            Func<string, string> fail = message => $"return $\"{message}\";";
            if (field.IsRequired)
            {
                EmitFieldChecks(writer, field, property, declaration, fail);
            }
            else
            {
                writer.Open($"if ({property}.IsSet)");
                EmitFieldChecks(writer, field, property + ".Value", declaration, fail);
                writer.Close();
            }
        }

        writer.Line("return null;");
        writer.Close();
    }

    private void EmitFieldChecks(CodeWriter writer, SchemaInputValue field, string value, string declaration, Func<string, string> fail)
    {
        if (field.Type.IsNonNull)
        {
            if (!_values.IsValueType(field.Type))
            {
                writer.Open($"if ({value} is null)");
                writer.Line(fail($"{field.Name} is null, but {declaration} and cannot be null."));
                writer.Close();
            }

            _values.EmitPresentChecks(writer, value, field.Type.OfType!, field.Name, declaration, fail, field.Name, inVariables: false);
        }
        else if (_values.NeedsInnerChecks(field.Type))
        {
            // Pattern variables of an if condition live in the enclosing block: the field name keeps them unique.
            var present = field.Name + "Checked";
            writer.Open($"if ({value} is {{ }} {present})");
            _values.EmitPresentChecks(writer, present, field.Type, field.Name, declaration, fail, field.Name, inVariables: false);
            writer.Close();
        }
    }

    private void EmitWrite(CodeWriter writer, SchemaType inputObject, string qualified)
    {
        writer.Summary("Writes a value as a JSON object: the required fields, and each optional field that is set (<c>null</c> included).");
        writer.Line("/// <param name=\"writer\">The writer, standing where a value is expected.</param>");
        writer.Line("/// <param name=\"value\">The value, checked with <c>Check</c>.</param>");
        writer.Open($"public static void Write({RuntimeTypes.Utf8JsonWriter} writer, {qualified} value)");
        writer.Line("global::System.ArgumentNullException.ThrowIfNull(writer);");
        writer.Line("global::System.ArgumentNullException.ThrowIfNull(value);");
        writer.Line("writer.WriteStartObject();");
        foreach (var field in inputObject.InputFields)
        {
            var property = $"value.{PropertyName(field)}";
            if (field.IsRequired)
            {
                writer.Line($"writer.WritePropertyName({CSharpNames.Utf8Literal(field.Name)});");
                _values.EmitWrite(writer, property, field.Type, field.Name, inVariables: false);
            }
            else
            {
                writer.Open($"if ({property}.IsSet)");
                writer.Line($"writer.WritePropertyName({CSharpNames.Utf8Literal(field.Name)});");
                _values.EmitWrite(writer, property + ".Value", field.Type, field.Name, inVariables: false);
                writer.Close();
            }
        }

        writer.Line("writer.WriteEndObject();");
        writer.Close();
    }

    private static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
