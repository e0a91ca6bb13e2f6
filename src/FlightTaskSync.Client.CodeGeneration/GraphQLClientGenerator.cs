using System.Text;
using FlightTaskSync.Client.CodeGeneration.Diagnostics;
using FlightTaskSync.Client.CodeGeneration.Pipeline;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace FlightTaskSync.Client.CodeGeneration;

/// <summary>
/// Generates a typed GraphQL client from the <c>.graphql</c> AdditionalFiles of a project: the
/// schema files and the operation files. See docs/generated-client.md.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class GraphQLClientGenerator : IIncrementalGenerator
{
    /// <summary>The names of the pipeline steps, for incrementality tests.</summary>
    public static class TrackingNames
    {
        public const string Files = "GraphQLFiles";
        public const string Options = "GeneratorOptions";
        public const string Input = "GeneratorInput";
    }

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var files = context.AdditionalTextsProvider
            .Where(static text => text.Path.EndsWith(".graphql", StringComparison.OrdinalIgnoreCase))
            .Select(static (text, cancellationToken) => new GraphQLSourceFile(text.Path, text.GetText(cancellationToken)?.ToString() ?? string.Empty))
            .Collect()
            .Select(static (files, _) => new EquatableArray<GraphQLSourceFile>(files.Sort(static (a, b) => string.CompareOrdinal(a.Path, b.Path))))
            .WithTrackingName(TrackingNames.Files);

        var options = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => GeneratorOptions.Read(provider.GlobalOptions))
            .WithTrackingName(TrackingNames.Options);

        var input = files.Combine(options).WithTrackingName(TrackingNames.Input);
        context.RegisterSourceOutput(input, static (context, input) => Execute(context, input.Left, input.Right));
    }

    private static void Execute(SourceProductionContext context, EquatableArray<GraphQLSourceFile> files, GeneratorOptions options)
    {
        GenerationResult result;
        try
        {
            result = ClientGeneration.Run(files.ToList(), options, context.CancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The generator must never fail the compiler: a bug becomes a diagnostic.
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.InternalError,
                Location.None,
                $"{exception.GetType().Name}: {exception.Message} {exception.StackTrace?.Split('\n').FirstOrDefault()?.Trim()}"));
            return;
        }

        foreach (var diagnostic in result.Diagnostics)
        {
            context.ReportDiagnostic(diagnostic);
        }

        foreach (var source in result.Sources)
        {
            context.AddSource(source.HintName, SourceText.From(source.Text, Encoding.UTF8));
        }
    }
}
