namespace FlightTaskSync.Client.Storage.Outbox;

/// <summary>
/// What the push (<see cref="Sync.Push.PushRunner"/>) needs of the store: the scope's queued edits,
/// the server's version of tasks as last pulled, and durable records of what was sent and what
/// came of it. The push calls it only while it holds the scope's sync lock; edits may be added
/// meanwhile (through <see cref="ILocalEditStore"/>), and must not be lost or reordered by these calls.
/// </summary>
/// <remarks>
/// Every write is one transaction, committed before the method returns: the push relies on
/// <see cref="MarkSendingAsync"/> being on disk before a request goes out, so that a process killed
/// at any point leaves every edit either pending, sending (in doubt) or recorded.
/// </remarks>
internal interface IOutboxStore
{
    /// <summary>
    /// Reads every queued edit of the scope, in every state, in id order (the order they were made),
    /// with the fields of <see cref="OutboxEdit"/> as stored.
    /// </summary>
    Task<IReadOnlyList<OutboxEdit>> ReadEditsAsync(SyncScope scope, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads the server's version, as last pulled into the scope, of each of these tasks the scope
    /// holds, keyed by sentera id (ordinal). A task the scope does not hold (never pulled, deleted by
    /// a pull, or only created locally) is absent. Local views and pending edits play no part.
    /// </summary>
    Task<IReadOnlyDictionary<string, ServerTaskState>> ReadServerTasksAsync(
        SyncScope scope, IReadOnlyCollection<string> senteraIds, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads the server's version of every task the scope holds whose row a pull first inserted at or
    /// after <paramref name="since"/> (<see cref="ServerTaskState.FirstHeldAt"/>, the SDK's clock):
    /// where a create whose answer was lost is looked for. The implementation keeps, per task and
    /// scope, the time it was first inserted by a pull, unchanged by later updates of the row.
    /// </summary>
    Task<IReadOnlyList<ServerTaskState>> ReadServerTasksFirstHeldSinceAsync(
        SyncScope scope, DateTimeOffset since, CancellationToken cancellationToken = default);

    /// <summary>
    /// Marks edits as <see cref="OutboxEditState.Sending"/> and commits before returning, so that it is
    /// durable before their call goes out. Sets <see cref="OutboxEdit.FirstSentAt"/> to
    /// <paramref name="sentAt"/> for an edit that has none (an edit sent before keeps its first time).
    /// Ids that are no longer queued (discarded meanwhile) are skipped.
    /// </summary>
    Task MarkSendingAsync(SyncScope scope, IReadOnlyCollection<long> editIds, DateTimeOffset sentAt, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records outcomes in one transaction, then raises <see cref="IFlightTaskStore.Changed"/> for the
    /// tasks whose local view changed, saying which local id became which sentera id. An outcome for
    /// an edit no longer queued is skipped, except that an applied create's id mapping still applies
    /// to any edit or row that carries its local id.
    /// </summary>
    /// <remarks>
    /// Per <see cref="EditOutcome.Kind"/>:
    /// <list type="bullet">
    /// <item><see cref="EditOutcomeKind.Applied"/>: the edit leaves the queue. For a create
    /// (<see cref="EditOutcome.NewSenteraId"/> set), the local id is replaced by the sentera id
    /// everywhere (every queued edit of the task, the local row); when the scope already holds a
    /// pulled row with that sentera id, the local row is dropped in its favour. The task's
    /// <see cref="ServerTaskState.OwnContentHash"/> becomes <see cref="EditOutcome.NewContentHash"/>,
    /// or, when that is null, is set from the next hash a pull brings for the task. Reads keep showing
    /// the edit's values until a pull brings the server's version of the task; the hash set a pull sends
    /// keeps only hashes of rows as pulled (never an answer's hash), so that pull does bring it.</item>
    /// <item><see cref="EditOutcomeKind.Rejected"/>: state <see cref="OutboxEditState.Rejected"/> with
    /// <see cref="EditOutcome.Errors"/>; the local view stops applying the edit (a rejected create's
    /// local task stays visible, marked pending, until the app discards the create).</item>
    /// <item><see cref="EditOutcomeKind.InDoubt"/>: stays <see cref="OutboxEditState.Sending"/>.</item>
    /// <item><see cref="EditOutcomeKind.NotSent"/>: back to <see cref="OutboxEditState.Pending"/>,
    /// <see cref="OutboxEdit.FirstSentAt"/> kept.</item>
    /// <item><see cref="EditOutcomeKind.Dropped"/>: the edit leaves the queue and the local view is
    /// recomputed without it (a dropped create removes its local task).</item>
    /// </list>
    /// The whole batch is atomic: a failure leaves every edit as it was (the push then fails, and the
    /// next sync finds its edits sending and reconciles them).
    /// </remarks>
    Task RecordOutcomesAsync(SyncScope scope, IReadOnlyList<EditOutcome> outcomes, CancellationToken cancellationToken = default);
}
