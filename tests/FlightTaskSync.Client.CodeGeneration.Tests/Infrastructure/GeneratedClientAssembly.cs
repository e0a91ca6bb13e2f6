using System.Reflection;
using System.Runtime.Loader;

namespace FlightTaskSync.Client.CodeGeneration.Tests.Infrastructure;

/// <summary>
/// The generated client of the real .graphql files, compiled with the runtime and the probes into
/// an in-memory assembly and loaded into a collectible load context, so that tests can run it.
/// </summary>
internal sealed class GeneratedClientAssembly : IDisposable
{
    private const string ProbeType = "Probe.ClientProbe";

    private readonly AssemblyLoadContext _context;
    private readonly Assembly _assembly;
    private readonly string _namespace;

    private GeneratedClientAssembly(AssemblyLoadContext context, Assembly assembly, string @namespace)
    {
        _context = context;
        _assembly = assembly;
        _namespace = @namespace;
    }

    /// <summary>
    /// Generates, compiles and loads the client of the real .graphql files, with the API
    /// reference's example query (TestData/SyncOrganizationFlightTasks.graphql) as a second operation.
    /// </summary>
    public static GeneratedClientAssembly Build()
    {
        var exampleQuery = TestInputs.TestDataPath("SyncOrganizationFlightTasks.graphql");
        return Build(
            TestInputs.GraphQLFiles().Append((exampleQuery, File.ReadAllText(exampleQuery))),
            TestInputs.ClientProperties,
            TestInputs.Probe("ClientProbe.cs"));
    }

    /// <summary>Generates, compiles and loads a client; <paramref name="probe"/> defines <c>Probe.ClientProbe</c>.</summary>
    public static GeneratedClientAssembly Build(IEnumerable<(string Path, string Text)> files, IReadOnlyDictionary<string, string> properties, string probe)
    {
        var run = GeneratorRunner.Run(files, properties);
        Assert.That(run.Diagnostics, Is.Empty, "the .graphql files must generate without diagnostics");
        var compilation = GeneratedCodeCompiler.Compile(run.Sources.Values, [probe, TestInputs.Probe("RecordingConnection.cs")]);
        var image = GeneratedCodeCompiler.Emit(compilation);
        var context = new AssemblyLoadContext("GeneratedClient", isCollectible: true);
        using var stream = new MemoryStream(image);
        return new GeneratedClientAssembly(context, context.LoadFromStream(stream), properties["GraphQLClientNamespace"]);
    }

    /// <summary>Calls a static method of the probe; exceptions come out unwrapped.</summary>
    public object? Invoke(string method, params object?[] arguments)
    {
        var type = _assembly.GetType(ProbeType, throwOnError: true)!;
        var target = type.GetMethod(method, BindingFlags.Public | BindingFlags.Static)
            ?? throw new MissingMethodException(ProbeType, method);
        return target.Invoke(null, BindingFlags.DoNotWrapExceptions, binder: null, arguments, culture: null);
    }

    /// <summary>Calls an async static method of the probe and waits for it.</summary>
    public async Task<object?> InvokeAsync(string method, params object?[] arguments)
    {
        var task = (Task)Invoke(method, arguments)!;
        await task.ConfigureAwait(false);
        return task.GetType().GetProperty("Result")?.GetValue(task);
    }

    /// <summary>Finds a generated type by its name in the client namespace.</summary>
    public Type GeneratedType(string name) =>
        _assembly.GetType(_namespace + "." + name, throwOnError: true)!;

    /// <summary>Creates an instance of a generated class, such as a variables class.</summary>
    public object Create(string typeName, params object?[] arguments) =>
        Activator.CreateInstance(GeneratedType(typeName), arguments)!;

    /// <summary>Gets a member of a generated enum by its C# name.</summary>
    public object EnumValue(string enumName, string member) => Enum.Parse(GeneratedType(enumName), member);

    public void Dispose() => _context.Unload();
}
