using FlightTaskSync.Client.CodeGeneration.Documents;
using GraphQLParser.AST;

namespace FlightTaskSync.Client.CodeGeneration.Schema;

/// <summary>A named type of the schema, with its extensions applied.</summary>
internal sealed class SchemaType
{
    private readonly List<SchemaField> _fields = [];
    private readonly Dictionary<string, SchemaField> _fieldsByName = new(StringComparer.Ordinal);
    private readonly List<SchemaInputValue> _inputFields = [];
    private readonly List<string> _interfaces = [];
    private readonly List<string> _unionMembers = [];
    private readonly List<string> _enumValues = [];
    private readonly List<SchemaType> _possibleTypes = [];

    public SchemaType(string name, SchemaTypeKind kind, SourceDocument? document, ASTNode? definition)
    {
        Name = name;
        Kind = kind;
        Document = document;
        Definition = definition;
        DotNetName = name;
    }

    public string Name { get; }

    public SchemaTypeKind Kind { get; }

    /// <summary>Gets the file of the definition; <see langword="null"/> for built-in scalars.</summary>
    public SourceDocument? Document { get; }

    public ASTNode? Definition { get; }

    /// <summary>Gets or sets the name of the type in generated code (<c>@rename</c>, else the schema name).</summary>
    public string DotNetName { get; set; }

    /// <summary>Gets or sets the .NET type of a scalar.</summary>
    public ScalarRuntimeType? RuntimeType { get; set; }

    public IReadOnlyList<SchemaField> Fields => _fields;

    public IReadOnlyList<SchemaInputValue> InputFields => _inputFields;

    public IReadOnlyList<string> Interfaces => _interfaces;

    public IReadOnlyList<string> UnionMembers => _unionMembers;

    public IReadOnlyList<string> EnumValues => _enumValues;

    /// <summary>Gets the object types a value of this type can be: itself, the implementors, the members.</summary>
    public IReadOnlyList<SchemaType> PossibleTypes => _possibleTypes;

    public bool IsLeaf => Kind is SchemaTypeKind.Scalar or SchemaTypeKind.Enum;

    public bool IsComposite => Kind is SchemaTypeKind.Object or SchemaTypeKind.Interface or SchemaTypeKind.Union;

    public bool IsAbstract => Kind is SchemaTypeKind.Interface or SchemaTypeKind.Union;

    public bool IsInput => Kind is SchemaTypeKind.Scalar or SchemaTypeKind.Enum or SchemaTypeKind.InputObject;

    /// <summary>Gets a word for the kind, for messages (<c>scalar</c>, <c>input object</c>).</summary>
    public string KindName => Kind switch
    {
        SchemaTypeKind.InputObject => "input object",
        _ => Kind.ToString().ToLowerInvariant(),
    };

    /// <summary>Gets the kind with its article, for messages (<c>a scalar</c>, <c>an input object</c>).</summary>
    public string KindWithArticle => (Kind is SchemaTypeKind.Object or SchemaTypeKind.Interface or SchemaTypeKind.Enum or SchemaTypeKind.InputObject ? "an " : "a ") + KindName;

    public SchemaField? FindField(string name) => _fieldsByName.TryGetValue(name, out var field) ? field : null;

    private SchemaInputValue? FindInputField(string name)
    {
        foreach (var field in _inputFields)
        {
            if (field.Name == name)
            {
                return field;
            }
        }

        return null;
    }

    /// <summary>Adds a field; returns <see langword="false"/> when the type already has one of that name.</summary>
    public bool AddField(SchemaField field)
    {
        if (_fieldsByName.ContainsKey(field.Name))
        {
            return false;
        }

        _fieldsByName.Add(field.Name, field);
        _fields.Add(field);
        return true;
    }

    public bool AddInputField(SchemaInputValue field)
    {
        if (FindInputField(field.Name) is not null)
        {
            return false;
        }

        _inputFields.Add(field);
        return true;
    }

    public bool AddInterface(string name) => AddUnique(_interfaces, name);

    public bool AddUnionMember(string name) => AddUnique(_unionMembers, name);

    public bool AddEnumValue(string name) => AddUnique(_enumValues, name);

    public void AddPossibleType(SchemaType type)
    {
        if (!_possibleTypes.Contains(type))
        {
            _possibleTypes.Add(type);
        }
    }

    /// <summary>Tells whether this type and <paramref name="other"/> share a possible object type.</summary>
    public bool Overlaps(SchemaType other)
    {
        foreach (var type in _possibleTypes)
        {
            if (other._possibleTypes.Contains(type))
            {
                return true;
            }
        }

        return false;
    }

    private static bool AddUnique(List<string> list, string name)
    {
        if (list.Contains(name))
        {
            return false;
        }

        list.Add(name);
        return true;
    }
}
