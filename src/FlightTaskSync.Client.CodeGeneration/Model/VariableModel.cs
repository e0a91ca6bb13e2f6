using FlightTaskSync.Client.CodeGeneration.Emitting;
using FlightTaskSync.Client.CodeGeneration.Schema;

namespace FlightTaskSync.Client.CodeGeneration.Model;

/// <summary>A variable of an operation, as the variables class and <c>ExecuteAsync</c> present it.</summary>
internal sealed class VariableModel
{
    public VariableModel(string name, TypeReference type, SchemaType namedType, bool hasDefault)
    {
        Name = name;
        Type = type;
        NamedType = namedType;
        HasDefault = hasDefault;
    }

    /// <summary>Gets the name in the document, without <c>$</c>.</summary>
    public string Name { get; }

    public string PropertyName => CSharpNames.UpperFirst(Name);

    public string ParameterName => CSharpNames.Escape(Name);

    public TypeReference Type { get; }

    /// <summary>Gets the scalar, enum or input object inside <see cref="Type"/>.</summary>
    public SchemaType NamedType { get; }

    /// <summary>Gets whether the document gives a default value: the variable is then optional and left out when null.</summary>
    public bool HasDefault { get; }

    /// <summary>Gets whether the C# value may be null: a nullable type, or any type with a default.</summary>
    public bool IsOptional => HasDefault || !Type.IsNonNull;
}
