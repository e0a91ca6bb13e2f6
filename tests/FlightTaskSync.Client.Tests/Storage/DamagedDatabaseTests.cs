using System.Buffers.Binary;
using FlightTaskSync.Client.Tests.TestDoubles;
using FlightTaskSync.Tests.Shared;
using Microsoft.Data.Sqlite;

namespace FlightTaskSync.Client.Tests.Storage;

/// <summary>
/// A database file damaged on disk (issue 13): every call of the store, and the client's calls
/// that read it, fail with <see cref="FlightTaskStoreException"/> naming the file and saying
/// what the app can do, never with a raw <see cref="SqliteException"/>.
/// </summary>
public sealed class DamagedDatabaseTests
{
    private static readonly SyncScope Scope = new(FakeTask.OrganizationId("dmg0001"));

    private static readonly (string Name, Func<IFlightTaskSyncClient, IFlightTaskStore, Task> Call)[] Calls =
    [
        ("GetAsync", (_, store) => store.GetAsync(Scope, FakeTask.TaskId(7))),
        ("ListAsync", (_, store) => store.ListAsync(Scope)),
        ("ListAsync by status", (_, store) => store.ListAsync(Scope, new FlightTaskQuery { Status = FlightTaskStatus.Open, Take = 5 })),
        ("CountAsync", (_, store) => store.CountAsync(Scope)),
        ("CountAsync by status", (_, store) => store.CountAsync(Scope, new FlightTaskQuery { Status = FlightTaskStatus.Open })),
        ("ResetAsync", (_, store) => store.ResetAsync(Scope)),
        ("GetStatusAsync", (client, _) => client.GetStatusAsync(Scope)),
        ("SyncAsync", (client, _) => client.SyncAsync(Scope)),
        ("FullResyncAsync", (client, _) => client.FullResyncAsync(Scope)),
    ];

    private static IEnumerable<TestCaseData> EveryCall() => Calls.Select(c => new TestCaseData(c.Name).SetName($"{{m}}({c.Name})"));

    [TestCaseSource(nameof(EveryCall))]
    public async Task Call_DatabaseFileOverwrittenWithGarbage_ThrowsStoreExceptionSayingWhatToDo(string name)
    {
        using var folder = new TempDirectory();
        using var server = new FakeFieldAgentServer();
        server.AddTasks(Scope.OrganizationSenteraId, 2_000);
        string path;
        await using (var first = new SyncHarness(folder: folder, server: server))
        {
            await first.SyncAsync(Scope);
            path = first.DatabasePath;
        }

        Damage(path);
        await using var harness = new SyncHarness(folder: folder, server: server);
        var call = Calls.Single(c => c.Name == name).Call;

        var thrown = Assert.CatchAsync(() => call(harness.Client, harness.Store));

        Assert.Multiple(() =>
        {
            Assert.That(thrown, Is.TypeOf<FlightTaskStoreException>(), thrown?.ToString());
            Assert.That(thrown!.Message, Does.Contain(path), "names the file");
            Assert.That(thrown.Message, Does.Contain("damaged").And.Contain("delete"), "says what the app can do");
        });
    }

    /// <summary>Overwrites everything after the first page (the header and schema) with garbage, as a failing disk might.</summary>
    private static void Damage(string path)
    {
        SqliteConnection.ClearAllPools();
        Assert.That(File.Exists(path + "-wal") && new FileInfo(path + "-wal").Length > 0, Is.False, "every page is in the main file");
        var bytes = File.ReadAllBytes(path);
        var pageSize = BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(16));
        var garbage = new Random(13);
        garbage.NextBytes(bytes.AsSpan(pageSize));
        File.WriteAllBytes(path, bytes);
    }
}
