using FlightTaskSync.Client.Storage.Outbox;
using FlightTaskSync.Client.Sync.Push;
using FlightTaskSync.Client.Tests.TestDoubles;
using FlightTaskSync.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;
using static FlightTaskSync.Client.Tests.Push.PushFixtures;

namespace FlightTaskSync.Client.Tests.Push;

/// <summary>
/// Every entry of <see cref="MutationResponseCorpus"/> answered to a push of two edits (WireMock on
/// loopback, the push runner and its outbox): the push ends with the entry's exception or none, each
/// edit ends applied, pending, in doubt or rejected as the entry says, and the server gets exactly
/// the requests it should. Then a second push, with the server answering well: what was pending goes
/// out once and is applied; what was in doubt is never sent again (a create least of all).
/// </summary>
public sealed class MutationResponseCorpusTests
{
    private const string CreateName = "Replant check";

    private static IEnumerable<string> Entries() => MutationResponseCorpus.All.Select(entry => entry.Name);

    [Test]
    public void Corpus_HasDistinctNamesAndCoversEachMutation()
    {
        var names = MutationResponseCorpus.All.Select(e => e.Name).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(names, Is.Unique);
            foreach (var mutation in new[] { PushCallKind.Upsert, PushCallKind.Begin, PushCallKind.Delete })
            {
                Assert.That(MutationResponseCorpus.All.Count(e => e.Mutation == mutation), Is.GreaterThanOrEqualTo(25), $"{mutation} entries");
            }
        });
    }

    [TestCaseSource(nameof(Entries))]
    [CancelAfter(60_000)]
    public async Task PushAsync_BadAnswer_EachEditEndsAsTheCorpusSaysAndNothingInDoubtIsSentAgain(string name, CancellationToken cancellationToken)
    {
        // Arrange
        var entry = MutationResponseCorpus.All.Single(e => e.Name == name);
        using var harness = new SenderHarness(o => o.MaxRetryAttempts = MutationResponseCorpus.Retries);
        var store = new InMemoryOutboxStore(harness.Clock);
        store.Pull([ServerTask(TaskId(1)), ServerTask(TaskId(2))]);
        QueueTwoEdits(store, entry.Mutation);
        for (var i = 0; i < entry.Requests; i++)
        {
            harness.Server.Enqueue(entry.Answer());
        }

        // A request beyond those the entry expects is answered well: only the count tells it was sent.
        harness.Server.Answer = _ => MutationResponseCorpus.GoodAnswer(entry.Mutation);
        var runner = new PushRunner(store, harness.Sender, harness.Clock, NullLogger.Instance);

        // Act
        var thrown = await PushAsync(runner, harness.Clock, cancellationToken);
        var afterFirst = store.Edits.ToDictionary(e => e.Id);
        var requestsOfFirst = harness.Server.Bodies.Count;
        var secondThrown = await PushAsync(runner, harness.Clock, cancellationToken);

        // Assert
        Assert.Multiple(() =>
        {
            if (entry.Throws is null)
            {
                Assert.That(thrown, Is.Null, "the call was answered: the push goes on");
            }
            else
            {
                Assert.That(thrown, Is.TypeOf(entry.Throws), thrown?.ToString());
                if (entry.Says is { } says)
                {
                    Assert.That(thrown?.Message, Does.Contain(says));
                }
            }

            Assert.That(requestsOfFirst, Is.EqualTo(entry.Requests), "requests sent by the push");
            for (var i = 0; i < entry.Edits.Length; i++)
            {
                var id = i + 1L;
                Assert.That(EndOf(afterFirst.GetValueOrDefault(id)), Is.EqualTo(entry.Edits[i]), $"edit {id}");
            }

            if (entry.RejectedWith is { } rejectedWith)
            {
                var error = afterFirst.Values.Single(e => e.State == OutboxEditState.Rejected).Errors[0];
                Assert.That(error.ToString(), Does.Contain(rejectedWith));
                if (entry.MessageAtMost is { } most)
                {
                    // Lengths and the last character only: a failure message must not print a megabyte.
                    Assert.That(error.Message.Length, Is.LessThanOrEqualTo(most), "a huge message is cut");
                    Assert.That(error.Message[^1], Is.EqualTo('…'), "and says it was");
                }
            }

            // The next sync: pending edits go out once more and are applied; edits in doubt are not sent.
            var pending = entry.Edits.Count(e => e == EditEnd.Pending);
            var second = harness.Server.Bodies.Skip(requestsOfFirst).ToList();
            Assert.That(secondThrown, Is.Null);
            Assert.That(second, Has.Count.EqualTo(pending == 0 ? 0 : 1), "requests of the second push");
            Assert.That(store.Edits.Select(e => e.Id), Is.EquivalentTo(afterFirst.Values.Where(e => e.State != OutboxEditState.Pending).Select(e => e.Id)), "the pending edits were applied, the others left as they were");
            if (entry.Mutation == PushCallKind.Upsert && entry.Edits[0] == EditEnd.InDoubt)
            {
                Assert.That(harness.Server.Bodies.Count(b => b.Contains(CreateName, StringComparison.Ordinal)), Is.EqualTo(1), "a create that may have been made is never sent again");
            }
        });
    }

    private static void QueueTwoEdits(InMemoryOutboxStore store, PushCallKind mutation)
    {
        switch (mutation)
        {
            case PushCallKind.Upsert:
                store.Add(id => Create(id, LocalId(1), CreateName));
                store.Add(id => Update(id, TaskId(1), new FlightTaskChanges { Notes = "a" }));
                break;
            case PushCallKind.Begin:
                store.Add(id => Begin(id, TaskId(1)));
                store.Add(id => Begin(id, TaskId(2)));
                break;
            default:
                store.Add(id => Delete(id, TaskId(1)));
                store.Add(id => Delete(id, TaskId(2)));
                break;
        }
    }

    /// <summary>Runs a push to its end, moving the clock on whenever it waits to retry (a Retry-After, a backoff).</summary>
    private static async Task<Exception?> PushAsync(PushRunner runner, WatchedClock clock, CancellationToken cancellationToken)
    {
        var push = runner.PushAsync(Scope, ConflictResolution.MergeFields, cancellationToken);
        while (!push.IsCompleted)
        {
            var wait = clock.TimerStartedAsync(d => d > TimeSpan.Zero && d < TimeSpan.FromHours(1));
            if (await Task.WhenAny(push, wait) == wait)
            {
                clock.Advance(await wait);
            }
        }

        try
        {
            await push;
            return null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return exception;
        }
    }

    private static EditEnd EndOf(OutboxEdit? edit) => edit?.State switch
    {
        null => EditEnd.Applied,
        OutboxEditState.Pending => EditEnd.Pending,
        OutboxEditState.Sending => EditEnd.InDoubt,
        OutboxEditState.Rejected => EditEnd.Rejected,
        _ => throw new InvalidOperationException($"Unexpected state {edit.State}."),
    };
}
