using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using FlightTaskSync.Client.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace FlightTaskSync.Client.Tests.Push;

/// <summary>The push's spans and counters, captured with in-memory listeners.</summary>
public sealed class PushTelemetryTests
{
    private readonly ConcurrentQueue<Activity> _activities = new();
    private readonly ConcurrentQueue<(Instrument Instrument, long Value, Dictionary<string, object?> Tags)> _measurements = new();
    private ActivityListener _activityListener = null!;
    private MeterListener _meterListener = null!;

    [SetUp]
    public void Listen()
    {
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
        _meterListener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var tagged = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var tag in tags)
            {
                tagged[tag.Key] = tag.Value;
            }

            _measurements.Enqueue((instrument, value, tagged));
        });
        _meterListener.Start();
    }

    [TearDown]
    public void StopListening()
    {
        _activityListener.Dispose();
        _meterListener.Dispose();
    }

    [Test]
    public async Task SyncAsync_PushOfTwoCalls_OneSpanPerCallUnderTheSyncAndCountersOfPushedRejectedAndConflicts()
    {
        await using var harness = new PushSyncHarness();
        var scope = PushSyncHarness.Scope;
        var tasks = harness.Server.AddTasks(scope.OrganizationSenteraId, 4);
        harness.Server.RefusedNotes = "refused";
        await harness.SyncAsync();
        await harness.Editor.UpdateAsync(scope, tasks[0].SenteraId, new FlightTaskChanges { Notes = "fine" });
        await harness.Editor.UpdateAsync(scope, tasks[1].SenteraId, new FlightTaskChanges { Notes = "refused" });
        await harness.Editor.UpdateAsync(scope, tasks[2].SenteraId, new FlightTaskChanges { Notes = "mine" });
        await harness.Editor.DeleteAsync(scope, tasks[3].SenteraId);
        harness.Server.Change(tasks[2].SenteraId, t => t with { Name = "Renamed by the office" });
        _activities.Clear();
        var instruments = harness.Services.GetRequiredService<SyncInstruments>();

        var report = await harness.SyncAsync();

        var sync = _activities.Single(a => a.OperationName == "FlightTaskSync.Sync" && Equals(a.GetTagItem(FlightTaskSyncTelemetry.OrganizationTag), scope.OrganizationSenteraId));
        var calls = _activities.Where(a => a.OperationName == "FlightTaskSync.Push" && a.ParentSpanId == sync.SpanId).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(report.Pushed, Is.EqualTo(3));
            Assert.That(calls.Select(c => c.GetTagItem("flighttasksync.push.mutation")), Is.EqualTo(new[] { "upsert_flight_tasks", "delete_tasks" }));
            Assert.That(calls.Select(c => c.GetTagItem("flighttasksync.push.entries")), Is.EqualTo(new object[] { 3, 1 }));
            Assert.That(calls.Select(c => c.GetTagItem("flighttasksync.push.outcome")), Is.All.EqualTo("Answered"));
            Assert.That(sync.GetTagItem("flighttasksync.pushed"), Is.EqualTo(3));
            Assert.That(sync.GetTagItem("flighttasksync.push.rejected"), Is.EqualTo(1));
            Assert.That(sync.GetTagItem("flighttasksync.push.conflicts"), Is.EqualTo(1));
            Assert.That(Sum(instruments.EditsPushed), Is.EqualTo(3));
            Assert.That(Sum(instruments.EditsRejected), Is.EqualTo(1));
            Assert.That(_measurements.Where(m => m.Instrument == instruments.EditConflicts).Select(m => (m.Value, m.Tags["decision"])), Is.EqualTo(new[] { (1L, (object?)"sent") }));
        });
    }

    [Test]
    public async Task SyncAsync_NothingPending_NoPushSpanAndNoEditCounted()
    {
        await using var harness = new PushSyncHarness();
        harness.Server.AddTasks(PushSyncHarness.Scope.OrganizationSenteraId, 2);
        var instruments = harness.Services.GetRequiredService<SyncInstruments>();

        await harness.SyncAsync();

        Assert.Multiple(() =>
        {
            Assert.That(_activities.Where(a => a.OperationName == "FlightTaskSync.Push"), Is.Empty);
            Assert.That(_measurements.Where(m => m.Instrument == instruments.EditsPushed || m.Instrument == instruments.EditsRejected || m.Instrument == instruments.EditConflicts), Is.Empty);
        });
    }

    private long Sum(Instrument instrument) => _measurements.Where(m => m.Instrument == instrument).Sum(m => m.Value);
}
