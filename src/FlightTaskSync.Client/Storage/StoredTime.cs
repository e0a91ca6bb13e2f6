namespace FlightTaskSync.Client.Storage;

/// <summary>
/// How dates are stored: INTEGER milliseconds since the Unix epoch, UTC. Sorting and comparing
/// them in SQL is then plain integer work, and they read back as UTC to the millisecond.
/// </summary>
internal static class StoredTime
{
    /// <summary>Gives the stored form of a date; anything finer than a millisecond is dropped.</summary>
    public static long ToStored(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    /// <summary>Gives the stored form of an optional date, or <see cref="DBNull"/> for none.</summary>
    public static object ToStoredOrNull(DateTimeOffset? value) => value is { } date ? ToStored(date) : DBNull.Value;

    /// <summary>Reads a stored date back, as UTC.</summary>
    public static DateTimeOffset FromStored(long milliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
}
