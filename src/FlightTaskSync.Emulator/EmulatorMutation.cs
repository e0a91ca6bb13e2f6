namespace FlightTaskSync.Emulator;

/// <summary>
/// One change a mutation applied to one task, as recorded in <see cref="EmulatorData.Journal"/>: an
/// accepted <c>upsert_flight_tasks</c> entry, a task <c>begin_tasks</c> began, or a task
/// <c>delete_tasks</c> deleted. Rejected entries and office edits through <see cref="EmulatorData"/>
/// are not recorded.
/// </summary>
public sealed class EmulatorMutation
{
    internal EmulatorMutation()
    {
    }

    /// <summary>The position of this change in the journal: 1, 2, ... in the order changes were applied.</summary>
    public long Sequence { get; internal init; }

    /// <summary>The number of the <c>POST /graphql</c> request that carried the mutation (as <see cref="FieldAgentEmulator.OnRequest"/> counts them).</summary>
    public int RequestNumber { get; internal init; }

    /// <summary>The mutation's root field: <c>upsert_flight_tasks</c>, <c>begin_tasks</c> or <c>delete_tasks</c>.</summary>
    public string Operation { get; internal init; } = string.Empty;

    /// <summary>What the change did.</summary>
    public EmulatorMutationKind Kind { get; internal init; }

    /// <summary>The position of the entry or id in the mutation's input list (0-based).</summary>
    public int Index { get; internal init; }

    /// <summary>The task changed; for <see cref="EmulatorMutationKind.Create"/>, the id the emulator gave the new task.</summary>
    public string TaskSenteraId { get; internal init; } = string.Empty;

    /// <summary>The organization of the task.</summary>
    public string OrganizationSenteraId { get; internal init; } = string.Empty;

    /// <summary>
    /// For <see cref="EmulatorMutationKind.Create"/> and <see cref="EmulatorMutationKind.Update"/>: the
    /// <c>FlightTaskImport</c> fields the entry carried (all but <c>sentera_id</c>), by schema name, with
    /// their values as text (dates as <c>2026-07-01T14:00:00Z</c>, enums by schema name, <see langword="null"/>
    /// for a field set to null). Empty for <see cref="EmulatorMutationKind.Begin"/> and <see cref="EmulatorMutationKind.Delete"/>.
    /// </summary>
    public IReadOnlyDictionary<string, string?> Fields { get; internal init; } = new Dictionary<string, string?>(StringComparer.Ordinal);

    /// <summary>The user whose bearer token sent the mutation.</summary>
    public string UserSenteraId { get; internal init; } = string.Empty;

    /// <summary>When the change was applied (the emulator's clock, whole seconds).</summary>
    public DateTimeOffset AppliedAt { get; internal init; }

    /// <summary>The task's content hash after the change; for <see cref="EmulatorMutationKind.Delete"/>, its last hash.</summary>
    public string ContentHash { get; internal init; } = string.Empty;

    /// <inheritdoc />
    public override string ToString() => $"#{Sequence} {Kind} {TaskSenteraId} (request {RequestNumber}, {Operation}[{Index}])";
}
