namespace FlightTaskSync.Client;

/// <summary>
/// The changes one offline edit makes to a flight task, given to
/// <see cref="IFlightTaskEditor.UpdateAsync"/>. Only what the server's <c>FlightTaskImport</c> can
/// carry is editable. A property left unset is not sent, so the server keeps its value; a property
/// set to <see langword="null"/> clears the field on the server; a property set to a value sends it:
/// <code>new FlightTaskChanges { Notes = "Creek corner flooded", CompletedAt = now, AssignedToSenteraId = null }</code>
/// Status is not a property: a task begins with <see cref="IFlightTaskEditor.BeginAsync"/>, and the
/// server infers the status from <see cref="StartedAt"/>, <see cref="CompletedAt"/> and <see cref="CanceledAt"/>.
/// </summary>
public sealed class FlightTaskChanges
{
    private static readonly FlightTaskProperty[] AllProperties = Enum.GetValues<FlightTaskProperty>();

    private int _changed;
    private string? _name;
    private string? _notes;
    private string? _fieldSenteraId;
    private string? _planSenteraId;
    private string? _surveySenteraId;
    private FlightTaskProvider? _provider;
    private string? _assignedToEmail;
    private string? _assignedToSenteraId;
    private string? _completedBySenteraId;
    private DateTimeOffset? _scheduledAt;
    private DateTimeOffset? _targetedAt;
    private DateTimeOffset? _dueAt;
    private DateTimeOffset? _startedAt;
    private DateTimeOffset? _completedAt;
    private DateTimeOffset? _canceledAt;

    /// <summary>Gets the new name. It cannot be cleared: set, it must not be blank, and at most 255 characters.</summary>
    public string? Name { get => _name; init => Set(FlightTaskProperty.Name, ref _name, value); }

    /// <summary>Gets the new notes (at most 65,535 characters), or <see langword="null"/> to clear them when set.</summary>
    public string? Notes { get => _notes; init => Set(FlightTaskProperty.Notes, ref _notes, value); }

    /// <summary>Gets the id of the field to fly, or <see langword="null"/> to clear it when set.</summary>
    public string? FieldSenteraId { get => _fieldSenteraId; init => Set(FlightTaskProperty.FieldSenteraId, ref _fieldSenteraId, value); }

    /// <summary>Gets the id of the plan (feature set), or <see langword="null"/> to clear it when set.</summary>
    public string? PlanSenteraId { get => _planSenteraId; init => Set(FlightTaskProperty.PlanSenteraId, ref _planSenteraId, value); }

    /// <summary>Gets the id of the survey, or <see langword="null"/> to clear it when set.</summary>
    public string? SurveySenteraId { get => _surveySenteraId; init => Set(FlightTaskProperty.SurveySenteraId, ref _surveySenteraId, value); }

    /// <summary>
    /// Gets who flies the task. Set to <see langword="null"/>, the server applies its default
    /// (<see cref="FlightTaskProvider.Self"/>); <see cref="FlightTaskProvider.Unknown"/> cannot be sent.
    /// </summary>
    public FlightTaskProvider? Provider { get => _provider; init => Set(FlightTaskProperty.Provider, ref _provider, value); }

    /// <summary>Gets the e-mail address of the user to assign the task to (the server looks the user up), or <see langword="null"/> when set to clear it.</summary>
    public string? AssignedToEmail { get => _assignedToEmail; init => Set(FlightTaskProperty.AssignedToEmail, ref _assignedToEmail, value); }

    /// <summary>Gets the id of the user to assign the task to, or <see langword="null"/> to clear the assignment when set.</summary>
    public string? AssignedToSenteraId { get => _assignedToSenteraId; init => Set(FlightTaskProperty.AssignedToSenteraId, ref _assignedToSenteraId, value); }

    /// <summary>Gets the id of the user who completed the task, or <see langword="null"/> to clear it when set.</summary>
    public string? CompletedBySenteraId { get => _completedBySenteraId; init => Set(FlightTaskProperty.CompletedBySenteraId, ref _completedBySenteraId, value); }

