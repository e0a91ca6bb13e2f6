using Microsoft.CodeAnalysis;

namespace FlightTaskSync.Client.CodeGeneration.Tests.Infrastructure;

/// <summary>What one run of the generator produced.</summary>
internal sealed class GeneratorRun
{
    public GeneratorRun(GeneratorDriver driver, Compilation compilation)
    {
        Driver = driver;
        Compilation = compilation;
        var result = driver.GetRunResult().Results.Single();
        Sources = result.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);
        Diagnostics = result.Diagnostics;
        Exception = result.Exception;
    }

    /// <summary>Gets the driver, to run it again for incrementality.</summary>
    public GeneratorDriver Driver { get; }

    public Compilation Compilation { get; }

    /// <summary>Gets the generated files by hint name.</summary>
    public IReadOnlyDictionary<string, string> Sources { get; }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Gets the exception the generator threw, if it threw (it must not).</summary>
    public Exception? Exception { get; }

    /// <summary>Gets the generated text of every file that declares <paramref name="typeName"/>.</summary>
    public string SourceDeclaring(string typeName) =>
        Sources.Values.Single(text => text.Contains($" {typeName} ", StringComparison.Ordinal) || text.Contains($" {typeName}\n", StringComparison.Ordinal));
}
