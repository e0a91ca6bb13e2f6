using System.Globalization;

namespace FlightTaskSync.Client.Editing;

/// <summary>
/// The checks an offline edit passes before anything is queued: the server's documented rules
/// (name required and at most 255 characters, notes at most 65,535, provider a known value) and
/// what can only be a mistake (a blank id, a date from year 1 or 9999, a task completed before it
/// started). Each failure is an <see cref="ArgumentException"/> naming the property and the rule.
/// </summary>
internal static class FlightTaskEditValidator
{
    /// <summary>The longest name the server accepts, in characters.</summary>
    public const int MaxNameLength = 255;

    /// <summary>The longest notes the server accepts, in characters.</summary>
    public const int MaxNotesLength = 65_535;

    /// <summary>The earliest date accepted: anything before is a default or a unit mistake.</summary>
    public static readonly DateTimeOffset EarliestDate = new(1970, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The first date refused: anything from here on is a sentinel or a unit mistake.</summary>
    public static readonly DateTimeOffset EndOfDates = new(2200, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Checks a task id given to an edit.</summary>
    /// <exception cref="ArgumentNullException">The id is null.</exception>
    /// <exception cref="ArgumentException">The id is empty or white space.</exception>
    public static void CheckTaskId(string taskId, string paramName)
    {
        ArgumentNullException.ThrowIfNull(taskId, paramName);
        if (string.IsNullOrWhiteSpace(taskId))
        {
            throw new ArgumentException("The task id is blank: pass the task's SenteraId as reads show it (a local id for a task created offline).", paramName);
        }
    }

    /// <summary>Checks the changes of an update.</summary>
    /// <exception cref="ArgumentNullException">The changes are null.</exception>
    /// <exception cref="ArgumentException">The changes set nothing, or a value breaks a rule.</exception>
    public static void CheckChanges(FlightTaskChanges changes, string paramName)
    {
        ArgumentNullException.ThrowIfNull(changes, paramName);
        if (changes.IsEmpty)
        {
            throw new ArgumentException("The FlightTaskChanges set no property: set at least one (to a value, or to null to clear it).", paramName);
        }

        const string owner = nameof(FlightTaskChanges);
        if (changes.IsChanged(FlightTaskProperty.Name))
        {
            if (changes.Name is null)
            {
                throw new ArgumentException($"{owner}.Name is set to null: a task's name is required and cannot be cleared.", paramName);
            }

            CheckName(changes.Name, owner, paramName);
        }

        if (changes.Notes is { } notes)
        {
            CheckNotes(notes, owner, paramName);
        }

        if (changes.IsChanged(FlightTaskProperty.Provider) && changes.Provider == FlightTaskProvider.Unknown)
        {
            throw ProviderUnknown(owner, paramName);
        }

        CheckId(changes.FieldSenteraId, owner, nameof(FlightTaskChanges.FieldSenteraId), paramName);
        CheckId(changes.PlanSenteraId, owner, nameof(FlightTaskChanges.PlanSenteraId), paramName);
        CheckId(changes.SurveySenteraId, owner, nameof(FlightTaskChanges.SurveySenteraId), paramName);
        CheckId(changes.AssignedToSenteraId, owner, nameof(FlightTaskChanges.AssignedToSenteraId), paramName);
        CheckId(changes.CompletedBySenteraId, owner, nameof(FlightTaskChanges.CompletedBySenteraId), paramName);
        CheckEmail(changes.AssignedToEmail, owner, paramName);
        CheckDates(
            owner,
            paramName,
            (nameof(FlightTaskChanges.ScheduledAt), changes.ScheduledAt),
            (nameof(FlightTaskChanges.TargetedAt), changes.TargetedAt),
            (nameof(FlightTaskChanges.DueAt), changes.DueAt),
            (nameof(FlightTaskChanges.StartedAt), changes.StartedAt),
            (nameof(FlightTaskChanges.CompletedAt), changes.CompletedAt),
            (nameof(FlightTaskChanges.CanceledAt), changes.CanceledAt));
        CheckCompletedAfterStarted(changes.StartedAt, changes.CompletedAt, owner, paramName);
    }

    /// <summary>Checks a task to create, in the scope it is created in.</summary>
    /// <exception cref="ArgumentNullException">The task is null.</exception>
    /// <exception cref="ArgumentException">A value breaks a rule, or the organization is outside a scope without descendants.</exception>
    public static void CheckNewTask(SyncScope scope, NewFlightTask task, string paramName)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(task, paramName);
        const string owner = nameof(NewFlightTask);
        if (task.Name is null)
        {
            throw new ArgumentException($"{owner}.Name is null: a task's name is required.", paramName);
        }

        CheckName(task.Name, owner, paramName);
        if (string.IsNullOrWhiteSpace(task.OrganizationSenteraId))
        {
            throw new ArgumentException($"{owner}.OrganizationSenteraId is blank: a new task needs the id of its organization.", paramName);
        }

        if (!scope.IncludeDescendantOrganizations && !string.Equals(task.OrganizationSenteraId, scope.OrganizationSenteraId, StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"{owner}.OrganizationSenteraId is not the organization of the scope {scope}: a sync of this scope would never bring the task back. " +
                "Create it in a scope of its organization (or of an ancestor, with descendants included).",
                paramName);
        }

        if (task.Notes is { } notes)
        {
            CheckNotes(notes, owner, paramName);
        }

        if (task.Provider == FlightTaskProvider.Unknown)
        {
            throw ProviderUnknown(owner, paramName);
        }

        CheckId(task.FieldSenteraId, owner, nameof(NewFlightTask.FieldSenteraId), paramName);
        CheckId(task.PlanSenteraId, owner, nameof(NewFlightTask.PlanSenteraId), paramName);
        CheckId(task.SurveySenteraId, owner, nameof(NewFlightTask.SurveySenteraId), paramName);
        CheckId(task.AssignedToSenteraId, owner, nameof(NewFlightTask.AssignedToSenteraId), paramName);
        CheckId(task.CompletedBySenteraId, owner, nameof(NewFlightTask.CompletedBySenteraId), paramName);
        CheckEmail(task.AssignedToEmail, owner, paramName);
        CheckDates(
            owner,
            paramName,
            (nameof(NewFlightTask.ScheduledAt), task.ScheduledAt),
            (nameof(NewFlightTask.TargetedAt), task.TargetedAt),
            (nameof(NewFlightTask.DueAt), task.DueAt),
            (nameof(NewFlightTask.StartedAt), task.StartedAt),
            (nameof(NewFlightTask.CompletedAt), task.CompletedAt),
            (nameof(NewFlightTask.CanceledAt), task.CanceledAt));
        CheckCompletedAfterStarted(task.StartedAt, task.CompletedAt, owner, paramName);
    }

    /// <summary>Counts characters as the server does (Unicode scalar values: an emoji is one, not two UTF-16 units).</summary>
    public static int CountCharacters(string text)
    {
        var count = 0;
        foreach (var _ in text.EnumerateRunes())
        {
            count++;
        }

        return count;
    }

    private static void CheckName(string name, string owner, string paramName)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException($"{owner}.Name is blank: a task's name is required and cannot be blank.", paramName);
        }

