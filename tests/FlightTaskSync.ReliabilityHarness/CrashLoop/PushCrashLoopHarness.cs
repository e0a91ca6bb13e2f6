using System.Diagnostics;
using System.Globalization;
using FlightTaskSync.Client;
using FlightTaskSync.ReliabilityHarness.Child;
using FlightTaskSync.ReliabilityHarness.Processes;
using FlightTaskSync.ReliabilityHarness.Server;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace FlightTaskSync.ReliabilityHarness.CrashLoop;

/// <summary>
/// Kills an app that edits offline and pushes, again and again. The emulator runs in a process of
/// its own and drops the answer of a share of mutation requests after applying them (as a
/// connection lost at the worst moment would). Each run starts a child (<see cref="ChildPush"/>)
/// that makes offline edits through <see cref="IFlightTaskEditor"/> and then syncs; the harness
/// kills it with SIGKILL between two edit calls, or while its sync pulls, pushes and pulls again
/// (a random part of the time such a sync takes, learned from the runs that finished). Every few
/// runs one is left to finish. Between runs the office renames some tasks on the server, so
/// pushes meet conflicts. After every run <c>PRAGMA integrity_check</c> must say ok. At the end
/// syncs run until nothing is pending, and the harness checks, from the server's own state and
/// the child's reports: every create reached the server exactly once (never twice, and once
/// unless it was deleted afterwards), every edit call that returned has its effect (the last
/// notes written win, a begun task is not open, a deleted task is gone), nothing is rejected or
/// left pending, the office's renames survived (only the fields an edit changed are sent), and
/// the store equals the server.
/// </summary>
internal static class PushCrashLoopHarness
{
    public const string Verb = "push-crash-loop";

    private static readonly TimeSpan ChildTimeout = TimeSpan.FromMinutes(5);

    public static async Task<PushCrashLoopResult> RunAsync(PushCrashLoopOptions options, CancellationToken cancellationToken)
    {
        var result = new PushCrashLoopResult { Options = options };
        var clock = Stopwatch.StartNew();
        var random = new Random(options.Seed);
        var ownsFolder = options.WorkFolder is null;
        var folder = options.WorkFolder ?? Path.Combine(Path.GetTempPath(), "flighttasksync-push-crash-loop", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var database = Path.Combine(folder, "flighttasks.db");

        options.Log($"starting the emulator process with {options.Tasks:N0} tasks, dropping {options.DroppedAnswerShare:P0} of mutation answers");
        await using var emulator = await EmulatorProcess.StartAsync(
            options.Tasks, options.PageSize, options.Seed, cancellationToken,
            "--drop-mutation-answers", options.DroppedAnswerShare.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
        using var server = new ServerView(emulator.Endpoint, emulator.Token);
        var seeded = (await server.ReadScopeAsync(emulator.RootOrganization, includeDescendants: true, cancellationToken).ConfigureAwait(false)).Keys.ToList();
        var ledger = new EditLedger();
        var officeNames = new Dictionary<string, string>(StringComparer.Ordinal);

        // The first sync pulls every task; it is never killed.
        if (!await RunToEndAsync(emulator, database, run: 0, edits: 0, options.Seed, ledger, result, "the first sync", cancellationToken).ConfigureAwait(false))
        {
            return Finish(result, clock, folder, ownsFolder);
        }

        var syncTime = TimeSpan.FromMilliseconds(500);
        var maxRuns = (options.Kills * 3) + 10;
        for (var run = 1; result.Kills < options.Kills && run <= maxRuns; run++)
        {
            await OfficeRenamesAsync(server, emulator.RootOrganization, seeded, run, random, options, officeNames, result, cancellationToken).ConfigureAwait(false);
            var label = string.Create(CultureInfo.InvariantCulture, $"run {run}");
            if (options.FinishEvery > 0 && run % options.FinishEvery == 0)
            {
                if (await RunToEndAsync(emulator, database, run, options.EditsPerRun, options.Seed, ledger, result, label, cancellationToken).ConfigureAwait(false) is false)
                {
                    continue;
                }

                syncTime = Learn(syncTime, ledger.LastSyncTime);
                await CheckIntegrityAsync(database, label, result, cancellationToken).ConfigureAwait(false);
                continue;
            }

            await using (var child = StartChild(emulator, database, run, options.EditsPerRun, options.Seed))
            {
                var duringEdits = random.NextDouble() < options.KillsDuringEditsShare;
                var aim = random.Next(1, options.EditsPerRun + 1);
                var marker = ChildPush.Marker(run, aim);
                var report = await child.WaitForLineAsync(
                    text => duringEdits ? IsEditReport(text, marker) : ChildOutput.Parse(text)?.Kind == ChildPush.Pushing,
                    ChildTimeout,
                    cancellationToken).ConfigureAwait(false);
                var delay = duringEdits
                    ? TimeSpan.FromMilliseconds(random.NextDouble() * 3)
                    : syncTime * (random.NextDouble() * 1.2);
                var killed = false;
                if (report is not null && !await child.WaitForExitAsync(delay, cancellationToken).ConfigureAwait(false))
                {
                    await child.KillAsync().ConfigureAwait(false);
                    killed = true;
                    result.Kills++;
                    result.KillDelaysMs.Add(delay.TotalMilliseconds);
                    if (duringEdits)
                    {
                        result.KillsDuringEdits++;
                    }
                    else
                    {
                        result.KillsDuringSync++;
                    }
                }
                else if (report is null && !child.HasExited)
                {
                    await child.KillAsync().ConfigureAwait(false);
                    result.Violations.Add($"{label}: the child neither reported what the kill was aimed at nor exited within {ChildTimeout.TotalMinutes:F0} minutes");
                }

                await child.WaitForExitAsync(TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);
                ledger.Read(run, child.Lines, result);
                if (!killed)
                {
                    result.RunsFinished++;
                    CheckFinished(child, label, result);
                    syncTime = Learn(syncTime, ledger.LastSyncTime);
                }

                options.Log($"{label}: {(killed ? $"killed {delay.TotalMilliseconds:F0} ms after {(duringEdits ? $"edit {aim}" : "the sync started")}" : "finished")}; {ledger.Confirmed} edits returned so far");
            }

            await CheckIntegrityAsync(database, label, result, cancellationToken).ConfigureAwait(false);
        }

        await FinalCheckAsync(emulator, server, database, ledger, officeNames, options, result, cancellationToken).ConfigureAwait(false);
        return Finish(result, clock, folder, ownsFolder);
    }

    private static PushCrashLoopResult Finish(PushCrashLoopResult result, Stopwatch clock, string folder, bool ownsFolder)
    {
        result.Duration = clock.Elapsed;
        if (ownsFolder)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Left for the OS temp cleanup.
            }
        }

        return result;
    }

