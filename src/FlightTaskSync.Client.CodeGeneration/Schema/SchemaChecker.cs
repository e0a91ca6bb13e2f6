using FlightTaskSync.Client.CodeGeneration.Diagnostics;
using FlightTaskSync.Client.CodeGeneration.Documents;
using GraphQLParser.AST;
using Microsoft.CodeAnalysis;

namespace FlightTaskSync.Client.CodeGeneration.Schema;

/// <summary>
/// Checks that the merged types hang together (every referenced type exists and has the right
/// kind, objects have the fields of their interfaces, a query type exists), links interfaces
/// and unions to their object types, and finds the root operation types.
/// </summary>
internal sealed class SchemaChecker
{
    private readonly Dictionary<string, SchemaType> _types;
    private readonly DiagnosticCollector _diagnostics;

    private SchemaChecker(Dictionary<string, SchemaType> types, DiagnosticCollector diagnostics)
    {
        _types = types;
        _diagnostics = diagnostics;
    }

    public static SchemaModel? Check(
        Dictionary<string, SchemaType> types,
        IReadOnlyList<(SourceDocument Document, GraphQLRootOperationTypeDefinition Definition)> rootTypes,
        IReadOnlyList<SourceDocument> documents,
        DiagnosticCollector diagnostics)
    {
        var checker = new SchemaChecker(types, diagnostics);
        foreach (var type in types.Values)
        {
            checker.CheckType(type);
        }

        checker.CheckInputCycles();
        checker.CheckDotNetNames();
        return checker.FindRoots(rootTypes, documents);
    }

    private void CheckType(SchemaType type)
    {
        switch (type.Kind)
        {
            case SchemaTypeKind.Scalar:
                type.RuntimeType ??= ScalarRuntimeType.Opaque;
                break;
            case SchemaTypeKind.Object:
            case SchemaTypeKind.Interface:
                CheckFields(type);
                CheckInterfaces(type);
                if (type.Kind == SchemaTypeKind.Object)
                {
                    type.AddPossibleType(type);
                }

                break;
            case SchemaTypeKind.Union:
                foreach (var memberName in type.UnionMembers)
                {
                    var member = Resolve(type, memberName, $"union '{type.Name}'");
                    if (member is null)
                    {
                        continue;
                    }

                    if (member.Kind != SchemaTypeKind.Object)
                    {
                        Report(type, $"Union '{type.Name}' lists '{memberName}', {member.KindWithArticle}: union members must be object types");
                        continue;
                    }

                    type.AddPossibleType(member);
                }

                break;
            case SchemaTypeKind.InputObject:
                foreach (var field in type.InputFields)
                {
                    CheckInputType(field, $"input field '{type.Name}.{field.Name}'");
                }

                break;
        }
    }

    private void CheckFields(SchemaType type)
    {
        foreach (var field in type.Fields)
        {
            var fieldType = Resolve(field.Document, field.TypeNode, $"field '{type.Name}.{field.Name}'");
            if (fieldType is { Kind: SchemaTypeKind.InputObject })
            {
                Report(field.Document, field.TypeNode, $"Field '{type.Name}.{field.Name}' has the input type '{fieldType.Name}': fields return output types (scalars, enums, objects, interfaces, unions)");
            }

            foreach (var argument in field.Arguments)
            {
                CheckInputType(argument, $"argument '{argument.Name}' of '{type.Name}.{field.Name}'");
            }
        }
    }

    private void CheckInterfaces(SchemaType type)
    {
        foreach (var interfaceName in type.Interfaces)
        {
            var implemented = Resolve(type, interfaceName, $"the interfaces of '{type.Name}'");
            if (implemented is null)
            {
                continue;
            }

            if (implemented.Kind != SchemaTypeKind.Interface)
            {
                Report(type, $"'{type.Name}' implements '{interfaceName}', {implemented.KindWithArticle}: only interfaces can be implemented");
                continue;
            }

            foreach (var field in implemented.Fields)
            {
                if (type.FindField(field.Name) is null)
                {
                    Report(type, $"'{type.Name}' implements '{interfaceName}' but lacks its field '{field.Name}': add '{field.Name}: {field.Type}'");
                }
            }

            if (type.Kind == SchemaTypeKind.Object)
            {
                implemented.AddPossibleType(type);
            }
        }
    }

    private void CheckInputType(SchemaInputValue value, string where)
    {
        var type = Resolve(value.Document, value.TypeNode, where);
        if (type is not null && !type.IsInput)
        {
            Report(value.Document, value.TypeNode, $"The type of {where} is '{type.Name}', {type.KindWithArticle}: arguments and input fields take scalars, enums or input objects");
        }
    }

    private SchemaType? Resolve(SourceDocument document, GraphQLType typeNode, string where)
    {
        var named = TypeReference.NamedNode(typeNode);
        var name = named.Name.StringValue;
        if (_types.TryGetValue(name, out var type))
        {
            return type;
        }

        Report(document, named, $"Unknown type '{name}' in {where}: define it in a schema file{NameSuggestion.For(name, _types.Keys)}");
        return null;
    }

