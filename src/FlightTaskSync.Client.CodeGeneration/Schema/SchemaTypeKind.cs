namespace FlightTaskSync.Client.CodeGeneration.Schema;

/// <summary>The kinds of named types in a GraphQL schema.</summary>
internal enum SchemaTypeKind
{
    Scalar,
    Object,
    Interface,
    Union,
    Enum,
    InputObject,
}