    /// <summary>Gets when the flight is scheduled, or <see langword="null"/> to clear it when set.</summary>
    public DateTimeOffset? ScheduledAt { get => _scheduledAt; init => Set(FlightTaskProperty.ScheduledAt, ref _scheduledAt, value); }

    /// <summary>Gets the date the flight is targeted for, or <see langword="null"/> to clear it when set.</summary>
    public DateTimeOffset? TargetedAt { get => _targetedAt; init => Set(FlightTaskProperty.TargetedAt, ref _targetedAt, value); }

    /// <summary>Gets the due date (deprecated by the server in favour of <see cref="TargetedAt"/>), or <see langword="null"/> to clear it when set.</summary>
    public DateTimeOffset? DueAt { get => _dueAt; init => Set(FlightTaskProperty.DueAt, ref _dueAt, value); }

    /// <summary>Gets when work started (the server infers <see cref="FlightTaskStatus.InProgress"/> from an open task), or <see langword="null"/> to clear it when set.</summary>
    public DateTimeOffset? StartedAt { get => _startedAt; init => Set(FlightTaskProperty.StartedAt, ref _startedAt, value); }

    /// <summary>Gets when the task was completed (the server infers <see cref="FlightTaskStatus.Completed"/>), or <see langword="null"/> to clear it when set.</summary>
    public DateTimeOffset? CompletedAt { get => _completedAt; init => Set(FlightTaskProperty.CompletedAt, ref _completedAt, value); }

    /// <summary>Gets when the task was canceled (the server infers <see cref="FlightTaskStatus.Canceled"/>), or <see langword="null"/> to clear it when set.</summary>
    public DateTimeOffset? CanceledAt { get => _canceledAt; init => Set(FlightTaskProperty.CanceledAt, ref _canceledAt, value); }

    /// <summary>Gets the properties that were set (to a value or to <see langword="null"/>), in <see cref="FlightTaskProperty"/> order.</summary>
    public IReadOnlyList<FlightTaskProperty> ChangedProperties => [.. AllProperties.Where(IsChanged)];

    /// <summary>Gets whether no property was set: such changes change nothing, and <see cref="IFlightTaskEditor.UpdateAsync"/> refuses them.</summary>
    public bool IsEmpty => _changed == 0;

    /// <summary>Tells whether a property was set (to a value or to <see langword="null"/>), so that it is sent.</summary>
    /// <param name="property">The property.</param>
    /// <returns><see langword="true"/> when the property is part of the changes.</returns>
    public bool IsChanged(FlightTaskProperty property) => (_changed & Bit(property)) != 0;

    /// <summary>Names the changed properties, never their values (which may be personal data).</summary>
    /// <returns>For example <c>FlightTaskChanges { Notes, CompletedAt }</c>.</returns>
    public override string ToString() => $"FlightTaskChanges {{ {string.Join(", ", ChangedProperties)} }}";

    /// <summary>Builds changes from property values; each value must have the property's type (<see langword="null"/> allowed).</summary>
    /// <exception cref="ArgumentException">A value is not of its property's type.</exception>
    internal static FlightTaskChanges FromValues(IEnumerable<KeyValuePair<FlightTaskProperty, object?>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var changes = new FlightTaskChanges();
        foreach (var (property, value) in values)
        {
            changes.SetValue(property, value);
        }

        return changes;
    }

    /// <summary>Gets the value of a changed property (boxed; <see langword="null"/> clears it).</summary>
    /// <exception cref="InvalidOperationException">The property is not changed.</exception>
    internal object? GetValue(FlightTaskProperty property)
    {
        if (!IsChanged(property))
        {
            throw new InvalidOperationException($"{property} is not part of these changes.");
        }

