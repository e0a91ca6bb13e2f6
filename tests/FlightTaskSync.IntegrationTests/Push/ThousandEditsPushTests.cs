using FlightTaskSync.Client;
using FlightTaskSync.Emulator;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace FlightTaskSync.IntegrationTests.Push;

/// <summary>
/// Issue 16's request budget, end to end through the public API and the SQLite store: 1,000 offline
/// edits of every kind go in at most 15 mutation requests (DESIGN.md's call sizes: upserts 100 a
/// call, begins 100, deletes 1,000), each lands once, and the store ends equal to the server.
/// A count of requests, not a time: docs/performance.md reports it beside the benchmarks.
/// </summary>
[TestFixture]
public sealed class ThousandEditsPushTests
{
    [Test]
    [CancelAfter(240_000)]
    public async Task SyncAsync_AThousandEditsOfEveryKind_PushesThemInAtMostFifteenMutationRequests(CancellationToken cancellationToken)
    {
        await using var emulator = await FieldAgentEmulator.StartAsync(new EmulatorOptions { TaskCount = 2_000, ChildrenPerOrganization = 0, Seed = 16 }, cancellationToken);
        var folder = Path.Combine(Path.GetTempPath(), "flighttasksync-integration", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var counter = new MutationCounter();
        var services = new ServiceCollection();
        services.AddFlightTaskSync(options =>
        {
            options.Endpoint = emulator.Endpoint;
            options.DatabasePath = Path.Combine(folder, "flighttasks.db");
            options.AccessTokenProvider = _ => Task.FromResult(emulator.AccessToken);
        });
        services.AddHttpClient(FlightTaskSyncOptions.HttpClientName).AddHttpMessageHandler(() => counter);
        try
        {
            await using var provider = services.BuildServiceProvider();
            var sync = provider.GetRequiredService<IFlightTaskSyncClient>();
            var store = provider.GetRequiredService<IFlightTaskStore>();
            var editor = provider.GetRequiredService<IFlightTaskEditor>();
            var scope = new SyncScope(emulator.OrganizationIds[0]);
            await sync.SyncAsync(scope, cancellationToken: cancellationToken);

            var held = await store.ListAsync(scope, new FlightTaskQuery { Take = int.MaxValue }, cancellationToken);
            var open = held.Where(t => t.Status == FlightTaskStatus.Open).Take(100).ToList();
            var others = held.Except(open).ToList();
            Assume.That(open, Has.Count.EqualTo(100), "the seeded organization has 100 open tasks");
            foreach (var task in open)
            {
                await editor.BeginAsync(scope, task.SenteraId, cancellationToken);
            }

            foreach (var task in others.Take(500))
            {
                await editor.UpdateAsync(scope, task.SenteraId, new FlightTaskChanges { Notes = $"checked {task.SenteraId[..7]}" }, cancellationToken);
            }

            foreach (var task in others.Skip(500).Take(100))
            {
                await editor.DeleteAsync(scope, task.SenteraId, cancellationToken);
            }

            for (var n = 1; n <= 300; n++)
            {
                await editor.CreateAsync(scope, new NewFlightTask { Name = $"Replant check {n}", OrganizationSenteraId = scope.OrganizationSenteraId }, cancellationToken);
            }

            Assert.That(await editor.ListPendingAsync(scope, cancellationToken), Has.Count.EqualTo(1_000));
            counter.Reset();

            var report = await sync.SyncAsync(scope, cancellationToken: cancellationToken);

            var journal = emulator.Data.Journal;
            await TestContext.Out.WriteLineAsync($"1,000 edits: {counter.Mutations} mutation requests, {counter.Queries} sync requests; {report}");
            var stored = await store.ListAsync(scope, new FlightTaskQuery { Take = int.MaxValue }, cancellationToken);
            Assert.Multiple(() =>
            {
                Assert.That(counter.Mutations, Is.LessThanOrEqualTo(15), "1,000 edits in at most 15 mutation requests");
                Assert.That(report.Pushed, Is.EqualTo(1_000));
                Assert.That(report.PushRejections, Is.Empty);
                Assert.That(journal.Count(m => m.Kind == EmulatorMutationKind.Create), Is.EqualTo(300), "each create once");
                Assert.That(journal.Count(m => m.Kind == EmulatorMutationKind.Update), Is.EqualTo(500));
                Assert.That(journal.Count(m => m.Kind == EmulatorMutationKind.Begin), Is.EqualTo(100));
                Assert.That(journal.Count(m => m.Kind == EmulatorMutationKind.Delete), Is.EqualTo(100));
                Assert.That(stored.Any(t => t.HasPendingEdits || t.SenteraId.StartsWith("local-", StringComparison.Ordinal)), Is.False);
                Assert.That(
                    stored.ToDictionary(t => t.SenteraId, t => t.ContentHash, StringComparer.Ordinal),
                    Is.EquivalentTo(emulator.Data.TasksOf(scope.OrganizationSenteraId, false)),
                    "the store holds exactly the server's tasks");
            });
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Counts the GraphQL requests the SDK sends, mutations apart from sync queries.</summary>
    private sealed class MutationCounter : DelegatingHandler
    {
        private int _mutations;
        private int _queries;

        public int Mutations => Volatile.Read(ref _mutations);

        public int Queries => Volatile.Read(ref _queries);

        public void Reset()
        {
            Interlocked.Exchange(ref _mutations, 0);
            Interlocked.Exchange(ref _queries, 0);
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
            Interlocked.Increment(ref body.Contains("\"mutation ", StringComparison.Ordinal) ? ref _mutations : ref _queries);
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
