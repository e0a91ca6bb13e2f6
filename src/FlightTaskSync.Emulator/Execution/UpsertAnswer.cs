using FlightTaskSync.Emulator.Data;

namespace FlightTaskSync.Emulator.Execution;

/// <summary>The value of an <c>UpsertResult</c>.</summary>
internal sealed record UpsertAnswer(IReadOnlyList<HashedTask> Succeeded, IReadOnlyList<UpsertFailure> Failed);

/// <summary>The value of an <c>UpsertError</c>: which entry, the task as it stands (updates only), and why.</summary>
internal sealed record UpsertFailure(int Index, HashedTask? Item, IReadOnlyList<AttributeFailure> Attributes);

/// <summary>The value of an <c>AttributeError</c>.</summary>
internal sealed record AttributeFailure(string? Attribute, string Key, string Message, string Code);
