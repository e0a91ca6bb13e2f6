using FlightTaskSync.Client;
using FlightTaskSync.Emulator;

namespace FlightTaskSync.IntegrationTests.Push.PolicyProperty;

/// <summary>
/// Turns a <see cref="ValueChoice"/> into a real value for one case: the organization's fields, the
/// emulator's users, whole-second UTC dates far from now (so a date the server stamps itself is told
/// apart), and one field id the server does not know (which it refuses).
/// </summary>
internal sealed class OfflineEditValues(IReadOnlyList<string> fieldIds, IReadOnlyList<string> userIds)
{
    /// <summary>A field id of the real shape that no organization has: the server refuses it (not_found).</summary>
    public const string UnknownFieldId = "zzzzzzz_AS_unknown";

    private static readonly DateTimeOffset DateBase = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary>The value of a choice. <paramref name="allowUnknownField"/> lets a field's 3 and 4 give <see cref="UnknownFieldId"/>.</summary>
    public object? Of(ValueChoice choice, string nameSuffix, bool allowUnknownField)
    {
        var v = choice.Value;
        return choice.Property switch
        {
            FlightTaskProperty.Name => $"Task {nameSuffix}.{v}",
            FlightTaskProperty.Notes => v == 0 ? null : $"note {v}",
            FlightTaskProperty.FieldSenteraId => v == 0 ? null : v >= 3 && allowUnknownField ? UnknownFieldId : fieldIds[v % fieldIds.Count],
            FlightTaskProperty.Provider => v switch
            {
                0 => null,
                1 => FlightTaskProvider.Self,
                3 => FlightTaskProvider.FlyGuys,
                _ => FlightTaskProvider.Sentera,
            },
            FlightTaskProperty.AssignedToSenteraId or FlightTaskProperty.CompletedBySenteraId => v == 0 ? null : userIds[v % userIds.Count],
            _ => v == 0 ? null : DateBase.AddDays(v).AddHours((int)choice.Property),
        };
    }

    /// <summary>The changes of an update: the choices in order, a later one of the same property winning.</summary>
    public FlightTaskChanges Changes(IEnumerable<ValueChoice> choices, string nameSuffix, bool allowUnknownField)
    {
        var values = new Dictionary<FlightTaskProperty, object?>();
        foreach (var choice in choices)
        {
            values[choice.Property] = Of(choice, nameSuffix, allowUnknownField);
        }

        // The editor refuses completed before started (a local rule): keep the generated pair valid.
        if (values.GetValueOrDefault(FlightTaskProperty.StartedAt) is DateTimeOffset started &&
            values.GetValueOrDefault(FlightTaskProperty.CompletedAt) is DateTimeOffset completed && completed < started)
        {
            values[FlightTaskProperty.CompletedAt] = started;
        }

        return FlightTaskChanges.FromValues(values);
    }

    /// <summary>A task to create: the choices that are not lifecycle dates give its properties (a cleared one is left unset).</summary>
    public NewFlightTask NewTask(string organization, IEnumerable<ValueChoice> choices, string nameSuffix)
    {
        var values = new Dictionary<FlightTaskProperty, object?>();
        foreach (var choice in choices.Where(c => c.Property is not (FlightTaskProperty.StartedAt or FlightTaskProperty.CompletedAt or FlightTaskProperty.CanceledAt)))
        {
            values[choice.Property] = Of(choice, nameSuffix, allowUnknownField: false);
        }

        return new NewFlightTask
        {
            Name = values.GetValueOrDefault(FlightTaskProperty.Name) as string ?? $"New task {nameSuffix}",
            OrganizationSenteraId = organization,
            Notes = values.GetValueOrDefault(FlightTaskProperty.Notes) as string,
            FieldSenteraId = values.GetValueOrDefault(FlightTaskProperty.FieldSenteraId) as string,
            Provider = values.GetValueOrDefault(FlightTaskProperty.Provider) as FlightTaskProvider? ?? FlightTaskProvider.Self,
            AssignedToSenteraId = values.GetValueOrDefault(FlightTaskProperty.AssignedToSenteraId) as string,
            CompletedBySenteraId = values.GetValueOrDefault(FlightTaskProperty.CompletedBySenteraId) as string,
            ScheduledAt = values.GetValueOrDefault(FlightTaskProperty.ScheduledAt) as DateTimeOffset?,
            TargetedAt = values.GetValueOrDefault(FlightTaskProperty.TargetedAt) as DateTimeOffset?,
            DueAt = values.GetValueOrDefault(FlightTaskProperty.DueAt) as DateTimeOffset?,
        };
    }

    /// <summary>What the office does to a task: sets the chosen properties directly, and the status its dates say.</summary>
    public EmulatorTask OfficeChange(EmulatorTask task, IEnumerable<ValueChoice> choices, string nameSuffix)
    {
        var lifecycle = false;
        foreach (var choice in choices)
        {
            var value = Of(choice, nameSuffix, allowUnknownField: false);
            task = OfflineEditModel.Set(task, choice.Property, choice.Property == FlightTaskProperty.Name ? $"Office {nameSuffix}" : value);
            lifecycle |= choice.Property is FlightTaskProperty.StartedAt or FlightTaskProperty.CompletedAt or FlightTaskProperty.CanceledAt;
        }

        var status = task switch
        {
            _ when !lifecycle => task.Status,
            { CanceledAt: not null } => EmulatorTaskStatus.Canceled,
            { CompletedAt: not null } => EmulatorTaskStatus.Completed,
            { StartedAt: not null } => EmulatorTaskStatus.InProgress,
            _ => EmulatorTaskStatus.Open,
        };
        return task with { Status = status };
    }
}
