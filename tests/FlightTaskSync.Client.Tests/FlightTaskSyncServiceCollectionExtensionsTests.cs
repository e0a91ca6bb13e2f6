using FlightTaskSync.Client.Tests.TestDoubles;
using FlightTaskSync.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FlightTaskSync.Client.Tests;

public sealed class FlightTaskSyncServiceCollectionExtensionsTests
{
    private static readonly SyncScope Scope = new(FakeTask.OrganizationId("acme001"));
    private static readonly string AbsoluteDatabasePath = Path.Combine(Path.GetTempPath(), "never-opened", "tasks.db");

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
            o.AccessTokenProvider = _ => Task.FromResult("secret-token");
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
            o.DatabasePath = AbsoluteDatabasePath;
            o.AccessTokenProvider = _ => Task.FromResult("t");
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
            o.AccessTokenProvider = _ => Task.FromResult("t");
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
            o.AccessTokenProvider = _ => Task.FromResult("t");
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

    [TestCase(null, "/data/tasks.db", true, "Endpoint is required")]
    [TestCase("graphql", "/data/tasks.db", true, "is relative")]
    [TestCase("http://api.example.com/graphql", "/data/tasks.db", true, "unencrypted http")]
    [TestCase("ftp://api.example.com/graphql", "/data/tasks.db", true, "must be an https")]
    [TestCase("https://api.sentera.com/graphql", null, true, "DatabasePath is required")]
    [TestCase("https://api.sentera.com/graphql", "tasks.db", true, "DatabasePath 'tasks.db' is relative: give a full path")]
    [TestCase("https://api.sentera.com/graphql", "data/tasks.db", true, "SpecialFolder.LocalApplicationData")]
    [TestCase("https://api.sentera.com/graphql", "/data/tasks.db", false, "AccessTokenProvider is required")]
    public async Task AddFlightTaskSync_InvalidOptions_FailWithAMessageNamingTheSetting(string? endpoint, string? database, bool withToken, string expected)
    {
        var services = new ServiceCollection();
        services.AddFlightTaskSync(o =>
        {
            o.Endpoint = endpoint is null ? null : new Uri(endpoint, UriKind.RelativeOrAbsolute);
            o.DatabasePath = database is null ? null : database.StartsWith('/') ? Path.Combine(Path.GetTempPath(), database[1..]) : database;
            o.AccessTokenProvider = withToken ? _ => Task.FromResult("t") : null;
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
            o.DatabasePath = AbsoluteDatabasePath;
            o.AccessTokenProvider = _ => Task.FromResult("t");
            o.MaxRetryAttempts = -1;
        });
        await using var provider = services.BuildServiceProvider();

        Assert.That(
            () => provider.GetRequiredService<IOptions<FlightTaskSyncOptions>>().Value,
            Throws.InstanceOf<OptionsValidationException>().With.Message.Contains("MaxRetryAttempts"));
    }

    [Test]
    public async Task AddFlightTaskSync_NothingSet_ReportsEachMissingSettingOnceWithWhatToSet()
    {
        var services = new ServiceCollection();
        services.AddFlightTaskSync(_ => { });
        await using var provider = services.BuildServiceProvider();

        var thrown = Assert.Throws<OptionsValidationException>(() => _ = provider.GetRequiredService<IOptions<FlightTaskSyncOptions>>().Value);

        Assert.Multiple(() =>
        {
            Assert.That(thrown.Failures.ToList(), Has.Count.EqualTo(3));
            Assert.That(thrown.Failures, Has.Exactly(1).Contains("Endpoint").And.Exactly(1).Contains("https://api.sentera.com/graphql"));
            Assert.That(thrown.Failures, Has.Exactly(1).Contains("DatabasePath").And.Exactly(1).Contains("LocalApplicationData"));
            Assert.That(thrown.Failures, Has.Exactly(1).Contains("AccessTokenProvider").And.Exactly(1).Contains("GetAccessTokenAsync"));
            Assert.That(thrown.Message, Does.Not.Contain("field is required"), "no second, vaguer report of the same setting");
        });
    }

    [TestCase(nameof(FlightTaskSyncOptions.AttemptTimeout), "00:00:00", "AttemptTimeout is 00:00:00: set it from 00:00:01 to 01:00:00")]
    [TestCase(nameof(FlightTaskSyncOptions.RetryBaseDelay), "00:11:00", "RetryBaseDelay is 00:11:00: set it from 00:00:00 to 00:10:00")]
    [TestCase(nameof(FlightTaskSyncOptions.MaxRetryDelay), "-00:00:01", "MaxRetryDelay is -00:00:01: set it from 00:00:00 to 01:00:00")]
    [TestCase(nameof(FlightTaskSyncOptions.FullResyncInterval), "3651.00:00:00", "FullResyncInterval is 3651.00:00:00: set it from 00:00:00 to 3650.00:00:00")]
    public async Task AddFlightTaskSync_TimeSpanOutOfRange_FailsGivingTheRange(string setting, string value, string expected)
    {
        var services = new ServiceCollection();
        services.AddFlightTaskSync(o =>
        {
            o.Endpoint = new Uri("https://api.sentera.com/graphql");
            o.DatabasePath = AbsoluteDatabasePath;
            o.AccessTokenProvider = _ => Task.FromResult("t");
            typeof(FlightTaskSyncOptions).GetProperty(setting)!.SetValue(o, TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture));
        });
        await using var provider = services.BuildServiceProvider();

        Assert.That(
            () => provider.GetRequiredService<IOptions<FlightTaskSyncOptions>>().Value,
            Throws.InstanceOf<OptionsValidationException>().With.Message.Contains(expected));
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
            o.DatabasePath = AbsoluteDatabasePath;
            o.AccessTokenProvider = _ => Task.FromResult("t");
            o.AllowUnencryptedHttp = allowUnencrypted;
        });
        await using var provider = services.BuildServiceProvider();

        Assert.That(provider.GetRequiredService<IOptions<FlightTaskSyncOptions>>().Value.Endpoint, Is.EqualTo(new Uri(endpoint)));
    }
}
