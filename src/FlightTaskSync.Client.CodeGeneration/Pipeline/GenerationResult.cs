using Microsoft.CodeAnalysis;

namespace FlightTaskSync.Client.CodeGeneration.Pipeline;

/// <summary>What one run of the generator produced: files, or the diagnostics that stopped it.</summary>
internal sealed class GenerationResult
{
    public GenerationResult(IReadOnlyList<GeneratedSource> sources, IReadOnlyList<Diagnostic> diagnostics)
    {
        Sources = sources;
        Diagnostics = diagnostics;
    }

    public IReadOnlyList<GeneratedSource> Sources { get; }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }
}
