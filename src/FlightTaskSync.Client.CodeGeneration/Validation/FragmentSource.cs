using FlightTaskSync.Client.CodeGeneration.Documents;
using FlightTaskSync.Client.CodeGeneration.Schema;
using GraphQLParser.AST;

namespace FlightTaskSync.Client.CodeGeneration.Validation;

/// <summary>A named fragment, with the file it is in and its resolved type condition.</summary>
internal sealed class FragmentSource
{
    public FragmentSource(SourceDocument document, GraphQLFragmentDefinition definition, SchemaType? typeCondition)
    {
        Document = document;
        Definition = definition;
        TypeCondition = typeCondition;
    }

    public string Name => Definition.FragmentName.Name.StringValue;

    public SourceDocument Document { get; }

    public GraphQLFragmentDefinition Definition { get; }

    /// <summary>Gets the type the fragment is on; <see langword="null"/> when that type is unknown or has no fields (reported).</summary>
    public SchemaType? TypeCondition { get; }

    public bool IsUsed { get; set; }
}
