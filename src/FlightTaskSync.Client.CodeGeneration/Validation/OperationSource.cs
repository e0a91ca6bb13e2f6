using FlightTaskSync.Client.CodeGeneration.Documents;
using FlightTaskSync.Client.CodeGeneration.Schema;
using GraphQLParser.AST;

namespace FlightTaskSync.Client.CodeGeneration.Validation;

/// <summary>A named operation that passed validation, with its file and root type.</summary>
internal sealed class OperationSource
{
    public OperationSource(SourceDocument document, GraphQLOperationDefinition definition, SchemaType rootType)
    {
        Document = document;
        Definition = definition;
        RootType = rootType;
    }

    public string Name => Definition.Name!.StringValue;

    public SourceDocument Document { get; }

    public GraphQLOperationDefinition Definition { get; }

    public SchemaType RootType { get; }
}
