using FlightTaskSync.Client.CodeGeneration.Model;
using FlightTaskSync.Client.CodeGeneration.Pipeline;
using FlightTaskSync.Client.CodeGeneration.Schema;

namespace FlightTaskSync.Client.CodeGeneration.Emitting;

/// <summary>
/// Emits the variables class of an operation: one get-only property per variable, a
/// <c>Validate()</c> that checks non-null variables, list elements and input objects, and a <c>WriteAsync</c>
/// that streams the variables as a JSON object, flushing as large lists are written. A list
/// value that keeps its own JSON (the runtime's <c>IPreserializedJsonValue</c>) writes itself
/// and vouches for its elements.
/// </summary>
internal sealed class VariablesEmitter
{
    private readonly ClientSettings _settings;
    private readonly CSharpTypes _types;
    private readonly InputValueEmitter _values;

    public VariablesEmitter(ClientSettings settings, SchemaModel schema)
    {
        _settings = settings;
        _types = new CSharpTypes(settings.Namespace);
        _values = new InputValueEmitter(schema, _types);
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

    private void EmitValidate(CodeWriter writer, IReadOnlyList<VariableModel> variables)
    {
        writer.Line();
        writer.Summary("Checks that the variables the operation declares non-null are not null, nor any element of such a list, and that every input object has its required fields (a list that keeps its own JSON checked its elements as it took them in).");
        writer.Line("/// <exception cref=\"global::System.ArgumentNullException\">A non-null variable is null.</exception>");
        writer.Line("/// <exception cref=\"global::System.ArgumentException\">A list holds a null element where the operation declares its elements non-null, or an input object lacks a required field; the message gives the path.</exception>");
        writer.Open("public void Validate()");
        foreach (var variable in variables)
        {
            var type = variable.HasDefault ? variable.Type.Nullable : variable.Type;
            if (type.IsNonNull && !_values.IsValueType(type))
            {
                writer.Open($"if (this.{variable.PropertyName} is null)");
                writer.Line($"throw new global::System.ArgumentNullException({Quote(variable.Name)}, {Quote($"${variable.Name} is declared {variable.Type} and cannot be null.")});");
                writer.Close();
            }

            if (_values.NeedsInnerChecks(type.Nullable))
            {
                // Pattern variables of an if condition live in the enclosing block: names are unique per variable.
                var present = variable.Name + "Checked";
                writer.Open($"if (this.{variable.PropertyName} is {{ }} {present})");
                _values.EmitPresentChecks(
                    writer,
                    present,
                    type.Nullable,
                    variable.Name,
                    $"${variable.Name} is declared {variable.Type}",
                    message => $"throw new global::System.ArgumentException($\"{message}\", {Quote(variable.Name)});",
                    variable.Name,
                    inVariables: true);
                writer.Close();
            }
        }

        writer.Close();
    }

    private void EmitWrite(CodeWriter writer, IReadOnlyList<VariableModel> variables)
    {
        var streams = variables.Any(v => v.Type.Nullable.IsList);
        writer.Line();
        writer.Summary($"Writes the variables as one JSON object, every variable included (null as <c>null</c>, except optional ones with a document default, which are left out); while lists are written, the writer is flushed whenever more than {InputValueEmitter.FlushThreshold} bytes are pending.");
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
                _values.EmitWrite(writer, value, variable.Type.Nullable, variable.Name, inVariables: true);
                writer.Close();
            }
            else
            {
                writer.Line($"writer.WritePropertyName({CSharpNames.Utf8Literal(variable.Name)});");
                _values.EmitWrite(writer, value, variable.Type, variable.Name, inVariables: true);
            }
        }

        writer.Line("writer.WriteEndObject();");
        if (!streams)
        {
            writer.Line("return default;");
        }

        writer.Close();
    }

    private static string Quote(string text) => CSharpNames.StringLiteral(text);

    private static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
