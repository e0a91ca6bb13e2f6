using Microsoft.CodeAnalysis;

namespace FlightTaskSync.Client.CodeGeneration.Tests.Infrastructure;

/// <summary>What one run of the generator produced.</summary>
internal sealed class GeneratorRun
{
    public GeneratorRun(GeneratorDriver driver, Compilation compilation, IReadOnlyList<AdditionalText> additionalTexts)
    {
        Driver = driver;
        Compilation = compilation;
        AdditionalTexts = additionalTexts;
        var result = driver.GetRunResult().Results.Single();
        Sources = result.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);
        Diagnostics = result.Diagnostics;
        Exception = result.Exception;
    }

    /// <summary>Gets the driver, to run it again for incrementality.</summary>
    public GeneratorDriver Driver { get; }

    public Compilation Compilation { get; }

    /// <summary>Gets the .graphql files the generator was given.</summary>
    public IReadOnlyList<AdditionalText> AdditionalTexts { get; }

    /// <summary>Gets the generated files by hint name.</summary>
    public IReadOnlyDictionary<string, string> Sources { get; }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Gets the exception the generator threw, if it threw (it must not).</summary>
    public Exception? Exception { get; }

}
