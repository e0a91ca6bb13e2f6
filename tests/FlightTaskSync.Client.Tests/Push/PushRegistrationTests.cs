using System.Text;
using FlightTaskSync.Client.Storage;
using FlightTaskSync.Client.Storage.Outbox;
using FlightTaskSync.Client.Sync.Push;
using FlightTaskSync.Client.Tests.TestDoubles;
using FlightTaskSync.Tests.Shared;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FlightTaskSync.Client.Tests.Push;

/// <summary>The write side through DI: the editor and the push per registration, and the <see cref="FlightTaskSyncOptions.ConflictResolution"/> option.</summary>
public sealed class PushRegistrationTests
{
    private static readonly SyncScope Scope = new(FakeTask.OrganizationId("editdi01"));
    private static readonly string AbsoluteDatabasePath = Path.Combine(Path.GetTempPath(), "never-opened", "tasks.db");

    [Test]
    public async Task AddFlightTaskSync_WithAndWithoutKey_EachEditorQueuesIntoItsOwnRegistrationsOutbox()
    {
        using var folder = new TempDirectory();
        var clock = TimeProvider.System;
        var plain = new InMemoryOutboxStore(clock);
        var keyed = new InMemoryOutboxStore(clock);
        var services = new ServiceCollection();
        services.AddSingleton<ILocalEditStore>(plain);
        services.AddKeyedSingleton<ILocalEditStore>("account-b", keyed);
        services.AddFlightTaskSync(o => Configure(o, folder.File("a.db")));
        services.AddFlightTaskSync("account-b", o => Configure(o, folder.File("b.db")));
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        await provider.GetRequiredService<IFlightTaskEditor>().CreateAsync(Scope, new NewFlightTask { Name = "Plain", OrganizationSenteraId = Scope.OrganizationSenteraId });
        await provider.GetRequiredKeyedService<IFlightTaskEditor>("account-b").CreateAsync(Scope, new NewFlightTask { Name = "Keyed", OrganizationSenteraId = Scope.OrganizationSenteraId });

        Assert.Multiple(() =>
        {
            Assert.That(plain.Edits.Select(e => e.NewTask!.Name), Is.EqualTo(new[] { "Plain" }));
            Assert.That(keyed.Edits.Select(e => e.NewTask!.Name), Is.EqualTo(new[] { "Keyed" }));
            Assert.That(provider.GetRequiredKeyedService<IFlightTaskEditor>("account-b"), Is.Not.SameAs(provider.GetRequiredService<IFlightTaskEditor>()));
        });
    }

    [Test]
    public async Task AddFlightTaskSync_Keyed_OutboxAndPushAreOnThatKeysStore()
    {
        using var folder = new TempDirectory();
        var services = new ServiceCollection();
        services.AddFlightTaskSync("account-b", o => Configure(o, folder.File("b.db")));
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        var store = provider.GetRequiredKeyedService<SqliteFlightTaskStore>("account-b");

        Assert.Multiple(() =>
        {
            Assert.That(provider.GetRequiredKeyedService<IOutboxStore>("account-b"), Is.SameAs(store));
            Assert.That(provider.GetRequiredKeyedService<ILocalEditStore>("account-b"), Is.SameAs(store));
            Assert.That(provider.GetRequiredKeyedService<PushRunner>("account-b"), Is.Not.Null);
            Assert.That(provider.GetService<IFlightTaskEditor>(), Is.Null, "no registration without a key was made");
        });
    }

    [Test]
    public void AddFlightTaskSync_Twice_RegistersTheWriteSideOnce()
    {
        var services = new ServiceCollection();
        services.AddFlightTaskSync(o => Configure(o, AbsoluteDatabasePath));
        services.AddFlightTaskSync(o => o.MaxRetryAttempts = 2);

        Assert.Multiple(() =>
        {
            Assert.That(services.Count(d => d.ServiceType == typeof(IFlightTaskEditor)), Is.EqualTo(1));
            Assert.That(services.Count(d => d.ServiceType == typeof(PushRunner)), Is.EqualTo(1));
            Assert.That(services.Count(d => d.ServiceType == typeof(MutationSender)), Is.EqualTo(1));
            Assert.That(services.Count(d => d.ServiceType == typeof(IOutboxStore)), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task ConflictResolution_NotSet_IsMergeFields()
    {
        var services = new ServiceCollection();
        services.AddFlightTaskSync(o => Configure(o, AbsoluteDatabasePath));
        await using var provider = services.BuildServiceProvider();

        Assert.That(provider.GetRequiredService<IOptions<FlightTaskSyncOptions>>().Value.ConflictResolution, Is.EqualTo(ConflictResolution.MergeFields));
    }

    [Test]
    public async Task ConflictResolution_NotAMember_FailsValidationNamingTheSettingAndTheChoices()
    {
        var services = new ServiceCollection();
        services.AddFlightTaskSync(o =>
        {
            Configure(o, AbsoluteDatabasePath);
            o.ConflictResolution = (ConflictResolution)7;
        });
        await using var provider = services.BuildServiceProvider();

        Assert.That(
            () => provider.GetRequiredService<IOptions<FlightTaskSyncOptions>>().Value,
            Throws.InstanceOf<OptionsValidationException>().With.Message.Contains("ConflictResolution is 7").And.Message.Contains("MergeFields").And.Message.Contains("ServerWins"));
    }

    [TestCase("ServerWins", ConflictResolution.ServerWins)]
    [TestCase("MergeFields", ConflictResolution.MergeFields)]
    [TestCase("serverwins", ConflictResolution.ServerWins)]
    public async Task ConflictResolution_FromConfiguration_IsBound(string value, ConflictResolution expected)
    {
        var json = "{\"FlightTaskSync\":{\"ConflictResolution\":\"" + value + "\"}}";
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
        var services = new ServiceCollection();
        services.AddFlightTaskSync(configuration.GetSection("FlightTaskSync"), o => Configure(o, AbsoluteDatabasePath));
        await using var provider = services.BuildServiceProvider();

        Assert.That(provider.GetRequiredService<IOptions<FlightTaskSyncOptions>>().Value.ConflictResolution, Is.EqualTo(expected));
    }

    [Test]
    public async Task ConflictResolution_UnknownNameInConfiguration_FailsWithTheSetting()
    {
        var json = "{\"FlightTaskSync\":{\"ConflictResolution\":\"ClientWins\"}}";
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
        var services = new ServiceCollection();
        services.AddFlightTaskSync(configuration.GetSection("FlightTaskSync"), o => Configure(o, AbsoluteDatabasePath));
        await using var provider = services.BuildServiceProvider();

        Assert.That(
            () => provider.GetRequiredService<IOptions<FlightTaskSyncOptions>>().Value,
            Throws.InstanceOf<InvalidOperationException>().With.Message.Contains("ConflictResolution"));
    }

    private static void Configure(FlightTaskSyncOptions options, string databasePath)
    {
        options.Endpoint = new Uri("https://api.sentera.com/graphql");
        options.DatabasePath = databasePath;
        options.AccessTokenProvider = _ => Task.FromResult("t");
    }
}
