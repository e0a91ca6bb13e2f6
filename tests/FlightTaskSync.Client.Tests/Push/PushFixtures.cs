using FlightTaskSync.Client.Editing;
using FlightTaskSync.Client.Storage;
using FlightTaskSync.Client.Storage.Outbox;
using FlightTaskSync.Client.Tests.Fixtures;

namespace FlightTaskSync.Client.Tests.Push;

/// <summary>Queued edits and server tasks for the push's tests, with ids of the real shape.</summary>
internal static class PushFixtures
{
    public const string Organization = FlightTaskBuilder.OrganizationId;

    public static readonly SyncScope Scope = new(Organization);

    /// <summary>When the tests' edits were made; the server's tasks were created a year before.</summary>
    public static readonly DateTimeOffset T0 = new(2026, 6, 1, 8, 0, 0, TimeSpan.Zero);

    public static string TaskId(int number) => FlightTaskBuilder.TaskId(number);

    public static string FieldId(int number) => FlightTaskBuilder.FieldId(number);

    public static string LocalId(int number) => $"{LocalTaskId.Prefix}{number:D32}";

    public static OutboxEdit Create(long id, string localId, string name = "Replant check", string? field = null, OutboxEditState state = OutboxEditState.Pending, DateTimeOffset? firstSentAt = null) => new()
    {
        Id = id,
        TaskId = localId,
        Kind = PendingEditKind.Create,
        State = state,
        MadeAt = T0.AddMinutes(id),
        NewTask = new NewFlightTask { Name = name, OrganizationSenteraId = Organization, FieldSenteraId = field },
        FirstSentAt = firstSentAt,
    };

    public static OutboxEdit Update(
        long id, string taskId, FlightTaskChanges changes, string? baseHash = "hash-1", FlightTaskChanges? baseValues = null,
        OutboxEditState state = OutboxEditState.Pending) => new()
        {
            Id = id,
            TaskId = taskId,
            Kind = PendingEditKind.Update,
            State = state,
            MadeAt = T0.AddMinutes(id),
            BaseContentHash = baseHash,
            Changes = changes,
            BaseValues = baseValues,
            FirstSentAt = state == OutboxEditState.Sending ? T0.AddMinutes(id + 1) : null,
        };

    public static OutboxEdit Begin(long id, string taskId, string? baseHash = "hash-1", OutboxEditState state = OutboxEditState.Pending) =>
        Plain(id, taskId, PendingEditKind.Begin, baseHash, state);

    public static OutboxEdit Delete(long id, string taskId, string? baseHash = "hash-1", OutboxEditState state = OutboxEditState.Pending) =>
        Plain(id, taskId, PendingEditKind.Delete, baseHash, state);

    public static FlightTask ServerTask(
        string id,
        string hash = "hash-1",
        FlightTaskStatus status = FlightTaskStatus.Open,
        string name = "North field stand count",
        string? notes = null,
        string? field = null,
        DateTimeOffset? createdAt = null,
        DateTimeOffset? completedAt = null) => new()
        {
            SenteraId = id,
            ContentHash = hash,
            Name = name,
            Status = status,
            StatusValue = ServerEnumValues.ToServer(status) ?? "UNKNOWN",
            Provider = FlightTaskProvider.Self,
            Notes = notes,
            OrganizationSenteraId = Organization,
            FieldSenteraId = field,
            CompletedAt = completedAt,
            CreatedBySenteraId = FlightTaskBuilder.UserId(1),
            CreatedAt = createdAt ?? T0.AddYears(-1),
            UpdatedAt = T0.AddDays(-1),
            RawJson = "{}",
        };

    public static ServerTaskState Server(FlightTask task, DateTimeOffset? firstHeldAt = null, string? ownHash = null) => new()
    {
        Task = task,
        FirstHeldAt = firstHeldAt ?? T0.AddYears(-1),
        OwnContentHash = ownHash,
    };

    public static Dictionary<string, ServerTaskState> ServerTasks(params ServerTaskState[] states) =>
        states.ToDictionary(s => s.SenteraId, StringComparer.Ordinal);

    private static OutboxEdit Plain(long id, string taskId, PendingEditKind kind, string? baseHash, OutboxEditState state) => new()
    {
        Id = id,
        TaskId = taskId,
        Kind = kind,
        State = state,
        MadeAt = T0.AddMinutes(id),
        BaseContentHash = baseHash,
        FirstSentAt = state == OutboxEditState.Sending ? T0.AddMinutes(id + 1) : null,
    };
}
