using FlightTaskSync.Client.CodeGeneration.Emitting;
using FlightTaskSync.Client.CodeGeneration.Schema;
using GraphQLParser.AST;

namespace FlightTaskSync.Client.CodeGeneration.Model;

/// <summary>Everything the emitters need to know about one operation, with the names of its types.</summary>
internal sealed class OperationModel
{
    public OperationModel(
        string name,
        OperationType kind,
        string documentText,
        IReadOnlyList<VariableModel> variables,
        IReadOnlyList<SchemaType> inputTypes,
        SelectionShape root,
        IReadOnlyList<SelectionShape> shapes)
    {
        Name = name;
        Kind = kind;
        DocumentText = documentText;
        Variables = variables;
        InputTypes = inputTypes;
        Root = root;
        Shapes = shapes;
    }

    /// <summary>Gets the operation's name in the document.</summary>
    public string Name { get; }

    public OperationType Kind { get; }

    /// <summary>Gets the document the operation sends.</summary>
    public string DocumentText { get; }

    public IReadOnlyList<VariableModel> Variables { get; }

    /// <summary>Gets the enums and input objects the variables write, through input-object fields too, each once.</summary>
    public IReadOnlyList<SchemaType> InputTypes { get; }

    /// <summary>Gets the input objects the variables write.</summary>
    public IEnumerable<SchemaType> InputObjects => InputTypes.Where(t => t.Kind == SchemaTypeKind.InputObject);

    public SelectionShape Root { get; }

    /// <summary>Gets every result path of the operation, the root's included, each once.</summary>
    public IReadOnlyList<SelectionShape> Shapes { get; }

    /// <summary>Gets the name the types start with: the operation name with its first letter upper-cased.</summary>
    public string TypePrefix => CSharpNames.UpperFirst(Name);

    public string KindSuffix => Kind == OperationType.Mutation ? "Mutation" : "Query";

    public string OperationInterfaceName => "I" + TypePrefix + KindSuffix;

    public string OperationClassName => TypePrefix + KindSuffix;

    public string DocumentClassName => TypePrefix + KindSuffix + "Document";

    public string VariablesClassName => TypePrefix + "Variables";

    public string ParserClassName => TypePrefix + "ResultParser";

    /// <summary>Lists the enums the operation reads or writes.</summary>
    public IEnumerable<SchemaType> Enums
    {
        get
        {
            foreach (var inputType in InputTypes)
            {
                if (inputType.Kind == SchemaTypeKind.Enum)
                {
                    yield return inputType;
                }
            }

            foreach (var shape in Shapes)
            {
                var fields = shape.Fields.Concat(shape.ConcreteTypes.SelectMany(c => c.ExtraFields));
                foreach (var selected in fields)
                {
                    if (selected.NamedType.Kind == SchemaTypeKind.Enum)
                    {
                        yield return selected.NamedType;
                    }
                }
            }
        }
    }
}
