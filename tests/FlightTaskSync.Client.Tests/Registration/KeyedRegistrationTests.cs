using FlightTaskSync.Client.Tests.TestDoubles;
using FlightTaskSync.Tests.Shared;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FlightTaskSync.Client.Tests.Registration;

/// <summary>
/// Several accounts in one app: <c>AddFlightTaskSync("account-a", ...)</c> registrations, each with its
/// own options, database, HTTP client and token, resolved with <c>[FromKeyedServices]</c>, beside
/// the registration without a key.
/// </summary>
public sealed class KeyedRegistrationTests
{
    private static readonly SyncScope ScopeA = new(FakeTask.OrganizationId("accounta"));
    private static readonly SyncScope ScopeB = new(FakeTask.OrganizationId("accountb"));

    [Test]
    public async Task TwoKeys_SyncingTheirScopes_KeepTwoDatabasesApart()
    {
        using var folder = new TempDirectory();
        using var server = new FakeFieldAgentServer();
        server.AddTasks(ScopeA.OrganizationSenteraId, 30);
        server.AddTasks(ScopeB.OrganizationSenteraId, 20, firstNumber: 100);
        var services = new ServiceCollection();
        services.AddFlightTaskSync("account-a", o => Configure(o, server, folder.File("a.db"), "token-a"));
        services.AddFlightTaskSync("account-b", o => Configure(o, server, folder.File("b.db"), "token-b"));
        services.AddSingleton<TwoAccounts>();
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        var accounts = provider.GetRequiredService<TwoAccounts>();

        var reportA = await accounts.SyncA.SyncAsync(ScopeA);
        var reportB = await accounts.SyncB.SyncAsync(ScopeB);

        Assert.Multiple(() =>
        {
            Assert.That(reportA.TasksHeld, Is.EqualTo(30));
            Assert.That(reportB.TasksHeld, Is.EqualTo(20));
            Assert.That(accounts.SyncA, Is.Not.SameAs(accounts.SyncB));
            Assert.That(accounts.StoreA, Is.SameAs(provider.GetRequiredKeyedService<IFlightTaskStore>("account-a")));
            Assert.That(provider.GetService<IFlightTaskSyncClient>(), Is.Null, "no registration without a key was made");
            Assert.That(server.Requests.Where(r => r.OrganizationSenteraId == ScopeA.OrganizationSenteraId).SelectMany(r => r.Authorization), Has.All.EqualTo("Bearer token-a"));
            Assert.That(server.Requests.Where(r => r.OrganizationSenteraId == ScopeB.OrganizationSenteraId).SelectMany(r => r.Authorization), Has.All.EqualTo("Bearer token-b"));
        });

        // Each file holds its own account's scope and nothing of the other's.
        Assert.Multiple(async () =>
        {
            Assert.That(await accounts.StoreA.CountAsync(ScopeA), Is.EqualTo(30));
            Assert.That(await accounts.StoreA.CountAsync(ScopeB), Is.Zero);
            Assert.That(await accounts.StoreB.CountAsync(ScopeB), Is.EqualTo(20));
            Assert.That(await accounts.StoreB.CountAsync(ScopeA), Is.Zero);
            Assert.That(RowsIn(folder.File("a.db")), Is.EqualTo(30));
            Assert.That(RowsIn(folder.File("b.db")), Is.EqualTo(20));
        });
    }

    [Test]
    public async Task SameKeyTwice_RegistersOnce_AndTheSecondConfigureAppliesAfterTheFirst()
    {
        using var folder = new TempDirectory();
        using var server = new FakeFieldAgentServer();
        server.AddTasks(ScopeA.OrganizationSenteraId, 3);
        var services = new ServiceCollection();
        services.AddFlightTaskSync("account-a", o => Configure(o, server, folder.File("a.db"), "token-a"));
        services.AddFlightTaskSync("account-a", o => o.MaxRetryAttempts = 1);
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        var report = await provider.GetRequiredKeyedService<IFlightTaskSyncClient>("account-a").SyncAsync(ScopeA);
        var options = provider.GetRequiredService<IOptionsMonitor<FlightTaskSyncOptions>>().Get("account-a");

        Assert.Multiple(() =>
        {
            Assert.That(services.Count(d => d.ServiceType == typeof(IFlightTaskSyncClient) && Equals(d.ServiceKey, "account-a")), Is.EqualTo(1));
            Assert.That(services.Count(d => d.ServiceType == typeof(FlightTaskSync.Client.Storage.FlightTaskDatabase) && Equals(d.ServiceKey, "account-a")), Is.EqualTo(1));
            Assert.That(options.MaxRetryAttempts, Is.EqualTo(1));
            Assert.That(options.DatabasePath, Is.EqualTo(folder.File("a.db")), "the first configure still applies");
            Assert.That(server.Requests.Single().Authorization, Is.EqualTo(new[] { "Bearer token-a" }));
            Assert.That(report.TasksHeld, Is.EqualTo(3));
        });
    }

