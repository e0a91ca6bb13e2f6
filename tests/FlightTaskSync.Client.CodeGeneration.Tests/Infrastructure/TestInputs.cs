namespace FlightTaskSync.Client.CodeGeneration.Tests.Infrastructure;

/// <summary>The real inputs the test project copies to its output: .graphql files, runtime sources, probes.</summary>
internal static class TestInputs
{
    /// <summary>The build properties of src/FlightTaskSync.Client.</summary>
    public static readonly IReadOnlyDictionary<string, string> ClientProperties = new Dictionary<string, string>
    {
        ["GraphQLClientName"] = "FieldAgentClient",
        ["GraphQLClientNamespace"] = "FlightTaskSync.Client.Transport",
        ["GraphQLClientAccessModifier"] = "internal",
    };

    public static string GraphQLFolder => Path.Combine(AppContext.BaseDirectory, "Inputs", "GraphQL");

    /// <summary>Gets every .graphql file of the client project: schema, schema extensions, operations.</summary>
    public static IReadOnlyList<(string Path, string Text)> GraphQLFiles() =>
        Directory.GetFiles(GraphQLFolder, "*.graphql")
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => (p, File.ReadAllText(p)))
            .ToList();

    /// <summary>Gets the operation files of the client project (every file but the schema ones).</summary>
    public static IReadOnlyList<(string Path, string Text)> OperationFiles() =>
        GraphQLFiles().Where(f => !System.IO.Path.GetFileName(f.Path).StartsWith("schema", StringComparison.Ordinal)).ToList();

    public static string SchemaText => File.ReadAllText(Path.Combine(GraphQLFolder, "schema.graphql"));

    /// <summary>Gets the client runtime sources (Transport/Runtime/*.cs) that generated code calls.</summary>
    public static IReadOnlyList<string> RuntimeSources() =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Inputs", "Runtime"), "*.cs")
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(File.ReadAllText)
            .ToList();

    /// <summary>Gets a file of TestData/.</summary>
    public static string TestDataPath(string fileName) => Path.Combine(AppContext.BaseDirectory, "TestData", fileName);

    /// <summary>Gets the source of a probe from GeneratedCodeProbes/.</summary>
    public static string Probe(string fileName) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "GeneratedCodeProbes", fileName));
}
