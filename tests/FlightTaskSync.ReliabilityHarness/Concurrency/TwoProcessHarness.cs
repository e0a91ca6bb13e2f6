using FlightTaskSync.Emulator;
using FlightTaskSync.ReliabilityHarness.Child;
using FlightTaskSync.ReliabilityHarness.CrashLoop;
using FlightTaskSync.ReliabilityHarness.Processes;

namespace FlightTaskSync.ReliabilityHarness.Concurrency;

/// <summary>
/// Two processes syncing one database. Same scope: the first child is held at its second page
/// (the emulator waits before answering) until the second child says it is waiting for the
/// scope's lock, so the two really race; both must finish, one after the other. Two scopes: two
/// children sync different organizations at once; both must finish with their stores complete.
/// </summary>
internal static class TwoProcessHarness
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(2);

    public static async Task<TwoProcessResult> RunAsync(int tasks, int pageSize, CancellationToken cancellationToken)
    {
        var result = new TwoProcessResult { Tasks = tasks };
        using var gate = new ManualResetEventSlim(initialState: false);
        await using var emulator = await FieldAgentEmulator.StartAsync(
            new EmulatorOptions { TaskCount = tasks, PageSize = pageSize, OrganizationCount = 2, ChildrenPerOrganization = 2 }, cancellationToken).ConfigureAwait(false);
        var rootA = emulator.OrganizationIds[0];
        var rootB = emulator.OrganizationIds[3];
        var folder = Path.Combine(Path.GetTempPath(), "flighttasksync-two-processes", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            await SameScopeAsync(emulator, gate, Path.Combine(folder, "same-scope.db"), rootA, result, cancellationToken).ConfigureAwait(false);
            await TwoScopesAsync(emulator, Path.Combine(folder, "two-scopes.db"), rootA, rootB, result, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
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

    private static async Task SameScopeAsync(FieldAgentEmulator emulator, ManualResetEventSlim gate, string database, string root, TwoProcessResult result, CancellationToken cancellationToken)
    {
        var first = 0;
        emulator.OnRequest = request =>
        {
            // The first sync's second page waits (at most a minute) until the second sync is waiting for the lock.
            if (request == 2 && Interlocked.Exchange(ref first, 1) == 0)
            {
                gate.Wait(TimeSpan.FromMinutes(1));
            }
        };

        await using var a = StartChild(emulator, database, root);
        if (await a.WaitForLineAsync(IsPage, StepTimeout, cancellationToken).ConfigureAwait(false) is null)
        {
            result.Violations.Add($"the first sync committed no page: {a.Errors}");
        }

        await using var b = StartChild(emulator, database, root);
        var waiting = await b.WaitForLineAsync(IsWaiting, StepTimeout, cancellationToken).ConfigureAwait(false);
        gate.Set();
        await a.WaitForExitAsync(StepTimeout * 2, cancellationToken).ConfigureAwait(false);
        await b.WaitForExitAsync(StepTimeout * 2, cancellationToken).ConfigureAwait(false);
        emulator.OnRequest = null;

        result.SameScopeFirst = ProcessRace.From("first", a);
        result.SameScopeSecond = ProcessRace.From("second", b);
        if (waiting is null)
        {
            result.Violations.Add("the second sync of the scope did not wait for the first");
        }

        if (!result.SameScopeFirst.Completed || !result.SameScopeSecond.Completed)
        {
            result.Violations.Add("a sync of the same scope did not complete");
        }
        else if (!result.SameScopeFirst.AllPagesBefore(result.SameScopeSecond))
        {
            result.Violations.Add("the two syncs of one scope interleaved their pages");
        }

        result.SameScopeConverged = await ConvergedAsync(emulator, database, root, result, cancellationToken).ConfigureAwait(false);
    }

    private static async Task TwoScopesAsync(FieldAgentEmulator emulator, string database, string rootA, string rootB, TwoProcessResult result, CancellationToken cancellationToken)
    {
        await using var a = StartChild(emulator, database, rootA);
        await using var b = StartChild(emulator, database, rootB);
        await a.WaitForExitAsync(StepTimeout * 2, cancellationToken).ConfigureAwait(false);
        await b.WaitForExitAsync(StepTimeout * 2, cancellationToken).ConfigureAwait(false);
        result.ScopeA = ProcessRace.From("scope A", a);
        result.ScopeB = ProcessRace.From("scope B", b);
        if (!result.ScopeA.Completed || !result.ScopeB.Completed)
        {
            result.Violations.Add("a sync of one of two scopes did not complete");
        }

        result.TwoScopesConverged = await ConvergedAsync(emulator, database, rootA, result, cancellationToken).ConfigureAwait(false)
            & await ConvergedAsync(emulator, database, rootB, result, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<bool> ConvergedAsync(FieldAgentEmulator emulator, string database, string root, TwoProcessResult result, CancellationToken cancellationToken)
    {
        var snapshot = await StoreSnapshot.ReadAsync(database, root, includeDescendants: true, cancellationToken).ConfigureAwait(false);
        var served = emulator.Data.TasksOf(root, includeDescendants: true);
        var equal = snapshot.IntegrityOk && snapshot.Tasks.Count == served.Count && snapshot.Tasks.All(t => served.TryGetValue(t.Key, out var h) && h == t.Value);
        if (!equal)
        {
            result.Violations.Add($"the store of {root} (integrity {snapshot.Integrity}, {snapshot.Tasks.Count} tasks) does not equal the server ({served.Count} tasks)");
        }

        return equal;
    }

    private static DotnetProcess StartChild(FieldAgentEmulator emulator, string database, string organization) =>
        DotnetProcess.Start(
            typeof(ChildSync).Assembly.Location,
            [ChildSync.Verb, "--endpoint", emulator.Endpoint.ToString(), "--token", emulator.AccessToken, "--database", database, "--organization", organization, "--descendants"]);

    private static bool IsPage(string line) => ChildOutput.Parse(line)?.Kind == ChildOutput.Page;

    private static bool IsWaiting(string line) =>
        ChildOutput.Parse(line) is { Kind: ChildOutput.Log } e && e.Values.Length > 0 && e.Values[0] == "1007";
}
