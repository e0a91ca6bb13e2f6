using FlightTaskSync.Client.CodeGeneration.Model;
using FlightTaskSync.Client.CodeGeneration.Pipeline;

namespace FlightTaskSync.Client.CodeGeneration.Emitting;

/// <summary>Emits the client interface and class: one property per operation, and the client's name.</summary>
internal sealed class ClientEmitter
{
    private readonly ClientSettings _settings;
    private readonly CSharpTypes _types;

    public ClientEmitter(ClientSettings settings)
    {
        _settings = settings;
        _types = new CSharpTypes(settings.Namespace);
    }

    public string Emit(IReadOnlyList<OperationModel> operations)
    {
        var name = _settings.ClientName;
        var writer = CodeWriter.ForFile(_settings.Namespace);
        writer.Line();
        writer.Summary("The generated GraphQL client: one property per operation.");
        writer.Open($"{_settings.AccessModifier} partial interface I{name}");
        var first = true;
        foreach (var operation in operations)
        {
            if (!first)
            {
                writer.Line();
            }

            first = false;
            writer.Summary($"Gets the {operation.KindSuffix.ToLowerInvariant()} <c>{operation.Name}</c>.");
            writer.Line($"{_types.Generated(operation.OperationInterfaceName)} {operation.TypePrefix} {{ get; }}");
        }

        writer.Close();

        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Open($"{_settings.AccessModifier} sealed partial class {name} : {_types.Generated("I" + name)}");
        writer.Summary("The client's name: the name of its <c>HttpClient</c> and the key of its connection in DI.");
        writer.Line($"public const string ClientName = {CSharpNames.StringLiteral(name)};");
        writer.Line();
        writer.Summary("Creates the client from its operations.");
        foreach (var operation in operations)
        {
            writer.Line($"/// <param name=\"{ParameterName(operation)}\">The {operation.KindSuffix.ToLowerInvariant()} <c>{operation.Name}</c>.</param>");
        }

        var parameters = operations.Select(o => $"{_types.Generated(o.OperationInterfaceName)} {CSharpNames.Escape(ParameterName(o))}");
        writer.Open($"public {name}({string.Join(", ", parameters)})");
        foreach (var operation in operations)
        {
            writer.Line($"global::System.ArgumentNullException.ThrowIfNull({CSharpNames.Escape(ParameterName(operation))});");
            writer.Line($"this.{operation.TypePrefix} = {CSharpNames.Escape(ParameterName(operation))};");
        }

        writer.Close();
        foreach (var operation in operations)
        {
            writer.Line();
            writer.Line("/// <inheritdoc/>");
            writer.Line($"public {_types.Generated(operation.OperationInterfaceName)} {operation.TypePrefix} {{ get; }}");
        }

        writer.Close();
        return writer.ToString();
    }

    private static string ParameterName(OperationModel operation) => CSharpNames.LowerFirst(operation.Name);
}
