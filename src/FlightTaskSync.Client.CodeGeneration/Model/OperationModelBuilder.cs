using FlightTaskSync.Client.CodeGeneration.Diagnostics;
using FlightTaskSync.Client.CodeGeneration.Emitting;
using FlightTaskSync.Client.CodeGeneration.Printing;
using FlightTaskSync.Client.CodeGeneration.Schema;
using FlightTaskSync.Client.CodeGeneration.Validation;

namespace FlightTaskSync.Client.CodeGeneration.Model;

/// <summary>Builds the <see cref="OperationModel"/> of a validated operation and claims its type names.</summary>
internal sealed class OperationModelBuilder
{
    // Members of the variables class and parameters of ExecuteAsync that a variable must not shadow.
    private static readonly string[] ReservedPropertyNames = ["Validate", "WriteAsync"];

    private readonly SchemaModel _schema;
    private readonly FragmentIndex _fragments;
    private readonly DiagnosticCollector _diagnostics;
    private readonly TypeNameRegistry _names;
    private readonly ResultShapeBuilder _shapes;

    public OperationModelBuilder(SchemaModel schema, FragmentIndex fragments, DiagnosticCollector diagnostics, TypeNameRegistry names)
    {
        _schema = schema;
        _fragments = fragments;
        _diagnostics = diagnostics;
        _names = names;
        _shapes = new ResultShapeBuilder(schema, fragments, diagnostics, names);
    }

    public OperationModel Build(OperationSource operation)
    {
        var location = operation.Document.LocationOf(operation.Definition.Name!);
        var variables = BuildVariables(operation);
        var (root, shapes) = _shapes.Build(operation, CSharpNames.UpperFirst(operation.Name));
        var model = new OperationModel(
            operation.Name,
            operation.Definition.Operation,
            DocumentPrinter.Print(operation.Definition, _fragments),
            variables,
            InputTypesOf(variables),
            root,
            shapes);

        var owner = $"operation '{operation.Name}'";
        _names.Claim(model.OperationInterfaceName, owner, location);
        _names.Claim(model.OperationClassName, owner, location);
        _names.Claim(model.DocumentClassName, $"the document of {owner}", location);
        _names.Claim(model.VariablesClassName, $"the variables of {owner}", location);
        _names.Claim(model.ParserClassName, $"the result parser of {owner}", location);
        return model;
    }

    /// <summary>Lists the enums and input objects that the variables write, following input-object fields.</summary>
    private List<SchemaType> InputTypesOf(IEnumerable<VariableModel> variables)
    {
        var found = new List<SchemaType>();
        var pending = new Queue<SchemaType>(variables.Select(v => v.NamedType));
        while (pending.Count > 0)
        {
            var type = pending.Dequeue();
            if (type.Kind is not (SchemaTypeKind.Enum or SchemaTypeKind.InputObject) || found.Contains(type))
            {
                continue;
            }

            found.Add(type);
            foreach (var field in type.InputFields)
            {
                pending.Enqueue(_schema.FindType(field.Type.NamedType)!);
            }
        }

        return found;
    }

    private List<VariableModel> BuildVariables(OperationSource operation)
    {
        var variables = new List<VariableModel>();
        var propertyNames = new HashSet<string>(ReservedPropertyNames, StringComparer.Ordinal)
        {
            CSharpNames.UpperFirst(operation.Name) + "Variables",
        };

        foreach (var definition in operation.Definition.Variables ?? Enumerable.Empty<GraphQLParser.AST.GraphQLVariableDefinition>())
        {
            var type = TypeReference.From(definition.Type);
            var variable = new VariableModel(definition.Variable.Name.StringValue, type, _schema.FindType(type.NamedType)!, definition.DefaultValue is not null);
            if (!propertyNames.Add(variable.PropertyName) || variable.Name == "cancellationToken")
            {
                _diagnostics.Report(
                    DiagnosticDescriptors.GeneratedNameCollision,
                    operation.Document.LocationOf(definition.Variable),
                    $"Variable '${variable.Name}' would become the property '{variable.PropertyName}' or parameter '{variable.ParameterName}', which is already taken: rename the variable");
                continue;
            }

            variables.Add(variable);
        }

        return variables;
    }
}
