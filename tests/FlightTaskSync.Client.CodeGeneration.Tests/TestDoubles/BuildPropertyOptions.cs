using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FlightTaskSync.Client.CodeGeneration.Tests.TestDoubles;

/// <summary>Analyzer config options holding MSBuild properties as <c>build_property.X</c>.</summary>
internal sealed class BuildPropertyOptions : AnalyzerConfigOptions
{
    private readonly Dictionary<string, string> _values;

    public BuildPropertyOptions(IReadOnlyDictionary<string, string> buildProperties)
    {
        _values = buildProperties.ToDictionary(p => "build_property." + p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase);
    }

    public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
}