        return property switch
        {
            FlightTaskProperty.Name => _name,
            FlightTaskProperty.Notes => _notes,
            FlightTaskProperty.FieldSenteraId => _fieldSenteraId,
            FlightTaskProperty.PlanSenteraId => _planSenteraId,
            FlightTaskProperty.SurveySenteraId => _surveySenteraId,
            FlightTaskProperty.Provider => _provider,
            FlightTaskProperty.AssignedToEmail => _assignedToEmail,
            FlightTaskProperty.AssignedToSenteraId => _assignedToSenteraId,
            FlightTaskProperty.CompletedBySenteraId => _completedBySenteraId,
            FlightTaskProperty.ScheduledAt => _scheduledAt,
            FlightTaskProperty.TargetedAt => _targetedAt,
            FlightTaskProperty.DueAt => _dueAt,
            FlightTaskProperty.StartedAt => _startedAt,
            FlightTaskProperty.CompletedAt => _completedAt,
            FlightTaskProperty.CanceledAt => _canceledAt,
            _ => throw new ArgumentOutOfRangeException(nameof(property), property, "Not an editable property."),
        };
    }

    /// <summary>Gives these changes followed by <paramref name="later"/>: every property either sets, the later value winning.</summary>
    internal FlightTaskChanges MergedWith(FlightTaskChanges later)
    {
        ArgumentNullException.ThrowIfNull(later);
        var merged = new FlightTaskChanges();
        foreach (var property in AllProperties)
        {
            if (later.IsChanged(property))
            {
                merged.SetValue(property, later.GetValue(property));
            }
            else if (IsChanged(property))
            {
                merged.SetValue(property, GetValue(property));
            }
        }

        return merged;
    }

    private static int Bit(FlightTaskProperty property) => 1 << (int)property;

    private void SetValue(FlightTaskProperty property, object? value)
    {
        switch (property)
        {
            case FlightTaskProperty.Name: Set(property, ref _name, As<string>(property, value)); break;
            case FlightTaskProperty.Notes: Set(property, ref _notes, As<string>(property, value)); break;
            case FlightTaskProperty.FieldSenteraId: Set(property, ref _fieldSenteraId, As<string>(property, value)); break;
            case FlightTaskProperty.PlanSenteraId: Set(property, ref _planSenteraId, As<string>(property, value)); break;
            case FlightTaskProperty.SurveySenteraId: Set(property, ref _surveySenteraId, As<string>(property, value)); break;
            case FlightTaskProperty.Provider: Set(property, ref _provider, AsValue<FlightTaskProvider>(property, value)); break;
            case FlightTaskProperty.AssignedToEmail: Set(property, ref _assignedToEmail, As<string>(property, value)); break;
            case FlightTaskProperty.AssignedToSenteraId: Set(property, ref _assignedToSenteraId, As<string>(property, value)); break;
            case FlightTaskProperty.CompletedBySenteraId: Set(property, ref _completedBySenteraId, As<string>(property, value)); break;
            case FlightTaskProperty.ScheduledAt: Set(property, ref _scheduledAt, AsValue<DateTimeOffset>(property, value)); break;
            case FlightTaskProperty.TargetedAt: Set(property, ref _targetedAt, AsValue<DateTimeOffset>(property, value)); break;
            case FlightTaskProperty.DueAt: Set(property, ref _dueAt, AsValue<DateTimeOffset>(property, value)); break;
            case FlightTaskProperty.StartedAt: Set(property, ref _startedAt, AsValue<DateTimeOffset>(property, value)); break;
            case FlightTaskProperty.CompletedAt: Set(property, ref _completedAt, AsValue<DateTimeOffset>(property, value)); break;
            case FlightTaskProperty.CanceledAt: Set(property, ref _canceledAt, AsValue<DateTimeOffset>(property, value)); break;
            default: throw new ArgumentOutOfRangeException(nameof(property), property, "Not an editable property.");
        }
    }

    private static T? As<T>(FlightTaskProperty property, object? value)
        where T : class =>
        value is null or T
            ? (T?)value
            : throw new ArgumentException($"{property} takes a {typeof(T).Name}, not a {value.GetType().Name}.", nameof(value));

    private static T? AsValue<T>(FlightTaskProperty property, object? value)
        where T : struct =>
        value is null or T
            ? (T?)value
            : throw new ArgumentException($"{property} takes a {typeof(T).Name}, not a {value.GetType().Name}.", nameof(value));

    private void Set<T>(FlightTaskProperty property, ref T field, T value)
    {
        field = value;
        _changed |= Bit(property);
    }
}
