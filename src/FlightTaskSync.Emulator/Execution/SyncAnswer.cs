using FlightTaskSync.Emulator.Data;

namespace FlightTaskSync.Emulator.Execution;

/// <summary>The value of a <c>SyncResult</c>: a page plus the <c>failed</c> entries of this request (or null).</summary>
internal sealed record SyncAnswer(SyncPage Page, IReadOnlyList<SyncErrorEntry>? Failed);
