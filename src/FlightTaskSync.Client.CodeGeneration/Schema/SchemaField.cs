using FlightTaskSync.Client.CodeGeneration.Documents;
using GraphQLParser.AST;

namespace FlightTaskSync.Client.CodeGeneration.Schema;

/// <summary>A field of an object or interface type.</summary>
internal sealed class SchemaField
{
    public SchemaField(string name, GraphQLType typeNode, IReadOnlyList<SchemaInputValue> arguments, SourceDocument document)
    {
        Name = name;
        TypeNode = typeNode;
        Type = TypeReference.From(typeNode);
        Arguments = arguments;
        Document = document;
    }

    public string Name { get; }

    public TypeReference Type { get; }

    public IReadOnlyList<SchemaInputValue> Arguments { get; }

    /// <summary>Gets the type as written in the schema file, for locations.</summary>
    public GraphQLType TypeNode { get; }

    public SourceDocument Document { get; }
}
