using FlightTaskSync.Emulator.Data;
using GraphQL;

namespace FlightTaskSync.Emulator.Execution;

/// <summary>
/// <c>Mutation.delete_tasks</c>: at most 1,000 ids, within one atomic call. Deletes each live task
/// (keeping a tombstone, so that <c>sync_flight_tasks</c> reports it in <c>deleted</c> to clients that
/// hold it) and returns the deleted tasks as they were, in input order. The emulator's choices: an
/// unknown or already deleted id is ignored (not an error, not returned), an id given twice is deleted
/// once, and <c>field_sentera_id</c>, when given, limits the call to tasks on that field (the others
/// are left alone and not returned).
/// </summary>
internal static class DeleteTasks
{
    public const string Field = "delete_tasks";
    public const int MaxIds = 1000;

    public static IReadOnlyList<HashedTask> Resolve(IResolveFieldContext context)
    {
        var state = RequestState.From(context);
        var ids = MutationArguments.Ids(context, "sentera_ids");
        if (ids.Count > MaxIds)
        {
            throw new ExecutionError($"At most {MaxIds} tasks can be deleted in one call, not {ids.Count}.") { Code = "BAD_USER_INPUT" };
        }

        var fieldId = context.GetArgument<string?>("field_sentera_id");
        var source = state.SourceOf(Field);
        return state.Data.Atomically(() =>
        {
            var deleted = new List<HashedTask>();
            for (var index = 0; index < ids.Count; index++)
            {
                var current = state.Data.Get(ids[index]);
                if (current is null || (fieldId is not null && !string.Equals(current.FieldSenteraId, fieldId, StringComparison.Ordinal)))
                {
                    continue;
                }

                var tombstone = state.Data.Delete(current.SenteraId)!;
                state.Data.Record(source, EmulatorMutationKind.Delete, index, current, tombstone.LastContentHash);
                deleted.Add(new HashedTask(current));
            }

            return deleted;
        });
    }
}
