using StreamSql.Bench;

namespace StreamSql.Shell.Bench;

/// <summary>Runs <c>streamsql bench nexmark</c>. Exit codes: 0 every result that ran was right, 1 a query failed or gave a
/// wrong answer, 2 bad command line, 130 interrupted.</summary>
internal static class BenchCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, bool terminal)
    {
        BenchCommandLine command;
        try
        {
            command = BenchCommandLine.Parse(args);
        }
        catch (CommandLineException e)
        {
            error.WriteLine("[ERROR] " + e.Message);
            return ShellApp.UsageError;
        }
        if (command.ShowHelp)
        {
            output.Write(BenchCommandLine.Usage);
            return ShellApp.Success;
        }
        using var interrupted = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            interrupted.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            var sweep = new NexmarkSweep(command.Options, command.Sources, command.Parallelisms, output, error, terminal ? error : null);
            return await sweep.RunAsync(interrupted.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (interrupted.IsCancellationRequested)
        {
            error.WriteLine();
            error.WriteLine("[INFO] Interrupted.");
            return 130;
        }
        catch (Exception e) when (e is FileNotFoundException or ArgumentException or IOException or StreamSqlException)
        {
            error.WriteLine("[ERROR] " + e.Message);
            return ShellApp.Failure;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }
}
