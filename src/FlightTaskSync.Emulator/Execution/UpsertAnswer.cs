using FlightTaskSync.Emulator.Data;

namespace FlightTaskSync.Emulator.Execution;

/// <summary>The value of an <c>UpsertResult</c>.</summary>
internal sealed record UpsertAnswer(IReadOnlyList<HashedTask> Succeeded, IReadOnlyList<UpsertFailure> Failed);

/// <summary>The value of an <c>UpsertError</c>: which entry, the task as it stands (updates only), and why.</summary>
internal sealed record UpsertFailure(int Index, HashedTask? Item, IReadOnlyList<AttributeFailure> Attributes);

/// <summary>The value of a <c>BulkUpdateResult</c> (<c>begin_tasks</c>): the ids that succeeded, in input order, and the failures.</summary>
internal sealed record BulkUpdateAnswer(IReadOnlyList<string> Succeeded, IReadOnlyList<BulkUpdateFailure> Failed);

/// <summary>The value of a <c>BulkUpdateError</c>: the id's index in the input list, and why.</summary>
internal sealed record BulkUpdateFailure(int Index, IReadOnlyList<AttributeFailure> Errors);
