using FlightTaskSync.Client.CodeGeneration.Documents;
using GraphQLParser.AST;

namespace FlightTaskSync.Client.CodeGeneration.Schema;

/// <summary>A directive written on a type definition or extension, kept until all types are known.</summary>
internal sealed class SchemaDirectiveUse
{
    public SchemaDirectiveUse(SchemaType type, SourceDocument document, GraphQLDirective directive)
    {
        Type = type;
        Document = document;
        Directive = directive;
    }

    public SchemaType Type { get; }

    public SourceDocument Document { get; }

    public GraphQLDirective Directive { get; }
}
