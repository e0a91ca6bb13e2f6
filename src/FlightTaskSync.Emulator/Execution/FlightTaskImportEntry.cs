using System.Globalization;
using FlightTaskSync.Emulator.Data;

namespace FlightTaskSync.Emulator.Execution;

/// <summary>
/// Applies one <c>FlightTaskImport</c> entry, as GraphQL.NET parsed it (field name to value, only the
/// fields the client sent), to a task: each field it carries is checked, then set; a field set to
/// null clears it. Every bad value adds a Rails-style <see cref="AttributeFailure"/>.
/// </summary>
internal static class FlightTaskImportEntry
{
    public const int MaxNameLength = 255;
    public const int MaxNotesLength = 65_535;

    private static readonly string[] LifecycleDates = ["started_at", "completed_at", "canceled_at"];

    /// <summary>
    /// Applies every field but <c>sentera_id</c> and <c>organization_sentera_id</c> (the caller handles
    /// those), then, if the entry carried a lifecycle date, infers the status (<see cref="TaskLifecycle"/>).
    /// </summary>
    public static EmulatorTask Apply(RequestState state, EmulatorTask task, IDictionary<string, object?> entry, List<AttributeFailure> problems)
    {
        foreach (var (attribute, value) in entry)
        {
            task = attribute switch
            {
                "name" => Name(task, value, problems),
                "notes" when value is string { Length: > MaxNotesLength } => Fail(task, problems, AttributeFailure.TooLong(attribute, MaxNotesLength)),
                "notes" => task with { Notes = value as string },
                "provider" => task with { Provider = value is string provider ? SchemaNames.ProviderOf(provider) : EmulatorTaskProvider.Self },
                "field_sentera_id" => Related(state, task, attribute, RelatedItemKind.Field, value, problems, id => task with { FieldSenteraId = id }),
                "plan_sentera_id" => Related(state, task, attribute, RelatedItemKind.Plan, value, problems, id => task with { PlanSenteraId = id }),
                "survey_sentera_id" => Related(state, task, attribute, RelatedItemKind.Survey, value, problems, id => task with { SurveySenteraId = id }),
                "assigned_to_email" => AssignedToEmail(state, task, value, problems),
                "assigned_to_sentera_id" => User(state, task, attribute, value, problems, id => task with { AssignedToSenteraId = id }),
                "completed_by_sentera_id" => User(state, task, attribute, value, problems, id => task with { CompletedBySenteraId = id }),
                "scheduled_at" => task with { ScheduledAt = value as DateTimeOffset? },
                "targeted_at" => task with { TargetedAt = value as DateTimeOffset? },
                "due_at" => task with { DueAt = value as DateTimeOffset? },
                "started_at" => task with { StartedAt = value as DateTimeOffset? },
                "completed_at" => task with { CompletedAt = value as DateTimeOffset? },
                "canceled_at" => task with { CanceledAt = value as DateTimeOffset? },
                _ => task,
            };
        }

        return LifecycleDates.Any(entry.ContainsKey) ? InferStatus(state, task, entry) : task;
    }

    /// <summary>The fields an entry carried, for the journal: schema name to value as text.</summary>
    public static IReadOnlyDictionary<string, string?> Describe(IDictionary<string, object?> entry)
    {
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (attribute, value) in entry)
        {
            if (attribute != "sentera_id")
            {
                fields[attribute] = value switch
                {
                    null => null,
                    DateTimeOffset instant => Iso8601DateTimeGraphType.ToText(instant),
                    IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                    _ => value.ToString(),
                };
            }
        }

        return fields;
    }

    /// <summary>
    /// The status the dates now say; a task that becomes <c>COMPLETED</c> without a <c>completed_by</c>
    /// is completed by the request's user, and one that stops being <c>COMPLETED</c> loses it, unless
    /// the entry set <c>completed_by_sentera_id</c> itself.
    /// </summary>
    private static EmulatorTask InferStatus(RequestState state, EmulatorTask task, IDictionary<string, object?> entry)
    {
        var status = TaskLifecycle.Infer(task);
        if (!entry.ContainsKey("completed_by_sentera_id"))
        {
            if (status == EmulatorTaskStatus.Completed && task.Status != EmulatorTaskStatus.Completed)
            {
                task = task with { CompletedBySenteraId = task.CompletedBySenteraId ?? state.UserSenteraId };
            }
            else if (status != EmulatorTaskStatus.Completed && task.Status == EmulatorTaskStatus.Completed)
            {
                task = task with { CompletedBySenteraId = null };
            }
        }

        return task with { Status = status };
    }

    private static EmulatorTask Name(EmulatorTask task, object? value, List<AttributeFailure> problems) => value switch
    {
        string { Length: > MaxNameLength } => Fail(task, problems, AttributeFailure.TooLong("name", MaxNameLength)),
        string name when !string.IsNullOrWhiteSpace(name) => task with { Name = name },
        _ => Fail(task, problems, AttributeFailure.Blank("name")),
    };

    private static EmulatorTask Related(
        RequestState state,
        EmulatorTask task,
        string attribute,
        RelatedItemKind kind,
        object? value,
        List<AttributeFailure> problems,
        Func<string?, EmulatorTask> set)
    {
        if (value is not string id)
        {
            return set(null);
        }

        return state.Data.Standing(kind, id, task.OrganizationSenteraId) switch
        {
            RelatedItemStanding.OfTheOrganization => set(id),
            RelatedItemStanding.OfAnotherOrganization => Fail(task, problems, AttributeFailure.OfAnotherOrganization(attribute)),
            _ => Fail(task, problems, AttributeFailure.NotFound(attribute)),
        };
    }

    private static EmulatorTask User(RequestState state, EmulatorTask task, string attribute, object? value, List<AttributeFailure> problems, Func<string?, EmulatorTask> set) =>
        value is not string id ? set(null)
        : state.Data.IsUser(id) ? set(id)
        : Fail(task, problems, AttributeFailure.NotFound(attribute));

    private static EmulatorTask AssignedToEmail(RequestState state, EmulatorTask task, object? value, List<AttributeFailure> problems)
    {
        if (value is not string email)
        {
            return task with { AssignedToSenteraId = null };
        }

        var user = state.Data.Users.FirstOrDefault(u => string.Equals(u.Email, email, StringComparison.OrdinalIgnoreCase));
        return user is null
            ? Fail(task, problems, AttributeFailure.NotFound("assigned_to_email"))
            : task with { AssignedToSenteraId = user.SenteraId };
    }

    private static EmulatorTask Fail(EmulatorTask task, List<AttributeFailure> problems, AttributeFailure problem)
    {
        problems.Add(problem);
        return task;
    }
}
