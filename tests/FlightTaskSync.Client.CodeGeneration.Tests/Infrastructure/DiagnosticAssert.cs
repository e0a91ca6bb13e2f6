using Microsoft.CodeAnalysis;

namespace FlightTaskSync.Client.CodeGeneration.Tests.Infrastructure;

/// <summary>Checks that a run reported one diagnostic, where a user would see it, and generated nothing.</summary>
internal static class DiagnosticAssert
{
    /// <summary>Gets the message of a diagnostic as a user reads it.</summary>
    public static string Message(Diagnostic diagnostic) => diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Asserts the run's only diagnostic: its id, file, and 1-based line and column as an editor shows them.</summary>
    public static Diagnostic Single(GeneratorRun run, string id, string path, int line, int column)
    {
        var all = string.Join("\n", run.Diagnostics.Select(d => $"{d.Id} {d.Location.GetLineSpan()}: {Message(d)}"));
        Assert.That(run.Diagnostics, Has.Count.EqualTo(1), $"expected only {id}, got:\n{all}");
        var diagnostic = run.Diagnostics[0];
        var span = diagnostic.Location.GetLineSpan();
        Assert.Multiple(() =>
        {
            Assert.That(diagnostic.Id, Is.EqualTo(id), all);
            Assert.That(diagnostic.Severity, Is.EqualTo(DiagnosticSeverity.Error));
            Assert.That(diagnostic.Descriptor.Category, Is.EqualTo("FlightTaskSync.GraphQL"));
            Assert.That(span.Path, Is.EqualTo(path));
            Assert.That(span.StartLinePosition.Line + 1, Is.EqualTo(line), "line");
            Assert.That(span.StartLinePosition.Character + 1, Is.EqualTo(column), "column");
            Assert.That(run.Sources, Is.Empty, "nothing is generated from invalid documents");
            Assert.That(run.Exception, Is.Null);
        });
        return diagnostic;
    }
}
