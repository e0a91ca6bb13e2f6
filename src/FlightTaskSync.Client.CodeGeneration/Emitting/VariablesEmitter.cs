using FlightTaskSync.Client.CodeGeneration.Model;
using FlightTaskSync.Client.CodeGeneration.Pipeline;
using FlightTaskSync.Client.CodeGeneration.Schema;

namespace FlightTaskSync.Client.CodeGeneration.Emitting;

/// <summary>
/// Emits the variables class of an operation: one get-only property per variable, a
/// <c>Validate()</c> that checks non-null variables and list elements, and a <c>WriteAsync</c>
/// that streams the variables as a JSON object, flushing as large lists are written. A list
/// value that keeps its own JSON (the runtime's <c>IPreserializedJsonValue</c>) writes itself
/// and vouches for its elements.
/// </summary>
internal sealed class VariablesEmitter
{
    /// <summary>The number of buffered bytes after which the writer is flushed while a list is written.</summary>
    public const int FlushThreshold = 16384;

    private readonly ClientSettings _settings;
    private readonly CSharpTypes _types;

    public VariablesEmitter(ClientSettings settings)
    {
        _settings = settings;
        _types = new CSharpTypes(settings.Namespace);
    }

    /// <summary>Gets the index after which every parameter may default: the trailing optional variables.</summary>
    public static int FirstDefaultable(IReadOnlyList<VariableModel> variables)
    {
        var first = variables.Count;
        while (first > 0 && variables[first - 1].IsOptional)
        {
            first--;
        }

        return first;
    }

    /// <summary>Writes the parameter list of the variables (used by the constructor and by <c>ExecuteAsync</c>).</summary>
    public string Parameters(IReadOnlyList<VariableModel> variables)
    {
        var firstDefaultable = FirstDefaultable(variables);
        return string.Join(", ", variables.Select((v, i) => $"{_types.Of(v)} {v.ParameterName}{(i >= firstDefaultable ? " = default" : string.Empty)}"));
    }

    public string Emit(OperationModel operation)
    {
        var writer = CodeWriter.ForFile(_settings.Namespace);
        var variables = operation.Variables;
        writer.Line();
        writer.Summary($"The variables of the {operation.KindSuffix.ToLowerInvariant()} <c>{operation.Name}</c>.");
        writer.Open($"{_settings.AccessModifier} sealed class {operation.VariablesClassName}");

        writer.Summary("Creates the variables; <see cref=\"Validate\"/> checks them before they are sent.");
        foreach (var variable in variables)
        {
            writer.Line($"/// <param name=\"{variable.Name}\">The value of <c>${variable.Name}</c> (<c>{Xml(variable.Type.ToString())}</c>).</param>");
        }

        writer.Open($"public {operation.VariablesClassName}({Parameters(variables)})");
        foreach (var variable in variables)
        {
            writer.Line($"this.{variable.PropertyName} = {variable.ParameterName};");
        }

        writer.Close();

        foreach (var variable in variables)
        {
            writer.Line();
            var omitted = variable.HasDefault ? " When null, it is left out and the document's default applies." : string.Empty;
            writer.Summary($"Gets the value of <c>${variable.Name}</c> (<c>{Xml(variable.Type.ToString())}</c>).{omitted}");
            writer.Line($"public {_types.Of(variable)} {variable.PropertyName} {{ get; }}");
        }

        EmitValidate(writer, variables);
        EmitWrite(writer, variables);
        writer.Close();
        return writer.ToString();
    }

    private static void EmitValidate(CodeWriter writer, IReadOnlyList<VariableModel> variables)
    {
        writer.Line();
        writer.Summary("Checks that the variables the operation declares non-null are not null, nor any element of such a list (a list that keeps its own JSON checked its elements as it took them in).");
        writer.Line("/// <exception cref=\"global::System.ArgumentNullException\">A non-null variable is null.</exception>");
        writer.Line("/// <exception cref=\"global::System.ArgumentException\">A list holds a null element where the operation declares its elements non-null.</exception>");
        writer.Open("public void Validate()");
        foreach (var variable in variables)
        {
            var type = variable.HasDefault ? variable.Type.Nullable : variable.Type;
            if (type.IsNonNull && !IsValueType(variable, type))
            {
                writer.Open($"if (this.{variable.PropertyName} is null)");
                writer.Line($"throw new global::System.ArgumentNullException({Quote(variable.Name)}, {Quote($"${variable.Name} is declared {variable.Type} and cannot be null.")});");
                writer.Close();
            }

            if (type.Nullable.IsList && NeedsElementChecks(variable, type.Nullable))
            {
                EmitElementChecks(writer, variable, $"this.{variable.PropertyName}", type.Nullable, 0, variable.Name);
            }
        }

        writer.Close();
    }

    private static bool NeedsElementChecks(VariableModel variable, TypeReference list)
    {
        var element = list.OfType!;
        return (element.IsNonNull && !IsValueType(variable, element))
            || (element.Nullable.IsList && NeedsElementChecks(variable, element.Nullable));
    }

