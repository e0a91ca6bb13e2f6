using FlightTaskSync.Client.CodeGeneration.Model;
using FlightTaskSync.Client.CodeGeneration.Pipeline;

namespace FlightTaskSync.Client.CodeGeneration.Emitting;

/// <summary>
/// Emits <c>Add{ClientName}()</c> in <c>Microsoft.Extensions.DependencyInjection</c>: the named
/// <c>HttpClient</c> and the keyed connection (unless a connection is registered already), one
/// singleton per operation and the client, all with <c>TryAdd</c> so that calling it twice changes nothing.
/// </summary>
internal sealed class DependencyInjectionEmitter
{
    private const string Services = "global::Microsoft.Extensions.DependencyInjection";
    private const string TryAdd = Services + ".Extensions.ServiceCollectionDescriptorExtensions";

    private readonly ClientSettings _settings;
    private readonly CSharpTypes _types;

    public DependencyInjectionEmitter(ClientSettings settings)
    {
        _settings = settings;
        _types = new CSharpTypes(settings.Namespace);
    }

    public static string ClassName(ClientSettings settings) => settings.ClientName + "ServiceCollectionExtensions";

    public string Emit(IReadOnlyList<OperationModel> operations)
    {
        var client = _types.Generated(_settings.ClientName);
        var clientName = client + ".ClientName";
        var writer = CodeWriter.ForFile("Microsoft.Extensions.DependencyInjection");
        writer.Line();
        writer.Summary($"Registers the generated <see cref=\"{_types.Generated("I" + _settings.ClientName)}\"/>.");
        writer.Open($"{_settings.AccessModifier} static class {ClassName(_settings)}");
        writer.Summary($"Adds the client, its operations and its connection; configure its endpoint with <c>.ConfigureHttpClient(...)</c>. Calling it again adds nothing.");
        writer.Line("/// <param name=\"services\">The services to add to.</param>");
        writer.Line("/// <returns>A builder to configure the client's HTTP transport.</returns>");
        writer.Open($"public static {RuntimeTypes.GraphQLClientBuilder} Add{_settings.ClientName}(this {Services}.IServiceCollection services)");
        writer.Line("global::System.ArgumentNullException.ThrowIfNull(services);");
        writer.Line("// The connection and its named HttpClient go in once: AddHttpClient adds a check of the");
        writer.Line("// client's name on every call, so a second call of this method would not be a no-op.");
        writer.Line("var hasConnection = false;");
        writer.Open("foreach (var descriptor in services)");
        writer.Open($"if (descriptor.IsKeyedService && descriptor.ServiceType == typeof({RuntimeTypes.GraphQLConnection}) && object.Equals(descriptor.ServiceKey, {clientName}))");
        writer.Line("hasConnection = true;");
        writer.Line("break;");
        writer.Close();
        writer.Close();
        writer.Line();
        writer.Open("if (!hasConnection)");
        writer.Line($"{Services}.HttpClientFactoryServiceCollectionExtensions.AddHttpClient(services, {clientName});");
        writer.Line($"{TryAdd}.TryAddKeyedSingleton<{RuntimeTypes.GraphQLConnection}>(");
        writer.Line("    services,");
        writer.Line($"    {clientName},");
        writer.Line($"    static (serviceProvider, _) => {RuntimeTypes.GraphQLHttpConnection}.Create(serviceProvider, {clientName}));");
        writer.Close();
        writer.Line();
        foreach (var operation in operations)
        {
            writer.Line($"{TryAdd}.TryAddSingleton<{_types.Generated(operation.OperationInterfaceName)}>(");
            writer.Line("    services,");
            writer.Line($"    static serviceProvider => new {_types.Generated(operation.OperationClassName)}(");
            writer.Line($"        {Services}.ServiceProviderKeyedServiceExtensions.GetRequiredKeyedService<{RuntimeTypes.GraphQLConnection}>(serviceProvider, {clientName})));");
        }

        writer.Line($"{TryAdd}.TryAddSingleton<{_types.Generated("I" + _settings.ClientName)}, {client}>(services);");
        writer.Line($"return new {RuntimeTypes.GraphQLClientBuilder}(services, {clientName});");
        writer.Close();
        writer.Close();
        return writer.ToString();
    }
}
