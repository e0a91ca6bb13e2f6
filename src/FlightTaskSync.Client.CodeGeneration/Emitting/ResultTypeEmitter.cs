using FlightTaskSync.Client.CodeGeneration.Model;
using FlightTaskSync.Client.CodeGeneration.Pipeline;

namespace FlightTaskSync.Client.CodeGeneration.Emitting;

/// <summary>
/// Emits the result types of an operation: per path an interface (with <c>__typename</c> and
/// <c>RawJson</c>), per possible type a concrete interface and an immutable sealed class, and an
/// <c>_Unknown</c> class for interfaces and unions.
/// </summary>
internal sealed class ResultTypeEmitter
{
    private readonly ClientSettings _settings;
    private readonly CSharpTypes _types;

    public ResultTypeEmitter(ClientSettings settings)
    {
        _settings = settings;
        _types = new CSharpTypes(settings.Namespace);
    }

    public string Emit(OperationModel operation)
    {
        var writer = CodeWriter.ForFile(_settings.Namespace);
        foreach (var shape in operation.Shapes)
        {
            EmitInterface(writer, shape, operation);
            foreach (var concrete in shape.ConcreteTypes)
            {
                if (concrete.InterfaceName is not null)
                {
                    writer.Line();
                    writer.Summary($"The result at <c>{Where(shape)}</c> when it is a <c>{concrete.Type.Name}</c>.");
                    writer.Open($"{_settings.AccessModifier} partial interface {concrete.InterfaceName} : {_types.Generated(shape.InterfaceName)}");
                    EmitPropertyDeclarations(writer, concrete.ExtraFields);
                    writer.Close();
                }

                EmitClass(writer, concrete.ClassName, concrete.InterfaceName ?? shape.InterfaceName, concrete.AllFields, $"<c>{concrete.Type.Name}</c> at <c>{Where(shape)}</c>");
            }

            if (shape.UnknownClassName is not null)
            {
                EmitClass(writer, shape.UnknownClassName, shape.InterfaceName, shape.Fields, $"object at <c>{Where(shape)}</c> whose <c>__typename</c> this client does not know");
            }
        }

        return writer.ToString();
    }

    private void EmitInterface(CodeWriter writer, SelectionShape shape, OperationModel operation)
    {
        writer.Line();
        writer.Summary(shape.IsRoot
            ? $"The data of the {operation.KindSuffix.ToLowerInvariant()} <c>{operation.Name}</c>."
            : $"The result at <c>{Where(shape)}</c> (<c>{shape.Type.Name}</c>), whatever its concrete type.");
        writer.Open($"{_settings.AccessModifier} partial interface {shape.InterfaceName} : {RuntimeTypes.RawJsonResult}");
        EmitPropertyDeclarations(writer, shape.Fields);
        writer.Close();
    }

    private void EmitPropertyDeclarations(CodeWriter writer, IReadOnlyList<FieldShape> fields)
    {
        var first = true;
        foreach (var field in fields)
        {
            if (!first)
            {
                writer.Line();
            }

            first = false;
            writer.Summary(Describe(field));
            writer.Line($"{_types.Of(field)} {field.PropertyName} {{ get; }}");
        }
    }

    private void EmitClass(CodeWriter writer, string className, string interfaceName, IReadOnlyList<FieldShape> fields, string what)
    {
        writer.Line();
        writer.Summary($"The {what}.");
        writer.Open($"{_settings.AccessModifier} sealed partial class {className} : {_types.Generated(interfaceName)}");

        writer.Summary($"Creates the result; the generated parser calls this.");
        foreach (var field in fields)
        {
            writer.Line($"/// <param name=\"{field.ResponseName}\">The value of <c>{field.ResponseName}</c>.</param>");
        }

        writer.Line("/// <param name=\"rawJson\">The JSON of the object, a slice of the response body.</param>");
        var parameters = fields.Select(f => $"{_types.Of(f)} {CSharpNames.Escape(f.ResponseName)}")
            .Concat([$"{RuntimeTypes.ReadOnlyMemoryOfBytes} rawJson"]);
        writer.Open($"public {className}({string.Join(", ", parameters)})");
        foreach (var field in fields)
        {
            writer.Line($"this.{field.PropertyName} = {CSharpNames.Escape(field.ResponseName)};");
        }

        writer.Line("this.RawJson = rawJson;");
        writer.Close();

        foreach (var field in fields)
        {
            writer.Line();
            writer.Line("/// <inheritdoc/>");
            writer.Line($"public {_types.Of(field)} {field.PropertyName} {{ get; }}");
        }

        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line($"public {RuntimeTypes.ReadOnlyMemoryOfBytes} RawJson {{ get; }}");
        writer.Close();
    }

    private static string Describe(FieldShape field) => field.IsTypename && field.ResponseName == "__typename"
        ? "Gets the GraphQL type name of the object (<c>__typename</c>)."
        : field.ResponseName == field.FieldName
            ? $"Gets the value of <c>{field.FieldName}</c> (<c>{Xml(field.Type.ToString())}</c>)."
            : $"Gets the value of <c>{field.FieldName}</c> (<c>{Xml(field.Type.ToString())}</c>), selected as <c>{field.ResponseName}</c>.";

    private static string Where(SelectionShape shape) => shape.ResponsePath.Length == 0 ? "data" : shape.ResponsePath;

    private static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
