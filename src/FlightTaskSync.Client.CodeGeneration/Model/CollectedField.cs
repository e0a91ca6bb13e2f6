using FlightTaskSync.Client.CodeGeneration.Documents;
using FlightTaskSync.Client.CodeGeneration.Schema;
using GraphQLParser.AST;

namespace FlightTaskSync.Client.CodeGeneration.Model;

/// <summary>A field selection found in a selection set or in one of its fragments, with the object types it applies to.</summary>
internal sealed class CollectedField
{
    public CollectedField(GraphQLField node, SourceDocument document, IReadOnlyList<SchemaType> appliesTo)
    {
        Node = node;
        Document = document;
        AppliesTo = appliesTo;
    }

    public GraphQLField Node { get; }

    public SourceDocument Document { get; }

    /// <summary>Gets the possible object types for which the field is selected (narrowed by the type conditions around it).</summary>
    public IReadOnlyList<SchemaType> AppliesTo { get; }

    public string ResponseName => Node.Alias?.Name.StringValue ?? Node.Name.StringValue;

    public string FieldName => Node.Name.StringValue;
}
