using FlightTaskSync.Client.CodeGeneration.Diagnostics;
using FlightTaskSync.Client.CodeGeneration.Documents;
using GraphQLParser.AST;

namespace FlightTaskSync.Client.CodeGeneration.Schema;

/// <summary>
/// Merges the type definitions and extensions of every schema file into one
/// <see cref="SchemaModel"/>. Problems are FTSG014; the schema is then not used.
/// </summary>
internal sealed class SchemaReader
{
    private static readonly string[] BuiltInScalars = ["ID", "String", "Int", "Float", "Boolean"];

    private readonly DiagnosticCollector _diagnostics;
    private readonly Dictionary<string, SchemaType> _types = new(StringComparer.Ordinal);
    private readonly List<SchemaDirectiveUse> _directiveUses = [];
    private readonly List<(SourceDocument Document, GraphQLRootOperationTypeDefinition Definition)> _rootTypes = [];

    private SchemaReader(DiagnosticCollector diagnostics)
    {
        _diagnostics = diagnostics;
    }

    /// <summary>Reads the schema; returns <see langword="null"/> when it has problems (reported).</summary>
    public static SchemaModel? Read(IReadOnlyList<SourceDocument> documents, DiagnosticCollector diagnostics)
    {
        var errorsBefore = diagnostics.ErrorCount;
        var reader = new SchemaReader(diagnostics);
        reader.AddBuiltInScalars();

        var extensions = new List<(SourceDocument, GraphQLTypeExtension)>();
        foreach (var document in documents)
        {
            foreach (var definition in document.Document.Definitions)
            {
                switch (definition)
                {
                    case GraphQLTypeExtension extension:
                        extensions.Add((document, extension));
                        break;
                    case GraphQLTypeDefinition typeDefinition and not GraphQLDirectiveDefinition:
                        reader.Define(document, typeDefinition);
                        break;
                    case GraphQLSchemaDefinition schemaDefinition:
                        reader._rootTypes.AddRange(schemaDefinition.OperationTypes.Select(t => (document, t)));
                        break;
                    case GraphQLSchemaExtension schemaExtension when schemaExtension.OperationTypes is not null:
                        reader._rootTypes.AddRange(schemaExtension.OperationTypes.Select(t => (document, t)));
                        break;
                }
            }
        }

        foreach (var (document, extension) in extensions)
        {
            reader.Extend(document, extension);
        }

        SchemaDirectiveApplier.Apply(reader._directiveUses, diagnostics);
        var schema = SchemaChecker.Check(reader._types, reader._rootTypes, documents, diagnostics);
        return diagnostics.ErrorCount == errorsBefore ? schema : null;
    }

    private void AddBuiltInScalars()
    {
        foreach (var name in BuiltInScalars)
        {
            _types.Add(name, new SchemaType(name, SchemaTypeKind.Scalar, null, null)
            {
                RuntimeType = ScalarRuntimeType.ForBuiltInScalar(name),
            });
        }
    }

    private void Define(SourceDocument document, GraphQLTypeDefinition definition)
    {
        var name = definition.Name.StringValue;
        var kind = KindOf(definition);
        if (_types.TryGetValue(name, out var existing))
        {
            // A schema dump may declare the built-in scalars; that adds nothing.
            if (existing.Document is null && kind == SchemaTypeKind.Scalar)
            {
                return;
            }

            Report(document, definition.Name, existing.Document is null
                ? $"Type '{name}' is built in and cannot be defined again"
                : $"Type '{name}' is defined twice (also in {existing.Document.Path}): use 'extend {KeywordOf(existing.Kind)} {name}' to add to it");
            return;
        }

        var type = new SchemaType(name, kind, document, definition);
        _types.Add(name, type);
        AddMembers(document, type, definition);
    }

    private void Extend(SourceDocument document, GraphQLTypeExtension extension)
    {
        var name = extension.Name.StringValue;
        var kind = KindOf(extension);
        if (!_types.TryGetValue(name, out var type))
        {
            Report(document, extension.Name, $"'extend {KeywordOf(kind)} {name}' extends a type that the schema does not define");
            return;
        }

        if (type.Kind != kind)
        {
            Report(document, extension.Name, $"'{name}' is {type.KindWithArticle}, so it cannot be extended with 'extend {KeywordOf(kind)}'; use 'extend {KeywordOf(type.Kind)} {name}'");
            return;
        }

        AddMembers(document, type, extension);
    }

