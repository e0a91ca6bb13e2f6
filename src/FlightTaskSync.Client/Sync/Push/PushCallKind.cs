namespace FlightTaskSync.Client.Sync.Push;

/// <summary>The mutation a planned call sends.</summary>
internal enum PushCallKind
{
    /// <summary><c>upsert_flight_tasks</c>: creates and updates, at most <see cref="PushLimits.UpsertEntries"/> entries.</summary>
    Upsert,

    /// <summary><c>begin_tasks</c>: at most <see cref="PushLimits.BeginIds"/> ids.</summary>
    Begin,

    /// <summary><c>delete_tasks</c>: at most <see cref="PushLimits.DeleteIds"/> ids.</summary>
    Delete,
}
