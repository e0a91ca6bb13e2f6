using FlightTaskSync.Client;
using FlightTaskSync.Emulator;
using Microsoft.Extensions.Time.Testing;

namespace FlightTaskSync.IntegrationTests.Sdk;

/// <summary>The SDK against the emulator over real HTTP: what lands in the store is exactly what the server holds.</summary>
public sealed class SyncAgainstEmulatorTests
{
    [Test]
    public async Task SyncAsync_TwelveThousandTasks_StoreEqualsTheServersSet()
    {
        await using var host = await EmulatorSyncHost.StartAsync(new EmulatorOptions { TaskCount = 12_000, Seed = 7 });
        var scope = new SyncScope(host.RootOrganization, IncludeDescendantOrganizations: true);

        var report = await host.Sync.SyncAsync(scope);

        Assert.Multiple(() =>
        {
            Assert.That(report.TasksHeld, Is.EqualTo(12_000));
            Assert.That(report.Pages, Is.EqualTo(6));
            Assert.That(report.Retries, Is.Zero);
        });
        await host.AssertStoreEqualsServerAsync(scope);
    }

    [Test]
    public async Task SyncAsync_EditsDeletesAndAdditionsBetweenSyncs_BringOnlyTheDelta()
    {
        await using var host = await EmulatorSyncHost.StartAsync(new EmulatorOptions { TaskCount = 3_000, Seed = 11 });
        var scope = new SyncScope(host.RootOrganization, IncludeDescendantOrganizations: true);
        await host.Sync.SyncAsync(scope);
        var edited = host.Emulator.Data.EditRandomTasks(60, host.RootOrganization);
        var deleted = host.Emulator.Data.DeleteRandomTasks(25, host.RootOrganization);
        var added = host.Emulator.Data.AddGeneratedTasks(host.Emulator.OrganizationIds[1], 30);

        var report = await host.Sync.SyncAsync(scope);

        Assert.Multiple(() =>
        {
            Assert.That(report.Upserted, Is.EqualTo(edited.Select(t => t.SenteraId).Except(deleted.Select(t => t.SenteraId)).Count() + added.Count));
            Assert.That(report.Deleted, Is.EqualTo(deleted.Count));
            Assert.That(report.Pages, Is.EqualTo(1));
        });
        await host.AssertStoreEqualsServerAsync(scope);
    }

    [Test]
    public async Task SyncAsync_EditsAndDeletesBetweenPages_ConvergeToTheServersSet()
    {
        await using var host = await EmulatorSyncHost.StartAsync(new EmulatorOptions { TaskCount = 5_000, Seed = 3, PageSize = 500 });
        var scope = new SyncScope(host.RootOrganization, IncludeDescendantOrganizations: true);
        host.Emulator.OnRequest = request =>
        {
            if (request is 2 or 5 or 8)
            {
                host.Emulator.Data.EditRandomTasks(40, host.RootOrganization);
                host.Emulator.Data.DeleteRandomTasks(10, host.RootOrganization);
                host.Emulator.Data.AddGeneratedTasks(host.RootOrganization, 5);
            }
        };

        await host.Sync.SyncAsync(scope);

        await host.AssertStoreEqualsServerAsync(scope);
    }

    [Test]
    public async Task SyncAsync_DescendantScopes_EachHoldsItsOwnSet()
    {
        await using var host = await EmulatorSyncHost.StartAsync(new EmulatorOptions { TaskCount = 2_000, Seed = 5, ChildrenPerOrganization = 2 });
        var root = new SyncScope(host.RootOrganization);
        var rootWithChildren = new SyncScope(host.RootOrganization, IncludeDescendantOrganizations: true);
        var child = new SyncScope(host.Emulator.OrganizationIds[1]);

        await host.Sync.SyncAsync(root);
        await host.Sync.SyncAsync(rootWithChildren);
        await host.Sync.SyncAsync(child);

        await host.AssertStoreEqualsServerAsync(root);
        await host.AssertStoreEqualsServerAsync(rootWithChildren);
        await host.AssertStoreEqualsServerAsync(child);
        var childTasks = await host.Store.CountAsync(child);
        var rootTasks = await host.Store.CountAsync(root);
        var allTasks = await host.Store.CountAsync(rootWithChildren);
        Assert.Multiple(() =>
        {
            Assert.That(childTasks, Is.GreaterThan(0));
            Assert.That(allTasks, Is.GreaterThan(rootTasks + childTasks - 1), "the descendant scope holds the child's tasks too");
        });
    }

    [Test]
    public async Task SyncAsync_TokenExpiresMidSync_RefreshesOnceAndCompletes()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var lifetime = TimeSpan.FromHours(8);
        var provider = new ExpiringTokenSource(clock, lifetime);
        await using var host = await EmulatorSyncHost.StartAsync(
            new EmulatorOptions { TaskCount = 4_000, Seed = 9, PageSize = 1_000, TimeProvider = clock, TokenLifetime = lifetime },
            tokenProvider: emulator => provider.Bind(emulator));
        var scope = new SyncScope(host.RootOrganization, IncludeDescendantOrganizations: true);

        // While the second page is requested, the token the client just sent runs out.
        host.Emulator.OnRequest = request =>
        {
            if (request == 1)
            {
                clock.Advance(lifetime + TimeSpan.FromMinutes(1));
            }
        };
        var report = await host.Sync.SyncAsync(scope);

        Assert.Multiple(() =>
        {
            Assert.That(provider.TokensIssued, Is.EqualTo(2));
            Assert.That(report.Retries, Is.EqualTo(1));
        });
        await host.AssertStoreEqualsServerAsync(scope);
    }

    [Test]
    public async Task SyncAsync_StalledServer_StopsThenConvergesOnceItRecovers()
    {
        await using var host = await EmulatorSyncHost.StartAsync(new EmulatorOptions { TaskCount = 3_000, Seed = 2, PageSize = 1_000 });
        var scope = new SyncScope(host.RootOrganization, IncludeDescendantOrganizations: true);
        host.Emulator.Faults.Enqueue(EmulatorFault.Stalled());

        Assert.That(() => host.Sync.SyncAsync(scope), Throws.TypeOf<FlightTaskSyncStalledException>());
        var heldAfterStall = await host.Store.CountAsync(scope);
        host.Emulator.Faults.Clear();
        await host.Sync.SyncAsync(scope);

        Assert.That(heldAfterStall, Is.EqualTo(1_000));
        await host.AssertStoreEqualsServerAsync(scope);
    }
}
