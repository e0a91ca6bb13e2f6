using Microsoft.Extensions.Logging;

namespace FlightTaskSync.Client.Sync.Push;

/// <summary>
/// The push's log messages, with fixed event ids (4001-4099). They carry scopes, kinds, counts and
/// edit ids; never tokens or task contents.
/// </summary>
internal static partial class PushLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Debug, Message = "Push of {Scope}: {Edits} edit(s) in {Calls} call(s); {Conflicts} conflict(s), {Waiting} waiting")]
    public static partial void PushPlanned(ILogger logger, SyncScope scope, int edits, int calls, int conflicts, int waiting);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Debug, Message = "Push of {Scope}: call {CallNumber} ({Kind}) answered: {Applied} applied, {Rejected} rejected, {InDoubt} in doubt")]
    public static partial void CallAnswered(ILogger logger, SyncScope scope, int callNumber, PushCallKind kind, int applied, int rejected, int inDoubt);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "Push of {Scope}: call {CallNumber} ({Kind}) attempt {Attempt} failed ({Reason}); retrying in {Delay}")]
    public static partial void RetryingCall(ILogger logger, SyncScope scope, PushCallKind kind, int callNumber, int attempt, TimeSpan delay, string reason);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Warning, Message = "Push of {Scope}: call {CallNumber} ({Kind}) may or may not have been applied ({Reason}); its {Edits} edit(s) are checked against the server at the next sync")]
    public static partial void CallInDoubt(ILogger logger, SyncScope scope, int callNumber, PushCallKind kind, int edits, string reason);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Warning, Message = "Push of {Scope}: call {CallNumber} ({Kind}) was not applied ({Reason}); its {Edits} edit(s) stay pending")]
    public static partial void CallNotSent(ILogger logger, SyncScope scope, int callNumber, PushCallKind kind, int edits, string reason);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Warning, Message = "Push of {Scope}: edit {EditId} ({Kind} of {TaskId}) was rejected: {FirstError}")]
    public static partial void EditRejected(ILogger logger, SyncScope scope, long editId, PendingEditKind kind, string taskId, string firstError);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Information, Message = "Push of {Scope}: {Applied} in-doubt edit(s) found applied, {Resent} to send again, {Dropped} dropped")]
    public static partial void Reconciled(ILogger logger, SyncScope scope, int applied, int resent, int dropped);

    [LoggerMessage(EventId = 4009, Level = LogLevel.Information, Message = "Push of {Scope} ended: {Pushed} edit(s) pushed, {Rejected} rejected, {Conflicts} conflict(s), in {Calls} call(s)")]
    public static partial void PushEnded(ILogger logger, SyncScope scope, int pushed, int rejected, int conflicts, int calls);

    [LoggerMessage(EventId = 4008, Level = LogLevel.Warning, Message = "Push of {Scope}: the answer to call {CallNumber} ({Kind}) does not match what was sent ({Mismatch}); the unmatched entries are checked at the next sync")]
    public static partial void AnswerMismatch(ILogger logger, SyncScope scope, int callNumber, PushCallKind kind, string mismatch);
}
