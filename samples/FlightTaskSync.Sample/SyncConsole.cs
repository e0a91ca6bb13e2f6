using FlightTaskSync.Client;
using Spectre.Console;

namespace FlightTaskSync.Sample;

/// <summary>How the sample shows a sync: a live progress bar, then summary tables.</summary>
internal static class SyncConsole
{
    /// <summary>Runs one sync with a progress bar that moves with each committed page.</summary>
    public static async Task<SyncReport> SyncWithProgressAsync(IFlightTaskSyncClient sync, SyncScope scope, string title, CancellationToken cancellationToken)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive)
        {
            // Output redirected (a log, CI): one line per committed page instead of a live bar.
            var lines = new ImmediateProgress<SyncProgress>(p => AnsiConsole.WriteLine(p.Phase == SyncPhase.Pushing
                ? $"{title}: pushing, {p.Pushed:N0} of {p.EditsToPush:N0} edits accepted, {p.PushRejected:N0} rejected"
                : $"{title}: page {p.PageNumber} committed, {p.Upserted + p.Deleted:N0} tasks, {p.RemainingCount:N0} to go ({p.Fraction:P0})"));
            return await sync.SyncAsync(scope, lines, cancellationToken);
        }

        SyncReport? report = null;
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var bar = context.AddTask(title, maxValue: 1);
                var progress = new ImmediateProgress<SyncProgress>(p =>
                {
                    if (p.Phase == SyncPhase.Pushing)
                    {
                        bar.Description = $"{title}: pushing, {p.Pushed:N0} of {p.EditsToPush:N0} edits accepted";
                        return;
                    }

                    bar.MaxValue = Math.Max(1, p.Upserted + p.Deleted + p.RemainingCount);
                    bar.Value = p.Upserted + p.Deleted;
                    bar.Description = $"{title}: page {p.PageNumber}, {p.Upserted + p.Deleted:N0} tasks, {p.RemainingCount:N0} to go";
                });
                report = await sync.SyncAsync(scope, progress, cancellationToken);
                bar.Value = bar.MaxValue;
            });
        return report!;
    }

    /// <summary>Shows what a sync did and what the store holds now, by status.</summary>
    public static async Task ShowSummaryAsync(IFlightTaskStore store, SyncReport report, CancellationToken cancellationToken)
    {
        var summary = new Table().Border(TableBorder.Rounded).Title($"[bold]{Markup.Escape(report.Scope.ToString())}[/]");
        summary.AddColumn("What").AddColumn(new TableColumn("Value").RightAligned());
        summary.AddRow("Pages", $"{report.Pages:N0}");
        summary.AddRow("Tasks upserted", $"{report.Upserted:N0}");
        summary.AddRow("Tasks deleted", $"{report.Deleted:N0}");
        summary.AddRow("Tasks held", $"{report.TasksHeld:N0}");
        summary.AddRow("Retries", $"{report.Retries:N0}");
        summary.AddRow("Server-reported failures", $"{report.Failures.Count:N0}");
        summary.AddRow("Duration", $"{report.Duration.TotalSeconds:0.00} s");

        var byStatus = new Table().Border(TableBorder.Rounded).Title("[bold]Tasks by status[/]");
        byStatus.AddColumn("Status").AddColumn(new TableColumn("Tasks").RightAligned());
        foreach (var status in Enum.GetValues<FlightTaskStatus>())
        {
            var count = await store.CountAsync(report.Scope, new FlightTaskQuery { Status = status }, cancellationToken);
            if (count > 0)
            {
                byStatus.AddRow(status.ToString(), $"{count:N0}");
            }
        }

        AnsiConsole.Write(new Columns(summary, byStatus));
    }

    /// <summary>Lists tasks read from the store alone.</summary>
    public static void ShowTasks(string title, IReadOnlyList<FlightTask> tasks, int total)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"[bold]{Markup.Escape(title)}[/]");
        table.AddColumn("Name").AddColumn("Sentera id").AddColumn("Scheduled").AddColumn("Provider");
        foreach (var task in tasks)
        {
            table.AddRow(
                Markup.Escape(task.Name),
                Markup.Escape(task.SenteraId),
                task.ScheduledAt is { } scheduled ? $"{scheduled:yyyy-MM-dd}" : "-",
                task.Provider.ToString());
        }

        table.Caption($"{tasks.Count} of {total:N0} shown");
        AnsiConsole.Write(table);
    }

    /// <summary>Shows a scope's sync status the way a status bar would.</summary>
    public static void ShowStatus(string title, SyncStatus status)
    {
        var color = status.State switch
        {
            SyncState.Failed => "red",
            SyncState.Syncing or SyncState.Retrying => "yellow",
            SyncState.Idle => "green",
            _ => "grey",
        };
        var freshness = status.LastSucceededAt is { } at ? $"last synced {at:yyyy-MM-dd HH:mm:ss} UTC" : "never synced";
        var error = status.LastErrorKind == SyncErrorKind.None ? string.Empty : $", last error {status.LastErrorKind}";
        AnsiConsole.MarkupLine($"{Markup.Escape(title)}: [{color}]{status.State}[/], {status.TasksHeld:N0} tasks held, {freshness}{error}");
    }
}
