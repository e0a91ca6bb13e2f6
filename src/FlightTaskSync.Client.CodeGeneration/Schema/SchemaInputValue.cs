using FlightTaskSync.Client.CodeGeneration.Documents;
using GraphQLParser.AST;

namespace FlightTaskSync.Client.CodeGeneration.Schema;

/// <summary>An argument of a field, or a field of an input object.</summary>
internal sealed class SchemaInputValue
{
    public SchemaInputValue(GraphQLName nameNode, GraphQLType typeNode, GraphQLValue? defaultValue, SourceDocument document)
    {
        NameNode = nameNode;
        Name = nameNode.StringValue;
        TypeNode = typeNode;
        Type = TypeReference.From(typeNode);
        DefaultValue = defaultValue;
        Document = document;
    }

    public string Name { get; }

    /// <summary>Gets the name as written in the schema file, for locations.</summary>
    public GraphQLName NameNode { get; }

    public TypeReference Type { get; }

    public GraphQLValue? DefaultValue { get; }

    /// <summary>Gets the type as written in the schema file, for locations.</summary>
    public GraphQLType TypeNode { get; }

    public SourceDocument Document { get; }

    public bool HasDefault => DefaultValue is not null;

    /// <summary>Gets whether a value must be given: non-null and without a default.</summary>
    public bool IsRequired => Type.IsNonNull && !HasDefault;
}
