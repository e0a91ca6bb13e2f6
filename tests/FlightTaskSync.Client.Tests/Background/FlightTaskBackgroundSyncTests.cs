using System.Threading.Channels;
using FlightTaskSync.Client.Background;
using FlightTaskSync.Client.Tests.TestDoubles;
using FlightTaskSync.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
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
    // Only a guard against a hang: the tests wait for signals, never for time to pass.
    private static readonly TimeSpan Deadlock = TimeSpan.FromSeconds(30);

    private FakeTimeProvider _clock = null!;
    private Channel<DateTimeOffset> _waits = null!;

    [SetUp]
    public void SetUp()
    {
        _folder = new TempDirectory();
        _clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero));
        _waits = Channel.CreateUnbounded<DateTimeOffset>();
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

        await host.StartAsync();
        await NextWaitAsync(); // the initial delay
        await NextWaitAsync(); // after the first round
        await host.StopAsync();

        var store = host.Services.GetRequiredService<IFlightTaskStore>();
        var acme = await store.CountAsync(Acme);
        var beta = await store.CountAsync(Beta);
        Assert.Multiple(() =>
        {
            Assert.That(_server.Requests, Has.Count.EqualTo(2));
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
        await NextWaitAsync();
        var next = await NextWaitAsync();

        // Timers of the fake clock fire inside Advance: short of the interval, none has.
        _clock.Advance(TimeSpan.FromMinutes(9));
        var beforeTheInterval = _server.Requests.Count;
        var stillWaiting = background.NextRoundAt;
        _clock.Advance(TimeSpan.FromMinutes(2));
        await _server.WhenRequestsReceivedAsync(4).WaitAsync(Deadlock);
        await NextWaitAsync();
        await host.StopAsync();

        Assert.Multiple(() =>
        {
            Assert.That(next - _clock.Start, Is.InRange(TimeSpan.FromMinutes(9.5), TimeSpan.FromMinutes(10.5)), "the interval with 5% jitter");
            Assert.That(beforeTheInterval, Is.EqualTo(2));
            Assert.That(stillWaiting, Is.EqualTo(next));
            Assert.That(_server.Requests, Has.Count.EqualTo(4));
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
        await NextWaitAsync(); // the initial delay
        await NextWaitAsync(); // after the first round: cut short by the requests
        await NextWaitAsync(); // after the extra round: for the interval
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
        await NextWaitAsync();
        await NextWaitAsync();

        background.RequestSync(extra);
        await NextWaitAsync();
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
        _server.Enqueue(Enumerable.Repeat(FakeResponse.WithStatus(503), 50).ToArray());
        var waits = new List<TimeSpan>();

        await host.StartAsync();
        await NextWaitAsync();
        for (var round = 1; round <= 4; round++)
        {
            var next = await NextWaitAsync();
            waits.Add(next - _clock.GetUtcNow());
            _clock.Advance(next - _clock.GetUtcNow());
        }

        await NextWaitAsync();
        await host.StopAsync();

        Assert.Multiple(() =>
        {
            Assert.That(_server.Requests, Has.Count.EqualTo(5));
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
                _server.Enqueue(FakeResponse.Never());
            }
        };
        using var host = BuildHost();
        await host.StartAsync();
        await _server.WhenRequestsReceivedAsync(2).WaitAsync(Deadlock);

        await host.StopAsync().WaitAsync(Deadlock);

        var status = await host.Services.GetRequiredService<IFlightTaskSyncClient>().GetStatusAsync(Acme);
        Assert.Multiple(() =>
        {
            Assert.That(status.State, Is.EqualTo(SyncState.NeverSynced), "canceled, not failed; and no sync of the scope has completed yet");
            Assert.That(status.TasksHeld, Is.EqualTo(50), "the committed page is kept");
        });
    }

    [Test]
    public async Task Round_SyncThrowsAnExceptionThatIsNotTheLibrarys_TheServiceAndTheHostKeepRunning()
    {
        var client = new ThrowingSyncClient(() => new InvalidOperationException("A bug in an app's own client."));
        using var host = BuildHost(services: services => services.AddSingleton<IFlightTaskSyncClient>(client));
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        var background = host.Services.GetRequiredService<IFlightTaskBackgroundSync>();

        await host.StartAsync();
        await NextWaitAsync();
        var afterTheFailure = await NextWaitAsync();
        background.RequestSync();
        await NextWaitAsync();
        var stopping = lifetime.ApplicationStopping.IsCancellationRequested;
        await host.StopAsync();

        Assert.Multiple(() =>
        {
            Assert.That(stopping, Is.False, "the host was not stopped by the background service");
            Assert.That(client.Calls, Is.EqualTo(4), "two rounds of two scopes");
            Assert.That(afterTheFailure - _clock.GetUtcNow(), Is.InRange(TimeSpan.FromSeconds(28), TimeSpan.FromSeconds(32)), "a failed round backs off");
        });
    }

    [Test]
    public void AddFlightTaskSyncBackgroundService_InvalidInterval_FailsAtStartNamingIt()
    {
        using var host = BuildHost(o => o.Interval = TimeSpan.Zero, observe: false);

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

    [Test]
    public async Task KeyedBackgroundServices_EachSyncsItsOwnAccountsScopesIntoItsOwnDatabase()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton<TimeProvider>(_clock);
        foreach (var (key, scope) in new[] { ("account-a", Acme), ("account-b", Beta) })
        {
            builder.Services.AddFlightTaskSync(key, o =>
            {
                o.Endpoint = _server.Endpoint;
                o.DatabasePath = _folder.File(key + ".db");
                o.AccessTokenProvider = _ => Task.FromResult("token-" + key);
                o.AttemptTimeout = TimeSpan.FromHours(1);
            });
            builder.Services.AddFlightTaskSyncBackgroundService(key, o => o.Scopes.Add(scope));
            builder.Services.AddFlightTaskSyncBackgroundService(key, o => o.Interval = TimeSpan.FromMinutes(10));
        }

        using var host = builder.Build();
        var a = host.Services.GetRequiredKeyedService<IFlightTaskBackgroundSync>("account-a");
        var b = host.Services.GetRequiredKeyedService<IFlightTaskBackgroundSync>("account-b");

        var waitsOfA = Channel.CreateUnbounded<DateTimeOffset>();
        var waitsOfB = Channel.CreateUnbounded<DateTimeOffset>();
        host.Services.GetRequiredKeyedService<FlightTaskBackgroundSync>("account-a").WaitingForNextRound += at => waitsOfA.Writer.TryWrite(at);
        host.Services.GetRequiredKeyedService<FlightTaskBackgroundSync>("account-b").WaitingForNextRound += at => waitsOfB.Writer.TryWrite(at);

        await host.StartAsync();
        await waitsOfA.Reader.ReadAsync().AsTask().WaitAsync(Deadlock); // the initial delay
        await waitsOfB.Reader.ReadAsync().AsTask().WaitAsync(Deadlock);
        var nextRoundOfA = await waitsOfA.Reader.ReadAsync().AsTask().WaitAsync(Deadlock); // after the first round
        await waitsOfB.Reader.ReadAsync().AsTask().WaitAsync(Deadlock);
        await host.StopAsync();

        var storeA = host.Services.GetRequiredKeyedService<IFlightTaskStore>("account-a");
        var storeB = host.Services.GetRequiredKeyedService<IFlightTaskStore>("account-b");
        Assert.Multiple(async () =>
        {
            Assert.That(host.Services.GetServices<IHostedService>().OfType<IFlightTaskBackgroundSync>().Count(), Is.EqualTo(2), "one hosted service per key");
            Assert.That(a, Is.Not.SameAs(b));
            Assert.That(await storeA.CountAsync(Acme), Is.EqualTo(20));
            Assert.That(await storeA.CountAsync(Beta), Is.Zero);
            Assert.That(await storeB.CountAsync(Beta), Is.EqualTo(10));
            Assert.That(await storeB.CountAsync(Acme), Is.Zero);
            Assert.That(nextRoundOfA - _clock.GetUtcNow(), Is.GreaterThan(TimeSpan.FromMinutes(8)), "the second configure set the interval");
        });
    }

    [Test]
    public void Start_NoScope_FailsSayingToAddOne()
    {
        using var host = BuildHost(o => o.Scopes.Clear(), observe: false);

        var thrown = Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.That(thrown.Message, Does.Contain("Scopes is empty: add the scopes to sync"));
    }

    [TestCase(0, "Interval is 00:00:00: set it from 00:00:01 to 7.00:00:00")]
    [TestCase(-1, "Interval is -00:00:01: set it from 00:00:01 to 7.00:00:00")]
    public void Start_IntervalOutOfRange_FailsGivingTheRange(int seconds, string expected)
    {
        using var host = BuildHost(o => o.Interval = TimeSpan.FromSeconds(seconds), observe: false);

        var thrown = Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.That(thrown.Message, Does.Contain(expected));
    }

    [Test]
    public async Task RoundWithAFailedSync_LogsTheExceptionOnce()
    {
        var logs = new CapturingLoggerProvider();
        _server.Enqueue(FakeResponse.WithStatus(503));
        using var host = BuildHost(logs: logs);

        await host.StartAsync();
        await NextWaitAsync(); // the initial delay
        await NextWaitAsync(); // after the round with the failed sync
        await host.StopAsync();

        var withException = logs.Entries.Where(e => e.Exception is not null).ToList();
        var roundFailed = logs.Entries.Where(e => e.EventId.Id == 3002).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(withException.Select(e => e.EventId.Id), Is.EqualTo(new[] { 1005 }), "the sync logs the failure with its exception, once");
            Assert.That(roundFailed, Has.Count.EqualTo(1));
            Assert.That(roundFailed[0].Exception, Is.Null, "the background service does not log it a second time");
            Assert.That(roundFailed[0].Message, Does.Contain(nameof(FlightTaskSyncUnavailableException)));
        });
    }

    /// <summary>Waits for the service to start waiting for its next round; gives when that round is due.</summary>
    private async Task<DateTimeOffset> NextWaitAsync() => await _waits.Reader.ReadAsync().AsTask().WaitAsync(Deadlock);

    private IHost BuildHost(
        Action<FlightTaskBackgroundSyncOptions>? configure = null, bool observe = true, Action<IServiceCollection>? services = null, CapturingLoggerProvider? logs = null)
    {
        var builder = Host.CreateApplicationBuilder();
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
        }

        builder.Services.AddSingleton<TimeProvider>(_clock);
        services?.Invoke(builder.Services);
        builder.Services.AddFlightTaskSync(o =>
        {
            o.Endpoint = _server.Endpoint;
            o.DatabasePath = _folder.File("flighttasks.db");
            o.AccessTokenProvider = _ => Task.FromResult("token");
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
        var host = builder.Build();
        if (observe)
        {
            host.Services.GetRequiredService<FlightTaskBackgroundSync>().WaitingForNextRound += at => _waits.Writer.TryWrite(at);
        }

        return host;
    }
}
