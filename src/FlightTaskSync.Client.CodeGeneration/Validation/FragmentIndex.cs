using FlightTaskSync.Client.CodeGeneration.Diagnostics;
using FlightTaskSync.Client.CodeGeneration.Documents;
using FlightTaskSync.Client.CodeGeneration.Schema;
using GraphQLParser.AST;

namespace FlightTaskSync.Client.CodeGeneration.Validation;

/// <summary>
/// The named fragments of all operation files: any operation may spread a fragment from any
/// file. Checks that names are unique (FTSG019) and type conditions are object, interface or
/// union types (FTSG002, FTSG021).
/// </summary>
internal sealed class FragmentIndex
{
    private readonly Dictionary<string, FragmentSource> _fragments = new(StringComparer.Ordinal);

    private FragmentIndex()
    {
    }

    public IEnumerable<FragmentSource> All => _fragments.Values;

    public static FragmentIndex Build(IReadOnlyList<SourceDocument> documents, SchemaModel schema, DiagnosticCollector diagnostics)
    {
        var index = new FragmentIndex();
        foreach (var document in documents)
        {
            foreach (var definition in document.Document.Definitions.OfType<GraphQLFragmentDefinition>())
            {
                var name = definition.FragmentName.Name.StringValue;
                if (index._fragments.TryGetValue(name, out var existing))
                {
                    diagnostics.Report(
                        DiagnosticDescriptors.FragmentProblem,
                        document.LocationOf(definition.FragmentName),
                        $"Fragment '{name}' is defined twice (also in {existing.Document.Path}): fragment names must be unique across all .graphql files");
                    continue;
                }

                if (definition.Directives is { Count: > 0 } directives)
                {
                    diagnostics.Report(DiagnosticDescriptors.Unsupported, document.LocationOf(directives[0]), $"Directive '@{directives[0].Name.StringValue}' on a fragment", ": remove it");
                }

                var condition = ResolveTypeCondition(document, definition.TypeCondition, $"Fragment '{name}'", schema, diagnostics);
                index._fragments.Add(name, new FragmentSource(document, definition, condition));
            }
        }

        return index;
    }

    public FragmentSource? Find(string name) => _fragments.TryGetValue(name, out var fragment) ? fragment : null;

    /// <summary>Finds the type of a type condition; reports and returns <see langword="null"/> when it is unknown or has no fields.</summary>
    public static SchemaType? ResolveTypeCondition(SourceDocument document, GraphQLTypeCondition condition, string what, SchemaModel schema, DiagnosticCollector diagnostics)
    {
        var typeName = condition.Type.Name.StringValue;
        var type = schema.FindType(typeName);
        if (type is null)
        {
            diagnostics.Report(DiagnosticDescriptors.UnknownType, document.LocationOf(condition.Type), typeName, NameSuggestion.For(typeName, schema.TypeNames));
            return null;
        }

        if (!type.IsComposite)
        {
            diagnostics.Report(DiagnosticDescriptors.FragmentOnLeafType, document.LocationOf(condition.Type), what, typeName, type.KindWithArticle);
            return null;
        }

        return type;
    }
}