    private static TimeSpan Learn(TimeSpan current, TimeSpan? measured) =>
        measured is { } time && time > TimeSpan.Zero ? TimeSpan.FromTicks((current.Ticks + time.Ticks) / 2) : current;

    private static bool IsEditReport(string text, string marker) =>
        ChildOutput.Parse(text) is { } line && line.Kind == ChildPush.Edit && line.Values.Length >= 3 && line.Values[2] == marker;

    private static DotnetProcess StartChild(EmulatorProcess emulator, string database, int run, int edits, int seed) =>
        DotnetProcess.Start(typeof(ChildPush).Assembly.Location,
        [
            ChildPush.Verb, "--endpoint", emulator.Endpoint.ToString(), "--token", emulator.Token,
            "--database", database, "--organization", emulator.RootOrganization, "--descendants",
            "--run", Invariant(run), "--edits", Invariant(edits), "--seed", Invariant(seed),
        ]);

    /// <summary>Runs a child to its end; false (with a violation) when it failed or hung.</summary>
    private static async Task<bool> RunToEndAsync(EmulatorProcess emulator, string database, int run, int edits, int seed, EditLedger ledger, PushCrashLoopResult result, string label, CancellationToken cancellationToken)
    {
        await using var child = StartChild(emulator, database, run, edits, seed);
        if (!await child.WaitForExitAsync(ChildTimeout, cancellationToken).ConfigureAwait(false))
        {
            await child.KillAsync().ConfigureAwait(false);
            result.Violations.Add($"{label}: the child did not finish within {ChildTimeout.TotalMinutes:F0} minutes");
            ledger.Read(run, child.Lines, result);
            return false;
        }

        ledger.Read(run, child.Lines, result);
        result.RunsFinished++;
        return CheckFinished(child, label, result);
    }

    private static bool CheckFinished(DotnetProcess child, string label, PushCrashLoopResult result)
    {
        var completed = child.Lines.Select(l => ChildOutput.Parse(l.Text)).FirstOrDefault(l => l?.Kind == ChildOutput.Completed);
        if (child.ExitCode == 0 && completed is { } line && line.Values.Length >= 8)
        {
            result.PushedReported += int.Parse(line.Values[5], CultureInfo.InvariantCulture);
            result.ConflictsReported += int.Parse(line.Values[7], CultureInfo.InvariantCulture);
            return true;
        }

        // A sync that fails because an answer was dropped more times than it retries is allowed; any other end is not.
        var failed = child.Lines.Select(l => ChildOutput.Parse(l.Text)).FirstOrDefault(l => l?.Kind == ChildOutput.Failed);
        if (child.ExitCode == 3 && failed is { } failure && failure.Values.Length > 0 && failure.Values[0] == "FlightTaskSyncUnavailableException")
        {
            return true;
        }

        result.Violations.Add($"{label}: the child exited with {child.ExitCode}: {string.Join(" | ", child.Lines.TakeLast(3).Select(l => l.Text))} {child.Errors}");
        return false;
    }

