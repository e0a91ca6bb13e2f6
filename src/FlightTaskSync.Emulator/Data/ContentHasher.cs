using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace FlightTaskSync.Emulator.Data;

/// <summary>Computes content hashes: 16 characters of base64 (+ and /, no padding) of a SHA-256.</summary>
internal static class ContentHasher
{
    /// <summary>Separates fields, so that moving text from one field to the next changes the hash.</summary>
    private const char Separator = '\u001f';

    /// <summary>Stands for a null field, distinct from an empty string.</summary>
    private const string NullMarker = "\u2400";

    public static string Compute(EmulatorTask task)
    {
        var text = new StringBuilder(512);
        Append(text, task.SenteraId);
        Append(text, task.OrganizationSenteraId);
        Append(text, task.Name);
        Append(text, task.Status.ToString());
        Append(text, task.Provider.ToString());
        Append(text, task.TaskType.ToString());
        Append(text, task.Notes);
        Append(text, task.FieldSenteraId);
        Append(text, task.PlanSenteraId);
        Append(text, task.SurveySenteraId);
        Append(text, task.AssignedToSenteraId);
        Append(text, task.CompletedBySenteraId);
        Append(text, task.CreatedBySenteraId);
        Append(text, task.UpdatedBySenteraId);
        Append(text, task.CreatedAt);
        Append(text, task.UpdatedAt);
        Append(text, task.ScheduledAt);
        Append(text, task.TargetedAt);
        Append(text, task.DueAt);
        Append(text, task.StartedAt);
        Append(text, task.CompletedAt);
        Append(text, task.CanceledAt);
        return Compute(text.ToString());
    }

    public static string Compute(string content)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(content), digest);
        return Convert.ToBase64String(digest)[..16];
    }

    private static void Append(StringBuilder text, string? value) =>
        text.Append(value ?? NullMarker).Append(Separator);

    private static void Append(StringBuilder text, DateTimeOffset? value) =>
        Append(text, value?.UtcTicks.ToString(CultureInfo.InvariantCulture));
}
