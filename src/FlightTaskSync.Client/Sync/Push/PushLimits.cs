namespace FlightTaskSync.Client.Sync.Push;

/// <summary>The documented size limits of the three mutations.</summary>
internal static class PushLimits
{
    /// <summary>The most entries one <c>upsert_flight_tasks</c> call takes.</summary>
    public const int UpsertEntries = 100;

    /// <summary>The most ids one <c>begin_tasks</c> call takes.</summary>
    public const int BeginIds = 100;

    /// <summary>The most ids one <c>delete_tasks</c> call takes.</summary>
    public const int DeleteIds = 1000;

    /// <summary>Gives the limit of a kind of call.</summary>
    public static int Of(PushCallKind kind) => kind switch
    {
        PushCallKind.Upsert => UpsertEntries,
        PushCallKind.Begin => BeginIds,
        PushCallKind.Delete => DeleteIds,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
