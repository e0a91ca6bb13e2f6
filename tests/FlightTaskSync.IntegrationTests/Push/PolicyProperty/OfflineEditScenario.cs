using CsCheck;
using FlightTaskSync.Client;

namespace FlightTaskSync.IntegrationTests.Push.PolicyProperty;

/// <summary>What one step of a generated case does.</summary>
internal enum OfflineStepKind
{
    /// <summary>The pilot begins a task (one the model shows open; with a store that checks, sometimes one it does not).</summary>
    Begin,

    /// <summary>The pilot changes one to three properties of a task (set or cleared).</summary>
    Update,

    /// <summary>The pilot creates a task.</summary>
    Create,

    /// <summary>The pilot deletes a task.</summary>
    Delete,

    /// <summary>The pilot discards one of the pending edits.</summary>
    Discard,

    /// <summary>The pilot edits a task already deleted on the device: refused, nothing queued.</summary>
    EditDeleted,

    /// <summary>The pilot gives a blank name: refused, nothing queued.</summary>
    InvalidUpdate,

    /// <summary>The office changes properties of a task on the server.</summary>
    OfficeChange,

    /// <summary>The office deletes a task on the server.</summary>
    OfficeDelete,

    /// <summary>The office creates a task on the server.</summary>
    OfficeCreate,
}

/// <summary>A property and an abstract value: 0 clears it; 1 to 4 pick a value (see <see cref="OfflineEditValues"/>).</summary>
internal readonly record struct ValueChoice(FlightTaskProperty Property, int Value)
{
    public override string ToString() => $"{Property}={Value}";
}

/// <summary>One step: what, which task or edit (<see cref="Pick"/>, taken modulo the candidates at the time), with which values.</summary>
internal sealed record OfflineStep(OfflineStepKind Kind, int Pick, ValueChoice[] Values)
{
    public override string ToString() => $"{Kind}#{Pick}({string.Join(",", Values)})";
}

/// <summary>
/// A generated case: the server's tasks before the device goes offline (their statuses), the steps
/// made offline (the pilot's edits interleaved with the office's), and the conflict resolution.
/// </summary>
internal sealed record OfflineEditScenario(int[] SeedStatuses, OfflineStep[] Steps, ConflictResolution Resolution)
{
    private static readonly FlightTaskProperty[] Common =
    [
        FlightTaskProperty.Name, FlightTaskProperty.Notes, FlightTaskProperty.FieldSenteraId, FlightTaskProperty.Provider,
        FlightTaskProperty.AssignedToSenteraId, FlightTaskProperty.CompletedBySenteraId, FlightTaskProperty.ScheduledAt,
        FlightTaskProperty.TargetedAt, FlightTaskProperty.DueAt,
    ];

    private static readonly FlightTaskProperty[] Lifecycle =
        [FlightTaskProperty.StartedAt, FlightTaskProperty.CompletedAt, FlightTaskProperty.CanceledAt];

    /// <summary>Gets the generator: 3 to 8 server tasks, up to 20 steps, either resolution.</summary>
    public static Gen<OfflineEditScenario> Generator { get; } = Build();

    public override string ToString() =>
        $"{Resolution}; seeds [{string.Join(",", SeedStatuses)}]; steps [{string.Join(" ", Steps.Select(s => s.ToString()))}]";

    private static Gen<OfflineEditScenario> Build()
    {
        var property = Gen.Frequency((5, Gen.OneOf(Common)), (2, Gen.Const(FlightTaskProperty.FieldSenteraId)), (1, Gen.OneOf(Lifecycle)));
        var value = Gen.Select(property, Gen.Int[0, 4], (p, v) => new ValueChoice(p, v));
        var kind = Gen.Frequency(
            (6, Gen.Const(OfflineStepKind.Update)),
            (4, Gen.Const(OfflineStepKind.Begin)),
            (2, Gen.Const(OfflineStepKind.Create)),
            (2, Gen.Const(OfflineStepKind.Delete)),
            (1, Gen.Const(OfflineStepKind.Discard)),
            (1, Gen.Const(OfflineStepKind.EditDeleted)),
            (1, Gen.Const(OfflineStepKind.InvalidUpdate)),
            (3, Gen.Const(OfflineStepKind.OfficeChange)),
            (1, Gen.Const(OfflineStepKind.OfficeDelete)),
            (1, Gen.Const(OfflineStepKind.OfficeCreate)));
        // Picks lean to the first candidates, so that edits meet on the same tasks (where the rules interact).
        var pick = Gen.Frequency((4, Gen.Const(0)), (2, Gen.Int[1, 2]), (1, Gen.Int[0, 99]));
        var step = Gen.Select(kind, pick, value.Array[1, 3], (k, p, v) => new OfflineStep(k, p, v));

        // Statuses 0-5 open, then in progress, completed, canceled, failed.
        return Gen.Select(
            Gen.Int[0, 9].Array[3, 8],
            step.Array[0, 20],
            Gen.OneOf(ConflictResolution.MergeFields, ConflictResolution.ServerWins),
            (seeds, steps, resolution) => new OfflineEditScenario(seeds, steps, resolution));
    }
}
