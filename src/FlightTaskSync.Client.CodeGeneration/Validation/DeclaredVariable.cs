using FlightTaskSync.Client.CodeGeneration.Schema;
using GraphQLParser.AST;

namespace FlightTaskSync.Client.CodeGeneration.Validation;

/// <summary>A variable an operation declares.</summary>
internal sealed class DeclaredVariable
{
    public DeclaredVariable(GraphQLVariableDefinition definition, bool typeIsValid)
    {
        Definition = definition;
        Type = TypeReference.From(definition.Type);
        TypeIsValid = typeIsValid;
    }

    public string Name => Definition.Variable.Name.StringValue;

    public GraphQLVariableDefinition Definition { get; }

    public TypeReference Type { get; }

    /// <summary>Gets whether the type exists and is an input type; usages of other variables are not checked.</summary>
    public bool TypeIsValid { get; }

    public bool HasNonNullDefault => Definition.DefaultValue is not null and not GraphQLNullValue;

    public bool IsUsed { get; set; }
}
