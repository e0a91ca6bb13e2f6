using FlightTaskSync.Client;
using FlightTaskSync.Emulator;

namespace FlightTaskSync.IntegrationTests.Push.PolicyProperty;

/// <summary>
/// Where the offline-edit property runs: one emulator and one SDK for the whole run, a fresh
/// organization (so a fresh scope) for each generated case. The property talks to the system under
/// test only through <see cref="IOfflineEditHarness"/>, and runs in two worlds: the push parts
/// driven directly over the in-memory outbox (<see cref="InMemoryOfflineEditWorld"/>), and the public
/// path (<see cref="PublicApiOfflineEditWorld"/>: the registered <see cref="IFlightTaskEditor"/>,
/// <see cref="IFlightTaskSyncClient.SyncAsync"/> and the SQLite store).
/// </summary>
internal interface IOfflineEditWorld : IAsyncDisposable
{
    /// <summary>Gets the emulator every case's office edits and checks use.</summary>
    FieldAgentEmulator Emulator { get; }

    /// <summary>Starts a case: a new organization on the emulator, with no tasks yet, and its scope on the device.</summary>
    /// <param name="resolution">The conflict resolution the case's syncs use.</param>
    Task<IOfflineEditHarness> NewCaseAsync(ConflictResolution resolution);
}

/// <summary>The system under test for one case: a device holding one scope, edited offline, then synced.</summary>
internal interface IOfflineEditHarness
{
    /// <summary>Gets the case's organization on the emulator (its tasks are the scope's).</summary>
    string Organization { get; }

    /// <summary>Gets the scope the device holds.</summary>
    SyncScope Scope { get; }

    /// <summary>
    /// Gets whether the store keeps a local view that refuses a begin of a task it does not show
    /// open (<see cref="InvalidOperationException"/>), as the SQLite store does. The in-memory outbox
    /// does not: with it, the property only begins tasks the model shows open.
    /// </summary>
    bool ChecksLocalView { get; }

    /// <summary>Gets the editor the offline edits go through.</summary>
    IFlightTaskEditor Editor { get; }

    /// <summary>The device online before the offline edits: a plain pull of the scope (nothing is pending yet).</summary>
    Task PullAsync();

    /// <summary>One sync with edits pending: pull, reconcile, push, pull (one public <c>SyncAsync</c>).</summary>
    /// <returns>What the push reported.</returns>
    Task<PushOutcome> SyncAsync();

    /// <summary>Reads the scope's tasks as the device's reads show them.</summary>
    Task<IReadOnlyList<FlightTask>> ReadLocalAsync();
}

/// <summary>What one sync's push reported (the public <c>SyncReport</c>'s <c>Pushed</c>, <c>PushRejections</c>, <c>Conflicts</c>).</summary>
/// <param name="Pushed">The number of edits the server accepted.</param>
/// <param name="Rejections">The edits the server refused.</param>
/// <param name="Conflicts">The edits of tasks the server changed or deleted since they were made.</param>
internal sealed record PushOutcome(int Pushed, IReadOnlyList<PushRejection> Rejections, IReadOnlyList<PushConflict> Conflicts);

/// <summary>The systems the property runs against.</summary>
public enum OfflineEditWorldKind
{
    /// <summary>The push parts over the in-memory outbox, <c>PushRunner</c> driven directly.</summary>
    InMemory,

    /// <summary>The public path: <c>AddFlightTaskSync</c>, the SQLite outbox and <c>SyncAsync</c>.</summary>
    PublicApi,
}

/// <summary>The one place that says which system the property runs against.</summary>
internal static class OfflineEditWorld
{
    /// <summary>Starts the world the property runs in.</summary>
    /// <param name="kind">Which system.</param>
    public static async Task<IOfflineEditWorld> StartAsync(OfflineEditWorldKind kind) => kind switch
    {
        OfflineEditWorldKind.PublicApi => await PublicApiOfflineEditWorld.StartAsync(),
        _ => await InMemoryOfflineEditWorld.StartAsync(),
    };
}
