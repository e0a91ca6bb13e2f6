using FlightTaskSync.Client.CodeGeneration.Schema;
using Microsoft.CodeAnalysis;

namespace FlightTaskSync.Client.CodeGeneration.Model;

/// <summary>One property of a result type: a selected field under its response name.</summary>
internal sealed class FieldShape
{
    public FieldShape(string responseName, string fieldName, TypeReference type, SchemaType namedType, SelectionShape? child, Location location)
    {
        ResponseName = responseName;
        FieldName = fieldName;
        Type = type;
        NamedType = namedType;
        Child = child;
        Location = location;
    }

    /// <summary>Gets the name of the value in the response: the alias, or the field name.</summary>
    public string ResponseName { get; }

    public string FieldName { get; }

    /// <summary>Gets the property name: the response name with its first letter upper-cased; <c>__typename</c> stays as it is.</summary>
    public string PropertyName => ResponseName == "__typename" ? ResponseName : Emitting.CSharpNames.UpperFirst(ResponseName);

    /// <summary>Gets the field's type in the schema (lists and nullability).</summary>
    public TypeReference Type { get; }

    /// <summary>Gets the named type inside <see cref="Type"/>: a scalar or enum for a leaf, else the child's type.</summary>
    public SchemaType NamedType { get; }

    /// <summary>Gets the result type of a field of object, interface or union type.</summary>
    public SelectionShape? Child { get; }

    public bool IsTypename => FieldName == "__typename";

    /// <summary>Gets where the field is first selected, for diagnostics.</summary>
    public Location Location { get; }

    public string Signature => $"{ResponseName}:{FieldName}:{Type}{(Child is null ? string.Empty : "=" + Child.Signature)}";
}
