using GraphQL.Transport;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;

namespace FlightTaskSync.Emulator.Http;

/// <summary>
/// What a request asks for, read from its document before execution so that a fault can target
/// queries, mutations or one root field: the selected operation's type and root fields.
/// </summary>
internal sealed class RequestOperation
{
    public static readonly RequestOperation Unknown = new(RequestOperationType.Unknown, new HashSet<string>(StringComparer.Ordinal));

    private RequestOperation(RequestOperationType type, IReadOnlySet<string> rootFields)
    {
        Type = type;
        RootFields = rootFields;
    }

    public RequestOperationType Type { get; }

    /// <summary>The root fields the operation selects (through fragments too), without introspection fields.</summary>
    public IReadOnlySet<string> RootFields { get; }

    /// <summary>
    /// Finds the operation <paramref name="request"/> runs: the one named by <c>operationName</c>, or the
    /// only one. <see cref="Unknown"/> when there is no request, the query does not parse, or the choice is
    /// ambiguous; execution reports those as it always does.
    /// </summary>
    public static RequestOperation Of(GraphQLRequest? request)
    {
        if (string.IsNullOrWhiteSpace(request?.Query))
        {
            return Unknown;
        }

        GraphQLDocument document;
        try
        {
            document = Parser.Parse(request.Query, new ParserOptions { Ignore = IgnoreOptions.All });
        }
        catch (GraphQLParserException)
        {
            return Unknown;
        }

        var operations = document.Definitions.OfType<GraphQLOperationDefinition>()
            .Where(o => request.OperationName is null || o.Name?.StringValue == request.OperationName)
            .Take(2)
            .ToList();
        if (operations.Count != 1)
        {
            return Unknown;
        }

        var fragments = document.Definitions.OfType<GraphQLFragmentDefinition>()
            .GroupBy(f => f.FragmentName.Name.StringValue, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var rootFields = new HashSet<string>(StringComparer.Ordinal);
        Collect(operations[0].SelectionSet, fragments, rootFields, new HashSet<string>(StringComparer.Ordinal));
        var type = operations[0].Operation switch
        {
            OperationType.Query => RequestOperationType.Query,
            OperationType.Mutation => RequestOperationType.Mutation,
            _ => RequestOperationType.Subscription,
        };
        return new RequestOperation(type, rootFields);
    }

    private static void Collect(GraphQLSelectionSet selectionSet, Dictionary<string, GraphQLFragmentDefinition> fragments, HashSet<string> rootFields, HashSet<string> visited)
    {
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case GraphQLField field when !field.Name.StringValue.StartsWith("__", StringComparison.Ordinal):
                    rootFields.Add(field.Name.StringValue);
                    break;
                case GraphQLInlineFragment inline:
                    Collect(inline.SelectionSet, fragments, rootFields, visited);
                    break;
                case GraphQLFragmentSpread spread when visited.Add(spread.FragmentName.Name.StringValue)
                    && fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var fragment):
                    Collect(fragment.SelectionSet, fragments, rootFields, visited);
                    break;
            }
        }
    }
}
