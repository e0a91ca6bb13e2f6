using FlightTaskSync.Client.CodeGeneration.Documents;
using GraphQLParser.AST;

namespace FlightTaskSync.Client.CodeGeneration.Model;

/// <summary>A selection set with the file it is written in (fragments may live in other files).</summary>
internal sealed class SelectionSetSource
{
    public SelectionSetSource(SourceDocument document, GraphQLSelectionSet selectionSet)
    {
        Document = document;
        SelectionSet = selectionSet;
    }

    public SourceDocument Document { get; }

    public GraphQLSelectionSet SelectionSet { get; }
}
