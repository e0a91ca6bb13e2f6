using FlightTaskSync.Client.CodeGeneration.Diagnostics;
using FlightTaskSync.Client.CodeGeneration.Documents;
using FlightTaskSync.Client.CodeGeneration.Schema;
using GraphQLParser.AST;

namespace FlightTaskSync.Client.CodeGeneration.Validation;

/// <summary>
/// Validates every operation of every operations file: names (FTSG011, FTSG012), operation
/// kinds (FTSG015 for subscriptions), each operation's content, and unused fragments (FTSG019).
/// </summary>
internal static class OperationSetValidator
{
    public static IReadOnlyList<OperationSource> Validate(
        IReadOnlyList<SourceDocument> documents,
        SchemaModel schema,
        FragmentIndex fragments,
        DiagnosticCollector diagnostics)
    {
        var operations = new List<OperationSource>();
        var byName = new Dictionary<string, SourceDocument>(StringComparer.Ordinal);
        var validator = new OperationValidator(schema, fragments, diagnostics);

        foreach (var document in documents)
        {
            foreach (var operation in document.Document.Definitions.OfType<GraphQLOperationDefinition>())
            {
                var keyword = KeywordOf(operation.Operation);
                var rootType = operation.Operation switch
                {
                    OperationType.Query => schema.QueryType,
                    OperationType.Mutation => schema.MutationType,
                    _ => null,
                };

                if (operation.Operation == OperationType.Subscription)
                {
                    diagnostics.Report(
                        DiagnosticDescriptors.Unsupported,
                        document.LocationOfWordAt(operation.Location.Start),
                        "A subscription",
                        ": the client sends requests over HTTP and has no subscription transport; use a query");
                    continue;
                }

                if (rootType is null)
                {
                    diagnostics.Report(
                        DiagnosticDescriptors.SchemaProblem,
                        document.LocationOfWordAt(operation.Location.Start),
                        $"The schema defines no {keyword} type, so this {keyword} cannot be sent: add 'type Mutation {{ ... }}' to the schema or make it a query");
                    continue;
                }

                if (operation.Name is null)
                {
                    diagnostics.Report(DiagnosticDescriptors.AnonymousOperation, document.LocationOfWordAt(operation.Location.Start), keyword);
                }
                else if (byName.TryGetValue(operation.Name.StringValue, out var first))
                {
                    diagnostics.Report(DiagnosticDescriptors.DuplicateOperationName, document.LocationOf(operation.Name), operation.Name.StringValue, first.Path);
                }
                else
                {
                    byName.Add(operation.Name.StringValue, document);
                }

                validator.Validate(document, operation, rootType);
                if (operation.Name is not null)
                {
                    operations.Add(new OperationSource(document, operation, rootType));
                }
            }
        }

        foreach (var fragment in fragments.All)
        {
            if (!fragment.IsUsed)
            {
                diagnostics.Report(
                    DiagnosticDescriptors.FragmentProblem,
                    fragment.Document.LocationOf(fragment.Definition.FragmentName),
                    $"Fragment '{fragment.Name}' is never used: spread it with '...{fragment.Name}' in an operation, or remove it");
            }
        }

        return operations;
    }

    private static string KeywordOf(OperationType operation) => operation switch
    {
        OperationType.Mutation => "mutation",
        OperationType.Subscription => "subscription",
        _ => "query",
    };
}
