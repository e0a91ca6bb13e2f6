using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace FlightTaskSync.Emulator.Data;

/// <summary>Computes content hashes: 16 characters of base64 (+ and /, no padding) of a SHA-256.</summary>
internal static class ContentHasher
{
    /// <summary>Separates fields, so that moving text from one field to the next changes the hash.</summary>
    private const char Separator = '\u001f';

    /// <summary>Stands for a null field, distinct from an empty string.</summary>
    private const char NullMarker = '\u2400';

    // Seeding 200,000 tasks hashes each one: reuse the text buffer instead of allocating one per task.
    [ThreadStatic]
    private static StringBuilder? _text;

    public static string Compute(EmulatorTask task)
    {
        var text = _text ??= new StringBuilder(1024);
        text.Clear();
        Append(text, task.SenteraId);
        Append(text, task.OrganizationSenteraId);
        Append(text, task.Name);
        text.Append((int)task.Status).Append(Separator);
        text.Append((int)task.Provider).Append(Separator);
        text.Append((int)task.TaskType).Append(Separator);
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
        return Compute(text);
    }

    public static string Compute(string content) => Compute(new StringBuilder(content));

    private static string Compute(StringBuilder text)
    {
        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            var length = 0;
            foreach (var chunk in text.GetChunks())
            {
                length += Encoding.UTF8.GetBytes(chunk.Span, bytes.AsSpan(length));
            }

            Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(bytes.AsSpan(0, length), digest);

            // 12 bytes are exactly 16 base64 characters, with no padding.
            return Convert.ToBase64String(digest[..12]);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    private static void Append(StringBuilder text, string? value)
    {
        if (value is null)
        {
            text.Append(NullMarker);
        }
        else
        {
            text.Append(value);
        }

        text.Append(Separator);
    }

    private static void Append(StringBuilder text, DateTimeOffset? value)
    {
        if (value is { } instant)
        {
            text.Append(instant.UtcTicks);
        }
        else
        {
            text.Append(NullMarker);
        }

        text.Append(Separator);
    }
}
