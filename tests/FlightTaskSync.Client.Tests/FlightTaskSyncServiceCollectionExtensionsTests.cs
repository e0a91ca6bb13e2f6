using FlightTaskSync.Client.Tests.TestDoubles;
using FlightTaskSync.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FlightTaskSync.Client.Tests;

public sealed class FlightTaskSyncServiceCollectionExtensionsTests
{
    private static readonly SyncScope Scope = new(FakeTask.OrganizationId("acme001"));

    [Test]
    public async Task AddFlightTaskSync_CalledTwice_RegistersEachServiceOnceAndSendsOneToken()
    {
        using var folder = new TempDirectory();
        using var server = new FakeFieldAgentServer();
        server.AddTasks(Scope.OrganizationSenteraId, 3);
        var services = new ServiceCollection();
        Action<FlightTaskSyncOptions> configure = o =>
        {
            o.Endpoint = server.Endpoint;
            o.DatabasePath = folder.File("tasks.db");
            o.AccessTokenProvider = _ => ValueTask.FromResult("secret-token");
        };

        services.AddFlightTaskSync(configure);
        services.AddFlightTaskSync(configure);
        await using var provider = services.BuildServiceProvider();
        var report = await provider.GetRequiredService<IFlightTaskSyncClient>().SyncAsync(Scope);

        Assert.Multiple(() =>
        {
            Assert.That(services.Count(d => d.ServiceType == typeof(IFlightTaskSyncClient)), Is.EqualTo(1));
            Assert.That(services.Count(d => d.ServiceType == typeof(IFlightTaskStore)), Is.EqualTo(1));
            Assert.That(server.Requests.Single().Authorization, Is.EqualTo(new[] { "Bearer secret-token" }));
            Assert.That(report.TasksHeld, Is.EqualTo(3));
        });
    }

    [Test]
    public async Task AddFlightTaskSync_SecondConfigure_AppliesAfterTheFirst()
    {
        var services = new ServiceCollection();
        services.AddFlightTaskSync(o =>
        {
            o.Endpoint = new Uri("https://api.sentera.com/graphql");
            o.DatabasePath = "tasks.db";
            o.AccessTokenProvider = _ => ValueTask.FromResult("t");
            o.MaxRetryAttempts = 2;
        });
        services.AddFlightTaskSync(o => o.AttemptTimeout = TimeSpan.FromSeconds(9));
        await using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptionsMonitor<FlightTaskSyncOptions>>().CurrentValue;

        Assert.Multiple(() =>
        {
            Assert.That(options.MaxRetryAttempts, Is.EqualTo(2));
            Assert.That(options.AttemptTimeout, Is.EqualTo(TimeSpan.FromSeconds(9)));
        });
    }

    [Test]
    public async Task AddFlightTaskSync_AppHandlerOnTheNamedClient_SeesTheRequests()
    {
        using var folder = new TempDirectory();
        using var server = new FakeFieldAgentServer();
        var handler = new CountingHandler();
        var services = new ServiceCollection();
        services.AddFlightTaskSync(o =>
        {
            o.Endpoint = server.Endpoint;
            o.DatabasePath = folder.File("tasks.db");
            o.AccessTokenProvider = _ => ValueTask.FromResult("t");
        });
        services.AddHttpClient(FlightTaskSyncOptions.HttpClientName).AddHttpMessageHandler(() => handler);
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IFlightTaskSyncClient>().SyncAsync(Scope);

        Assert.That(handler.Count, Is.EqualTo(1));
    }

    [Test]
    public async Task AddFlightTaskSync_StoreAndClient_AreSingletons()
    {
        var services = new ServiceCollection();
        using var folder = new TempDirectory();
        services.AddFlightTaskSync(o =>
        {
            o.Endpoint = new Uri("https://api.sentera.com/graphql");
            o.DatabasePath = folder.File("tasks.db");
            o.AccessTokenProvider = _ => ValueTask.FromResult("t");
        });
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        var firstStore = provider.GetRequiredService<IFlightTaskStore>();
        var firstClient = provider.GetRequiredService<IFlightTaskSyncClient>();
        using var scope = provider.CreateScope();

        Assert.Multiple(() =>
        {
            Assert.That(scope.ServiceProvider.GetRequiredService<IFlightTaskStore>(), Is.SameAs(firstStore));
            Assert.That(scope.ServiceProvider.GetRequiredService<IFlightTaskSyncClient>(), Is.SameAs(firstClient));
        });
    }

    [TestCase(null, "tasks.db", true, "Endpoint is required")]
    [TestCase("graphql", "tasks.db", true, "is relative")]
    [TestCase("http://api.example.com/graphql", "tasks.db", true, "unencrypted http")]
    [TestCase("ftp://api.example.com/graphql", "tasks.db", true, "must be an https")]
    [TestCase("https://api.sentera.com/graphql", null, true, "DatabasePath is required")]
    [TestCase("https://api.sentera.com/graphql", "tasks.db", false, "AccessTokenProvider is required")]
    public async Task AddFlightTaskSync_InvalidOptions_FailWithAMessageNamingTheSetting(string? endpoint, string? database, bool withToken, string expected)
    {
        var services = new ServiceCollection();
        services.AddFlightTaskSync(o =>
        {
            o.Endpoint = endpoint is null ? null : new Uri(endpoint, UriKind.RelativeOrAbsolute);
            o.DatabasePath = database;
            o.AccessTokenProvider = withToken ? _ => ValueTask.FromResult("t") : null;
        });
        await using var provider = services.BuildServiceProvider();

        Assert.That(
            () => provider.GetRequiredService<IFlightTaskSyncClient>(),
            Throws.InstanceOf<OptionsValidationException>().With.Message.Contains(expected));
    }

    [Test]
    public async Task AddFlightTaskSync_OutOfRangeRetryCount_FailsNamingTheSetting()
    {
        var services = new ServiceCollection();
        services.AddFlightTaskSync(o =>
        {
            o.Endpoint = new Uri("https://api.sentera.com/graphql");
            o.DatabasePath = "tasks.db";
            o.AccessTokenProvider = _ => ValueTask.FromResult("t");
            o.MaxRetryAttempts = -1;
        });
        await using var provider = services.BuildServiceProvider();

        Assert.That(
            () => provider.GetRequiredService<IOptions<FlightTaskSyncOptions>>().Value,
            Throws.InstanceOf<OptionsValidationException>().With.Message.Contains("MaxRetryAttempts"));
    }

    [TestCase("http://127.0.0.1:5000/graphql", false)]
    [TestCase("http://localhost:5000/graphql", false)]
    [TestCase("http://lab-server:8080/graphql", true)]
    public async Task AddFlightTaskSync_HttpToLoopbackOrAllowed_IsAccepted(string endpoint, bool allowUnencrypted)
    {
        var services = new ServiceCollection();
        services.AddFlightTaskSync(o =>
        {
            o.Endpoint = new Uri(endpoint);
            o.DatabasePath = "tasks.db";
            o.AccessTokenProvider = _ => ValueTask.FromResult("t");
            o.AllowUnencryptedHttp = allowUnencrypted;
        });
        await using var provider = services.BuildServiceProvider();

        Assert.That(provider.GetRequiredService<IOptions<FlightTaskSyncOptions>>().Value.Endpoint, Is.EqualTo(new Uri(endpoint)));
    }
}
