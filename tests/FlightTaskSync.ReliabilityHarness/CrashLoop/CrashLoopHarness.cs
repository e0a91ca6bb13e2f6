using System.Diagnostics;
using System.Globalization;
using FlightTaskSync.ReliabilityHarness.Child;
using FlightTaskSync.ReliabilityHarness.Processes;
using FlightTaskSync.ReliabilityHarness.Server;

namespace FlightTaskSync.ReliabilityHarness.CrashLoop;

/// <summary>
/// Kills a sync again and again. The emulator runs in a process of its own; each sync runs in a
/// child process (<see cref="ChildSync"/>) that is killed with SIGKILL after a random delay drawn
/// over the time the sync is expected to take. Between runs the harness edits and creates tasks
/// on the server through its API, and now and then a run resets the scope first, so kills keep
/// landing in the middle of real page writes. After every run the database is checked:
/// <c>PRAGMA integrity_check</c> is ok, every row agrees with its raw JSON, every stored hash is
/// one the server had for that task, and the store is what it was plus a whole number of the
/// server's pages. At the end one last sync must bring the store level with the server.
/// </summary>
internal static class CrashLoopHarness
{
    public const string Verb = "crash-loop";

    public static async Task<CrashLoopResult> RunAsync(CrashLoopOptions options, CancellationToken cancellationToken)
    {
        var result = new CrashLoopResult { Options = options };
        var clock = Stopwatch.StartNew();
        var random = new Random(options.Seed);
        var ownsFolder = options.WorkFolder is null;
        var folder = options.WorkFolder ?? Path.Combine(Path.GetTempPath(), "flighttasksync-crash-loop", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var database = Path.Combine(folder, "flighttasks.db");

        options.Log($"starting the emulator process with {options.Tasks:N0} tasks");
        await using var emulator = await EmulatorProcess.StartAsync(options.Tasks, options.PageSize, options.Seed, cancellationToken).ConfigureAwait(false);
        using var server = new ServerView(emulator.Endpoint, emulator.Token);
        var root = emulator.RootOrganization;

        // The server's state as the harness itself read it, and every hash each task has had.
        var served = await server.ReadScopeAsync(root, includeDescendants: true, cancellationToken).ConfigureAwait(false);
        var history = served.ToDictionary(t => t.Key, t => new HashSet<string>(StringComparer.Ordinal) { t.Value }, StringComparer.Ordinal);
        var ids = served.Keys.ToList();
        IReadOnlyDictionary<string, string> held = StoreSnapshot.Empty.Tasks;
        var estimate = new RunEstimate();

        var maxRuns = (options.Kills * 5) + 10;
        for (var run = 1; result.Kills < options.Kills; run++)
        {
            if (run > maxRuns)
            {
                result.Violations.Add($"only {result.Kills} kills in {maxRuns} runs: the syncs keep finishing before their kill time");
                break;
            }

            if (run > 1)
            {
                await ChangeServerAsync(server, root, run, random, options, served, history, ids, result, cancellationToken).ConfigureAwait(false);
            }

            var reset = run > 1 && random.NextDouble() < options.ResetShare;
            var changed = reset ? served.Count : PageSequence.Changed(held, served).Count;
            var pages = Math.Max(1, (changed + options.PageSize - 1) / options.PageSize);
            var delay = TimeSpan.FromMilliseconds(random.NextDouble() * estimate.Budget(pages).TotalMilliseconds);

            await using var child = StartChild(emulator, database, reset);
            var finished = await child.WaitForExitAsync(delay, cancellationToken).ConfigureAwait(false);
            if (!finished)
            {
                await child.KillAsync().ConfigureAwait(false);
            }

            estimate.Learn(child.Lines);
            var snapshot = await StoreSnapshot.ReadAsync(database, root, includeDescendants: true, cancellationToken).ConfigureAwait(false);
            result.IntegrityChecks++;
            result.ResetSyncs += reset ? 1 : 0;
            var label = string.Create(CultureInfo.InvariantCulture, $"run {run} ({(finished ? "finished" : $"killed after {delay.TotalMilliseconds:F0} ms")}{(reset ? ", reset first" : string.Empty)})");
            var pagesCommitted = Check(snapshot, held, served, history, reset, options.PageSize, label, result);

            if (finished)
            {
                result.SyncsThatFinishedFirst++;
                if (child.ExitCode != 0)
                {
                    result.Violations.Add($"{label}: the child exited with {child.ExitCode}: {LastLines(child)}");
                }
                else if (!SameTasks(snapshot.Tasks, served))
                {
                    result.Violations.Add($"{label}: the sync completed but the store does not equal the server");
                }
            }
            else
            {
                result.Kills++;
                result.KillDelaysMs.Add(delay.TotalMilliseconds);
                var reported = child.Lines.Count(l => ChildOutput.Parse(l.Text)?.Kind == ChildOutput.Page);
                if (pagesCommitted > 0)
                {
                    result.KillsMidSync++;
                    result.PagesCommittedBeforeKill.Add(pagesCommitted);
                }
                else
                {
                    result.KillsBeforeAnyCommit++;
                }

                if (pagesCommitted > reported)
                {
                    result.KillsBetweenCommitAndReport++;
                }
            }

            options.Log($"{label}: {snapshot.Tasks.Count:N0} tasks held, {pagesCommitted} page(s) committed by this run, integrity {snapshot.Integrity}");
            held = snapshot.Tasks;
        }

        await FinalSyncAsync(emulator, server, database, root, served, result, cancellationToken).ConfigureAwait(false);
        result.Duration = clock.Elapsed;
        if (ownsFolder)
        {
            TryDelete(folder);
        }

        return result;
    }

    private static DotnetProcess StartChild(EmulatorProcess emulator, string database, bool reset)
    {
        List<string> arguments =
        [
            ChildSync.Verb, "--endpoint", emulator.Endpoint.ToString(), "--token", emulator.Token,
            "--database", database, "--organization", emulator.RootOrganization, "--descendants",
        ];
        if (reset)
        {
            arguments.Add("--reset");
        }

        return DotnetProcess.Start(typeof(ChildSync).Assembly.Location, arguments);
    }

    /// <summary>Checks a store after a run; returns how many pages the run committed.</summary>
    private static int Check(
        StoreSnapshot snapshot,
        IReadOnlyDictionary<string, string> before,
        IReadOnlyDictionary<string, string> server,
        Dictionary<string, HashSet<string>> history,
        bool reset,
        int pageSize,
        string label,
        CrashLoopResult result)
    {
        if (!snapshot.IntegrityOk)
        {
            result.Violations.Add($"{label}: PRAGMA integrity_check says {snapshot.Integrity}");
        }

        if (snapshot.RowsDisagreeingWithTheirJson > 0)
        {
            result.Violations.Add($"{label}: {snapshot.RowsDisagreeingWithTheirJson} row(s) disagree with their own raw JSON");
        }

        var unknown = snapshot.Tasks.Where(t => !history.TryGetValue(t.Key, out var hashes) || !hashes.Contains(t.Value)).Take(3).ToList();
        if (unknown.Count > 0)
        {
            result.Violations.Add($"{label}: stored hashes the server never had for their task, e.g. {string.Join(", ", unknown.Select(u => $"{u.Key}={u.Value}"))}");
        }

        if (PageSequence.IsWholePages(before, snapshot.Tasks, server, pageSize, out var pages, out var problem))
        {
            return pages;
        }

        if (reset && PageSequence.IsWholePages(StoreSnapshot.Empty.Tasks, snapshot.Tasks, server, pageSize, out pages, out _))
        {
            return pages;
        }

        result.Violations.Add($"{label}: {problem}");
        return 0;
    }

    private static async Task ChangeServerAsync(
        ServerView server,
        string root,
        int run,
        Random random,
        CrashLoopOptions options,
        Dictionary<string, string> served,
        Dictionary<string, HashSet<string>> history,
        List<string> ids,
        CrashLoopResult result,
        CancellationToken cancellationToken)
    {
        // Enough edits for one to three pages, so that most syncs have pages to write when killed.
        var editCount = Math.Min(ids.Count, random.Next(options.PageSize / 2, (3 * options.PageSize) + 1));
        var chosen = new HashSet<string>(StringComparer.Ordinal);
        while (chosen.Count < editCount)
        {
            chosen.Add(ids[random.Next(ids.Count)]);
        }

        var changes = await server.EditAsync([.. chosen], $"crash loop run {run}", cancellationToken).ConfigureAwait(false);
        result.TasksEdited += changes.Count;
        if (random.NextDouble() < 0.3)
        {
            var created = await server.CreateAsync(root, random.Next(1, (options.PageSize / 4) + 2), $"Crash loop run {run} task", cancellationToken).ConfigureAwait(false);
            result.TasksCreated += created.Count;
            ids.AddRange(created.Keys);
            foreach (var task in created)
            {
                changes[task.Key] = task.Value;
            }
        }

        foreach (var (id, hash) in changes)
        {
            served[id] = hash;
            if (!history.TryGetValue(id, out var hashes))
            {
                history[id] = hashes = new HashSet<string>(StringComparer.Ordinal);
            }

            hashes.Add(hash);
        }
    }

    private static async Task FinalSyncAsync(
        EmulatorProcess emulator,
        ServerView server,
        string database,
        string root,
        Dictionary<string, string> served,
        CrashLoopResult result,
        CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await using var child = StartChild(emulator, database, reset: false);
        if (!await child.WaitForExitAsync(TimeSpan.FromMinutes(15), cancellationToken).ConfigureAwait(false) || child.ExitCode != 0)
        {
            result.Violations.Add($"the final sync did not complete: {LastLines(child)} {child.Errors}");
            return;
        }

        result.FinalSyncDuration = clock.Elapsed;
        var snapshot = await StoreSnapshot.ReadAsync(database, root, includeDescendants: true, cancellationToken).ConfigureAwait(false);
        result.IntegrityChecks++;
        var now = await server.ReadScopeAsync(root, includeDescendants: true, cancellationToken).ConfigureAwait(false);
        if (!SameTasks(now, served))
        {
            result.Violations.Add("the harness lost track of the server's tasks (its own reading differs from its record of the edits)");
        }

        result.FinalTaskCount = snapshot.Tasks.Count;
        result.FinalSyncConverged = snapshot.IntegrityOk && SameTasks(snapshot.Tasks, now);
        if (!result.FinalSyncConverged)
        {
            result.Violations.Add($"after the final sync the store holds {snapshot.Tasks.Count:N0} tasks (integrity {snapshot.Integrity}), the server {now.Count:N0}, and they differ");
        }
    }

    private static bool SameTasks(IReadOnlyDictionary<string, string> a, Dictionary<string, string> b) =>
        a.Count == b.Count && a.All(t => b.TryGetValue(t.Key, out var hash) && hash == t.Value);

    private static string LastLines(DotnetProcess child) =>
        string.Join(" | ", child.Lines.TakeLast(3).Select(l => l.Text));

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS temp cleanup.
        }
    }

    /// <summary>How long a sync takes to its first page and from page to page, learned from the runs so far.</summary>
    private sealed class RunEstimate
    {
        private TimeSpan _firstPage = TimeSpan.FromSeconds(2.5);
        private TimeSpan _perPage = TimeSpan.FromMilliseconds(300);

        public TimeSpan Budget(int pages) => _firstPage + (_perPage * (pages - 1)) + TimeSpan.FromMilliseconds(200);

        public void Learn(IReadOnlyList<ChildLine> lines)
        {
            var pageTimes = lines.Where(l => ChildOutput.Parse(l.Text)?.Kind == ChildOutput.Page).Select(l => l.Received).ToList();
            if (pageTimes.Count == 0)
            {
                return;
            }

            _firstPage = (_firstPage + pageTimes[0]) / 2;
            if (pageTimes.Count > 1)
            {
                _perPage = (_perPage + ((pageTimes[^1] - pageTimes[0]) / (pageTimes.Count - 1))) / 2;
            }
        }
    }
}
