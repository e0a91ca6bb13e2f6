using System.Diagnostics;
using System.Globalization;
using FlightTaskSync.ReliabilityHarness.Child;
using FlightTaskSync.ReliabilityHarness.Processes;
using FlightTaskSync.ReliabilityHarness.Server;

namespace FlightTaskSync.ReliabilityHarness.CrashLoop;

/// <summary>
/// Kills a sync again and again. The emulator runs in a process of its own; each sync runs in a
/// child process (<see cref="ChildSync"/>) that is killed with SIGKILL at a point chosen from the
/// child's own reports: the harness aims each kill at a page k of the sync (k = 0, before the
/// first page, for every <see cref="CrashLoopOptions.BeforeFirstPageEvery"/>-th kill; otherwise k
/// at random among the pages the sync has to write, short of its last), waits for the child's
/// report that page k is committed (for k = 0 its start line), then kills it after a random part
/// of the time one page takes, as the child's reports show it. Between runs the harness edits and
/// creates tasks on the server through its API, and now and then a run resets the scope first, so
/// kills keep landing in the middle of real page writes. After every run the database is checked:
/// <c>PRAGMA integrity_check</c> is ok, every row agrees with its raw JSON, every stored hash is
/// one the server had for that task, and the store is what it was plus a whole number of the
/// server's pages. At the end one last sync must bring the store level with the server.
/// </summary>
internal static class CrashLoopHarness
{
    public const string Verb = "crash-loop";

    /// <summary>How long the harness waits for the report a kill is aimed at before it gives up and kills.</summary>
    private static readonly TimeSpan ReportTimeout = TimeSpan.FromMinutes(10);

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
        var timing = new ReportTiming();

