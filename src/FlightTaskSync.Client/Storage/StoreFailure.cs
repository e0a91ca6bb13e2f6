using Microsoft.Data.Sqlite;

namespace FlightTaskSync.Client.Storage;

/// <summary>
/// Turns a failure of the database file into the <see cref="FlightTaskStoreException"/> an app can
/// act on: it names the file, what could not be done, and what to do about it.
/// </summary>
internal static class StoreFailure
{
    // SQLite's primary result codes (https://sqlite.org/rescode.html).
    private const int Permission = 3;
    private const int Busy = 5;
    private const int Locked = 6;
    private const int ReadOnly = 8;
    private const int IOError = 10;
    private const int Corrupt = 11;
    private const int Full = 13;
    private const int CannotOpen = 14;
    private const int NotADatabase = 26;

    /// <summary>
    /// Tells whether <paramref name="exception"/> is the database's failure to wrap: anything but a
    /// cancellation, a disposed object, an exception of the library already, or a lost claim.
    /// </summary>
    public static bool IsStoreFailure(Exception exception) =>
        exception is not (OperationCanceledException or ObjectDisposedException or FlightTaskSyncException or ScopeClaimLostException);

    /// <summary>Wraps <paramref name="exception"/>: "The flight task database '...' could not be <paramref name="doing"/>: ... What to do."</summary>
    public static FlightTaskStoreException Wrap(string path, string doing, Exception exception) =>
        new($"The flight task database '{path}' could not be {doing}: {exception.Message.TrimEnd('.')}. {Advice(exception)}", exception);

    private static string Advice(Exception exception) => exception is SqliteException sqlite
        ? sqlite.SqliteErrorCode switch
        {
            Corrupt or NotADatabase =>
                "The file is damaged. The tasks are still on the server: dispose FlightTaskSync (the service provider), " +
                "delete the file with its -wal and -shm files, and sync again.",
            Full => "The disk is full: free some space, then try again.",
            ReadOnly or CannotOpen or Permission =>
                "Check that the app can still read and write the database folder, then try again.",
            IOError => "The device failed to read or write the file: try again; if it recurs, check the storage.",
            Busy or Locked => "Another connection held the database too long: try again.",
            _ => DamagedIfItRecurs,
        }
        : exception is IOException or UnauthorizedAccessException
            ? "Check that the database folder exists and the app can write to it, then try again."
            : DamagedIfItRecurs;

    private const string DamagedIfItRecurs =
        "Try again; if it recurs, the file may be damaged: dispose FlightTaskSync (the service provider), " +
        "delete the file with its -wal and -shm files, and sync again (the tasks are still on the server).";
}