    private void AddMembers(SourceDocument document, SchemaType type, ASTNode node)
    {
        if (node is IHasDirectivesNode { Directives: { } directives })
        {
            foreach (var directive in directives)
            {
                _directiveUses.Add(new SchemaDirectiveUse(type, document, directive));
            }
        }

        if (node is IHasFieldsDefinitionNode { Fields: { } fields })
        {
            foreach (var field in fields)
            {
                var arguments = field.Arguments?.Select(a => ToInputValue(document, a)).ToList() ?? [];
                if (!type.AddField(new SchemaField(field.Name.StringValue, field.Type, arguments, document)))
                {
                    Report(document, field.Name, $"Type '{type.Name}' defines field '{field.Name.StringValue}' twice");
                }
            }
        }

        if (node is IHasInterfacesNode { Interfaces: { } interfaces })
        {
            foreach (var implemented in interfaces)
            {
                type.AddInterface(implemented.Name.StringValue);
            }
        }

        switch (node)
        {
            case GraphQLEnumTypeDefinition { Values: { } values }:
                AddEnumValues(document, type, values);
                break;
            case GraphQLEnumTypeExtension { Values: { } values }:
                AddEnumValues(document, type, values);
                break;
            case GraphQLUnionTypeDefinition { Types: { } members }:
                AddUnionMembers(type, members);
                break;
            case GraphQLUnionTypeExtension { Types: { } members }:
                AddUnionMembers(type, members);
                break;
            case GraphQLInputObjectTypeDefinition { Fields: { } inputFields }:
                AddInputFields(document, type, inputFields);
                break;
            case GraphQLInputObjectTypeExtension { Fields: { } inputFields }:
                AddInputFields(document, type, inputFields);
                break;
        }
    }

    private void AddEnumValues(SourceDocument document, SchemaType type, GraphQLEnumValuesDefinition values)
    {
        foreach (var value in values)
        {
            if (!type.AddEnumValue(value.Name.StringValue))
            {
                Report(document, value.Name, $"Enum '{type.Name}' defines value '{value.Name.StringValue}' twice");
            }
        }
    }

    private static void AddUnionMembers(SchemaType type, GraphQLUnionMemberTypes members)
    {
        foreach (var member in members)
        {
            type.AddUnionMember(member.Name.StringValue);
        }
    }

    private void AddInputFields(SourceDocument document, SchemaType type, GraphQLInputFieldsDefinition fields)
    {
        foreach (var field in fields)
        {
            if (!type.AddInputField(ToInputValue(document, field)))
            {
                Report(document, field.Name, $"Input type '{type.Name}' defines field '{field.Name.StringValue}' twice");
            }
        }
    }

    private static SchemaInputValue ToInputValue(SourceDocument document, GraphQLInputValueDefinition value) =>
        new(value.Name, value.Type, value.DefaultValue, document);

    private void Report(SourceDocument document, ASTNode node, string message) =>
        _diagnostics.Report(DiagnosticDescriptors.SchemaProblem, document.LocationOf(node), message);

    private static SchemaTypeKind KindOf(ASTNode node) => node switch
    {
        GraphQLScalarTypeDefinition or GraphQLScalarTypeExtension => SchemaTypeKind.Scalar,
        GraphQLObjectTypeDefinition or GraphQLObjectTypeExtension => SchemaTypeKind.Object,
        GraphQLInterfaceTypeDefinition or GraphQLInterfaceTypeExtension => SchemaTypeKind.Interface,
        GraphQLUnionTypeDefinition or GraphQLUnionTypeExtension => SchemaTypeKind.Union,
        GraphQLEnumTypeDefinition or GraphQLEnumTypeExtension => SchemaTypeKind.Enum,
        GraphQLInputObjectTypeDefinition or GraphQLInputObjectTypeExtension => SchemaTypeKind.InputObject,
        _ => throw new ArgumentException($"Not a type definition: {node.Kind}", nameof(node)),
    };

    private static string KeywordOf(SchemaTypeKind kind) => kind switch
    {
        SchemaTypeKind.Scalar => "scalar",
        SchemaTypeKind.Object => "type",
        SchemaTypeKind.Interface => "interface",
        SchemaTypeKind.Union => "union",
        SchemaTypeKind.Enum => "enum",
        _ => "input",
    };
}
