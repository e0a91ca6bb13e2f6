using FlightTaskSync.Client.Tests.TestDoubles;
using FlightTaskSync.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FlightTaskSync.Client.Tests.Background;

/// <summary>The background sync in a generic host, with a fake clock for its schedule.</summary>
public sealed class FlightTaskBackgroundSyncTests
{
    private static readonly SyncScope Acme = new(FakeTask.OrganizationId("acme001"));
    private static readonly SyncScope Beta = new(FakeTask.OrganizationId("beta002"));

    private TempDirectory _folder = null!;
    private FakeFieldAgentServer _server = null!;
    private FakeTimeProvider _clock = null!;

    [SetUp]
    public void SetUp()
    {
        _folder = new TempDirectory();
        _clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero));
        _server = new FakeFieldAgentServer(_clock);
        _server.AddTasks(Acme.OrganizationSenteraId, 20, firstNumber: 1);
        _server.AddTasks(Beta.OrganizationSenteraId, 10, firstNumber: 100);
    }

    [TearDown]
    public void TearDown()
    {
        _server.Dispose();
        _folder.Dispose();
    }

    [Test]
    public async Task Start_ConfiguredScopes_AreSyncedAtOnce()
    {
        using var host = BuildHost();
        var background = host.Services.GetRequiredService<IFlightTaskBackgroundSync>();

        await host.StartAsync();
        await WaitUntilAsync(() => _server.Requests.Count >= 2 && background.NextRoundAt is not null);
        await host.StopAsync();

        var store = host.Services.GetRequiredService<IFlightTaskStore>();
        var acme = await store.CountAsync(Acme);
        var beta = await store.CountAsync(Beta);
        Assert.Multiple(() =>
        {
            Assert.That(acme, Is.EqualTo(20));
            Assert.That(beta, Is.EqualTo(10));
        });
    }

    [Test]
    public async Task Interval_Passes_StartsTheNextRound()
    {
        using var host = BuildHost();
        var background = host.Services.GetRequiredService<IFlightTaskBackgroundSync>();
        await host.StartAsync();
        await WaitUntilAsync(() => _server.Requests.Count >= 2 && background.NextRoundAt is not null);
        var next = background.NextRoundAt!.Value;

        _clock.Advance(TimeSpan.FromMinutes(9));
        await Task.Delay(200);
        var beforeTheInterval = _server.Requests.Count;
        _clock.Advance(TimeSpan.FromMinutes(2));
        await WaitUntilAsync(() => _server.Requests.Count >= 4);
        await host.StopAsync();

        Assert.Multiple(() =>
        {
            Assert.That(next - _clock.Start, Is.InRange(TimeSpan.FromMinutes(9.5), TimeSpan.FromMinutes(10.5)), "the interval with 5% jitter");
            Assert.That(beforeTheInterval, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task RequestSync_BurstDuringARound_IsOneExtraRound()
    {
        using var host = BuildHost();
        var background = host.Services.GetRequiredService<IFlightTaskBackgroundSync>();
        _server.BeforeAnswer = index =>
        {
            if (index == 0)
            {
                // A flapping connection: ten "connection is back" events while the first round runs.
                for (var i = 0; i < 10; i++)
                {
                    background.RequestSync();
                }
            }
        };

        await host.StartAsync();
        await WaitUntilAsync(() => _server.Requests.Count >= 4 && background.NextRoundAt is not null);
        await host.StopAsync();

        Assert.That(_server.Requests, Has.Count.EqualTo(4), "the first round, then one more round of both scopes for all ten requests");
    }

    [Test]
    public async Task RequestSync_OneScope_SyncsOnlyThatScope()
    {
        var extra = new SyncScope(FakeTask.OrganizationId("beta002"), IncludeDescendantOrganizations: true);
        using var host = BuildHost();
        var background = host.Services.GetRequiredService<IFlightTaskBackgroundSync>();
        await host.StartAsync();
        await WaitUntilAsync(() => _server.Requests.Count >= 2 && background.NextRoundAt is not null);

        background.RequestSync(extra);
        await WaitUntilAsync(() => _server.Requests.Count >= 3);
        await Task.Delay(200);
        await host.StopAsync();

        Assert.Multiple(() =>
        {
            Assert.That(_server.Requests, Has.Count.EqualTo(3));
            Assert.That(_server.Requests[2].IncludeDescendants, Is.True);
        });
    }

    [Test]
    public async Task FailingRounds_BackOffDoublingUpToTheCap()
    {
        using var host = BuildHost(o => o.Scopes.Remove(Beta));
        var background = host.Services.GetRequiredService<IFlightTaskBackgroundSync>();
        _server.Enqueue(Enumerable.Repeat(FakeResponse.WithStatus(503), 50).ToArray());
        var waits = new List<TimeSpan>();

        await host.StartAsync();
        for (var round = 1; round <= 4; round++)
        {
            await WaitUntilAsync(() => _server.Requests.Count >= round && background.NextRoundAt is not null);
            var next = background.NextRoundAt!.Value;
            waits.Add(next - _clock.GetUtcNow());
            _clock.Advance(next - _clock.GetUtcNow() + TimeSpan.FromSeconds(1));
        }

        await host.StopAsync();

        Assert.Multiple(() =>
        {
            Assert.That(waits[0], Is.InRange(TimeSpan.FromSeconds(28), TimeSpan.FromSeconds(32)));
            Assert.That(waits[1], Is.InRange(TimeSpan.FromSeconds(56), TimeSpan.FromSeconds(64)));
            Assert.That(waits[2], Is.InRange(TimeSpan.FromSeconds(95), TimeSpan.FromSeconds(105)), "capped at MaxBackoff");
            Assert.That(waits[3], Is.InRange(TimeSpan.FromSeconds(95), TimeSpan.FromSeconds(105)));
        });
    }

    [Test]
    public async Task Stop_WhileASyncRuns_CancelsItAndReturns()
    {
        _server.AddTasks(Acme.OrganizationSenteraId, 200, firstNumber: 1_000);
        _server.PageSize = 50;
        _server.BeforeAnswer = index =>
        {
            if (index == 1)
            {
                _server.Enqueue(new FakeResponse(200, "{}") { Delay = TimeSpan.FromSeconds(3) });
            }
        };
        using var host = BuildHost();
        await host.StartAsync();
        await WaitUntilAsync(() => _server.Requests.Count >= 2);

        await host.StopAsync().WaitAsync(TimeSpan.FromSeconds(20));

        var status = await host.Services.GetRequiredService<IFlightTaskSyncClient>().GetStatusAsync(Acme);
        Assert.Multiple(() =>
        {
            Assert.That(status.State, Is.EqualTo(SyncState.NeverSynced), "canceled, not failed; and no sync of the scope has completed yet");
            Assert.That(status.TasksHeld, Is.EqualTo(50), "the committed page is kept");
        });
    }

    [Test]
    public void AddFlightTaskSyncBackgroundService_InvalidInterval_FailsAtStartNamingIt()
    {
        using var host = BuildHost(o => o.Interval = TimeSpan.Zero);

        Assert.That(() => host.StartAsync(), Throws.InstanceOf<OptionsValidationException>().With.Message.Contains("Interval"));
    }

    [Test]
    public void AddFlightTaskSyncBackgroundService_CalledTwice_RegistersOneHostedService()
    {
        var services = new ServiceCollection();
        services.AddFlightTaskSyncBackgroundService(o => o.Scopes.Add(Acme));
        services.AddFlightTaskSyncBackgroundService(o => o.Scopes.Add(Beta));

        Assert.That(services.Count(d => d.ServiceType == typeof(IHostedService)), Is.EqualTo(1));
    }

    private IHost BuildHost(Action<FlightTaskBackgroundSyncOptions>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton<TimeProvider>(_clock);
        builder.Services.AddFlightTaskSync(o =>
        {
            o.Endpoint = _server.Endpoint;
            o.DatabasePath = _folder.File("flighttasks.db");
            o.AccessTokenProvider = _ => ValueTask.FromResult("token");
            o.MaxRetryAttempts = 0;
            o.AttemptTimeout = TimeSpan.FromHours(1);
        });
        builder.Services.AddFlightTaskSyncBackgroundService(o =>
        {
            o.Scopes.Add(Acme);
            o.Scopes.Add(Beta);
            o.Interval = TimeSpan.FromMinutes(10);
            o.Jitter = 0.05;
            o.FailureBackoff = TimeSpan.FromSeconds(30);
            o.MaxBackoff = TimeSpan.FromSeconds(100);
            configure?.Invoke(o);
        });
        return builder.Build();
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(20, limit.Token);
        }
    }
}
