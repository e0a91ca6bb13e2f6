using FlightTaskSync.Client.CodeGeneration.Documents;
using FlightTaskSync.Client.CodeGeneration.Schema;
using GraphQLParser.AST;

namespace FlightTaskSync.Client.CodeGeneration.Validation;

/// <summary>A place where an operation passes a variable: the type expected there, and whether it has a default.</summary>
internal sealed class VariableUsage
{
    public VariableUsage(GraphQLVariable node, SourceDocument document, TypeReference? locationType, bool locationHasDefault)
    {
        Node = node;
        Document = document;
        LocationType = locationType;
        LocationHasDefault = locationHasDefault;
    }

    public string Name => Node.Name.StringValue;

    public GraphQLVariable Node { get; }

    public SourceDocument Document { get; }

    /// <summary>Gets the type expected where the variable is passed; <see langword="null"/> in an unknown directive, where only its use counts.</summary>
    public TypeReference? LocationType { get; }

    public bool LocationHasDefault { get; }
}
