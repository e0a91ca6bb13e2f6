using FlightTaskSync.Client.Tests.Fixtures;

namespace FlightTaskSync.Client.Tests.Reliability;

/// <summary>What a database file holds, read around the store: id -> content hash of every task.</summary>
internal static class StoredTasks
{
    public static Dictionary<string, string> Hashes(string path)
    {
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return hashes;
        }

        using var connection = RawDatabase.Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sentera_id, content_hash FROM flight_tasks;";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            hashes[reader.GetString(0)] = reader.GetString(1);
        }

        return hashes;
    }
}