    [Test]
    public async Task KeyBesideTheRegistrationWithoutKey_EachSyncsItsOwnDatabase()
    {
        using var folder = new TempDirectory();
        using var server = new FakeFieldAgentServer();
        server.AddTasks(ScopeA.OrganizationSenteraId, 4);
        var services = new ServiceCollection();
        services.AddFlightTaskSync(o => Configure(o, server, folder.File("main.db"), "token-main"));
        services.AddFlightTaskSync("account-a", o => Configure(o, server, folder.File("a.db"), "token-a"));
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        await provider.GetRequiredService<IFlightTaskSyncClient>().SyncAsync(ScopeA);

        Assert.Multiple(async () =>
        {
            Assert.That(provider.GetRequiredService<IFlightTaskSyncClient>(), Is.Not.SameAs(provider.GetRequiredKeyedService<IFlightTaskSyncClient>("account-a")));
            Assert.That(await provider.GetRequiredService<IFlightTaskStore>().CountAsync(ScopeA), Is.EqualTo(4));
            Assert.That(await provider.GetRequiredKeyedService<IFlightTaskStore>("account-a").CountAsync(ScopeA), Is.Zero);
            Assert.That(server.Requests.Single().Authorization, Is.EqualTo(new[] { "Bearer token-main" }));
        });
    }

    [Test]
    public async Task AppHandlerOnAKeysHttpClient_SeesThatKeysRequestsOnly()
    {
        using var folder = new TempDirectory();
        using var server = new FakeFieldAgentServer();
        var handler = new CountingHandler();
        var services = new ServiceCollection();
        services.AddFlightTaskSync("account-a", o => Configure(o, server, folder.File("a.db"), "token-a"));
        services.AddFlightTaskSync("account-b", o => Configure(o, server, folder.File("b.db"), "token-b"));
        services.AddHttpClient(FlightTaskSyncOptions.GetHttpClientName("account-b")).AddHttpMessageHandler(() => handler);
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredKeyedService<IFlightTaskSyncClient>("account-a").SyncAsync(ScopeA);
        await provider.GetRequiredKeyedService<IFlightTaskSyncClient>("account-b").SyncAsync(ScopeB);

        Assert.Multiple(() =>
        {
            Assert.That(FlightTaskSyncOptions.GetHttpClientName("account-b"), Is.EqualTo("FlightTaskSync:account-b"));
            Assert.That(handler.Count, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task InvalidOptionsOfOneKey_FailNamingTheKey()
    {
        var services = new ServiceCollection();
        services.AddFlightTaskSync("account-a", o => o.Endpoint = new Uri("https://api.sentera.com/graphql"));
        await using var provider = services.BuildServiceProvider();

        Assert.That(
            () => provider.GetRequiredKeyedService<IFlightTaskSyncClient>("account-a"),
            Throws.InstanceOf<OptionsValidationException>().With.Message.Contains("DatabasePath (registration 'account-a') is required"));
    }

    [TestCase("")]
    [TestCase("  ")]
    public void EmptyKey_IsRefused(string key)
    {
        var services = new ServiceCollection();

        Assert.That(() => services.AddFlightTaskSync(key, _ => { }), Throws.ArgumentException);
    }

    private static void Configure(FlightTaskSyncOptions options, FakeFieldAgentServer server, string databasePath, string token)
    {
        options.Endpoint = server.Endpoint;
        options.DatabasePath = databasePath;
        options.AccessTokenProvider = _ => Task.FromResult(token);
    }

    private static long RowsIn(string databasePath)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM flight_tasks;";
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>An app service that takes both accounts' SDK, as an app would with <c>[FromKeyedServices]</c>.</summary>
    private sealed class TwoAccounts(
        [FromKeyedServices("account-a")] IFlightTaskSyncClient syncA,
        [FromKeyedServices("account-a")] IFlightTaskStore storeA,
        [FromKeyedServices("account-b")] IFlightTaskSyncClient syncB,
        [FromKeyedServices("account-b")] IFlightTaskStore storeB)
    {
        public IFlightTaskSyncClient SyncA { get; } = syncA;

        public IFlightTaskStore StoreA { get; } = storeA;

        public IFlightTaskSyncClient SyncB { get; } = syncB;

        public IFlightTaskStore StoreB { get; } = storeB;
    }
}
