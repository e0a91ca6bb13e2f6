using System.Collections;

namespace FlightTaskSync.Client.CodeGeneration.Tests.Infrastructure;

/// <summary>Reads the properties of generated result objects, whose types only the in-memory assembly knows.</summary>
internal static class ResultReflection
{
    public static object? Get(object target, string property)
    {
        var info = target.GetType().GetProperty(property)
            ?? throw new MissingMemberException(target.GetType().Name, property);
        return info.GetValue(target);
    }

    /// <summary>Follows a path of properties and list indexes: <c>"Sync_flight_tasks.Upserted[0].Sentera_id"</c>.</summary>
    public static object? At(object target, string path)
    {
        object? current = target;
        foreach (var segment in path.Split('.'))
        {
            var bracket = segment.IndexOf('[', StringComparison.Ordinal);
            var name = bracket < 0 ? segment : segment[..bracket];
            current = Get(current!, name);
            if (bracket >= 0)
            {
                var index = int.Parse(segment[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
                current = ((IList)current!)[index];
            }
        }

        return current;
    }

    public static int Count(object target, string path) => ((ICollection)At(target, path)!).Count;
}
