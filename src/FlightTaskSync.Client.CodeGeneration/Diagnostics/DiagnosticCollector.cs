using Microsoft.CodeAnalysis;

namespace FlightTaskSync.Client.CodeGeneration.Diagnostics;

/// <summary>
/// Gathers the diagnostics of one generator run. A problem inside a fragment is met once per
/// operation that uses it; it is reported once.
/// </summary>
internal sealed class DiagnosticCollector
{
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

    public bool HasErrors { get; private set; }

    /// <summary>Gets the number of errors reported so far; compare before and after a step.</summary>
    public int ErrorCount { get; private set; }

    public void Report(DiagnosticDescriptor descriptor, Location location, params object?[] messageArgs)
    {
        var diagnostic = Diagnostic.Create(descriptor, location, messageArgs);
        var key = string.Concat(
            diagnostic.Id, "|", location.GetLineSpan().Path, "|", location.SourceSpan.ToString(), "|", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        if (!_seen.Add(key))
        {
            return;
        }

        _diagnostics.Add(diagnostic);
        if (diagnostic.Severity == DiagnosticSeverity.Error)
        {
            HasErrors = true;
            ErrorCount++;
        }
    }
}
