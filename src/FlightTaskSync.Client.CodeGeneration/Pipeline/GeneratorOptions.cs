using Microsoft.CodeAnalysis.Diagnostics;

namespace FlightTaskSync.Client.CodeGeneration.Pipeline;

/// <summary>
/// The build properties the generator reads (<c>build_property.X</c>), as they were written.
/// Checking them is left to <see cref="ClientSettings"/>, where diagnostics can be reported.
/// </summary>
internal sealed class GeneratorOptions : IEquatable<GeneratorOptions>
{
    public GeneratorOptions(string? clientName, string? clientNamespace, string? rootNamespace, string? accessModifier)
    {
        ClientName = clientName;
        ClientNamespace = clientNamespace;
        RootNamespace = rootNamespace;
        AccessModifier = accessModifier;
    }

    public string? ClientName { get; }

    public string? ClientNamespace { get; }

    public string? RootNamespace { get; }

    public string? AccessModifier { get; }

    public static GeneratorOptions Read(AnalyzerConfigOptions options) => new(
        Get(options, "GraphQLClientName"),
        Get(options, "GraphQLClientNamespace"),
        Get(options, "RootNamespace"),
        Get(options, "GraphQLClientAccessModifier"));

    public bool Equals(GeneratorOptions? other) =>
        other is not null
        && string.Equals(ClientName, other.ClientName, StringComparison.Ordinal)
        && string.Equals(ClientNamespace, other.ClientNamespace, StringComparison.Ordinal)
        && string.Equals(RootNamespace, other.RootNamespace, StringComparison.Ordinal)
        && string.Equals(AccessModifier, other.AccessModifier, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as GeneratorOptions);

    public override int GetHashCode()
    {
        var hash = 17;
        foreach (var value in new[] { ClientName, ClientNamespace, RootNamespace, AccessModifier })
        {
            hash = unchecked((hash * 31) + (value is null ? 0 : StringComparer.Ordinal.GetHashCode(value)));
        }

        return hash;
    }

    // MSBuild passes an unset property as an empty string: both mean "use the default".
    private static string? Get(AnalyzerConfigOptions options, string property) =>
        options.TryGetValue("build_property." + property, out var value) && !string.IsNullOrWhiteSpace(value)
            ? value.Trim()
            : null;
}
