using FlightTaskSync.Client.CodeGeneration.Schema;

namespace FlightTaskSync.Client.CodeGeneration.Model;

/// <summary>
/// The result type of one possible object type at a path: <c>I{Path}_{Type}</c> with the fields
/// its fragments add, and the class <c>{Path}_{Type}</c>.
/// </summary>
internal sealed class ConcreteShape
{
    public ConcreteShape(SchemaType type, string? interfaceName, string className, IReadOnlyList<FieldShape> extraFields, IReadOnlyList<FieldShape> allFields)
    {
        Type = type;
        InterfaceName = interfaceName;
        ClassName = className;
        ExtraFields = extraFields;
        AllFields = allFields;
    }

    public SchemaType Type { get; }

    /// <summary>Gets the name of the concrete interface; <see langword="null"/> at the root, whose class implements the root interface directly.</summary>
    public string? InterfaceName { get; }

    public string ClassName { get; }

    /// <summary>Gets the fields this type has beyond those of the path's interface.</summary>
    public IReadOnlyList<FieldShape> ExtraFields { get; }

    /// <summary>Gets every field of the class: the path's, then the extra ones.</summary>
    public IReadOnlyList<FieldShape> AllFields { get; }
}
