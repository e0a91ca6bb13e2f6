using FlightTaskSync.Client.CodeGeneration.Model;
using FlightTaskSync.Client.CodeGeneration.Pipeline;

namespace FlightTaskSync.Client.CodeGeneration.Emitting;

/// <summary>
/// Emits what sends an operation: its document (<c>{Name}QueryDocument</c>), the operation
/// interface and class with the three <c>ExecuteAsync</c> overloads (the third reads the data
/// with a parser the caller gives, in place of the generated result types), and the request that carries
/// document, name and variables to the connection.
/// </summary>
internal sealed class OperationEmitter
{
    private readonly ClientSettings _settings;
    private readonly CSharpTypes _types;
    private readonly VariablesEmitter _variables;

    public OperationEmitter(ClientSettings settings, VariablesEmitter variables)
    {
        _settings = settings;
        _types = new CSharpTypes(settings.Namespace);
        _variables = variables;
    }

    public string Emit(OperationModel operation)
    {
        var writer = CodeWriter.ForFile(_settings.Namespace);
        EmitDocument(writer, operation);
        EmitInterface(writer, operation);
        EmitClass(writer, operation);
        return writer.ToString();
    }

    private void EmitDocument(CodeWriter writer, OperationModel operation)
    {
        writer.Line();
        writer.Summary($"The GraphQL document of the {Kind(operation)} <c>{operation.Name}</c>, as it is sent.");
        writer.Open($"{_settings.AccessModifier} static class {operation.DocumentClassName}");
        writer.Summary("Gets the document as text.");
        writer.Line($"public const string Text = {CSharpNames.StringLiteral(operation.DocumentText)};");
        writer.Line();
        writer.Summary("Gets the document as UTF-8 bytes, without allocating.");
        writer.Line($"public static {RuntimeTypes.ReadOnlySpanOfBytes} Document => {CSharpNames.Utf8Literal(operation.DocumentText)};");
        writer.Close();
    }

    private void EmitInterface(CodeWriter writer, OperationModel operation)
    {
        writer.Line();
        writer.Summary($"Sends the {Kind(operation)} <c>{operation.Name}</c>.");
        writer.Open($"{_settings.AccessModifier} partial interface {operation.OperationInterfaceName}");
        writer.Summary($"Sends the {Kind(operation)} with these variables.");
        WriteVariableParamDocs(writer, operation);
        WriteExecuteDocs(writer);
        writer.Line($"{ResultTask(operation)} ExecuteAsync({ParametersWithToken(operation)});");
        writer.Line();
        writer.Summary($"Sends the {Kind(operation)} with <paramref name=\"variables\"/>.");
        writer.Line("/// <param name=\"variables\">The variables.</param>");
        WriteExecuteDocs(writer);
        writer.Line($"{ResultTask(operation)} ExecuteAsync({_types.Generated(operation.VariablesClassName)} variables, {RuntimeTypes.CancellationToken} cancellationToken = default);");
        writer.Line();
        writer.Summary($"Sends the {Kind(operation)} with <paramref name=\"variables\"/> and reads the response's data with <paramref name=\"parser\"/>, in place of the generated result types.");
        writer.Line("/// <typeparam name=\"TData\">What <paramref name=\"parser\"/> reads the data into.</typeparam>");
        writer.Line("/// <param name=\"variables\">The variables.</param>");
        writer.Line("/// <param name=\"parser\">Reads the response's <c>data</c> member.</param>");
        WriteExecuteDocs(writer);
        writer.Line($"{CustomResultTask} ExecuteAsync<TData>({CustomParameters(operation)})");
        writer.Line("    where TData : class;");
        writer.Close();
    }

