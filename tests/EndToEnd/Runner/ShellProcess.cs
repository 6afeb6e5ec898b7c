using System.Diagnostics;
using System.Text;
using StreamSql.Soak.Processes;

namespace StreamSql.EndToEnd.Runner;

/// <summary>What one run of <c>streamsql -f</c> produced.</summary>
public sealed record ShellRun(int ExitCode, string Stdout, string Stderr, bool TimedOut, TimeSpan Elapsed);

/// <summary>
/// Runs the real <c>streamsql</c> program as a separate process, the way a user does:
/// <c>dotnet &lt;shell output&gt;/streamsql.dll -f job.sql</c>, in the scenario's scratch directory.
/// </summary>
public static class ShellProcess
{
    /// <summary>Environment variable that overrides where streamsql.dll is taken from.</summary>
    public const string OverrideVariable = ShellLocation.OverrideVariable;

    /// <summary>The streamsql.dll the scenarios run, or null (with <paramref name="why"/>) if none is built.</summary>
    public static string? Locate(out string why) => ShellLocation.Locate(out why);

    public static Task<ShellRun> RunAsync(string shellDll, string workingDirectory, string scriptName, TimeSpan timeout) =>
        RunProcessAsync(ProcessStart.DotnetHost(), [shellDll, "-f", scriptName], workingDirectory, timeout);

    /// <summary>
    /// Runs a program with an empty, closed stdin, collecting stdout and stderr; on timeout kills
    /// its whole process tree. The program runs in a session of its own (<c>setsid</c>, which execs it in place, so the
    /// process is the program), and a timeout kills that process group first: a walk of the process tree alone could
    /// miss a child forked while the walk ran, which on a loaded machine survived the kill.
    /// </summary>
    public static async Task<ShellRun> RunProcessAsync(string program, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout)
    {
        var start = ProcessStart.Redirected("setsid", [program, .. arguments], workingDirectory);

        var stopwatch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (stdout) stdout.Append(e.Data).Append('\n'); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (stderr) stderr.Append(e.Data).Append('\n'); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        // A script run must not wait for a terminal: give it an empty, closed stdin.
        process.StandardInput.Close();

        var timedOut = false;
        using (var cts = new CancellationTokenSource(timeout))
        {
            try
            {
                await process.WaitForExitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                timedOut = true;
                _ = Kill(-process.Id, SigKill);
                try { process.Kill(entireProcessTree: true); }
                catch (InvalidOperationException) { /* exited meanwhile */ }
                // Bounded: a descendant that escaped the kill could hold the pipes open forever.
                process.WaitForExit(TimeSpan.FromSeconds(10));
            }
        }
        stopwatch.Stop();
        string o, e;
        lock (stdout) o = stdout.ToString();
        lock (stderr) e = stderr.ToString();
        return new ShellRun(timedOut || !process.HasExited ? -1 : process.ExitCode, o, e, timedOut, stopwatch.Elapsed);
    }

    private const int SigKill = 9;

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
