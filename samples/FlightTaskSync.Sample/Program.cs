using FlightTaskSync.Client;
using FlightTaskSync.Emulator;
using FlightTaskSync.Sample;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Spectre.Console;

// The FlightTaskSync sample: sync, change on the server, sync the delta, read offline, then edit
// offline and sync the edits.

SampleArguments arguments;
try
{
    arguments = SampleArguments.Parse(args);
}
catch (ArgumentException exception)
{
    AnsiConsole.MarkupLine($"[red]{Markup.Escape(exception.Message)}[/]");
    return 2;
}

if (arguments.ShowHelp)
{
    Console.WriteLine(SampleArguments.HelpText);
    return 0;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

FieldAgentEmulator? emulator = null;
try
{
    string token;
    SyncScope scope;
    if (arguments.UsesEmulator)
    {
        emulator = await AnsiConsole.Status().StartAsync(
            $"Starting the FieldAgent emulator with {arguments.EmulatorTasks:N0} tasks...",
            _ => FieldAgentEmulator.StartAsync(new EmulatorOptions { TaskCount = arguments.EmulatorTasks, OrganizationCount = 1, ChildrenPerOrganization = 2 }, stop.Token));
        token = emulator.AccessToken;
        scope = new SyncScope(emulator.OrganizationIds[0], arguments.IncludeDescendants);
        AnsiConsole.MarkupLine($"Emulator: [blue]{emulator.Endpoint}[/], {emulator.Data.TaskCount:N0} tasks in {emulator.Data.OrganizationCount} organizations.");
    }
    else
    {
        token = Environment.GetEnvironmentVariable(arguments.TokenVariable) ?? string.Empty;
        if (string.IsNullOrWhiteSpace(token))
        {
            AnsiConsole.MarkupLine($"[red]Set the environment variable {arguments.TokenVariable} to a FieldAgent access token (or name another with --token-variable).[/]");
            return 2;
        }

        scope = new SyncScope(arguments.Organization!, arguments.IncludeDescendants);
    }

    // The SDK takes a full path only; on a command line, a relative one means the current folder.
    var databasePath = arguments.DatabasePath is { } given
        ? Path.GetFullPath(given)
        : Path.Combine(Path.GetTempPath(), "flighttasksync-sample", $"flighttasks-{DateTime.UtcNow:yyyyMMdd-HHmmss}.db");
    var endpoint = emulator?.Endpoint ?? arguments.Endpoint!;

    // Registered exactly as the package README tells apps to.
    var services = new ServiceCollection();
    if (arguments.Verbose)
    {
        services.AddLogging(logging => logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Debug));
    }

    services.AddFlightTaskSync(options =>
    {
        options.Endpoint = endpoint;
        options.DatabasePath = databasePath;
        options.AccessTokenProvider = _ => Task.FromResult(token);

        // Quick retries, so the offline attempt at the end gives up in seconds.
        options.MaxRetryAttempts = 2;
        options.RetryBaseDelay = TimeSpan.FromMilliseconds(200);
    });
    await using var provider = services.BuildServiceProvider();
    var sync = provider.GetRequiredService<IFlightTaskSyncClient>();
    var store = provider.GetRequiredService<IFlightTaskStore>();
    var changes = new ChangeCounter();
    store.Changed += changes.OnChanged;

    AnsiConsole.MarkupLine($"Database: [blue]{Markup.Escape(databasePath)}[/]");
    SyncConsole.ShowStatus("Status before", await sync.GetStatusAsync(scope, stop.Token));
    AnsiConsole.Write(new Rule("[bold]1. First sync[/]").LeftJustified());
    var first = await SyncConsole.SyncWithProgressAsync(sync, scope, "First sync", stop.Token);
    await SyncConsole.ShowSummaryAsync(store, first, stop.Token);
    SyncConsole.ShowStatus("Status after", await sync.GetStatusAsync(scope, stop.Token));

    if (emulator is not null)
    {
        AnsiConsole.Write(new Rule("[bold]2. Changes on the server, then a delta sync[/]").LeftJustified());
        var edited = emulator.Data.EditRandomTasks(40, scope.OrganizationSenteraId);
        var deleted = emulator.Data.DeleteRandomTasks(15, scope.OrganizationSenteraId);
        var added = emulator.Data.AddGeneratedTasks(scope.OrganizationSenteraId, 10);
        AnsiConsole.MarkupLine($"The office edited {edited.Count} tasks, deleted {deleted.Count} and added {added.Count}.");
        changes.Reset();
        var delta = await SyncConsole.SyncWithProgressAsync(sync, scope, "Delta sync", stop.Token);
        await SyncConsole.ShowSummaryAsync(store, delta, stop.Token);
        AnsiConsole.MarkupLine(
            $"Change notifications: {changes.Events} event(s), {changes.Upserted} task(s) upserted, {changes.Deleted} deleted " +
            "— what an app would refresh on screen.");

        // Every request now has its connection reset, as with no signal; step 4 brings the network back.
        emulator.Faults.SetRate(1, seed: 0, EmulatorFault.ConnectionReset());
        AnsiConsole.MarkupLine("[yellow]The network is gone: the emulator resets every connection.[/]");
        try
        {
            await sync.SyncAsync(scope, progress: null, stop.Token);
        }
        catch (FlightTaskSyncUnavailableException exception)
        {
            AnsiConsole.MarkupLine($"A sync attempt now fails as it should in the field: [grey]{Markup.Escape(exception.GetType().Name)}[/] after {exception.Attempts} attempt(s).");
        }

        SyncConsole.ShowStatus("Status offline", await sync.GetStatusAsync(scope, stop.Token));
    }

    AnsiConsole.Write(new Rule("[bold]3. Reading offline, from the local store alone[/]").LeftJustified());
    var openQuery = new FlightTaskQuery { Status = FlightTaskStatus.Open };
    var openCount = await store.CountAsync(scope, openQuery, stop.Token);
    var firstOpen = await store.ListAsync(scope, new FlightTaskQuery { Status = FlightTaskStatus.Open, OrderBy = FlightTaskOrder.ScheduledAt, Descending = true, Take = 10 }, stop.Token);
    SyncConsole.ShowTasks("Open tasks, latest scheduled first", firstOpen, openCount);
    if (firstOpen.Count > 0)
    {
        var one = await store.GetAsync(scope, firstOpen[0].SenteraId, stop.Token);
        AnsiConsole.MarkupLine($"Read back by id: [green]{Markup.Escape(one?.ToString() ?? "(missing)")}[/]");
    }

    if (emulator is not null)
    {
        await OfflineEditsStep.RunAsync(emulator, provider, scope, stop.Token);
    }

    return 0;
}
catch (FlightTaskSyncException exception)
{
    AnsiConsole.MarkupLine($"[red]The sync failed ({exception.GetType().Name}):[/] {Markup.Escape(exception.Message)}");
    return 1;
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    AnsiConsole.MarkupLine("[yellow]Canceled. Committed pages are kept in the database.[/]");
    return 130;
}
finally
{
    if (emulator is not null)
    {
        await emulator.DisposeAsync();
    }
}
