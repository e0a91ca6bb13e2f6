using FlightTaskSync.Emulator.Data;
using GraphQL;

namespace FlightTaskSync.Emulator.Execution;

/// <summary>
/// <c>Mutation.upsert_flight_tasks</c>: at most 100 entries; an entry with <c>sentera_id</c>
/// updates the fields it carries, one without creates a task (organization and name required).
/// Entries succeed or fail one by one; failures say which attribute and why.
/// </summary>
internal static class UpsertFlightTasks
{
    public const int MaxEntries = 100;

    public static UpsertAnswer Resolve(IResolveFieldContext context)
    {
        var state = RequestState.From(context);
        var entries = (context.Arguments?["flight_tasks"].Value as IEnumerable<object?>)?.OfType<IDictionary<string, object?>>().ToList() ?? [];
        if (entries.Count > MaxEntries)
        {
            throw new ExecutionError($"At most {MaxEntries} flight tasks can be upserted in one call, not {entries.Count}.") { Code = "BAD_USER_INPUT" };
        }

        var succeeded = new List<HashedTask>();
        var failed = new List<UpsertFailure>();
        for (var index = 0; index < entries.Count; index++)
        {
            var entry = entries[index];
            var problems = new List<AttributeFailure>();
            var existing = entry.TryGetValue("sentera_id", out var id) && id is string senteraId ? state.Data.Get(senteraId) : null;
            if (id is string missing && existing is null)
            {
                problems.Add(new("sentera_id", "not_found", $"No flight task '{missing}' exists.", "NOT_FOUND"));
            }
            else
            {
                var task = existing ?? Create(state, entry, problems);
                task = Apply(state, task, entry, problems);
                if (problems.Count == 0)
                {
                    var stored = existing is null ? state.Data.AddTask(task) : state.Data.Update(existing.SenteraId, _ => task);
                    succeeded.Add(new HashedTask(stored));
                    continue;
                }
            }

            failed.Add(new UpsertFailure(index, existing is null ? null : new HashedTask(existing), problems));
        }

        return new UpsertAnswer(succeeded, failed);
    }

    private static EmulatorTask Create(RequestState state, IDictionary<string, object?> entry, List<AttributeFailure> problems)
    {
        var organizationId = entry.TryGetValue("organization_sentera_id", out var value) ? value as string : null;
        if (organizationId is null || state.Data.GetOrganization(organizationId) is null)
        {
            problems.Add(organizationId is null
                ? new("organization_sentera_id", "blank", "An organization is required to create a flight task.", "REQUIRED")
                : new("organization_sentera_id", "not_found", $"No organization '{organizationId}' exists.", "NOT_FOUND"));
            organizationId = state.Data.Organizations[0].SenteraId;
        }

        if (!entry.ContainsKey("name"))
        {
            problems.Add(new("name", "blank", "A name is required to create a flight task.", "REQUIRED"));
        }

        var now = DataGenerator.TruncateToSeconds(state.Data.Now);
        return new EmulatorTask
        {
            SenteraId = state.Data.GenerateTask(organizationId).SenteraId,
            OrganizationSenteraId = organizationId,
            Name = string.Empty,
            Status = EmulatorTaskStatus.Open,
            Provider = EmulatorTaskProvider.Self,
            TaskType = EmulatorTaskType.Flight,
            CreatedBySenteraId = state.Data.Users[0].SenteraId,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    private static EmulatorTask Apply(RequestState state, EmulatorTask task, IDictionary<string, object?> entry, List<AttributeFailure> problems)
    {
        foreach (var (attribute, value) in entry)
        {
            switch (attribute)
            {
                case "sentera_id":
                    break;
                case "organization_sentera_id" when value is string organization && !string.Equals(organization, task.OrganizationSenteraId, StringComparison.Ordinal):
                    problems.Add(new(attribute, "immutable", "A flight task cannot move to another organization.", "INVALID"));
                    break;
                case "organization_sentera_id":
                    break;
                case "name" when value is string { Length: > 0 and <= 255 } name:
                    task = task with { Name = name };
                    break;
                case "name":
                    problems.Add(new(attribute, "invalid", "The name must be 1 to 255 characters.", "INVALID"));
                    break;
                case "notes" when value is null or string { Length: <= 65535 }:
                    task = task with { Notes = value as string };
                    break;
                case "notes":
                    problems.Add(new(attribute, "too_long", "Notes must be at most 65,535 characters.", "INVALID"));
                    break;
                case "provider":
                    task = task with { Provider = value is string provider ? SchemaNames.ProviderOf(provider) : EmulatorTaskProvider.Self };
                    break;
                case "assigned_to_email":
                    var user = state.Data.Users.FirstOrDefault(u => string.Equals(u.Email, value as string, StringComparison.OrdinalIgnoreCase));
                    if (value is not null && user is null)
                    {
                        problems.Add(new(attribute, "not_found", $"No user has the email '{value}'.", "NOT_FOUND"));
                    }

                    task = task with { AssignedToSenteraId = user?.SenteraId };
                    break;
                default:
                    task = ApplyReferenceOrDate(task, attribute, value);
                    break;
            }
        }

        return task;
    }

    private static EmulatorTask ApplyReferenceOrDate(EmulatorTask task, string attribute, object? value)
    {
        var id = value as string;
        var instant = value as DateTimeOffset?;
        return attribute switch
        {
            "field_sentera_id" => task with { FieldSenteraId = id },
            "plan_sentera_id" => task with { PlanSenteraId = id },
            "survey_sentera_id" => task with { SurveySenteraId = id },
            "assigned_to_sentera_id" => task with { AssignedToSenteraId = id },
            "completed_by_sentera_id" => task with { CompletedBySenteraId = id },
            "scheduled_at" => task with { ScheduledAt = instant },
            "targeted_at" => task with { TargetedAt = instant },
            "due_at" => task with { DueAt = instant },
            "started_at" => task with { StartedAt = instant },
            "completed_at" => task with { CompletedAt = instant },
            "canceled_at" => task with { CanceledAt = instant },
            _ => task,
        };
    }
}
