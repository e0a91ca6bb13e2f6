using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FlightTaskSync.Client.CodeGeneration.Tests.TestDoubles;

/// <summary>An options provider whose global options are the given build properties.</summary>
internal sealed class BuildPropertyOptionsProvider : AnalyzerConfigOptionsProvider
{
    private static readonly BuildPropertyOptions NoOptions = new(new Dictionary<string, string>());

    public BuildPropertyOptionsProvider(IReadOnlyDictionary<string, string> buildProperties)
    {
        GlobalOptions = new BuildPropertyOptions(buildProperties);
    }

    public override AnalyzerConfigOptions GlobalOptions { get; }

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => NoOptions;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => NoOptions;
}
