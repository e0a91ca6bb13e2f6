using Microsoft.Data.Sqlite;

namespace FlightTaskSync.ReliabilityHarness.Hosting;

/// <summary>Recognises SQLite's lock errors (SQLITE_BUSY, SQLITE_LOCKED) anywhere in an exception or a text.</summary>
internal static class BusyErrors
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    public static bool Is(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked } || Mentions(e.Message))
            {
                return true;
            }
        }

        return false;
    }

    public static bool Mentions(string text) =>
        text.Contains("database is locked", StringComparison.OrdinalIgnoreCase)
        || text.Contains("database table is locked", StringComparison.OrdinalIgnoreCase)
        || text.Contains("SQLITE_BUSY", StringComparison.Ordinal);
}
