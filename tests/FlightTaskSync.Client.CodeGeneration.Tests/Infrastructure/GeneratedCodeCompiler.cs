using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FlightTaskSync.Client.CodeGeneration.Tests.Infrastructure;

/// <summary>
/// Compiles generated sources together with the client runtime sources, against the reference
/// assemblies of the test's own runtime (the trusted platform assemblies, which include the
/// Microsoft.Extensions packages the test project references).
/// </summary>
internal static partial class GeneratedCodeCompiler
{
    // The implicit usings of an SDK-style project, which the runtime sources rely on.
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    private static readonly Lazy<List<MetadataReference>> References = new(LoadReferences);

    /// <summary>Compiles the sources as the client project would, warnings included.</summary>
    /// <param name="generatedSources">The generator's output.</param>
    /// <param name="extraSources">More sources, such as probes.</param>
    /// <param name="publicRuntime">Makes the runtime types public, to compile a client generated with the public access modifier.</param>
    /// <param name="requireDocumentation">Reports missing XML docs on public members (CS1591).</param>
    public static CSharpCompilation Compile(
        IEnumerable<string> generatedSources,
        IEnumerable<string>? extraSources = null,
        bool publicRuntime = false,
        bool requireDocumentation = false)
    {
        var parseOptions = GeneratorRunner.ParseOptions.WithDocumentationMode(requireDocumentation ? DocumentationMode.Diagnose : DocumentationMode.Parse);
        var runtime = TestInputs.RuntimeSources().Select(s => publicRuntime ? InternalTypeDeclaration().Replace(s, "public ") : s);
        var trees = new[] { ImplicitUsings }
            .Concat(runtime)
            .Concat(generatedSources)
            .Concat(extraSources ?? [])
            .Select(text => CSharpSyntaxTree.ParseText(text, parseOptions))
            .ToList();

        return CSharpCompilation.Create(
            "GeneratedClient" + Guid.NewGuid().ToString("N"),
            trees,
            References.Value,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                // The SDK does not report assembly-version unification either.
                specificDiagnosticOptions: new Dictionary<string, ReportDiagnostic>
                {
                    ["CS1701"] = ReportDiagnostic.Suppress,
                    ["CS1702"] = ReportDiagnostic.Suppress,
                }));
    }

    /// <summary>Gets the errors and warnings of a compilation.</summary>
    public static IReadOnlyList<Diagnostic> Problems(Compilation compilation) =>
        compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();

    /// <summary>Emits the assembly; fails the test with the diagnostics when it does not compile.</summary>
    public static byte[] Emit(CSharpCompilation compilation)
    {
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        if (!result.Success)
        {
            Assert.Fail("The generated code does not compile:\n" + string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        }

        return stream.ToArray();
    }

    private static List<MetadataReference> LoadReferences()
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return paths
            .Where(p =>
            {
                var name = Path.GetFileNameWithoutExtension(p);
                return name is "System" or "netstandard" or "mscorlib"
                    || name.StartsWith("System.", StringComparison.Ordinal)
                    || name.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal)
                    || name.StartsWith("Microsoft.Win32.", StringComparison.Ordinal);
            })
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToList();
    }

    [GeneratedRegex(@"(?<=^|\n)internal (?=(sealed |static |abstract |readonly )*(partial )?(class|interface|enum|struct) )")]
    private static partial Regex InternalTypeDeclaration();
}
