using FlightTaskSync.Emulator.Data;
using GraphQL;

namespace FlightTaskSync.Emulator.Execution;

/// <summary>
/// <c>Mutation.begin_tasks</c>: at most 100 ids, applied in order within one atomic call. Each
/// <c>OPEN</c> task becomes <c>IN_PROGRESS</c> with <c>started_at</c>, <c>updated_at</c> set to the
/// server's time and <c>updated_by</c> to the token's user. An unknown (or deleted) id fails with
/// <c>not_found</c>; a task in any other status, <c>IN_PROGRESS</c> included, fails with
/// <c>invalid_transition</c> and its status in <c>details</c> (the emulator's choice: begin is not
/// idempotent, so an id given twice in one call begins once and then fails).
/// </summary>
internal static class BeginTasks
{
    public const string Field = "begin_tasks";
    public const int MaxIds = 100;

    public static BulkUpdateAnswer Resolve(IResolveFieldContext context)
    {
        var state = RequestState.From(context);
        var ids = MutationArguments.Ids(context, "sentera_ids");
        if (ids.Count > MaxIds)
        {
            throw new ExecutionError($"At most {MaxIds} tasks can be begun in one call, not {ids.Count}.") { Code = "BAD_USER_INPUT" };
        }

        var source = state.SourceOf(Field);
        return state.Data.Atomically(() =>
        {
            var succeeded = new List<string>();
            var failed = new List<BulkUpdateFailure>();
            var now = DataGenerator.TruncateToSeconds(state.Data.Now);
            for (var index = 0; index < ids.Count; index++)
            {
                var current = state.Data.Get(ids[index]);
                if (current is null)
                {
                    failed.Add(new BulkUpdateFailure(index, [AttributeFailure.NotFound("sentera_id")]));
                    continue;
                }

                if (current.Status != EmulatorTaskStatus.Open)
                {
                    failed.Add(new BulkUpdateFailure(index, [AttributeFailure.InvalidTransition("begin", SchemaNames.Of(current.Status))]));
                    continue;
                }

                var begun = state.Data.Update(current.SenteraId, t => t with
                {
                    Status = EmulatorTaskStatus.InProgress,
                    StartedAt = now,
                    UpdatedAt = now,
                    UpdatedBySenteraId = state.UserSenteraId,
                });
                state.Data.Record(source, EmulatorMutationKind.Begin, index, begun, begun.ContentHash);
                succeeded.Add(begun.SenteraId);
            }

            return new BulkUpdateAnswer(succeeded, failed);
        });
    }
}
