using FlightTaskSync.Emulator.Data;
using GraphQL;

namespace FlightTaskSync.Emulator.Execution;

/// <summary>
/// <c>Mutation.upsert_flight_tasks</c>: at most 100 entries; an entry with <c>sentera_id</c> updates
/// the fields it carries, one without creates a task (organization and name required). Entries
/// succeed or fail one by one, in order, within one atomic call; failures say which attribute and why.
/// The status is inferred from the lifecycle dates (<see cref="TaskLifecycle"/>); <c>updated_at</c>,
/// <c>updated_by</c> and (on create) <c>created_at</c>, <c>created_by</c> come from the server's clock
/// and the token's user.
/// </summary>
internal static class UpsertFlightTasks
{
    public const string Field = "upsert_flight_tasks";
    public const int MaxEntries = 100;

    public static UpsertAnswer Resolve(IResolveFieldContext context)
    {
        var state = RequestState.From(context);
        var entries = (context.Arguments?["flight_tasks"].Value as IEnumerable<object?>)?.OfType<IDictionary<string, object?>>().ToList() ?? [];
        if (entries.Count > MaxEntries)
        {
            throw new ExecutionError($"At most {MaxEntries} flight tasks can be upserted in one call, not {entries.Count}.") { Code = "BAD_USER_INPUT" };
        }

        var source = state.SourceOf(Field);
        return state.Data.Atomically(() =>
        {
            var succeeded = new List<HashedTask>();
            var failed = new List<UpsertFailure>();
            for (var index = 0; index < entries.Count; index++)
            {
                var entry = entries[index];
                var (task, failure) = entry.TryGetValue("sentera_id", out var id) && id is string senteraId
                    ? Update(state, source, index, senteraId, entry)
                    : Create(state, source, index, entry);
                if (task is not null)
                {
                    succeeded.Add(task);
                }
                else
                {
                    failed.Add(failure!);
                }
            }

            return new UpsertAnswer(succeeded, failed);
        });
    }

    private static (HashedTask? Task, UpsertFailure? Failure) Update(RequestState state, MutationSource source, int index, string senteraId, IDictionary<string, object?> entry)
    {
        var current = state.Data.Get(senteraId);
        if (current is null)
        {
            return (null, new UpsertFailure(index, null, [AttributeFailure.NotFound("sentera_id")]));
        }

        var problems = new List<AttributeFailure>();
        if (entry.TryGetValue("organization_sentera_id", out var organization))
        {
            if (organization is not string organizationId)
            {
                problems.Add(AttributeFailure.Blank("organization_sentera_id"));
            }
            else if (!string.Equals(organizationId, current.OrganizationSenteraId, StringComparison.Ordinal))
            {
                problems.Add(AttributeFailure.Immutable("organization_sentera_id"));
            }
        }

        var changed = FlightTaskImportEntry.Apply(state, current, entry, problems);
        if (problems.Count > 0)
        {
            return (null, new UpsertFailure(index, new HashedTask(current), problems));
        }

        var now = DataGenerator.TruncateToSeconds(state.Data.Now);
        var stored = new HashedTask(state.Data.Update(senteraId, _ => changed with { UpdatedAt = now, UpdatedBySenteraId = state.UserSenteraId }));
        state.Data.Record(source, EmulatorMutationKind.Update, index, stored.Task, stored.Hash, FlightTaskImportEntry.Describe(entry));
        return (stored, null);
    }

    private static (HashedTask? Task, UpsertFailure? Failure) Create(RequestState state, MutationSource source, int index, IDictionary<string, object?> entry)
    {
        var problems = new List<AttributeFailure>();
        var organizationId = entry.TryGetValue("organization_sentera_id", out var value) ? value as string : null;
        if (organizationId is null)
        {
            problems.Add(AttributeFailure.Blank("organization_sentera_id"));
        }
        else if (state.Data.GetOrganization(organizationId) is null)
        {
            problems.Add(AttributeFailure.NotFound("organization_sentera_id"));
        }

        if (!entry.ContainsKey("name"))
        {
            problems.Add(AttributeFailure.Blank("name"));
        }

        var now = DataGenerator.TruncateToSeconds(state.Data.Now);
        var draft = new EmulatorTask
        {
            SenteraId = string.Empty,
            OrganizationSenteraId = organizationId ?? string.Empty,
            Name = string.Empty,
            Status = EmulatorTaskStatus.Open,
            Provider = EmulatorTaskProvider.Self,
            TaskType = EmulatorTaskType.Flight,
            CreatedBySenteraId = state.UserSenteraId,
            UpdatedBySenteraId = state.UserSenteraId,
            CreatedAt = now,
            UpdatedAt = now,
        };
        draft = FlightTaskImportEntry.Apply(state, draft, entry, problems);
        if (problems.Count > 0)
        {
            return (null, new UpsertFailure(index, null, problems));
        }

        var stored = new HashedTask(state.Data.AddTask(draft with { SenteraId = state.Data.NewTaskId(organizationId!, now) }));
        state.Data.Record(source, EmulatorMutationKind.Create, index, stored.Task, stored.Hash, FlightTaskImportEntry.Describe(entry));
        return (stored, null);
    }
}
