using System.Text;
using GraphQLParser.AST;

namespace FlightTaskSync.Client.CodeGeneration.Schema;

/// <summary>A GraphQL type as written: a named type, wrapped in lists and non-null markers.</summary>
internal sealed class TypeReference
{
    private TypeReference(string? name, TypeReference? ofType, bool isList, bool isNonNull)
    {
        Name = name;
        OfType = ofType;
        IsList = isList;
        IsNonNull = isNonNull;
    }

    /// <summary>Gets the name of a named type; <see langword="null"/> for a wrapper.</summary>
    public string? Name { get; }

    /// <summary>Gets the wrapped type of a list or non-null type.</summary>
    public TypeReference? OfType { get; }

    public bool IsList { get; }

    public bool IsNonNull { get; }

    /// <summary>Gets the name of the named type inside all the wrappers.</summary>
    public string NamedType => Name ?? OfType!.NamedType;

    /// <summary>Gets this type without its outer non-null marker.</summary>
    public TypeReference Nullable => IsNonNull ? OfType! : this;

    public static TypeReference Named(string name) => new(name, null, isList: false, isNonNull: false);

    public static TypeReference ListOf(TypeReference item) => new(null, item, isList: true, isNonNull: false);

    public static TypeReference NonNullOf(TypeReference type) =>
        type.IsNonNull ? type : new TypeReference(null, type, isList: false, isNonNull: true);

    public static TypeReference From(GraphQLType type) => type switch
    {
        GraphQLNonNullType nonNull => NonNullOf(From(nonNull.Type)),
        GraphQLListType list => ListOf(From(list.Type)),
        GraphQLNamedType named => Named(named.Name.StringValue),
        _ => throw new ArgumentException($"Unexpected type node {type.Kind}", nameof(type)),
    };

    /// <summary>Finds the named-type node inside a type node, for locations.</summary>
    public static GraphQLNamedType NamedNode(GraphQLType type) => type switch
    {
        GraphQLNonNullType nonNull => NamedNode(nonNull.Type),
        GraphQLListType list => NamedNode(list.Type),
        _ => (GraphQLNamedType)type,
    };

    public override string ToString()
    {
        var text = new StringBuilder();
        Append(text);
        return text.ToString();
    }

    private void Append(StringBuilder text)
    {
        if (IsNonNull)
        {
            OfType!.Append(text);
            text.Append('!');
        }
        else if (IsList)
        {
            text.Append('[');
            OfType!.Append(text);
            text.Append(']');
        }
        else
        {
            text.Append(Name);
        }
    }
}