        var maxRuns = (options.Kills * 5) + 10;
        for (var run = 1; result.Kills < options.Kills; run++)
        {
            if (run > maxRuns)
            {
                result.Violations.Add($"only {result.Kills} kills in {maxRuns} runs: the syncs keep finishing before their kill point");
                break;
            }

            if (run > 1)
            {
                await ChangeServerAsync(server, root, run, random, options, served, history, ids, result, cancellationToken).ConfigureAwait(false);
            }

            var reset = run > 1 && random.NextDouble() < options.ResetShare;
            var changed = reset ? served.Count : PageSequence.Changed(held, served).Count;
            var pages = Math.Max(1, (changed + options.PageSize - 1) / options.PageSize);
            var beforeFirstPage = pages < 2 || (options.BeforeFirstPageEvery > 0 && result.Kills % options.BeforeFirstPageEvery == options.BeforeFirstPageEvery - 1);
            var aim = beforeFirstPage ? 0 : random.Next(1, pages);
            var fraction = random.NextDouble();

            await using var child = StartChild(emulator, database, reset);
            var kill = await KillAfterReportAsync(child, aim, fraction, timing, cancellationToken).ConfigureAwait(false);
            timing.Learn(child.Lines);
            var snapshot = await StoreSnapshot.ReadAsync(database, root, includeDescendants: true, cancellationToken).ConfigureAwait(false);
            result.IntegrityChecks++;
            result.ResetSyncs += reset ? 1 : 0;
            var killedAt = kill is null ? "finished" : string.Create(CultureInfo.InvariantCulture, $"killed {kill.Delay.TotalMilliseconds:F0} ms after {(aim == 0 ? "its start line" : $"its report of page {aim}")}");
            var label = string.Create(CultureInfo.InvariantCulture, $"run {run} ({killedAt}{(reset ? ", reset first" : string.Empty)})");
            var pagesCommitted = Check(snapshot, held, served, history, reset, options.PageSize, label, result);
            if (kill is { ReportMissing: true })
            {
                result.Violations.Add($"{label}: the child neither reported page {aim} nor exited within {ReportTimeout.TotalMinutes:F0} minutes");
            }

            if (kill is null)
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
                result.KillAims.Add(aim);
                result.KillDelaysMs.Add(kill.Delay.TotalMilliseconds);
                var reported = child.Lines.Count(l => ChildOutput.Parse(l.Text)?.Kind == ChildOutput.Page);
                if (pagesCommitted == 0)
                {
                    result.KillsBeforeAnyCommit++;
                }
                else if (SameTasks(snapshot.Tasks, served))
                {
                    // Every page of the sync was in; only its end (and the exit) was left.
                    result.KillsAfterLastPage++;
                }
                else
                {
                    result.KillsMidSync++;
                    result.PagesCommittedBeforeKill.Add(pagesCommitted);
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

    /// <summary>
    /// Waits for the child's report that page <paramref name="aim"/> is committed (for 0, its start
    /// line), then for <paramref name="fraction"/> of the time one page takes, and kills it. Null
    /// if the child exits first: the sync finished (or failed) before the kill point.
    /// </summary>
    private static async Task<KillPoint?> KillAfterReportAsync(DotnetProcess child, int aim, double fraction, ReportTiming timing, CancellationToken cancellationToken)
    {
        var report = await child.WaitForLineAsync(text => IsAimedReport(text, aim), ReportTimeout, cancellationToken).ConfigureAwait(false);
        if (report is null)
        {
            if (await child.WaitForExitAsync(TimeSpan.Zero, cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            await child.KillAsync().ConfigureAwait(false);
            return new KillPoint(TimeSpan.Zero, ReportMissing: true);
        }

        var delay = timing.Window(aim, child.Lines) * fraction;
        if (await child.WaitForExitAsync(delay, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        await child.KillAsync().ConfigureAwait(false);
        return new KillPoint(delay, ReportMissing: false);
    }

    private static bool IsAimedReport(string text, int aim) =>
        ChildOutput.Parse(text) is { } line && (aim == 0
            ? line.Kind == ChildOutput.Started
            : line.Kind == ChildOutput.Page && line.Values.Length > 0 && line.Values[0] == aim.ToString(CultureInfo.InvariantCulture));

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

    /// <summary>Where a kill landed: how long after the report it was aimed at.</summary>
    /// <param name="Delay">The time from the report to the kill.</param>
    /// <param name="ReportMissing">Whether the child was killed because the report never came.</param>
    private sealed record KillPoint(TimeSpan Delay, bool ReportMissing);

    /// <summary>
    /// How long the child takes from its start line to its first page report, and from one page
    /// report to the next, by the times on the child's own lines. Zero until a run has shown it.
    /// </summary>
    private sealed class ReportTiming
    {
        private TimeSpan _toFirstPage;
        private TimeSpan _betweenPages;

        /// <summary>The time after the report aimed at in which the kill lands: about one page's time.</summary>
        public TimeSpan Window(int aim, IReadOnlyList<ChildLine> lines)
        {
            if (aim == 0)
            {
                return _toFirstPage;
            }

            // The run's own time from the page before to the page aimed at, when there is one.
            var (_, pages) = Times(lines);
            return aim >= 2 && pages.TryGetValue(aim, out var at) && pages.TryGetValue(aim - 1, out var before)
                ? Positive(at - before)
                : _betweenPages;
        }

        public void Learn(IReadOnlyList<ChildLine> lines)
        {
            var (started, pages) = Times(lines);
            if (started is { } start && pages.TryGetValue(1, out var first))
            {
                _toFirstPage = Positive(first - start);
            }

            if (pages.Count > 1)
            {
                _betweenPages = Positive((pages.Values.Max() - pages.Values.Min()) / (pages.Count - 1));
            }
        }

        private static (DateTime? Started, Dictionary<int, DateTime> Pages) Times(IReadOnlyList<ChildLine> lines)
        {
            DateTime? started = null;
            var pages = new Dictionary<int, DateTime>();
            foreach (var line in lines)
            {
                switch (ChildOutput.Parse(line.Text))
                {
                    case { Kind: ChildOutput.Started } report:
                        started = report.At;
                        break;
                    case { Kind: ChildOutput.Page, Values: [var number, ..] } report when int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var page):
                        pages[page] = report.At;
                        break;
                }
            }

            return (started, pages);
        }

        private static TimeSpan Positive(TimeSpan span) => span > TimeSpan.Zero ? span : TimeSpan.Zero;
    }
}
