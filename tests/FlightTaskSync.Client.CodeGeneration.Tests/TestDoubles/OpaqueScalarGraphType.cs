using GraphQL.Types;
using GraphQLParser.AST;

namespace FlightTaskSync.Client.CodeGeneration.Tests.TestDoubles;

/// <summary>
/// A GraphQL.NET scalar that accepts any value as it is: enough to build a schema-first schema
/// that declares custom scalars, for validation only.
/// </summary>
internal sealed class OpaqueScalarGraphType : ScalarGraphType
{
    public OpaqueScalarGraphType(string name)
    {
        Name = name;
    }

    public override object? ParseValue(object? value) => value;

    public override object? ParseLiteral(GraphQLValue value) => value;
}
