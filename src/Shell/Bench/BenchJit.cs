using System.Diagnostics;

namespace StreamSql.Shell.Bench;

/// <summary>
/// The bench measures a job's steady state, the code a long-running job runs: its process is started again with tiered
/// compilation off, so every method is compiled optimized at its first call. With tiering on, code run once per job
/// (planning, operator set-up, a window's firing, the final checkpoint) stays unoptimized for tens of runs and the
/// runtime's background compiler takes a fifth of the CPU of a 1 M event run, so the same build varied up to 2.5x from
/// run to run. <c>--jit tiered</c> measures the runtime's default instead.
/// </summary>
internal static class BenchJit
{
    private const string Variable = "DOTNET_TieredCompilation";

    /// <summary>Whether <c>streamsql bench</c> with <paramref name="args"/> should run again in a child process with
    /// tiering off: it is not already off (or chosen by the caller) and the command line does not ask for tiering.</summary>
    public static bool ShouldRestart(IReadOnlyList<string> args)
    {
        if (!BenchCommandLine.IsBenchCommand(args) || Environment.GetEnvironmentVariable(Variable) is not null) return false;
        for (int i = 0; i < args.Count; i++)
        {
            if (args[i] is "-h" or "--help" or "--jit=tiered") return false;
            if (args[i] == "--jit" && i + 1 < args.Count && args[i + 1] == "tiered") return false;
        }
        return Environment.ProcessPath is not null;
    }

    /// <summary>Runs this program again with <paramref name="args"/> and tiering off, on the same console; its exit code.</summary>
    public static async Task<int> RestartAsync(IReadOnlyList<string> args)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false };
        // Under 'dotnet streamsql.dll' the host is the process: the program's own assembly goes first.
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
            start.ArgumentList.Add(typeof(BenchJit).Assembly.Location);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment[Variable] = "0";
        using var child = Process.Start(start) ?? throw new InvalidOperationException("could not start the bench process");
        // Ctrl-C reaches the child too (same process group): it reports the interruption; this process only waits.
        ConsoleCancelEventHandler ignore = (_, e) => e.Cancel = true;
        Console.CancelKeyPress += ignore;
        try
        {
            await child.WaitForExitAsync().ConfigureAwait(false);
            return child.ExitCode;
        }
        finally
        {
            Console.CancelKeyPress -= ignore;
        }
    }
}
