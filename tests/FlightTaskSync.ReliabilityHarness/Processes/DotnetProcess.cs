using System.Diagnostics;
using System.Runtime.InteropServices;

namespace FlightTaskSync.ReliabilityHarness.Processes;

/// <summary>
/// A .NET program run as a child process (<c>dotnet app.dll args</c>), its standard output kept
/// line by line. <see cref="KillAsync"/> sends SIGKILL on Unix: the child gets no chance to clean up.
/// Disposing kills a child that is still running, so no harness leaves one behind.
/// </summary>
internal sealed class DotnetProcess : IAsyncDisposable
{
    /// <summary>How often a wait for a line looks whether the child has exited.</summary>
    private static readonly TimeSpan ExitPoll = TimeSpan.FromMilliseconds(50);

    private readonly Process _process;
    private readonly Stopwatch _clock;
    private readonly List<ChildLine> _lines = [];
    private readonly List<string> _errors = [];

    // Completed (and replaced) when a line arrives or the output ends, so a waiter wakes at once.
    private TaskCompletionSource _lineArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private DotnetProcess(Process process, Stopwatch clock)
    {
        _process = process;
        _clock = clock;
    }

    /// <summary>Gets the child's process id.</summary>
    public int Id => _process.Id;

    /// <summary>Gets the time since the child was started.</summary>
    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>Gets whether the child has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Gets the exit code (after exit): 137 after SIGKILL.</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>Gets the lines written to standard output so far.</summary>
    public IReadOnlyList<ChildLine> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    /// <summary>Gets what was written to standard error so far.</summary>
    public string Errors
    {
        get
        {
            lock (_errors)
            {
                return string.Join(Environment.NewLine, _errors);
            }
        }
    }

    /// <summary>Starts <c>dotnet <paramref name="assemblyPath"/> <paramref name="arguments"/></c>.</summary>
    public static DotnetProcess Start(string assemblyPath, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(assemblyPath);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start };
        var clock = Stopwatch.StartNew();
        var child = new DotnetProcess(process, clock);
        process.OutputDataReceived += (_, e) =>
        {
            TaskCompletionSource arrived;
            lock (child._lines)
            {
                if (e.Data is not null)
                {
                    child._lines.Add(new ChildLine(e.Data, clock.Elapsed));
                }

                arrived = child._lineArrived;
                child._lineArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            arrived.TrySetResult();
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (child._errors)
                {
                    child._errors.Add(e.Data);
                }
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Waits for the child to exit; returns false if it is still running after <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await _process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>
    /// Waits until a line satisfies <paramref name="match"/>; returns it, or null if the child exits
    /// or time runs out first. It wakes as each line arrives, so it returns as soon as the line is read.
    /// </summary>
    public async Task<ChildLine?> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var deadline = _clock.Elapsed + timeout;
        while (true)
        {
            ChildLine? found;
            Task arrived;
            lock (_lines)
            {
                found = _lines.FirstOrDefault(line => match(line.Text));
                arrived = _lineArrived.Task;
            }

            if (found is not null)
            {
                return found;
            }

            if (_process.HasExited)
            {
                // The output may still be draining: look once more after it has.
                await _process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
                return Lines.FirstOrDefault(line => match(line.Text));
            }

            var left = deadline - _clock.Elapsed;
            if (left <= TimeSpan.Zero)
            {
                return null;
            }

            // The next line, or a look at whether the child has exited (output may end before that shows).
            await Task.WhenAny(arrived, Task.Delay(Min(left, ExitPoll), cancellationToken)).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    /// <summary>Kills the child at once (SIGKILL on Unix) and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        try
        {
            _process.Kill(entireProcessTree: false);
        }
        catch (InvalidOperationException)
        {
            // It exited on its own in the meantime.
        }

        await _process.WaitForExitAsync().ConfigureAwait(false);
    }

    /// <summary>Kills the child if it is still running.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync().ConfigureAwait(false);
        }

        _process.Dispose();
    }

    /// <summary>Finds the <c>dotnet</c> host that runs this process: three folders above the runtime's.</summary>
    private static string DotnetHost()
    {
        var name = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        if (Environment.ProcessPath is { } current && Path.GetFileName(current) == name)
        {
            return current;
        }

        var runtime = RuntimeEnvironment.GetRuntimeDirectory().TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        var root = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(runtime)));
        var host = root is null ? null : Path.Combine(root, name);
        return host is not null && File.Exists(host) ? host : name;
    }
}
