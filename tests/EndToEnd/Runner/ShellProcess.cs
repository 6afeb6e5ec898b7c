using System.Diagnostics;
using System.Text;

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
    public const string OverrideVariable = "STREAMSQL_DLL";

    private static readonly Lazy<string?> ShellDll = new(FindShellDll);

    /// <summary>The streamsql.dll the scenarios run, or null (with <paramref name="why"/>) if none is built.</summary>
    public static string? Locate(out string why)
    {
        var dll = ShellDll.Value;
        why = dll is null ? DescribeSearch() : "";
        return dll;
    }

    public static Task<ShellRun> RunAsync(string shellDll, string workingDirectory, string scriptName, TimeSpan timeout) =>
        RunProcessAsync(DotnetHost(), [shellDll, "-f", scriptName], workingDirectory, timeout);

    /// <summary>
    /// Runs a program with an empty, closed stdin, collecting stdout and stderr; on timeout kills
    /// its whole process tree.
    /// </summary>
    public static async Task<ShellRun> RunProcessAsync(string program, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["NO_COLOR"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";

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

    private static string DotnetHost()
    {
        // Set by the SDK for processes it starts (dotnet test); otherwise rely on PATH.
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return !string.IsNullOrEmpty(host) && File.Exists(host) ? host : "dotnet";
    }

    private static string? FindShellDll()
    {
        var overridden = Environment.GetEnvironmentVariable(OverrideVariable);
        if (!string.IsNullOrEmpty(overridden)) return File.Exists(overridden) ? Path.GetFullPath(overridden) : null;

        // Written by the build (EndToEnd.csproj, target RecordShellLocation).
        var recorded = Path.Combine(AppContext.BaseDirectory, "streamsql-shell.path");
        if (File.Exists(recorded))
        {
            var path = File.ReadAllText(recorded).Trim();
            if (File.Exists(path)) return path;
        }

        // Fallback: the newest streamsql.dll below src/Shell/bin of the enclosing checkout.
        var root = FindRepositoryRoot();
        if (root is null) return null;
        var bin = Path.Combine(root, "src", "Shell", "bin");
        if (!Directory.Exists(bin)) return null;
        return Directory.EnumerateFiles(bin, "streamsql.dll", SearchOption.AllDirectories)
            .Where(p => File.Exists(Path.ChangeExtension(p, ".runtimeconfig.json")))
            .OrderByDescending(File.GetLastWriteTimeUtc)
            .FirstOrDefault();
    }

    private static string? FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "StreamSql.sln")) || Directory.Exists(Path.Combine(dir.FullName, "src", "Shell")))
                return dir.FullName;
        }
        return null;
    }

    private static string DescribeSearch() =>
        $"streamsql.dll was not found: looked at ${OverrideVariable}, at {Path.Combine(AppContext.BaseDirectory, "streamsql-shell.path")} " +
        "(written when tests/EndToEnd is built) and below src/Shell/bin. Build it with `dotnet build tests/EndToEnd`.";
}
