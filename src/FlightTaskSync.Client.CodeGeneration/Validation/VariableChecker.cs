using FlightTaskSync.Client.CodeGeneration.Diagnostics;
using FlightTaskSync.Client.CodeGeneration.Documents;
using FlightTaskSync.Client.CodeGeneration.Schema;
using GraphQLParser.AST;

namespace FlightTaskSync.Client.CodeGeneration.Validation;

/// <summary>
/// Checks an operation's variable definitions (FTSG002, FTSG015, FTSG016, FTSG023, FTSG024) and,
/// once the operation has been walked, its variable usages (FTSG007, FTSG008, FTSG009).
/// </summary>
internal sealed class VariableChecker
{
    private readonly SchemaModel _schema;
    private readonly ArgumentValidator _values;
    private readonly DiagnosticCollector _diagnostics;

    public VariableChecker(SchemaModel schema, ArgumentValidator values, DiagnosticCollector diagnostics)
    {
        _schema = schema;
        _values = values;
        _diagnostics = diagnostics;
    }

    public Dictionary<string, DeclaredVariable> Declare(SourceDocument document, GraphQLOperationDefinition operation)
    {
        var declared = new Dictionary<string, DeclaredVariable>(StringComparer.Ordinal);
        foreach (var definition in operation.Variables ?? Enumerable.Empty<GraphQLVariableDefinition>())
        {
            var name = definition.Variable.Name.StringValue;
            if (declared.ContainsKey(name))
            {
                _diagnostics.Report(DiagnosticDescriptors.DuplicateName, document.LocationOf(definition.Variable), "Variable", "$" + name);
                continue;
            }

            declared.Add(name, new DeclaredVariable(definition, CheckDefinition(document, definition)));
        }

        return declared;
    }

    public void CheckUsages(SourceDocument document, GraphQLOperationDefinition operation, Dictionary<string, DeclaredVariable> declared, IEnumerable<VariableUsage> usages)
    {
        var operationName = operation.Name?.StringValue ?? "(anonymous)";
        foreach (var usage in usages)
        {
            if (!declared.TryGetValue(usage.Name, out var variable))
            {
                _diagnostics.Report(DiagnosticDescriptors.UndefinedVariable, usage.Document.LocationOf(usage.Node), usage.Name, operationName);
                continue;
            }

            variable.IsUsed = true;
            if (variable.TypeIsValid && usage.LocationType is not null && !IsAllowed(variable, usage.LocationType, usage.LocationHasDefault))
            {
                _diagnostics.Report(
                    DiagnosticDescriptors.IncompatibleVariable,
                    usage.Document.LocationOf(usage.Node),
                    usage.Name,
                    variable.Type.ToString(),
                    usage.LocationType.ToString(),
                    Hint(variable, usage.LocationType));
            }
        }

        foreach (var variable in declared.Values)
        {
            if (!variable.IsUsed)
            {
                _diagnostics.Report(DiagnosticDescriptors.UnusedVariable, document.LocationOf(variable.Definition.Variable), variable.Name, operationName);
            }
        }
    }

    private bool CheckDefinition(SourceDocument document, GraphQLVariableDefinition definition)
    {
        var name = definition.Variable.Name.StringValue;
        if (definition.Directives is { Count: > 0 } directives)
        {
            _diagnostics.Report(DiagnosticDescriptors.Unsupported, document.LocationOf(directives[0]), $"Directive '@{directives[0].Name.StringValue}' on a variable", ": remove it");
        }

        var namedNode = TypeReference.NamedNode(definition.Type);
        var typeName = namedNode.Name.StringValue;
        var type = _schema.FindType(typeName);
        if (type is null)
        {
            _diagnostics.Report(DiagnosticDescriptors.UnknownType, document.LocationOf(namedNode), typeName, NameSuggestion.For(typeName, _schema.TypeNames));
            return false;
        }

        if (!type.IsInput)
        {
            _diagnostics.Report(DiagnosticDescriptors.VariableNotInputType, document.LocationOf(namedNode), name, typeName, type.KindWithArticle);
            return false;
        }

        if (definition.DefaultValue is { } defaultValue)
        {
            _values.ValidateValue(document, defaultValue, TypeReference.From(definition.Type), locationHasDefault: false, $"The default value of '${name}'", usages: null);
        }

        return true;
    }

    // GraphQL's "All Variable Usages Are Allowed": a nullable variable may fill a non-null
    // place only when it has a non-null default or the place itself has a default.
    private static bool IsAllowed(DeclaredVariable variable, TypeReference location, bool locationHasDefault)
    {
        if (location.IsNonNull && !variable.Type.IsNonNull)
        {
            if (!variable.HasNonNullDefault && !locationHasDefault)
            {
                return false;
            }

            return AreCompatible(variable.Type, location.OfType!);
        }

        return AreCompatible(variable.Type, location);
    }

    private static bool AreCompatible(TypeReference variableType, TypeReference locationType)
    {
        if (locationType.IsNonNull)
        {
            return variableType.IsNonNull && AreCompatible(variableType.OfType!, locationType.OfType!);
        }

        if (variableType.IsNonNull)
        {
            return AreCompatible(variableType.OfType!, locationType);
        }

        if (locationType.IsList)
        {
            return variableType.IsList && AreCompatible(variableType.OfType!, locationType.OfType!);
        }

        return !variableType.IsList && variableType.Name == locationType.Name;
    }

    private static string Hint(DeclaredVariable variable, TypeReference location)
    {
        if (location.IsNonNull && !variable.Type.IsNonNull && AreCompatible(TypeReference.NonNullOf(variable.Type), location))
        {
            return $": declare it '{TypeReference.NonNullOf(variable.Type)}', or give it a non-null default value";
        }

        return $": declare it '{location}'";
    }
}