    private SchemaType? Resolve(SchemaType owner, string name, string where)
    {
        if (_types.TryGetValue(name, out var type))
        {
            return type;
        }

        Report(owner, $"Unknown type '{name}' in {where}: define it in a schema file{NameSuggestion.For(name, _types.Keys)}");
        return null;
    }

    // GraphQL's "Input Objects" rule: a chain of non-null fields may not lead an input type back to
    // itself, or no value of it could ever be written. Each cycle is reported once, on its first type.
    private void CheckInputCycles()
    {
        var inCycle = new HashSet<SchemaType>();
        foreach (var type in _types.Values)
        {
            if (type.Kind != SchemaTypeKind.InputObject || inCycle.Contains(type))
            {
                continue;
            }

            var path = new List<(SchemaType Type, SchemaInputValue Field)>();
            if (FindNonNullPathBack(type, type, path, []))
            {
                var chain = string.Join(" -> ", path.Select(step => $"{step.Type.Name}.{step.Field.Name}")) + " -> " + type.Name;
                Report(path[0].Field.Document, path[0].Field.NameNode, $"Input type '{type.Name}' can never be written: its non-null fields lead back to it ({chain}); make one of them nullable or a list");
                foreach (var step in path)
                {
                    inCycle.Add(step.Type);
                }
            }
        }
    }

    private bool FindNonNullPathBack(SchemaType start, SchemaType current, List<(SchemaType Type, SchemaInputValue Field)> path, HashSet<SchemaType> visited)
    {
        if (!visited.Add(current))
        {
            return false;
        }

        foreach (var field in current.InputFields)
        {
            if (!field.Type.IsNonNull || field.Type.OfType!.IsList
                || !_types.TryGetValue(field.Type.NamedType, out var fieldType) || fieldType.Kind != SchemaTypeKind.InputObject)
            {
                continue;
            }

            path.Add((current, field));
            if (fieldType == start || FindNonNullPathBack(start, fieldType, path, visited))
            {
                return true;
            }

            path.RemoveAt(path.Count - 1);
        }

        return false;
    }

    private void CheckDotNetNames()
    {
        var byDotNetName = new Dictionary<string, SchemaType>(StringComparer.Ordinal);
        foreach (var type in _types.Values)
        {
            if (type.Kind == SchemaTypeKind.Scalar)
            {
                continue;
            }

            if (byDotNetName.TryGetValue(type.DotNetName, out var other))
            {
                Report(type, $"Types '{other.Name}' and '{type.Name}' would both be named '{type.DotNetName}' in generated code: give one a different @rename(name: ...)");
                continue;
            }

            byDotNetName.Add(type.DotNetName, type);
        }
    }

    private SchemaModel? FindRoots(
        IReadOnlyList<(SourceDocument Document, GraphQLRootOperationTypeDefinition Definition)> rootTypes,
        IReadOnlyList<SourceDocument> documents)
    {
        var named = new Dictionary<OperationType, SchemaType>();
        foreach (var (document, definition) in rootTypes)
        {
            var name = definition.Type!.Name.StringValue;
            if (!_types.TryGetValue(name, out var type) || type.Kind != SchemaTypeKind.Object)
            {
                _diagnostics.Report(
                    DiagnosticDescriptors.SchemaProblem,
                    document.LocationOf(definition),
                    $"The {definition.Operation.ToString().ToLowerInvariant()} root type '{name}' must be an object type defined in the schema");
                continue;
            }

            named[definition.Operation] = type;
        }

        var query = Root(named, OperationType.Query, "Query");
        if (query is null)
        {
            var location = documents.Count > 0 ? documents[0].LocationOf(documents[0].Document.Definitions[0]) : Location.None;
            _diagnostics.Report(
                DiagnosticDescriptors.SchemaProblem,
                location,
                "The schema has no query type: define 'type Query { ... }' or name one in 'schema { query: ... }'");
            return null;
        }

        return new SchemaModel(
            _types,
            query,
            Root(named, OperationType.Mutation, "Mutation"),
            Root(named, OperationType.Subscription, "Subscription"));
    }

    private SchemaType? Root(Dictionary<OperationType, SchemaType> named, OperationType operation, string defaultName)
    {
        if (named.TryGetValue(operation, out var type))
        {
            return type;
        }

        return named.Count == 0 && _types.TryGetValue(defaultName, out type) && type.Kind == SchemaTypeKind.Object ? type : null;
    }

    private void Report(SchemaType type, string message) =>
        _diagnostics.Report(
            DiagnosticDescriptors.SchemaProblem,
            type.Document!.LocationOf(type.Definition is GraphQLTypeDefinition definition ? definition.Name : type.Definition!),
            message);

    private void Report(SourceDocument document, ASTNode node, string message) =>
        _diagnostics.Report(DiagnosticDescriptors.SchemaProblem, document.LocationOf(node), message);
}
