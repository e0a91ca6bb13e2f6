using System.Text;
using FlightTaskSync.Client.Tests.TestDoubles;
using FlightTaskSync.Tests.Shared;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FlightTaskSync.Client.Tests.Registration;

/// <summary><c>AddFlightTaskSync(configuration, ...)</c>: options from appsettings.json, the token provider from code.</summary>
public sealed class ConfigurationRegistrationTests
{
    private static readonly SyncScope Scope = new(FakeTask.OrganizationId("config01"));

    [Test]
    public async Task AddFlightTaskSync_FromAnAppSettingsSection_BindsEveryOptionAndSyncs()
    {
        using var folder = new TempDirectory();
        using var server = new FakeFieldAgentServer();
        server.AddTasks(Scope.OrganizationSenteraId, 5);
        var configuration = AppSettings($$"""
            {
              "FlightTaskSync": {
                "Endpoint": "{{server.Endpoint}}",
                "DatabasePath": {{System.Text.Json.JsonSerializer.Serialize(folder.File("tasks.db"))}},
                "MaxRetryAttempts": 3,
                "RetryBaseDelay": "00:00:02",
                "MaxRetryDelay": "00:00:30",
                "AttemptTimeout": "00:01:10",
                "MaxPagesWithoutProgress": 7,
                "MaxResponseBytes": 1048576,
                "FullResyncInterval": "2.00:00:00",
                "AllowUnencryptedHttp": true
              }
            }
            """);
        var services = new ServiceCollection();
        services.AddFlightTaskSync(configuration.GetSection("FlightTaskSync"), o => o.AccessTokenProvider = _ => Task.FromResult("from-code"));
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        var options = provider.GetRequiredService<IOptions<FlightTaskSyncOptions>>().Value;
        var report = await provider.GetRequiredService<IFlightTaskSyncClient>().SyncAsync(Scope);

        Assert.Multiple(() =>
        {
            Assert.That(options.Endpoint, Is.EqualTo(server.Endpoint));
            Assert.That(options.DatabasePath, Is.EqualTo(folder.File("tasks.db")));
            Assert.That(options.MaxRetryAttempts, Is.EqualTo(3));
            Assert.That(options.RetryBaseDelay, Is.EqualTo(TimeSpan.FromSeconds(2)));
            Assert.That(options.MaxRetryDelay, Is.EqualTo(TimeSpan.FromSeconds(30)));
            Assert.That(options.AttemptTimeout, Is.EqualTo(TimeSpan.FromSeconds(70)));
            Assert.That(options.MaxPagesWithoutProgress, Is.EqualTo(7));
            Assert.That(options.MaxResponseBytes, Is.EqualTo(1_048_576));
            Assert.That(options.FullResyncInterval, Is.EqualTo(TimeSpan.FromDays(2)));
            Assert.That(options.AllowUnencryptedHttp, Is.True);
            Assert.That(report.TasksHeld, Is.EqualTo(5));
            Assert.That(server.Requests.Single().Authorization, Is.EqualTo(new[] { "Bearer from-code" }));
        });
    }

    [Test]
    public async Task AddFlightTaskSync_CodeAfterConfiguration_Wins()
    {
        var configuration = AppSettings("""{ "Sync": { "Endpoint": "https://api.sentera.com/graphql", "MaxRetryAttempts": 3 } }""");
        var services = new ServiceCollection();
        services.AddFlightTaskSync(configuration.GetSection("Sync"), o =>
        {
            o.DatabasePath = Path.Combine(Path.GetTempPath(), "never-opened", "tasks.db");
            o.AccessTokenProvider = _ => Task.FromResult("t");
            o.MaxRetryAttempts = 1;
        });
        await using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<FlightTaskSyncOptions>>().Value;

        Assert.Multiple(() =>
        {
            Assert.That(options.Endpoint, Is.EqualTo(new Uri("https://api.sentera.com/graphql")));
            Assert.That(options.MaxRetryAttempts, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task AddFlightTaskSync_ConfigurationWithAMissingOrBadValue_FailsNamingTheSetting()
    {
        var configuration = AppSettings("""{ "FlightTaskSync": { "DatabasePath": "tasks.db", "AttemptTimeout": "00:00:00" } }""");
        var services = new ServiceCollection();
        services.AddFlightTaskSync(configuration.GetSection("FlightTaskSync"), o => o.AccessTokenProvider = _ => Task.FromResult("t"));
        await using var provider = services.BuildServiceProvider();

        var thrown = Assert.Throws<OptionsValidationException>(() => _ = provider.GetRequiredService<IOptions<FlightTaskSyncOptions>>().Value);

        Assert.That(thrown.Failures, Has.Some.Contains("Endpoint is required")
            .And.Some.Contains("DatabasePath 'tasks.db' is relative")
            .And.Some.Contains("AttemptTimeout is 00:00:00"));
    }

    [Test]
    public async Task AddFlightTaskSync_KeyedFromConfiguration_BindsEachKeysOwnSection()
    {
        var configuration = AppSettings("""
            {
              "Accounts": {
                "a": { "Endpoint": "https://a.example.com/graphql", "MaxRetryAttempts": 2 },
                "b": { "Endpoint": "https://b.example.com/graphql", "MaxRetryAttempts": 9 }
              }
            }
            """);
        var services = new ServiceCollection();
        foreach (var key in new[] { "a", "b" })
        {
            services.AddFlightTaskSync(key, configuration.GetSection($"Accounts:{key}"), o =>
            {
                o.DatabasePath = Path.Combine(Path.GetTempPath(), "never-opened", key + ".db");
                o.AccessTokenProvider = _ => Task.FromResult(key);
            });
        }

        await using var provider = services.BuildServiceProvider();
        var monitor = provider.GetRequiredService<IOptionsMonitor<FlightTaskSyncOptions>>();

        Assert.Multiple(() =>
        {
            Assert.That(monitor.Get("a").Endpoint, Is.EqualTo(new Uri("https://a.example.com/graphql")));
            Assert.That(monitor.Get("a").MaxRetryAttempts, Is.EqualTo(2));
            Assert.That(monitor.Get("b").Endpoint, Is.EqualTo(new Uri("https://b.example.com/graphql")));
            Assert.That(monitor.Get("b").MaxRetryAttempts, Is.EqualTo(9));
        });
    }

    private static IConfigurationRoot AppSettings(string json) =>
        new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
}
