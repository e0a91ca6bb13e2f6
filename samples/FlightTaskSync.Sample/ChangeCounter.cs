using FlightTaskSync.Client;

namespace FlightTaskSync.Sample;

/// <summary>Listens to <see cref="IFlightTaskStore.Changed"/> as an app refreshing its task list would.</summary>
internal sealed class ChangeCounter
{
    private int _events;
    private int _upserted;
    private int _deleted;

    public int Events => Volatile.Read(ref _events);

    public int Upserted => Volatile.Read(ref _upserted);

    public int Deleted => Volatile.Read(ref _deleted);

    public void OnChanged(object? sender, FlightTasksChangedEventArgs change)
    {
        Interlocked.Increment(ref _events);
        Interlocked.Add(ref _upserted, change.UpsertedIds.Count);
        Interlocked.Add(ref _deleted, change.DeletedIds.Count);
    }

    public void Reset()
    {
        Volatile.Write(ref _events, 0);
        Volatile.Write(ref _upserted, 0);
        Volatile.Write(ref _deleted, 0);
    }
}
