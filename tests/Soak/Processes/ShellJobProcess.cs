using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace StreamSql.Soak.Processes;

/// <summary>
/// One <c>dotnet streamsql.dll ...</c> process that a test can kill at a moment of its choosing: SIGKILL
/// (<see cref="Kill"/>, no chance to clean up, as a crashed machine) or SIGTERM (<see cref="Terminate"/>, the shell's
/// orderly shutdown). stdout and stderr are collected as they come; <see cref="WaitForSubmissionAsync"/> waits for the
/// "Job ID:" line the shell prints once the INSERT job runs. Disposing kills the process if it still runs.
/// </summary>
public sealed class ShellJobProcess : IDisposable
{
    /// <summary>The exit code of a process that SIGKILL ended (128 + 9).</summary>
    public const int KilledExitCode = 137;

    /// <summary>The exit code of <c>streamsql</c> stopped by SIGTERM (128 + 15).</summary>
    public const int TerminatedExitCode = 143;

    private const int SigTerm = 15;
    private const string JobIdPrefix = "Job ID:";

    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly TaskCompletionSource _submitted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    private ShellJobProcess(Process process) => _process = process;

    public int Id => _process.Id;

    /// <summary>Time since the process started.</summary>
    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>When the "Job ID:" line arrived, measured from the process start.</summary>
    public TimeSpan? SubmittedAfter { get; private set; }

    /// <summary>The id of the first job the shell submitted (from its "Job ID:" line), or null before that.</summary>
    public string? JobId { get; private set; }

    public string Stdout
    {
        get { lock (_stdout) return _stdout.ToString(); }
    }

    public string Stderr
    {
        get { lock (_stderr) return _stderr.ToString(); }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Starts <c>dotnet <paramref name="shellDll"/> <paramref name="arguments"/></c> with an empty, closed stdin;
    /// <paramref name="environment"/> adds or overrides variables of the child.</summary>
    public static ShellJobProcess Start(string shellDll, string workingDirectory, IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = ProcessStart.Redirected(ProcessStart.DotnetHost(), new[] { shellDll }.Concat(arguments), workingDirectory);
        if (environment is not null)
            foreach (var (name, value) in environment) start.Environment[name] = value;

        var process = new Process { StartInfo = start };
        var job = new ShellJobProcess(process);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (job._stdout) job._stdout.Append(e.Data).Append('\n');
            if (e.Data.StartsWith(JobIdPrefix, StringComparison.Ordinal) && !job._submitted.Task.IsCompleted)
            {
                job.JobId = e.Data[JobIdPrefix.Length..].Trim();
                job.SubmittedAfter = job._clock.Elapsed;
                job._submitted.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (job._stderr) job._stderr.Append(e.Data).Append('\n');
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.StandardInput.Close();
        return job;
    }

    /// <summary>Waits for the "Job ID:" line; false when the process ended first (or the time ran out).</summary>
    public async Task<bool> WaitForSubmissionAsync(TimeSpan timeout)
    {
        var exited = _process.WaitForExitAsync();
        var first = await Task.WhenAny(_submitted.Task, exited, Task.Delay(timeout));
        return first == _submitted.Task || _submitted.Task.IsCompleted;
    }

    /// <summary>SIGKILL: the process dies at once, mid-write if it is writing.</summary>
    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: false); // SIGKILL on Unix
        }
        catch (InvalidOperationException)
        {
            // Exited meanwhile.
        }
    }

    /// <summary>SIGTERM: the shell shuts down in order (stop-with-savepoint when a savepoint directory is set).</summary>
    public void Terminate()
    {
        if (!OperatingSystem.IsWindows() && !_process.HasExited) _ = SendSignal(_process.Id, SigTerm);
    }

    /// <summary>Waits for the exit; returns the exit code, or null when it did not exit in time (the process is then killed).</summary>
    public async Task<int?> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            _process.WaitForExit(TimeSpan.FromSeconds(10));
            return null;
        }
        // The parameterless wait also drains the asynchronous stdout/stderr readers.
        _process.WaitForExit();
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
            _process.WaitForExit(TimeSpan.FromSeconds(10));
        }
        _process.Dispose();
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);
}
