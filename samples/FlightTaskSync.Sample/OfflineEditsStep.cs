using FlightTaskSync.Client;
using FlightTaskSync.Emulator;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace FlightTaskSync.Sample;

/// <summary>
/// Step 4 of the sample: a pilot edits tasks with no network, the office edits one of the same
/// tasks on the server, then the network comes back and one sync pushes the edits and pulls.
/// </summary>
internal static class OfflineEditsStep
{
    /// <summary>A field id the server does not know: the server rejects the edit that sets it.</summary>
    private const string UnknownFieldId = "nosuch0_AS_field_the_server_does_not_know";

    /// <summary>Runs the step; the emulator must be cut off (the "network is gone" faults) when it starts.</summary>
    public static async Task RunAsync(FieldAgentEmulator emulator, IServiceProvider provider, SyncScope scope, CancellationToken cancellationToken)
    {
        AnsiConsole.Write(new Rule("[bold]4. Editing offline, then one sync pushes and pulls[/]").LeftJustified());
        var sync = provider.GetRequiredService<IFlightTaskSyncClient>();
        var store = provider.GetRequiredService<IFlightTaskStore>();
        var edits = provider.GetRequiredService<IFlightTaskEditor>();

        var open = await store.ListAsync(scope, new FlightTaskQuery { Status = FlightTaskStatus.Open, OrderBy = FlightTaskOrder.Name, Take = 4 }, cancellationToken);
        if (open.Count < 4)
        {
            AnsiConsole.MarkupLine("[yellow]Fewer than four open tasks are held: the offline edits step is skipped.[/]");
            return;
        }

        // Still offline: every call below is one local transaction and returns at once.
        var (toBegin, toComplete, toMove, toDelete) = (open[0], open[1], open[2], open[3]);
        var fieldId = emulator.Data.FieldIdsOf(scope.OrganizationSenteraId)[0];
        await edits.BeginAsync(scope, toBegin.SenteraId, cancellationToken);
        await edits.UpdateAsync(scope, toComplete.SenteraId, new FlightTaskChanges { CompletedAt = DateTimeOffset.UtcNow, Notes = "Creek corner flooded, flew the rest" }, cancellationToken);
        await edits.UpdateAsync(scope, toMove.SenteraId, new FlightTaskChanges { FieldSenteraId = UnknownFieldId }, cancellationToken);
        var created = await edits.CreateAsync(scope, new NewFlightTask { Name = "Replant check", OrganizationSenteraId = scope.OrganizationSenteraId, FieldSenteraId = fieldId }, cancellationToken);
        await edits.DeleteAsync(scope, toDelete.SenteraId, cancellationToken);

        var tracked = new List<(string Edit, string Id)>
        {
            ("Begin", toBegin.SenteraId),
            ("Complete + note", toComplete.SenteraId),
            ("Move to an unknown field", toMove.SenteraId),
            ("Create", created.SenteraId),
            ("Delete", toDelete.SenteraId),
        };
        await ShowTrackedAsync(store, scope, "Read back at once, still offline", tracked, cancellationToken);
        var pending = await edits.ListPendingAsync(scope, cancellationToken);
        AnsiConsole.MarkupLine($"{pending.Count} edits wait in the outbox: {Markup.Escape(string.Join(", ", pending.Select(p => p.Kind)))}.");

        // Meanwhile the office changes the task the pilot completed: new notes and a new schedule.
        emulator.Data.Update(toComplete.SenteraId, t => t with { Notes = "Office: also take NDVI", ScheduledAt = (t.ScheduledAt ?? DateTimeOffset.UtcNow).AddDays(1) });
        AnsiConsole.MarkupLine($"The office changed the notes and schedule of [blue]{Markup.Escape(toComplete.Name)}[/] on the server.");

        // The created task's local id is replaced by the server's: Changed says which became which.
        var replaced = new Dictionary<string, string>(StringComparer.Ordinal);
        void OnChanged(object? sender, FlightTasksChangedEventArgs e)
        {
            lock (replaced)
            {
                foreach (var (localId, senteraId) in e.ReplacedIds)
                {
                    replaced[localId] = senteraId;
                }
            }
        }

        emulator.Faults.Clear();
        AnsiConsole.MarkupLine("[green]The network is back.[/]");
        store.Changed += OnChanged;
        SyncReport report;
        try
        {
            report = await SyncConsole.SyncWithProgressAsync(sync, scope, "Sync (pull, push, pull)", cancellationToken);
        }
        finally
        {
            store.Changed -= OnChanged;
        }

        ShowPush(report);
        if (replaced.TryGetValue(created.SenteraId, out var newId))
        {
            AnsiConsole.MarkupLine($"The created task [blue]{Markup.Escape(created.Name)}[/]: {Markup.Escape(created.SenteraId)} is now [green]{Markup.Escape(newId)}[/].");
        }

        tracked = [.. tracked.Select(t => (t.Edit, replaced.GetValueOrDefault(t.Id, t.Id)))];
        await ShowTrackedAsync(store, scope, "Read back after the sync", tracked, cancellationToken);
        if (await store.GetAsync(scope, toComplete.SenteraId, cancellationToken) is { } merged)
        {
            AnsiConsole.MarkupLine(
                $"[blue]{Markup.Escape(merged.Name)}[/] now: {merged.Status}, notes \"{Markup.Escape(merged.Notes ?? string.Empty)}\", " +
                $"scheduled {merged.ScheduledAt:yyyy-MM-dd}.");
        }

        // A rejected edit stays listed until the app discards it (after showing it to the user).
        foreach (var rejection in report.PushRejections)
        {
            await edits.DiscardAsync(scope, rejection.EditId, cancellationToken);
        }

        var left = await edits.ListPendingAsync(scope, cancellationToken);
        AnsiConsole.MarkupLine($"Discarded the {report.PushRejections.Count} rejected edit(s); {left.Count} edit(s) left in the outbox.");
    }

