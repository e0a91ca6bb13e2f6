using System.Globalization;
using System.Text;
using CsCheck;
using FlightTaskSync.Client.Tests.Fixtures;
using FlightTaskSync.Client.Tests.TestDoubles;

namespace FlightTaskSync.Client.Tests.Reliability;

/// <summary>
/// A property test: a valid page of 100 tasks, edited at random at the byte level (bytes
/// changed, spans cut or repeated, tokens inserted, the body cut short), served as every page
/// after the first. Whatever the edits, the sync ends with nothing but the library's own
/// exceptions, within a time limit, and the page is applied whole or not at all.
/// </summary>
public sealed class MutatedPagePropertyTests
{
    /// <summary>Raises the number of random pages (200 in CI) for a longer local run.</summary>
    public const string IterationsVariable = "FLIGHTTASKSYNC_PROPERTY_ITERATIONS";

    private static readonly string Organization = FakeTask.OrganizationId("mutant");
    private static readonly SyncScope Scope = new(Organization);

    private static readonly string[] Tokens =
    [
        "null", "[]", "{}", "\"", "-1", "1e999", "\"x\"", "true", ",", ":", "}", "]", "\"__typename\":\"Survey\",",
        "\"remaining_count\":-5,", "\\u0000", "\\ud800", "99999999999999999999", "{\"a\":[[[[[[[[[[]]]]]]]]]]}",
    ];

    /// <summary>The second page the server would send: tasks 101 to 200 of 300.</summary>
    private static readonly byte[] SecondPage = Encoding.UTF8.GetBytes(FakeFieldAgentServer.PageJson(
        100,
        Enumerable.Range(101, 100).Select(n => new FakeTask(FakeTask.TaskId(n), Organization, $"Field {n} — stand count flight"))));

    /// <summary>One edit of the page's bytes: what kind, where, and a value that sizes or fills it.</summary>
    private static readonly Gen<Edit> EditGen = Gen.Select(Gen.Int[0, 5], Gen.Int[0, SecondPage.Length - 1], Gen.Int[0, 255], (kind, at, value) => new Edit(kind, at, value));

    [Test]
    [CancelAfter(600_000)]
    public async Task SyncAsync_RandomlyEditedPages_FailOnlyWithLibraryExceptionsAndApplyWholePagesOrNothing(CancellationToken cancellationToken)
    {
        var iterations = int.TryParse(Environment.GetEnvironmentVariable(IterationsVariable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 200;

        await EditGen.Array[1, 3].SampleAsync(
            async edits => await SyncWithEditedPageAsync(edits, cancellationToken),
            iter: iterations,
            threads: 1,
            print: edits => string.Join("; ", edits.Select(e => e.ToString())));
    }

    private static async Task SyncWithEditedPageAsync(Edit[] edits, CancellationToken cancellationToken)
    {
        var body = Apply(edits, SecondPage);
        await using var harness = new SyncHarness(options =>
        {
            options.MaxRetryAttempts = 1;
            options.RetryBaseDelay = TimeSpan.FromMilliseconds(10);
            options.AttemptTimeout = TimeSpan.FromSeconds(30);
        });
        harness.Server.PageSize = 100;
        harness.Server.AddTasks(Organization, 300);
        Dictionary<string, string>? afterFirstPage = null;
        harness.Server.BeforeAnswer = index =>
        {
            if (index == 1)
            {
                afterFirstPage = StoredTasks.Hashes(harness.DatabasePath);
            }

            if (index >= 1)
            {
                harness.Server.Enqueue(new FakeResponse(200) { BodyBytes = body });
            }
        };

        // A sync that does not end is a failure of its own, not a cancellation to tolerate.
        using var hang = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        hang.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            await harness.SyncAsync(Scope, cancellationToken: hang.Token);
        }
        catch (FlightTaskSyncException)
        {
            // The library's own: fine.
        }
        catch (OperationCanceledException) when (!hang.IsCancellationRequested)
        {
            // Not asked for by the caller: still the library's (a dropped connection).
        }

        Assert.That(hang.IsCancellationRequested, Is.False, "the sync did not end");
        Assert.That(afterFirstPage, Is.Not.Null, "the server was asked for a second page");

        // Whole or nothing: of the page's 100 tasks, the store holds none, or all but the few an
        // edit can reach (a cut span covers at most two tasks).
        var stored = StoredTasks.Hashes(harness.DatabasePath);
        var server = harness.Server.TasksOf(Scope);
        var fromPage = Enumerable.Range(101, 100)
            .Select(FakeTask.TaskId)
            .Count(id => !afterFirstPage!.ContainsKey(id) && stored.TryGetValue(id, out var hash) && hash == server[id]);
        Assert.That(fromPage, Is.EqualTo(0).Or.AtLeast(100 - (2 * edits.Length)), $"{fromPage} of the page's tasks were stored");
        Assert.That(afterFirstPage!.All(t => stored.ContainsKey(t.Key)), Is.True, "a refused page removed tasks the first page stored");
        Assert.That(RawDatabase.Scalar(harness.DatabasePath, "PRAGMA integrity_check;"), Is.EqualTo("ok"));
    }

    private static byte[] Apply(Edit[] edits, byte[] page)
    {
        var bytes = new List<byte>(page);
        foreach (var edit in edits)
        {
            if (bytes.Count == 0)
            {
                break;
            }

            var at = edit.At % bytes.Count;
            var span = Math.Min(1 + (edit.Value % 64), bytes.Count - at);
            switch (edit.Kind)
            {
                case 0:
                    bytes[at] = (byte)edit.Value;
                    break;
                case 1:
                    bytes.RemoveRange(at, span);
                    break;
                case 2:
                    bytes.InsertRange(at, Encoding.UTF8.GetBytes(Tokens[edit.Value % Tokens.Length]));
                    break;
                case 3:
                    bytes.InsertRange(at, bytes.GetRange(at, span));
                    break;
                case 4:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                default:
                    // Swap the next structural character for a token.
                    var next = bytes.FindIndex(at, b => b is (byte)'{' or (byte)'}' or (byte)'[' or (byte)']' or (byte)',' or (byte)':' or (byte)'"');
                    if (next >= 0)
                    {
                        bytes.RemoveAt(next);
                        bytes.InsertRange(next, Encoding.UTF8.GetBytes(Tokens[edit.Value % Tokens.Length]));
                    }

                    break;
            }
        }

        return [.. bytes];
    }

    /// <summary>One edit: <see cref="Kind"/> 0 sets a byte, 1 cuts a span, 2 inserts a token, 3 repeats a span, 4 cuts the rest, 5 swaps a structural character for a token.</summary>
    internal sealed record Edit(int Kind, int At, int Value)
    {
        public override string ToString() => $"{Kind}@{At}:{Value}";
    }
}