    private void EmitClass(CodeWriter writer, OperationModel operation)
    {
        var variablesType = _types.Generated(operation.VariablesClassName);
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Open($"{_settings.AccessModifier} sealed partial class {operation.OperationClassName} : {_types.Generated(operation.OperationInterfaceName)}");
        writer.Line($"private readonly {RuntimeTypes.GraphQLConnection} _connection;");
        writer.Line();
        writer.Summary("Creates the operation on a connection.");
        writer.Line("/// <param name=\"connection\">The connection that sends requests to the GraphQL endpoint.</param>");
        writer.Open($"public {operation.OperationClassName}({RuntimeTypes.GraphQLConnection} connection)");
        writer.Line("global::System.ArgumentNullException.ThrowIfNull(connection);");
        writer.Line("_connection = connection;");
        writer.Close();

        writer.Line();
        writer.Line("/// <inheritdoc/>");
        var arguments = string.Join(", ", operation.Variables.Select(v => v.ParameterName));
        writer.Line($"public {ResultTask(operation)} ExecuteAsync({ParametersWithToken(operation)}) =>");
        writer.Line($"    ExecuteAsync(new {variablesType}({arguments}), cancellationToken);");

        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Open($"public {ResultTask(operation)} ExecuteAsync({variablesType} variables, {RuntimeTypes.CancellationToken} cancellationToken = default)");
        writer.Line("global::System.ArgumentNullException.ThrowIfNull(variables);");
        writer.Line("variables.Validate();");
        writer.Line($"return _connection.ExecuteAsync(new Request(variables), {_types.Generated(operation.ParserClassName)}.Instance, cancellationToken);");
        writer.Close();

        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line($"public {CustomResultTask} ExecuteAsync<TData>({CustomParameters(operation)})");
        writer.Open("    where TData : class");
        writer.Line("global::System.ArgumentNullException.ThrowIfNull(variables);");
        writer.Line("global::System.ArgumentNullException.ThrowIfNull(parser);");
        writer.Line("variables.Validate();");
        writer.Line("return _connection.ExecuteAsync(new Request(variables), parser, cancellationToken);");
        writer.Close();

        writer.Line();
        writer.Open($"private sealed class Request : {RuntimeTypes.OperationRequest}");
        writer.Line($"private readonly {variablesType} _variables;");
        writer.Line();
        writer.Open($"public Request({variablesType} variables)");
        writer.Line("_variables = variables;");
        writer.Close();
        writer.Line();
        writer.Line($"public string OperationName => {CSharpNames.StringLiteral(operation.Name)};");
        writer.Line();
        writer.Line($"public {RuntimeTypes.ReadOnlySpanOfBytes} Document => {_types.Generated(operation.DocumentClassName)}.Document;");
        writer.Line();
        writer.Line($"public {RuntimeTypes.ValueTask} WriteVariablesAsync({RuntimeTypes.Utf8JsonWriter} writer, {RuntimeTypes.CancellationToken} cancellationToken) =>");
        writer.Line("    _variables.WriteAsync(writer, cancellationToken);");
        writer.Close();
        writer.Close();
    }

    private string ResultTask(OperationModel operation) =>
        $"global::System.Threading.Tasks.Task<{RuntimeTypes.OperationResult}<{_types.Generated(operation.Root.InterfaceName)}>>";

    private static string CustomResultTask =>
        $"global::System.Threading.Tasks.Task<{RuntimeTypes.OperationResult}<TData>>";

    private string CustomParameters(OperationModel operation) =>
        $"{_types.Generated(operation.VariablesClassName)} variables, {RuntimeTypes.OperationResultParser}<TData> parser, {RuntimeTypes.CancellationToken} cancellationToken = default";

    private string ParametersWithToken(OperationModel operation)
    {
        var parameters = _variables.Parameters(operation.Variables);
        var token = $"{RuntimeTypes.CancellationToken} cancellationToken = default";
        return parameters.Length == 0 ? token : parameters + ", " + token;
    }

    private static void WriteVariableParamDocs(CodeWriter writer, OperationModel operation)
    {
        foreach (var variable in operation.Variables)
        {
            writer.Line($"/// <param name=\"{variable.Name}\">The value of <c>${variable.Name}</c>.</param>");
        }
    }

    private static void WriteExecuteDocs(CodeWriter writer)
    {
        writer.Line("/// <param name=\"cancellationToken\">Cancels the request.</param>");
        writer.Line("/// <returns>The result: data, and the errors of the response if there were any.</returns>");
    }

    private static string Kind(OperationModel operation) => operation.KindSuffix.ToLowerInvariant();
}
