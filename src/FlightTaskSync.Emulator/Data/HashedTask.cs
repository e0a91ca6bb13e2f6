namespace FlightTaskSync.Emulator.Data;

/// <summary>A task with its content hash computed once, as the store keeps it and pages serve it.</summary>
internal sealed class HashedTask(EmulatorTask task)
{
    public EmulatorTask Task { get; } = task;

    public string Hash { get; } = task.ContentHash;

    public string SenteraId => Task.SenteraId;
}
