using FlightTaskSync.Client.Tests.Fixtures;
using FlightTaskSync.Client.Tests.TestDoubles;

namespace FlightTaskSync.Client.Tests.Reliability;

/// <summary>
/// Every entry of <see cref="BadResponseCorpus"/> served as the answer to the second request of
/// a sync: the SDK ends with the entry's library exception (or accepts what it tolerates by
/// design), and the page that carried it changes nothing in the store. Each case has a time
/// limit, so a hang fails it rather than the run.
/// </summary>
public sealed class BadResponseCorpusTests
{
    private static readonly SyncScope Scope = new(BadResponseCorpus.Organization);

    private static IEnumerable<string> Entries() => BadResponseCorpus.All.Select(entry => entry.Name);

    [Test]
    public void Corpus_HasAtLeastFortyDistinctEntries()
    {
        Assert.That(BadResponseCorpus.All.Select(e => e.Name).Distinct(StringComparer.Ordinal).Count(), Is.GreaterThanOrEqualTo(40));
    }

    [TestCaseSource(nameof(Entries))]
    [CancelAfter(60_000)]
    public async Task SyncAsync_BadSecondPage_EndsWithItsOutcomeAndKeepsTheStoreAsThePageFoundIt(string name, CancellationToken cancellationToken)
    {
        var entry = BadResponseCorpus.All.Single(e => e.Name == name);
        await using var harness = new SyncHarness(options =>
        {
            options.MaxResponseBytes = BadResponseCorpus.MaxResponseBytes;
            options.RetryBaseDelay = TimeSpan.FromMilliseconds(50);
        });
        harness.Server.PageSize = 100;
        harness.Server.AddTasks(BadResponseCorpus.Organization, 300);

        // The store as each committed page left it (the next request may go out while a page is
        // written, so it is taken when the page's progress is reported, after its commit): a
        // refused page must leave the store as the last committed page did.
        IReadOnlyDictionary<string, string> afterLastCommit = new Dictionary<string, string>();
        var progress = new SynchronousProgress<SyncProgress>(_ => afterLastCommit = StoredTasks.Hashes(harness.DatabasePath));
        harness.Server.BeforeAnswer = index =>
        {
            if (index >= 1 && (entry.Expected != BadResponseOutcome.Accepted || index == 1))
            {
                harness.Server.Enqueue(entry.Answer(index));
            }
        };

        Exception? thrown = null;
        SyncReport? report = null;
        try
        {
            report = await harness.SyncAsync(Scope, progress, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            thrown = exception;
        }

        var stored = StoredTasks.Hashes(harness.DatabasePath);
        if (entry.ExceptionType is null)
        {
            Assert.Multiple(() =>
            {
                Assert.That(thrown, Is.Null, $"{entry.Name}: the SDK should tolerate this page");
                Assert.That(stored, Is.EquivalentTo(harness.Server.TasksOf(Scope)), "the sync should still converge");
                Assert.That(report?.Failures, Has.Count.EqualTo(entry.RecordedFailures), "the page's failed entries are recorded in the report");
            });
            return;
        }

        var expected = afterLastCommit;

        if (entry.Expected == BadResponseOutcome.Stalled)
        {
            // The loop guard lets the page it stops at be written: the page itself is valid (tasks the
            // server holds, with their hashes), only the sync is stuck. Whatever it added is the server's.
            var server = harness.Server.TasksOf(Scope);
            var kept = expected;
            Assert.Multiple(() =>
            {
                Assert.That(thrown, Is.InstanceOf<FlightTaskSyncStalledException>(), $"{entry.Name}: {thrown}");
                Assert.That(kept, Is.SubsetOf(stored), "the sync must keep what it held");
                Assert.That(stored.Where(t => !kept.ContainsKey(t.Key)), Has.All.Matches<KeyValuePair<string, string>>(t => server.TryGetValue(t.Key, out var hash) && hash == t.Value));
            });
            return;
        }

        Assert.Multiple(() =>
        {
            Assert.That(thrown, Is.InstanceOf(entry.ExceptionType), $"{entry.Name}: {thrown}");
            Assert.That(thrown!.Message, Is.Not.Empty);
            Assert.That(stored, Is.EquivalentTo(expected), "the bad page must leave the store as it found it");
            Assert.That(RawDatabase.Scalar(harness.DatabasePath, "PRAGMA integrity_check;"), Is.EqualTo("ok"));
        });
    }
}
