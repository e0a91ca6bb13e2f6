using System.Diagnostics.Metrics;
using FlightTaskSync.Client.Tests.TestDoubles;
using Microsoft.Extensions.DependencyInjection;

namespace FlightTaskSync.Client.Tests.Sync;

/// <summary>The metrics come from a meter of the container's <see cref="IMeterFactory"/>, as .NET asks of libraries.</summary>
public sealed class MeterFactoryTests
{
    [Test]
    public async Task SyncAsync_RecordsOnAMeterOfTheContainersFactory_NamedFlightTaskSync()
    {
        await using var harness = new SyncHarness();
        var scope = new SyncScope(FakeTask.OrganizationId("meter001"));
        harness.Server.AddTasks(scope.OrganizationSenteraId, 7);
        var factory = harness.Services.GetRequiredService<IMeterFactory>();
        var upserted = 0L;
        var meterNames = new HashSet<string>();
        using var listener = new MeterListener
        {
            // Only this container's meters: other tests' syncs run in parallel on other containers.
            InstrumentPublished = (instrument, l) =>
            {
                if (ReferenceEquals(instrument.Meter.Scope, factory))
                {
                    lock (meterNames)
                    {
                        meterNames.Add(instrument.Meter.Name);
                    }

                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            if (instrument.Name == FlightTaskSyncTelemetry.TasksUpserted)
            {
                Interlocked.Add(ref upserted, value);
            }
        });
        listener.Start();

        await harness.SyncAsync(scope);

        Assert.Multiple(() =>
        {
            Assert.That(meterNames, Does.Contain(FlightTaskSyncTelemetry.MeterName));
            Assert.That(Interlocked.Read(ref upserted), Is.EqualTo(7));
        });
    }
}
