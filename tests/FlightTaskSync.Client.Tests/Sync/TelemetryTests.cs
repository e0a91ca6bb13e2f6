using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using FlightTaskSync.Client.Tests.TestDoubles;

namespace FlightTaskSync.Client.Tests.Sync;

/// <summary>Spans and metrics, captured with in-memory listeners.</summary>
public sealed class TelemetryTests
{
    private readonly ConcurrentQueue<Activity> _activities = new();
    private readonly ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)> _measurements = new();
    private ActivityListener _activityListener = null!;
    private MeterListener _meterListener = null!;

    [SetUp]
    public void Listen()
    {
        // NUnit keeps one fixture instance for all its tests: start each from nothing.
        _activities.Clear();
        _measurements.Clear();
        _activityListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == FlightTaskSyncTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _activities.Enqueue,
        };
        ActivitySource.AddActivityListener(_activityListener);

        _meterListener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == FlightTaskSyncTelemetry.MeterName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _meterListener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meterListener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meterListener.Start();
    }

    [TearDown]
    public void StopListening()
    {
        _activityListener.Dispose();
        _meterListener.Dispose();
    }

    [Test]
    public async Task SyncAsync_ThreePages_OneSyncSpanWithThreePageSpansAndMatchingMetrics()
    {
        await using var harness = new SyncHarness();
        var scope = new SyncScope(FakeTask.OrganizationId("telemetry1"));
        harness.Server.AddTasks(scope.OrganizationSenteraId, 250);
        harness.Server.PageSize = 100;
        harness.Server.Enqueue(FakeResponse.WithStatus(503));

        await harness.SyncAsync(scope);

        var sync = _activities.Single(a => a.OperationName == "FlightTaskSync.Sync" && Equals(a.GetTagItem(FlightTaskSyncTelemetry.OrganizationTag), scope.OrganizationSenteraId));
        var pages = _activities.Where(a => a.OperationName == "FlightTaskSync.Page" && a.ParentSpanId == sync.SpanId).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(sync.GetTagItem("flighttasksync.pages"), Is.EqualTo(3));
            Assert.That(sync.GetTagItem("flighttasksync.upserted"), Is.EqualTo(250));
            Assert.That(sync.GetTagItem("flighttasksync.retries"), Is.EqualTo(1));
            Assert.That(sync.GetTagItem("flighttasksync.outcome"), Is.EqualTo("completed"));
            Assert.That(sync.Status, Is.Not.EqualTo(ActivityStatusCode.Error));
            Assert.That(pages.Select(p => p.GetTagItem("flighttasksync.page.number")), Is.EqualTo(new object[] { 1, 2, 3 }));
            Assert.That(pages.Select(p => p.GetTagItem("flighttasksync.page.upserted")), Is.EqualTo(new object[] { 100, 100, 50 }));
            Assert.That(pages[0].GetTagItem("flighttasksync.page.retries"), Is.EqualTo(1));
            Assert.That(Sum(FlightTaskSyncTelemetry.Pages), Is.EqualTo(3));
            Assert.That(Sum(FlightTaskSyncTelemetry.TasksUpserted), Is.EqualTo(250));
            Assert.That(Sum(FlightTaskSyncTelemetry.Retries), Is.EqualTo(1));
            Assert.That(Measurements(FlightTaskSyncTelemetry.Syncs).Single().Tags["outcome"], Is.EqualTo("completed"));
            Assert.That(Measurements(FlightTaskSyncTelemetry.SyncDuration), Has.Count.EqualTo(1));
            Assert.That(Measurements(FlightTaskSyncTelemetry.RequestSize).Select(m => m.Value).ToList(), Has.Count.EqualTo(4).And.All.GreaterThan(0));
        });
    }

    [Test]
    public async Task SyncAsync_Fails_MarksTheSpanAndCountsTheFailureWithoutTheToken()
    {
        await using var harness = new SyncHarness();
        var scope = new SyncScope(FakeTask.OrganizationId("telemetry2"));
        harness.Server.Enqueue(FakeResponse.WithStatus(401), FakeResponse.WithStatus(401));

        Assert.That(() => harness.SyncAsync(scope), Throws.TypeOf<FlightTaskSyncAuthenticationException>());

        var sync = _activities.Single(a => a.OperationName == "FlightTaskSync.Sync" && Equals(a.GetTagItem(FlightTaskSyncTelemetry.OrganizationTag), scope.OrganizationSenteraId));
        var everyTagValue = _activities.SelectMany(a => a.TagObjects).Select(t => t.Value?.ToString() ?? string.Empty)
            .Concat(_measurements.SelectMany(m => m.Tags.Values).Select(v => v?.ToString() ?? string.Empty));
        Assert.Multiple(() =>
        {
            Assert.That(sync.Status, Is.EqualTo(ActivityStatusCode.Error));
            Assert.That(sync.GetTagItem("error.type"), Is.EqualTo(nameof(FlightTaskSyncAuthenticationException)));
            Assert.That(Measurements(FlightTaskSyncTelemetry.Failures).Single().Tags["error.type"], Is.EqualTo(nameof(FlightTaskSyncAuthenticationException)));
            Assert.That(Measurements(FlightTaskSyncTelemetry.Syncs).Single().Tags["outcome"], Is.EqualTo("failed"));
            Assert.That(everyTagValue, Has.None.Contains("token-"));
        });
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        _measurements.Enqueue((instrument.Name, value, copy));
    }

    private List<(string Instrument, double Value, Dictionary<string, object?> Tags)> Measurements(string instrument) =>
        [.. _measurements.Where(m => m.Instrument == instrument)];

    private double Sum(string instrument) => Measurements(instrument).Sum(m => m.Value);
}
