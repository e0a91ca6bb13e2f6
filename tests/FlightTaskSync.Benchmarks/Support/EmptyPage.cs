using System.Text;

namespace FlightTaskSync.Benchmarks.Support;

/// <summary>The last page of a sync that brings nothing, as the emulator writes it.</summary>
internal static class EmptyPage
{
    public static byte[] Body { get; } = Encoding.UTF8.GetBytes(
        """{"data":{"sync_flight_tasks":{"__typename":"SyncResult","remaining_count":0,"failed":null,"deleted":[],"upserted":[]}}}""");
}