    private static async Task OfficeRenamesAsync(ServerView server, string root, List<string> seeded, int run, Random random, PushCrashLoopOptions options, Dictionary<string, string> officeNames, PushCrashLoopResult result, CancellationToken cancellationToken)
    {
        // Only tasks the server still has (the app's pushes delete some).
        var living = await server.ReadScopeAsync(root, includeDescendants: true, cancellationToken).ConfigureAwait(false);
        var candidates = seeded.Where(living.ContainsKey).ToList();
        if (candidates.Count == 0)
        {
            return;
        }

        var chosen = Enumerable.Range(0, options.OfficeRenamesPerRun).Select(_ => candidates[random.Next(candidates.Count)]).Distinct(StringComparer.Ordinal).ToList();
        var name = string.Create(CultureInfo.InvariantCulture, $"office rename {run}");
        await server.RenameAsync(chosen, name, cancellationToken).ConfigureAwait(false);
        foreach (var id in chosen)
        {
            officeNames[id] = name;
        }

        result.OfficeRenames += chosen.Count;
    }

    private static async Task CheckIntegrityAsync(string database, string label, PushCrashLoopResult result, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA integrity_check;";
            var answer = Convert.ToString(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
            result.IntegrityChecks++;
            if (answer != "ok")
            {
                result.Violations.Add($"{label}: PRAGMA integrity_check says {answer}");
            }
        }
    }

    private static async Task FinalCheckAsync(
        EmulatorProcess emulator,
        ServerView server,
        string database,
        EditLedger ledger,
        Dictionary<string, string> officeNames,
        PushCrashLoopOptions options,
        PushCrashLoopResult result,
        CancellationToken cancellationToken)
    {
        var scope = new SyncScope(emulator.RootOrganization, true);
        var services = new ServiceCollection();
        services.AddFlightTaskSync(o =>
        {
            o.Endpoint = emulator.Endpoint;
            o.DatabasePath = database;
            o.AccessTokenProvider = _ => Task.FromResult(emulator.Token);
        });
        await using var provider = services.BuildServiceProvider();
        var editor = provider.GetRequiredService<IFlightTaskEditor>();
        var store = provider.GetRequiredService<IFlightTaskStore>();

        // Syncs (in children, as the app would) until nothing is pending: a dropped answer leaves its
        // edit in doubt for the next sync to settle.
        IReadOnlyList<PendingEdit> edits = [];
        for (var attempt = 1; attempt <= 10; attempt++)
        {
            result.FinalSyncs++;
            var finished = await RunToEndAsync(emulator, database, run: 0, edits: 0, options.Seed, ledger, result, $"final sync {attempt}", cancellationToken).ConfigureAwait(false);
            edits = await editor.ListPendingAsync(scope, cancellationToken).ConfigureAwait(false);
            if (finished && edits.All(e => e.State != PendingEditState.Pending))
            {
                break;
            }
        }

        foreach (var edit in edits)
        {
            result.Violations.Add(edit.State == PendingEditState.Pending
                ? $"edit {edit.Id} ({edit.Kind} of {edit.TaskId}) is still pending after {result.FinalSyncs} final syncs"
                : $"edit {edit.Id} ({edit.Kind} of {edit.TaskId}) was rejected: {string.Join("; ", edit.Errors.Select(e => $"{e.Attribute} {e.Key}: {e.Message}"))}");
        }

        var served = await server.ReadTasksAsync(emulator.RootOrganization, includeDescendants: true, cancellationToken).ConfigureAwait(false);
        result.FinalServerTasks = served.Count;
        ledger.Check(served, officeNames, result);

        var stored = await store.ListAsync(scope, new FlightTaskQuery { Take = int.MaxValue }, cancellationToken).ConfigureAwait(false);
        var storeEqualsServer = stored.Count == served.Count
            && stored.All(t => served.TryGetValue(t.SenteraId, out var s) && s.ContentHash == t.ContentHash && !t.HasPendingEdits);
        if (!storeEqualsServer)
        {
            var extra = stored.Where(t => !served.ContainsKey(t.SenteraId)).Take(3).Select(t => t.SenteraId);
            var missing = served.Keys.Where(id => stored.All(t => t.SenteraId != id)).Take(3);
            result.Violations.Add($"after the final syncs the store ({stored.Count} tasks) does not equal the server ({served.Count}): e.g. only in the store [{string.Join(", ", extra)}], only on the server [{string.Join(", ", missing)}]");
        }

        result.Converged = storeEqualsServer && edits.Count == 0;
        await CheckIntegrityAsync(database, "the end", result, cancellationToken).ConfigureAwait(false);
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
