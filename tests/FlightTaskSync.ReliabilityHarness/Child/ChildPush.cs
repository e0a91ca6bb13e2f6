using System.Globalization;
using FlightTaskSync.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FlightTaskSync.ReliabilityHarness.Child;

/// <summary>
/// The child process of the push crash loop: an app that registers the SDK as README says, makes
/// a number of offline edits through <see cref="IFlightTaskEditor"/> (updates of notes, begins,
/// creates, deletes, chosen at random from what its reads show), then syncs once, which pushes
/// every pending edit and pulls. Each edit is reported twice: <c>attempt</c> before the call and
/// <c>edit</c> after it returned, so the parent knows which edits the SDK must never lose and
/// which may or may not have been queued when it was killed.
/// </summary>
internal static class ChildPush
{
    public const string Verb = "child-push";

    public const string Attempt = "attempt";
    public const string Edit = "edit";
    public const string Pushing = "pushing";
    public const string Rejected = "rejected";

    public const string Update = "update";
    public const string Begin = "begin";
    public const string Create = "create";
    public const string Delete = "delete";

    /// <summary>The prefix of every task name the child creates: the parent counts them on the server.</summary>
    public const string CreatedNamePrefix = "push-crash";

    public static async Task<int> RunAsync(HarnessArguments args)
    {
        var endpoint = new Uri(args.Text("endpoint"));
        var token = args.Text("token");
        var database = args.Text("database");
        var scope = new SyncScope(args.Text("organization"), args.Flag("descendants"));
        var run = args.Integer("run", 0);
        var edits = args.Integer("edits", 0);
        var seed = args.Integer("seed", 1);
        args.RejectUnknown();

        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(new LineLoggerProvider()).SetMinimumLevel(LogLevel.Information));
        services.AddFlightTaskSync(options =>
        {
            options.Endpoint = endpoint;
            options.DatabasePath = database;
            options.AccessTokenProvider = _ => Task.FromResult(token);
            options.RetryBaseDelay = TimeSpan.FromMilliseconds(20);
            options.MaxRetryDelay = TimeSpan.FromMilliseconds(200);
            options.MaxRetryAttempts = 2;
        });
        await using var provider = services.BuildServiceProvider();
        var sync = provider.GetRequiredService<IFlightTaskSyncClient>();
        var store = provider.GetRequiredService<IFlightTaskStore>();
        var editor = provider.GetRequiredService<IFlightTaskEditor>();
        ChildOutput.Write(ChildOutput.Started, Environment.ProcessId);

        try
        {
            var random = new Random(HashCode.Combine(seed, run));
            for (var n = 1; n <= edits; n++)
            {
                await MakeEditAsync(editor, store, scope, random, run, n).ConfigureAwait(false);
            }

            ChildOutput.Write(Pushing);
            var report = await sync.SyncAsync(scope).ConfigureAwait(false);
            foreach (var rejection in report.PushRejections)
            {
                ChildOutput.Write(Rejected, rejection.TaskId, rejection.ToString().ReplaceLineEndings(" "));
            }

            ChildOutput.Write(ChildOutput.Completed, report.Pages, report.Upserted, report.Deleted, report.TasksHeld, report.Retries, report.Pushed, report.PushRejections.Count, report.Conflicts.Count);
            return 0;
        }
        catch (FlightTaskSyncException exception)
        {
            ChildOutput.Write(ChildOutput.Failed, exception.GetType().Name, exception.Message.ReplaceLineEndings(" "));
            return 3;
        }
    }

    /// <summary>The marker an update writes into the notes: run and edit number, so the parent can order them.</summary>
    public static string Marker(int run, int edit) => string.Create(CultureInfo.InvariantCulture, $"r{run:D4}e{edit:D4}");

    /// <summary>
    /// The marker a created task's name carries ("-" for any other task): with it the parent knows
    /// which created task an edit was made to, under its local id or its sentera id.
    /// </summary>
    public static string CreatedAs(FlightTask task) =>
        task.Name.StartsWith(CreatedNamePrefix + " ", StringComparison.Ordinal) ? task.Name[(CreatedNamePrefix.Length + 1)..] : "-";

    private static async Task MakeEditAsync(IFlightTaskEditor editor, IFlightTaskStore store, SyncScope scope, Random random, int run, int n)
    {
        var tasks = await store.ListAsync(scope, new FlightTaskQuery { Take = int.MaxValue }).ConfigureAwait(false);
        var pulled = tasks.Where(t => !t.SenteraId.StartsWith("local-", StringComparison.Ordinal)).ToList();
        var open = pulled.Where(t => t.Status == FlightTaskStatus.Open).ToList();
        var roll = random.NextDouble();
        var marker = Marker(run, n);

        // Each line: attempt|edit, the kind, the task's id, this edit's marker, the created task's marker.
        if (roll < 0.15 || pulled.Count < 10)
        {
            ChildOutput.Write(Attempt, Create, "-", marker, marker);
            var created = await editor.CreateAsync(scope, new NewFlightTask { Name = $"{CreatedNamePrefix} {marker}", OrganizationSenteraId = scope.OrganizationSenteraId, Notes = marker }).ConfigureAwait(false);
            ChildOutput.Write(Edit, Create, created.SenteraId, marker, marker);
        }
        else if (roll < 0.30 && open.Count > 0)
        {
            var task = open[random.Next(open.Count)];
            ChildOutput.Write(Attempt, Begin, task.SenteraId, marker, CreatedAs(task));
            await editor.BeginAsync(scope, task.SenteraId).ConfigureAwait(false);
            ChildOutput.Write(Edit, Begin, task.SenteraId, marker, CreatedAs(task));
        }
        else if (roll < 0.38)
        {
            var task = pulled[random.Next(pulled.Count)];
            ChildOutput.Write(Attempt, Delete, task.SenteraId, marker, CreatedAs(task));
            await editor.DeleteAsync(scope, task.SenteraId).ConfigureAwait(false);
            ChildOutput.Write(Edit, Delete, task.SenteraId, marker, CreatedAs(task));
        }
        else
        {
            // Updates of tasks created offline and of pulled ones alike.
            var task = tasks[random.Next(tasks.Count)];
            ChildOutput.Write(Attempt, Update, task.SenteraId, marker, CreatedAs(task));
            await editor.UpdateAsync(scope, task.SenteraId, new FlightTaskChanges { Notes = marker }).ConfigureAwait(false);
            ChildOutput.Write(Edit, Update, task.SenteraId, marker, CreatedAs(task));
        }
    }
}