        var length = CountCharacters(name);
        if (length > MaxNameLength)
        {
            throw new ArgumentException($"{owner}.Name is {length:N0} characters long: the server accepts at most {MaxNameLength}.", paramName);
        }
    }

    private static void CheckNotes(string notes, string owner, string paramName)
    {
        // Cheap first: a string within the limit in UTF-16 units is within it in characters too.
        if (notes.Length <= MaxNotesLength)
        {
            return;
        }

        var length = CountCharacters(notes);
        if (length > MaxNotesLength)
        {
            throw new ArgumentException($"{owner}.Notes is {length:N0} characters long: the server accepts at most {MaxNotesLength:N0}.", paramName);
        }
    }

    private static void CheckId(string? id, string owner, string property, string paramName)
    {
        if (id is not null && string.IsNullOrWhiteSpace(id))
        {
            throw new ArgumentException($"{owner}.{property} is blank: give an id, or null to leave it empty.", paramName);
        }
    }

    private static void CheckEmail(string? email, string owner, string paramName)
    {
        if (email is null)
        {
            return;
        }

        var at = email.IndexOf('@', StringComparison.Ordinal);
        if (string.IsNullOrWhiteSpace(email) || at <= 0 || at == email.Length - 1 || email.Trim().Length != email.Length)
        {
            throw new ArgumentException($"{owner}.AssignedToEmail is not an e-mail address: give the user's address, or null to leave it empty.", paramName);
        }
    }

    private static void CheckDates(string owner, string paramName, params (string Property, DateTimeOffset? Value)[] dates)
    {
        foreach (var (property, value) in dates)
        {
            if (value is { } date && (date < EarliestDate || date >= EndOfDates))
            {
                throw new ArgumentException(
                    $"{owner}.{property} is {date.ToString("O", CultureInfo.InvariantCulture)}: dates must be from 1970 to 2199 " +
                    "(a default or MaxValue date is a mistake; use null for no date).",
                    paramName);
            }
        }
    }

    private static void CheckCompletedAfterStarted(DateTimeOffset? startedAt, DateTimeOffset? completedAt, string owner, string paramName)
    {
        if (startedAt is { } started && completedAt is { } completed && completed < started)
        {
            throw new ArgumentException($"{owner}.CompletedAt is before {owner}.StartedAt: a task cannot be completed before it started.", paramName);
        }
    }

    private static ArgumentException ProviderUnknown(string owner, string paramName) =>
        new($"{owner}.Provider is Unknown: it stands for a value from a newer server and cannot be sent; use Self, Sentera or FlyGuys.", paramName);
}
