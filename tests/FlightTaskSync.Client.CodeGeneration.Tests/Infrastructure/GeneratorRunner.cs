using System.Collections.Immutable;
using FlightTaskSync.Client.CodeGeneration.Tests.TestDoubles;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FlightTaskSync.Client.CodeGeneration.Tests.Infrastructure;

/// <summary>Runs <see cref="GraphQLClientGenerator"/> in a <see cref="CSharpGeneratorDriver"/> over in-memory files.</summary>
internal static class GeneratorRunner
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    /// <summary>Runs the generator over <paramref name="files"/> with the client project's build properties, or <paramref name="properties"/>.</summary>
    public static GeneratorRun Run(IEnumerable<(string Path, string Text)> files, IReadOnlyDictionary<string, string>? properties = null)
    {
        var additionalTexts = files.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)).ToImmutableArray();
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new GraphQLClientGenerator().AsSourceGenerator()],
            additionalTexts,
            ParseOptions,
            new BuildPropertyOptionsProvider(properties ?? TestInputs.ClientProperties),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        var compilation = CSharpCompilation.Create(
            "GeneratorInput",
            [CSharpSyntaxTree.ParseText("namespace Input; internal static class Placeholder { }", ParseOptions)],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        driver = driver.RunGenerators(compilation);
        return new GeneratorRun(driver, compilation, additionalTexts);
    }

    /// <summary>Runs the generator over the real .graphql files of the client project.</summary>
    public static GeneratorRun RunOnClientProject(IReadOnlyDictionary<string, string>? properties = null) =>
        Run(TestInputs.GraphQLFiles(), properties);

    /// <summary>Runs the generator over <see cref="TestSchema"/> and one operations file.</summary>
    public static GeneratorRun RunWithTestSchema(string operations, string operationsPath = TestSchema.OperationsPath) =>
        Run([(TestSchema.Path, TestSchema.Text), (operationsPath, operations)]);
}
