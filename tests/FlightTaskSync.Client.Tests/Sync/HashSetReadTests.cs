using FlightTaskSync.Client.Storage;
using FlightTaskSync.Client.Tests.TestDoubles;
using Microsoft.Extensions.DependencyInjection;

namespace FlightTaskSync.Client.Tests.Sync;

/// <summary>
/// The held hash set is read from the store once per sync, never per page (issue 5): every later
/// request is built from the set kept in memory and updated as pages commit.
/// </summary>
public sealed class HashSetReadTests
{
    private static readonly string Acme = FakeTask.OrganizationId("acme001");
    private static readonly SyncScope AcmeScope = new(Acme);

    [Test]
    public async Task SyncAsync_ManyPages_ReadsTheHashSetOncePerSync()
    {
        CountingPageStore? store = null;
        await using var harness = new SyncHarness(servicesFirst: services => services.AddSingleton<IPageStore>(
            sp => store = new CountingPageStore(sp.GetRequiredService<SqliteFlightTaskStore>())));
        harness.Server.PageSize = 500;
        var tasks = harness.Server.AddTasks(Acme, 2_600);

        var initial = await harness.SyncAsync(AcmeScope);
        var readsAfterInitial = store!.HashReads;
        var writesAfterInitial = store.PageWrites;

        // A delta over several pages: changed tasks make hashes leave, new ones are appended.
        for (var i = 0; i < 1_200; i++)
        {
            harness.Server.Put(tasks[i] with { Name = $"Edited {i}" });
        }

        harness.Server.AddTasks(Acme, 300, firstNumber: 5_000);
        harness.Server.Delete(tasks[2_500].SenteraId);
        var delta = await harness.SyncAsync(AcmeScope);
        var readsAfterDelta = store.HashReads;
        var held = await harness.Services.GetRequiredService<SqliteFlightTaskStore>().ReadContentHashesAsync(AcmeScope);

        Assert.Multiple(() =>
        {
            Assert.That(initial.Pages, Is.EqualTo(6));
            Assert.That(writesAfterInitial, Is.EqualTo(6));
            Assert.That(readsAfterInitial, Is.EqualTo(1));
            Assert.That(delta.Pages, Is.GreaterThanOrEqualTo(3));
            Assert.That(readsAfterDelta, Is.EqualTo(2));
            Assert.That(delta.TasksHeld, Is.EqualTo(2_899));
            Assert.That(held, Is.EquivalentTo(harness.Server.TasksOf(AcmeScope)));
        });
    }
}
