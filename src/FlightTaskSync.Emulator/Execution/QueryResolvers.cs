using System.Collections;
using FlightTaskSync.Emulator.Data;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Utilities;

namespace FlightTaskSync.Emulator.Execution;

/// <summary>Resolvers of the root fields: <c>Query.sync_flight_tasks</c> and the three mutations.</summary>
internal static class QueryResolvers
{
    public static void Configure(TypeSettings types)
    {
        types.For("Query").FieldFor("sync_flight_tasks").Resolver = new FuncFieldResolver<object?>(SyncFlightTasks);
        types.For("Mutation").FieldFor(UpsertFlightTasks.Field).Resolver = new FuncFieldResolver<object?>(UpsertFlightTasks.Resolve);
        types.For("Mutation").FieldFor(BeginTasks.Field).Resolver = new FuncFieldResolver<object?>(BeginTasks.Resolve);
        types.For("Mutation").FieldFor(DeleteTasks.Field).Resolver = new FuncFieldResolver<object?>(DeleteTasks.Resolve);
    }

    private static SyncAnswer SyncFlightTasks(IResolveFieldContext context)
    {
        var state = RequestState.From(context);
        var organizationId = context.GetArgument<string>("organization_sentera_id");
        var includeDescendants = context.GetArgument<bool?>("include_descendant_organizations") ?? false;
        if (state.Data.GetOrganization(organizationId) is null)
        {
            throw new ExecutionError($"No organization '{organizationId}' was found.") { Code = "NOT_FOUND" };
        }

        var clientHashes = ToHashSet(context.Arguments?["content_hashes"].Value);
        var page = state.Faults.PageFor(() => state.Data.ComputePage(organizationId, includeDescendants, clientHashes, state.PageSize));
        return new SyncAnswer(page, state.FailedEntries > 0 ? FailedEntries(state.FailedEntries) : null);
    }

    /// <summary>Hashes compare ordinally (case-sensitive), as opaque strings.</summary>
    private static HashSet<string> ToHashSet(object? value)
    {
        var list = value as ICollection;
        var hashes = new HashSet<string>(list?.Count ?? 0, StringComparer.Ordinal);
        if (value is IEnumerable items)
        {
            foreach (var item in items)
            {
                if (item is string hash)
                {
                    hashes.Add(hash);
                }
            }
        }

        return hashes;
    }

    private static SyncErrorEntry[] FailedEntries(int count) =>
    [
        .. Enumerable.Range(1, count).Select(i => new SyncErrorEntry(
            Key: "flight_task",
            Message: $"Flight task {i} of {count} could not be synced (fault injected by the emulator).",
            Code: "SYNC_FAILED",
            Reason: i % 2 == 0 ? "injected" : null,
            Details: new Dictionary<string, object?>(StringComparer.Ordinal) { ["index"] = i, ["injected"] = true })),
    ];
}