    /// <summary>Shows how reads show the edited tasks: id (local or the server's), status, whether edits are pending.</summary>
    private static async Task ShowTrackedAsync(IFlightTaskStore store, SyncScope scope, string title, IReadOnlyList<(string Edit, string Id)> tracked, CancellationToken cancellationToken)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"[bold]{Markup.Escape(title)}[/]");
        table.AddColumn("Edit").AddColumn("Task").AddColumn("Id").AddColumn("Status").AddColumn("Pending");
        foreach (var (edit, id) in tracked)
        {
            var task = await store.GetAsync(scope, id, cancellationToken);
            table.AddRow(
                Markup.Escape(edit),
                Markup.Escape(task?.Name ?? "-"),
                Markup.Escape(Abbreviated(id)),
                task is null ? "[grey]not in reads[/]" : task.Status.ToString(),
                task is null ? "-" : task.HasPendingEdits ? "[yellow]yes[/]" : "no");
        }

        AnsiConsole.Write(table);
    }

    /// <summary>Keeps the start of a long id, enough to tell a local id (<c>local-...</c>) from a server one.</summary>
    private static string Abbreviated(string id) => id.Length <= 16 ? id : string.Concat(id.AsSpan(0, 15), "…");

    /// <summary>Shows what the push did: accepted, rejected with the server's reasons, conflicts.</summary>
    private static void ShowPush(SyncReport report)
    {
        AnsiConsole.MarkupLine(
            $"Pushed [green]{report.Pushed}[/] edit(s), [red]{report.PushRejections.Count}[/] rejected, " +
            $"[yellow]{report.Conflicts.Count}[/] conflict(s).");
        foreach (var rejection in report.PushRejections)
        {
            AnsiConsole.MarkupLine($"  [red]Rejected[/] {rejection.Kind} of {Markup.Escape(rejection.TaskId)}: {Markup.Escape(string.Join("; ", rejection.Errors))}");
        }

        foreach (var conflict in report.Conflicts)
        {
            var fields = conflict.Fields.Count == 0
                ? "the server changed other fields only"
                : string.Join(", ", conflict.Fields.Select(f => $"{f.Property}: office \"{f.ServerValue}\", pilot \"{f.EditValue}\""));
            AnsiConsole.MarkupLine($"  [yellow]Conflict[/] {conflict.Kind} of {Markup.Escape(conflict.TaskId)}, {conflict.Decision}: {Markup.Escape(fields)}");
        }

        if (report.Conflicts.Any(c => c.Decision == ConflictDecision.Sent))
        {
            AnsiConsole.MarkupLine("  [grey]MergeFields (the default) sent only the fields the pilot changed: the office's other changes stay.[/]");
        }
    }
}
