using GraphQLParser.AST;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace FlightTaskSync.Client.CodeGeneration.Documents;

/// <summary>A parsed <c>.graphql</c> file, able to turn any of its nodes into a diagnostic location.</summary>
internal sealed class SourceDocument
{
    public SourceDocument(string path, SourceText text, GraphQLDocument document)
    {
        Path = path;
        Text = text;
        Document = document;
    }

    public string Path { get; }

    public SourceText Text { get; }

    public GraphQLDocument Document { get; }

    public Location LocationOf(ASTNode node) => LocationOf(Text, Path, node.Location.Start, node.Location.End);

    /// <summary>Locates the word (or the single punctuation mark) that starts at <paramref name="start"/>.</summary>
    public Location LocationOfWordAt(int start)
    {
        var end = start;
        while (end < Text.Length && (char.IsLetterOrDigit(Text[end]) || Text[end] == '_'))
        {
            end++;
        }

        return LocationOf(Text, Path, start, end == start ? start + 1 : end);
    }

    public static Location LocationOf(SourceText text, string path, int start, int end)
    {
        start = Math.Max(0, Math.Min(start, text.Length));
        end = Math.Max(start, Math.Min(end, text.Length));
        var span = TextSpan.FromBounds(start, end);
        return Location.Create(path, span, text.Lines.GetLinePositionSpan(span));
    }
}
