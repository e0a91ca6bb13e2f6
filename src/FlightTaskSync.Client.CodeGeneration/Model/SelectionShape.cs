using System.Text;
using FlightTaskSync.Client.CodeGeneration.Schema;

namespace FlightTaskSync.Client.CodeGeneration.Model;

/// <summary>
/// The result types of one selection path (<c>SyncFlightTasks_Sync_flight_tasks_Upserted</c>):
/// the path interface with the fields every possible type has, one concrete shape per possible
/// object type, and for interfaces and unions an <c>_Unknown</c> class for type names the
/// schema does not know.
/// </summary>
internal sealed class SelectionShape
{
    public SelectionShape(
        string path,
        string responsePath,
        string interfaceName,
        SchemaType type,
        bool isRoot,
        IReadOnlyList<FieldShape> fields,
        IReadOnlyList<ConcreteShape> concreteTypes)
    {
        Path = path;
        ResponsePath = responsePath;
        InterfaceName = interfaceName;
        Type = type;
        IsRoot = isRoot;
        Fields = fields;
        ConcreteTypes = concreteTypes;
        Signature = BuildSignature();
    }

    /// <summary>Gets the path that names the types: operation name, then each property name.</summary>
    public string Path { get; }

    /// <summary>Gets the path as response names (<c>sync_flight_tasks.upserted</c>), for messages.</summary>
    public string ResponsePath { get; }

    public string InterfaceName { get; }

    public SchemaType Type { get; }

    public bool IsRoot { get; }

    /// <summary>Gets whether objects here are told apart by <c>__typename</c>: the type is an interface or union.</summary>
    public bool IsAbstract => Type.IsAbstract;

    /// <summary>Gets the fields of the path interface.</summary>
    public IReadOnlyList<FieldShape> Fields { get; }

    public IReadOnlyList<ConcreteShape> ConcreteTypes { get; }

    /// <summary>Gets the class used for a <c>__typename</c> the schema does not know, for abstract types.</summary>
    public string? UnknownClassName => IsAbstract ? Path + "_Unknown" : null;

    /// <summary>Gets a text that is equal for two shapes exactly when they would generate the same types.</summary>
    public string Signature { get; }

    private string BuildSignature()
    {
        var text = new StringBuilder(Type.Name).Append('{');
        foreach (var field in Fields)
        {
            text.Append(field.Signature).Append(';');
        }

        foreach (var concrete in ConcreteTypes)
        {
            text.Append('|').Append(concrete.Type.Name).Append('{');
            foreach (var field in concrete.ExtraFields)
            {
                text.Append(field.Signature).Append(';');
            }

            text.Append('}');
        }

        return text.Append('}').ToString();
    }
}
