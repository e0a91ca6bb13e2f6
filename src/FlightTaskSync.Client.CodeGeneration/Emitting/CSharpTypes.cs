using FlightTaskSync.Client.CodeGeneration.Model;
using FlightTaskSync.Client.CodeGeneration.Schema;

namespace FlightTaskSync.Client.CodeGeneration.Emitting;

/// <summary>Writes the C# type of a GraphQL type: lists become <c>IReadOnlyList&lt;T&gt;</c>, nullable types <c>T?</c>.</summary>
internal sealed class CSharpTypes
{
    private readonly string _namespace;

    public CSharpTypes(string @namespace)
    {
        _namespace = @namespace;
    }

    /// <summary>Qualifies a generated type name: <c>global::Namespace.Name</c>.</summary>
    public string Generated(string typeName) => $"global::{_namespace}.{typeName}";

    /// <summary>Gets the type of a result property.</summary>
    public string Of(FieldShape field) => Wrap(field.Type, NamedTypeOf(field));

    /// <summary>Gets the type of a list element or nested value inside a field.</summary>
    public string Of(TypeReference type, FieldShape field) => Wrap(type, NamedTypeOf(field));

    /// <summary>Gets the type of a variable, as its property and parameter; optional variables are nullable.</summary>
    public string Of(VariableModel variable)
    {
        var type = variable.HasDefault ? variable.Type.Nullable : variable.Type;
        return Wrap(type, Leaf(variable.NamedType));
    }

    /// <summary>Gets the C# type of a value of an input type (scalar, enum, input object), lists and nullability included.</summary>
    public string Of(TypeReference type, SchemaType namedType) => Wrap(type, Leaf(namedType));

    /// <summary>
    /// Gets the type of an input-object property: the field's type when the field must be given,
    /// else <c>Optional&lt;T&gt;</c>, which can also be left unset.
    /// </summary>
    public string Of(SchemaInputValue field, SchemaType namedType) =>
        field.IsRequired ? Of(field.Type, namedType) : $"{RuntimeTypes.Optional}<{Of(field.Type, namedType)}>";

    /// <summary>Gets the C# type of a scalar, enum or input object.</summary>
    public string Leaf(SchemaType type) =>
        type.Kind is SchemaTypeKind.Enum or SchemaTypeKind.InputObject ? Generated(type.DotNetName) : type.RuntimeType!.CSharpType;

    /// <summary>Gets the same type, nullable; for locals that start empty.</summary>
    public static string Nullable(string type) => type.EndsWith("?", StringComparison.Ordinal) ? type : type + "?";

    private string NamedTypeOf(FieldShape field) =>
        field.Child is not null ? Generated(field.Child.InterfaceName) : Leaf(field.NamedType);

    private static string Wrap(TypeReference type, string named)
    {
        var inner = type.Nullable;
        var core = inner.IsList ? $"{RuntimeTypes.ReadOnlyList}<{Wrap(inner.OfType!, named)}>" : named;
        return type.IsNonNull ? core : core + "?";
    }
}
