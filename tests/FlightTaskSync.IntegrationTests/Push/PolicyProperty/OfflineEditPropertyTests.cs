using CsCheck;
using FlightTaskSync.Client;
using FlightTaskSync.Emulator;

namespace FlightTaskSync.IntegrationTests.Push.PolicyProperty;

/// <summary>
/// Issue 16's property: random offline edit sequences (begin, update with values set or cleared,
/// create, delete, discard, and edits the device must refuse) interleaved with random office edits on
/// the server (change, delete, create), then a sync, under either conflict resolution. The server, the
/// journal of mutations, the push's report, the queue and the device's store must be exactly what
/// <see cref="OfflineEditModel"/> says. A failure prints CsCheck's seed and the smallest case found;
/// set <c>CsCheck_Seed</c> to that seed to run it again.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class OfflineEditPropertyTests
{
    /// <summary>
    /// Cases per run in each world (100; the environment variable <c>FTS_PROPERTY_CASES</c> sets another
    /// number for a longer search): each is a few HTTP calls to the in-process emulator, so 100 take
    /// about 5 s in either world.
    /// </summary>
    private static readonly int Cases = int.TryParse(Environment.GetEnvironmentVariable("FTS_PROPERTY_CASES"), out var n) ? n : 100;

    /// <summary>A sync leaves edits pending only when a refused entry sends the rest of it again: the next one sends them.</summary>
    private const int MaxSyncs = 3;

    private IOfflineEditWorld _world = null!;
    private Totals _totals = null!;

    [TearDown]
    public async Task StopAsync()
    {
        if (_world is not null)
        {
            await _world.DisposeAsync();
            _world = null!;
        }
    }

    [TestCase(OfflineEditWorldKind.InMemory)]
    [TestCase(OfflineEditWorldKind.PublicApi)]
    public async Task OfflineEditsInterleavedWithOfficeEdits_AfterTheSync_ServerJournalReportQueueAndStoreAreWhatThePolicySays(OfflineEditWorldKind kind)
    {
        _world = await OfflineEditWorld.StartAsync(kind);
        _totals = new Totals();
        await OfflineEditScenario.Generator.SampleAsync(RunCaseAsync, iter: Cases, threads: 1, print: s => s.ToString());

        // The cases exercised what the policy covers, not only the easy paths.
        await TestContext.Out.WriteLineAsync($"{kind}: {_totals}");
        Assert.Multiple(() =>
        {
            Assert.That(_totals.Cases, Is.GreaterThanOrEqualTo(Cases));
            Assert.That(_totals.Applied, Is.GreaterThan(0), "edits applied");
            Assert.That(_totals.Rejected, Is.GreaterThan(0), "edits rejected");
            Assert.That(_totals.ConflictsSent, Is.GreaterThan(0), "conflicts sent (MergeFields)");
            Assert.That(_totals.ConflictsDropped, Is.GreaterThan(0), "conflicts dropped");
            Assert.That(_totals.DeletedOnServer, Is.GreaterThan(0), "edits of tasks the office deleted");
            Assert.That(_totals.Created, Is.GreaterThan(0), "tasks created offline");
            Assert.That(_totals.Refused, Is.GreaterThan(0), "edits the device refused");
        });
    }

    private static Dictionary<string, EmulatorTask> Snapshot(EmulatorData data, string organization) =>
        data.TasksOf(organization).Keys.ToDictionary(id => id, id => data.Get(id)!, StringComparer.Ordinal);

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new PropertyViolationException(message);
        }
    }

    private static void RequireSame<T>(IEnumerable<T> expected, IEnumerable<T> actual, string what)
    {
        var e = expected.Select(x => x?.ToString() ?? "null").Order(StringComparer.Ordinal).ToList();
        var a = actual.Select(x => x?.ToString() ?? "null").Order(StringComparer.Ordinal).ToList();
        Require(e.SequenceEqual(a, StringComparer.Ordinal), $"{what}:\n  expected [{string.Join("; ", e)}]\n  actual   [{string.Join("; ", a)}]");
    }

    private async Task RunCaseAsync(OfflineEditScenario scenario)
    {
        var harness = await _world.NewCaseAsync(scenario.Resolution);
        var run = new CaseRun(_world.Emulator, harness);
        await run.SeedAsync(scenario.SeedStatuses);
        for (var n = 0; n < scenario.Steps.Length; n++)
        {
            await run.StepAsync(scenario.Steps[n], n);
        }

        var beforeSync = Snapshot(_world.Emulator.Data, harness.Organization);
        var outcomes = new List<PushOutcome>();
        for (var sync = 0; sync < MaxSyncs; sync++)
        {
            outcomes.Add(await harness.SyncAsync());
            if ((await harness.Editor.ListPendingAsync(harness.Scope)).All(p => p.State == PendingEditState.Rejected))
            {
                break;
            }
        }

        var expected = OfflineEditModel.Expect(run.Pulled, beforeSync, run.Edits, scenario.Resolution, _world.Emulator.UserSenteraId);
        await CheckAsync(harness, run, beforeSync, expected, outcomes);
        _totals.Add(expected, run.Refused);
    }

    private async Task CheckAsync(
        IOfflineEditHarness harness, CaseRun run, Dictionary<string, EmulatorTask> beforeSync, OfflineEditExpectation expected, List<PushOutcome> outcomes)
    {
        var data = _world.Emulator.Data;
        var edits = string.Join("\n  ", run.Edits);

        // Every edit has exactly one fate in the model (a check of the oracle itself).
        var fates = expected.Applied.Concat(expected.Rejected).Concat(expected.Settled).ToList();
        RequireSame(run.Edits.Select(e => e.Id), fates, $"the oracle gives each edit one fate; edits:\n  {edits}");

        // The server: tasks it had, and the tasks the creates made, once each.
        var after = Snapshot(data, harness.Organization);
        foreach (var (id, task) in expected.Existing)
        {
            var expectedText = OfflineEditModel.Describe(task);
            var actualText = OfflineEditModel.Describe(after.GetValueOrDefault(id));
            Require(expectedText == actualText, $"server task {id}:\n  expected {expectedText}\n  actual   {actualText}\n  was      {OfflineEditModel.Describe(beforeSync[id])}\nedits:\n  {edits}");
        }

        RequireSame(
            expected.Created.Select(OfflineEditModel.Describe),
            after.Where(t => !beforeSync.ContainsKey(t.Key)).Select(t => OfflineEditModel.Describe(t.Value)),
            $"tasks created by the push; edits:\n  {edits}");

        // The journal: nothing twice, nothing that should not have been sent.
        var journal = data.Journal.Where(m => m.OrganizationSenteraId == harness.Organization).ToList();
        var created = journal.Where(m => m.Kind == EmulatorMutationKind.Create).Select(m => m.TaskSenteraId).ToHashSet(StringComparer.Ordinal);
        Require(created.Count == expected.Created.Count, $"creates in the journal: expected {expected.Created.Count}, actual {created.Count}; edits:\n  {edits}");
        foreach (var (id, (updates, begins, deletes)) in expected.Journal)
        {
            var of = journal.Where(m => m.TaskSenteraId == id).ToList();
            var actual = (of.Count(m => m.Kind == EmulatorMutationKind.Update), of.Count(m => m.Kind == EmulatorMutationKind.Begin), of.Count(m => m.Kind == EmulatorMutationKind.Delete));
            Require(actual == (updates, begins, deletes), $"journal of {id} (updates, begins, deletes): expected {(updates, begins, deletes)}, actual {actual}; edits:\n  {edits}");
        }

        var ofCreated = journal.Where(m => created.Contains(m.TaskSenteraId)).ToList();
        Require(
            ofCreated.Count(m => m.Kind == EmulatorMutationKind.Update) == expected.CreatedUpdates && ofCreated.Count(m => m.Kind == EmulatorMutationKind.Begin) == expected.CreatedBegins,
            $"journal of created tasks: expected {expected.CreatedUpdates} updates, {expected.CreatedBegins} begins; actual [{string.Join("; ", ofCreated)}]; edits:\n  {edits}");

        // The report, over the syncs.
        Require(outcomes.Sum(o => o.Pushed) == expected.Applied.Count, $"pushed: expected {expected.Applied.Count}, actual {outcomes.Sum(o => o.Pushed)}; edits:\n  {edits}");
        RequireSame(expected.Rejected, outcomes.SelectMany(o => o.Rejections).Select(r => r.EditId), $"rejections; edits:\n  {edits}");
        RequireSame(
            expected.Conflicts,
            outcomes.SelectMany(o => o.Conflicts).Select(c => (c.EditId, c.Decision, c.TaskDeletedOnServer)).Distinct(),
            $"conflicts; edits:\n  {edits}");

        // The queue keeps exactly the rejected edits, marked so.
        var pending = await harness.Editor.ListPendingAsync(harness.Scope);
        RequireSame(expected.Rejected, pending.Select(p => p.Id), $"edits left in the queue; edits:\n  {edits}");
        Require(pending.All(p => p.State == PendingEditState.Rejected), $"edits left in the queue are rejected: {string.Join("; ", pending.Select(p => $"#{p.Id} {p.State}"))}");

        // The device's store after the final pull equals the server.
        var local = await harness.ReadLocalAsync();
        RequireSame(
            data.TasksOf(harness.Organization).Select(t => $"{t.Key}={t.Value}"),
            local.Select(t => $"{t.SenteraId}={t.ContentHash}"),
            "the device's tasks and hashes against the server's");
    }

    /// <summary>Thrown when the system under test differs from the model (CsCheck shrinks on any exception).</summary>
    private sealed class PropertyViolationException(string message) : Exception(message);

    /// <summary>What the cases covered, to show that the generator reaches every part of the policy.</summary>
    private sealed class Totals
    {
        public int Cases { get; private set; }

        public int Applied { get; private set; }

        public int Rejected { get; private set; }

        public int ConflictsSent { get; private set; }

        public int ConflictsDropped { get; private set; }

        public int DeletedOnServer { get; private set; }

        public int Created { get; private set; }

        public int Refused { get; private set; }

        public int PartRefused { get; private set; }

        public override string ToString() =>
            $"{Cases} cases: {Applied} edits applied, {Rejected} rejected, {ConflictsSent} conflicts sent, {ConflictsDropped} dropped, " +
            $"{DeletedOnServer} of tasks deleted on the server, {Created} tasks created, {Refused} edits refused on the device, " +
            $"{PartRefused} folded updates refused in part before later entries of their task";

        public void Add(OfflineEditExpectation expected, int refused)
        {
            Cases++;
            Applied += expected.Applied.Count;
            Rejected += expected.Rejected.Count;
            ConflictsSent += expected.Conflicts.Count(c => c.Decision == ConflictDecision.Sent);
            ConflictsDropped += expected.Conflicts.Count(c => c.Decision == ConflictDecision.Dropped && !c.Deleted);
            DeletedOnServer += expected.Conflicts.Count(c => c.Deleted);
            Created += expected.Created.Count;
            Refused += refused;
            PartRefused += expected.PartRefusedBeforeLaterEntries;
        }
    }
}
