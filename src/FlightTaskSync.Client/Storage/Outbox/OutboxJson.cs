using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace FlightTaskSync.Client.Storage.Outbox;

/// <summary>
/// The JSON the outbox keeps its edits' values in (written and read by hand: no reflection).
/// Changes are an object with one member per property set, named as <see cref="FlightTaskProperty"/>:
/// a member present with null clears the field, a member absent leaves it. Dates are ISO 8601 in UTC;
/// a provider is its enum name.
/// </summary>
internal static class OutboxJson
{
    /// <summary>Writes changes, keeping which properties were set (to a value or to null).</summary>
    public static string WriteChanges(FlightTaskChanges changes)
    {
        return Write(json =>
        {
            json.WriteStartObject();
            foreach (var property in changes.ChangedProperties)
            {
                json.WritePropertyName(property.ToString());
                WriteValue(json, changes.GetValue(property));
            }

            json.WriteEndObject();
        });
    }

    /// <summary>Reads changes written by <see cref="WriteChanges"/>.</summary>
    public static FlightTaskChanges ReadChanges(string text)
    {
        using var document = JsonDocument.Parse(text);
        var values = new List<KeyValuePair<FlightTaskProperty, object?>>();
        foreach (var member in document.RootElement.EnumerateObject())
        {
            var property = Enum.Parse<FlightTaskProperty>(member.Name);
            values.Add(KeyValuePair.Create(property, ReadValue(property, member.Value)));
        }

        return FlightTaskChanges.FromValues(values);
    }

    /// <summary>Writes a task to create (also the raw JSON of its local task).</summary>
    public static string WriteNewTask(NewFlightTask task)
    {
        return Write(json =>
        {
            json.WriteStartObject();
            json.WriteString("name", task.Name);
            json.WriteString("organization_sentera_id", task.OrganizationSenteraId);
            json.WriteString("provider", task.Provider.ToString());
            WriteOptional(json, "notes", task.Notes);
            WriteOptional(json, "field_sentera_id", task.FieldSenteraId);
            WriteOptional(json, "plan_sentera_id", task.PlanSenteraId);
            WriteOptional(json, "survey_sentera_id", task.SurveySenteraId);
            WriteOptional(json, "assigned_to_email", task.AssignedToEmail);
            WriteOptional(json, "assigned_to_sentera_id", task.AssignedToSenteraId);
            WriteOptional(json, "completed_by_sentera_id", task.CompletedBySenteraId);
            WriteOptional(json, "scheduled_at", task.ScheduledAt);
            WriteOptional(json, "targeted_at", task.TargetedAt);
            WriteOptional(json, "due_at", task.DueAt);
            WriteOptional(json, "started_at", task.StartedAt);
            WriteOptional(json, "completed_at", task.CompletedAt);
            WriteOptional(json, "canceled_at", task.CanceledAt);
            json.WriteEndObject();
        });
    }

    /// <summary>Reads a task written by <see cref="WriteNewTask"/>.</summary>
    public static NewFlightTask ReadNewTask(string text)
    {
        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        return new NewFlightTask
        {
            Name = root.GetProperty("name").GetString()!,
            OrganizationSenteraId = root.GetProperty("organization_sentera_id").GetString()!,
            Provider = Enum.Parse<FlightTaskProvider>(root.GetProperty("provider").GetString()!),
            Notes = Text(root, "notes"),
            FieldSenteraId = Text(root, "field_sentera_id"),
            PlanSenteraId = Text(root, "plan_sentera_id"),
            SurveySenteraId = Text(root, "survey_sentera_id"),
            AssignedToEmail = Text(root, "assigned_to_email"),
            AssignedToSenteraId = Text(root, "assigned_to_sentera_id"),
            CompletedBySenteraId = Text(root, "completed_by_sentera_id"),
            ScheduledAt = Time(root, "scheduled_at"),
            TargetedAt = Time(root, "targeted_at"),
            DueAt = Time(root, "due_at"),
            StartedAt = Time(root, "started_at"),
            CompletedAt = Time(root, "completed_at"),
            CanceledAt = Time(root, "canceled_at"),
        };
    }

    /// <summary>Writes a rejected edit's errors.</summary>
    public static string WriteErrors(IReadOnlyList<PendingEditError> errors)
    {
        return Write(json =>
        {
            json.WriteStartArray();
            foreach (var error in errors)
            {
                json.WriteStartObject();
                WriteOptional(json, "attribute", error.Attribute);
                json.WriteString("key", error.Key);
                json.WriteString("message", error.Message);
                WriteOptional(json, "code", error.Code);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        });
    }

    /// <summary>Reads errors written by <see cref="WriteErrors"/>.</summary>
    public static IReadOnlyList<PendingEditError> ReadErrors(string text)
    {
        using var document = JsonDocument.Parse(text);
        return [.. document.RootElement.EnumerateArray().Select(e => new PendingEditError
        {
            Attribute = Text(e, "attribute"),
            Key = e.GetProperty("key").GetString()!,
            Message = e.GetProperty("message").GetString()!,
            Code = Text(e, "code"),
        })];
    }

    private static string Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            write(json);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null: json.WriteNullValue(); break;
            case string text: json.WriteStringValue(text); break;
            case DateTimeOffset time: json.WriteStringValue(time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)); break;
            case FlightTaskProvider provider: json.WriteStringValue(provider.ToString()); break;
            default: throw new InvalidOperationException($"No JSON form for a {value.GetType().Name}.");
        }
    }

    private static object? ReadValue(FlightTaskProperty property, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return property switch
        {
            FlightTaskProperty.Provider => Enum.Parse<FlightTaskProvider>(value.GetString()!),
            FlightTaskProperty.ScheduledAt or FlightTaskProperty.TargetedAt or FlightTaskProperty.DueAt or
                FlightTaskProperty.StartedAt or FlightTaskProperty.CompletedAt or FlightTaskProperty.CanceledAt => ParseTime(value.GetString()!),
            _ => value.GetString(),
        };
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, DateTimeOffset? value)
    {
        if (value is { } time)
        {
            json.WriteString(name, time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static DateTimeOffset? Time(JsonElement element, string name) =>
        Text(element, name) is { } text ? ParseTime(text) : null;

    private static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
