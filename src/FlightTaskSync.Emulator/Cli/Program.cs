using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;

namespace FlightTaskSync.Emulator.Cli;

/// <summary>The standalone emulator: <c>dotnet run --project src/FlightTaskSync.Emulator -- --tasks 20000</c>.</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        CommandLine commandLine;
        try
        {
            commandLine = CommandLine.Parse(args);
        }
        catch (CommandLineException exception)
        {
            await Console.Error.WriteLineAsync($"error: {exception.Message}\nRun with --help for usage.").ConfigureAwait(false);
            return 2;
        }

        if (commandLine.ShowHelp)
        {
            Console.WriteLine(CommandLine.Usage);
            return 0;
        }

        using var loggerFactory = commandLine.Verbose
            ? LoggerFactory.Create(logging => logging.AddSimpleConsole(console => console.SingleLine = true).SetMinimumLevel(LogLevel.Debug))
            : null;
        commandLine.Options.LoggerFactory = loggerFactory;

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });

        FieldAgentEmulator emulator;
        try
        {
            emulator = await FieldAgentEmulator.StartAsync(commandLine.Options, stop.Token).ConfigureAwait(false);
        }
        catch (IOException exception)
        {
            await Console.Error.WriteLineAsync($"error: cannot listen on 127.0.0.1:{commandLine.Options.Port}: {exception.Message}").ConfigureAwait(false);
            return 1;
        }

        if (commandLine.DropMutationAnswers > 0)
        {
            emulator.Faults.SetRate(commandLine.DropMutationAnswers, commandLine.Options.Seed, EmulatorFault.AppliedThenDropped().OnMutations());
        }

        try
        {
            PrintBanner(emulator);
            await WaitAsync(stop.Token).ConfigureAwait(false);
            Console.WriteLine("Stopping.");
        }
        finally
        {
            await emulator.DisposeAsync().ConfigureAwait(false);
        }

        return 0;
    }

    private static void PrintBanner(FieldAgentEmulator emulator)
    {
        Console.WriteLine($"FieldAgent emulator listening on {emulator.Endpoint}");
        Console.WriteLine($"Access token: {emulator.AccessToken}");
        Console.WriteLine($"Tasks: {emulator.Data.TaskCount}, page size {emulator.PageSize}");
        Console.WriteLine("Organizations:");
        foreach (var organization in emulator.Data.Organizations)
        {
            var indent = organization.ParentSenteraId is null ? "  " : "    ";
            Console.WriteLine($"{indent}{organization.SenteraId}  {organization.Name}  ({emulator.Data.CountTasks(organization.SenteraId)} tasks)");
        }

        Console.WriteLine("Press Ctrl+C to stop.");
    }

    private static async Task WaitAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C or SIGTERM.
        }
    }
}