    private static void EmitElementChecks(CodeWriter writer, VariableModel variable, string list, TypeReference listType, int depth, string path)
    {
        // Pattern variables of an if condition live in the enclosing block: names are unique per variable.
        var index = "i" + depth;
        var elementType = listType.OfType!;
        var present = $"{variable.Name}Checked{depth}";
        writer.Open($"if ({list} is {{ }} {present} && {present} is not {RuntimeTypes.PreserializedJsonValue})");
        writer.Open($"for (var {index} = 0; {index} < {present}.Count; {index}++)");
        var element = $"{present}[{index}]";
        var elementPath = $"{path}[{{{index}}}]";
        if (elementType.IsNonNull && !IsValueType(variable, elementType))
        {
            writer.Open($"if ({element} is null)");
            writer.Line($"throw new global::System.ArgumentException($\"{elementPath} is null, but ${variable.Name} is declared {variable.Type}: its elements cannot be null.\", {Quote(variable.Name)});");
            writer.Close();
        }

        if (elementType.Nullable.IsList && NeedsElementChecks(variable, elementType.Nullable))
        {
            EmitElementChecks(writer, variable, element, elementType.Nullable, depth + 1, elementPath);
        }

        writer.Close();
        writer.Close();
    }

    private void EmitWrite(CodeWriter writer, IReadOnlyList<VariableModel> variables)
    {
        var streams = variables.Any(v => v.Type.Nullable.IsList);
        writer.Line();
        writer.Summary($"Writes the variables as one JSON object, every variable included (null as <c>null</c>, except optional ones with a document default, which are left out); while lists are written, the writer is flushed whenever more than {FlushThreshold} bytes are pending.");
        writer.Line("/// <param name=\"writer\">The writer of the request body.</param>");
        writer.Line("/// <param name=\"cancellationToken\">Cancels the flushes.</param>");
        writer.Line("/// <returns>A task that completes when the object is written.</returns>");
        writer.Open($"public {(streams ? "async " : string.Empty)}{RuntimeTypes.ValueTask} WriteAsync({RuntimeTypes.Utf8JsonWriter} writer, {RuntimeTypes.CancellationToken} cancellationToken)");
        writer.Line("global::System.ArgumentNullException.ThrowIfNull(writer);");
        writer.Line("writer.WriteStartObject();");
        foreach (var variable in variables)
        {
            var value = $"this.{variable.PropertyName}";
            if (variable.HasDefault)
            {
                writer.Open($"if ({value} is not null)");
                writer.Line($"writer.WritePropertyName({CSharpNames.Utf8Literal(variable.Name)});");
                EmitWriteValue(writer, variable, value, variable.Type.Nullable, 0);
                writer.Close();
            }
            else
            {
                writer.Line($"writer.WritePropertyName({CSharpNames.Utf8Literal(variable.Name)});");
                EmitWriteValue(writer, variable, value, variable.Type, 0);
            }
        }

        writer.Line("writer.WriteEndObject();");
        if (!streams)
        {
            writer.Line("return default;");
        }

        writer.Close();
    }

    private void EmitWriteValue(CodeWriter writer, VariableModel variable, string value, TypeReference type, int depth)
    {
        if (type.IsNonNull)
        {
            // Validate() has checked that non-null values are there.
            EmitWritePresent(writer, variable, value, type.OfType!, depth);
            return;
        }

        // Pattern variables of an if condition live in the enclosing block: names are unique per variable.
        var present = $"{variable.Name}Value{depth}";
        writer.Open($"if ({value} is {{ }} {present})");
        EmitWritePresent(writer, variable, present, type, depth);
        writer.Close();
        writer.Open("else");
        writer.Line("writer.WriteNullValue();");
        writer.Close();
    }

    private void EmitWritePresent(CodeWriter writer, VariableModel variable, string value, TypeReference type, int depth)
    {
        if (type.IsList)
        {
            var index = "i" + depth;
            var preserialized = $"{variable.Name}Json{depth}";
            writer.Open($"if ({value} is {RuntimeTypes.PreserializedJsonValue} {preserialized})");
            writer.Line($"await {preserialized}.WriteJsonAsync(writer, cancellationToken).ConfigureAwait(false);");
            writer.Close();
            writer.Open("else");
            writer.Line("writer.WriteStartArray();");
            writer.Open($"for (var {index} = 0; {index} < {value}.Count; {index}++)");
            EmitWriteValue(writer, variable, $"{value}[{index}]", type.OfType!, depth + 1);
            writer.Open($"if (writer.BytesPending > {FlushThreshold})");
            writer.Line("await writer.FlushAsync(cancellationToken).ConfigureAwait(false);");
            writer.Close();
            writer.Close();
            writer.Line("writer.WriteEndArray();");
            writer.Close();
        }
        else if (variable.NamedType.Kind == SchemaTypeKind.Enum)
        {
            writer.Line($"writer.WriteStringValue({_types.Generated(EnumEmitter.SerializerName(variable.NamedType))}.Format({value}));");
        }
        else
        {
            writer.Line(string.Format(System.Globalization.CultureInfo.InvariantCulture, variable.NamedType.RuntimeType!.WriteStatementFormat, value));
        }
    }

    /// <summary>Tells whether a value of <paramref name="type"/> is a C# value type, which cannot be null when non-null.</summary>
    private static bool IsValueType(VariableModel variable, TypeReference type) =>
        !type.Nullable.IsList && (variable.NamedType.Kind == SchemaTypeKind.Enum || variable.NamedType.RuntimeType!.IsValueType);

    private static string Quote(string text) => CSharpNames.StringLiteral(text);

    private static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
