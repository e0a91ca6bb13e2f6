using System.Globalization;
using FlightTaskSync.Client;

namespace FlightTaskSync.Benchmarks.Support;

/// <summary>
/// Copies of real sample tasks under new ids and hashes, for stores larger than one page.
/// Ids and hashes have the shape and length of the emulator's (and the real API's).
/// </summary>
internal static class SyntheticTasks
{
    /// <summary>An id of the real shape, unique for each <paramref name="number"/>.</summary>
    public static string Id(int number) =>
        string.Create(CultureInfo.InvariantCulture, $"{number:x7}_TA_8t8cAcme_CV_stag_877281e47_210503_085336");

    /// <summary>A 16-character base64 hash, unique for each (<paramref name="number"/>, <paramref name="version"/>).</summary>
    public static string Hash(int number, int version = 0)
    {
        Span<byte> bytes = stackalloc byte[12];
        BitConverter.TryWriteBytes(bytes, number);
        BitConverter.TryWriteBytes(bytes[4..], version);
        BitConverter.TryWriteBytes(bytes[8..], (number * 2654435761u) ^ (uint)version);
        return Convert.ToBase64String(bytes);
    }

    /// <summary>The id to hash map of <paramref name="count"/> synthetic tasks.</summary>
    public static Dictionary<string, string> HashesById(int count)
    {
        var hashes = new Dictionary<string, string>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            hashes.Add(Id(i), Hash(i));
        }

        return hashes;
    }

    /// <summary><paramref name="count"/> tasks numbered from <paramref name="first"/>, cycling through the sample's content.</summary>
    public static List<FlightTask> Create(IReadOnlyList<FlightTask> sample, int first, int count, int version = 0)
    {
        var tasks = new List<FlightTask>(count);
        for (var i = 0; i < count; i++)
        {
            var number = first + i;
            tasks.Add(Copy(sample[number % sample.Count], Id(number), Hash(number, version), version == 0 ? null : $"edited {version}"));
        }

        return tasks;
    }

    /// <summary>The same tasks with a new hash and new notes, as an edit on the server would bring them.</summary>
    public static List<FlightTask> Edited(IReadOnlyList<FlightTask> tasks, int version) =>
        [.. tasks.Select((t, i) => Copy(t, t.SenteraId, Hash(i, version), $"edited {version}"))];

    /// <summary>A copy of <paramref name="task"/> under another id and hash (and other notes when given).</summary>
    public static FlightTask Copy(FlightTask task, string id, string hash, string? notes) => new()
    {
        SenteraId = id,
        ContentHash = hash,
        Name = task.Name,
        Status = task.Status,
        StatusValue = task.StatusValue,
        Provider = task.Provider,
        Notes = notes ?? task.Notes,
        OrganizationSenteraId = task.OrganizationSenteraId,
        FieldSenteraId = task.FieldSenteraId,
        PlanSenteraId = task.PlanSenteraId,
        SurveySenteraId = task.SurveySenteraId,
        AssignedToSenteraId = task.AssignedToSenteraId,
        CompletedBySenteraId = task.CompletedBySenteraId,
        CreatedBySenteraId = task.CreatedBySenteraId,
        UpdatedBySenteraId = task.UpdatedBySenteraId,
        CreatedAt = task.CreatedAt,
        UpdatedAt = task.UpdatedAt,
        ScheduledAt = task.ScheduledAt,
        TargetedAt = task.TargetedAt,
        DueAt = task.DueAt,
        StartedAt = task.StartedAt,
        CompletedAt = task.CompletedAt,
        CanceledAt = task.CanceledAt,
        RawJson = task.RawJson,
    };
}
