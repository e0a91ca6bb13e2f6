namespace FlightTaskSync.Client.Editing;

/// <summary>
/// The ids of tasks created offline, until the push replaces them with the server's. A FieldAgent
/// id is letters, digits and underscores (<c>w9n9629_TA_...</c>), so an id starting <c>local-</c>
/// can never be one.
/// </summary>
internal static class LocalTaskId
{
    /// <summary>What every local id starts with.</summary>
    public const string Prefix = "local-";

    /// <summary>Makes a new local id.</summary>
    public static string New() => Prefix + Guid.NewGuid().ToString("N");

    /// <summary>Tells whether an id is a local one (a task created offline and not pushed yet).</summary>
    public static bool IsLocal(string taskId)
    {
        ArgumentNullException.ThrowIfNull(taskId);
        return taskId.StartsWith(Prefix, StringComparison.Ordinal);
    }
}
