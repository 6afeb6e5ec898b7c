using StreamSql.Control;

namespace StreamSql.Shell;

/// <summary>The <c>streamsql</c> command: parses the command line, sets up the session, runs init scripts, then the
/// <c>-f</c> script or the interactive prompt. Exit codes: 0 success, 1 a statement or job failed, 2 bad command line,
/// 130 interrupted (Ctrl-C in script mode), 143 terminated (SIGTERM).</summary>
internal static class ShellApp
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int UsageError = 2;

    /// <summary>How long a signal waits for the savepoints of the script's jobs before cancelling them.</summary>
    internal static TimeSpan SavepointTimeout { get; set; } = TimeSpan.FromSeconds(60);

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextReader input, TextWriter output, TextWriter error, bool terminal)
    {
        if (Control.ControlCommandLine.IsControlCommand(args))
            return await Control.ControlCommands.RunAsync(args, output, error).ConfigureAwait(false);
        if (Bench.BenchCommandLine.IsBenchCommand(args))
            return await Bench.BenchCommand.RunAsync(args, output, error, terminal && !Console.IsErrorRedirected).ConfigureAwait(false);
        CommandLineOptions options;
        try
        {
            options = CommandLineOptions.Parse(args);
        }
        catch (CommandLineException e)
        {
            error.WriteLine("[ERROR] " + e.Message);
            return UsageError;
        }
        if (options.ShowHelp)
        {
            output.Write(CommandLineOptions.Usage);
            return Success;
        }

        // Jobs (the print connector) and the shell write to the same stdout from different threads.
        output = TextWriter.Synchronized(output);
        var printer = new ResultPrinter(output, error);

        StreamSqlEnvironment env;
        try
        {
            var settings = new StreamSqlOptions { Output = output, RestoreFromLatestCheckpoint = options.FromLatestCheckpoint };
            foreach (var (key, value) in options.Settings) settings.Settings[key] = value;
            env = StreamSqlEnvironment.Create(settings);
            env.NoticeRaised += printer.PrintNotice;
        }
        catch (StreamSqlException e)
        {
            printer.Error(e.Message);
            return UsageError;
        }

        // Serves this process's jobs to 'streamsql jobs/stop/cancel/savepoint'; it starts at the first job, in the background
        // (rest.enabled is read then, so a script's SET before its first INSERT counts).
        var endpoint = ControlEndpoint.Attach(env, warn: m => Warn(error, m));
        bool scriptMode = options.ScriptFile is not null;
        using var signals = new ShellSignals(scriptMode);
        signals.Register();
        int code = Success;
        try
        {
            foreach (var init in options.InitFiles)
            {
                // As in Flink's client, an init script's results are not shown, only whether it worked; errors still are.
                var outcome = await ScriptRunner.RunFileAsync(env, new ResultPrinter(TextWriter.Null, error), init, signals.Shutdown).ConfigureAwait(false);
                if (outcome == ScriptOutcome.Failed)
                {
                    output.WriteLine(ShellMessages.InitFailed(init));
                    return code = Failure;
                }
                output.WriteLine(ShellMessages.InitSucceeded(init));
                if (outcome == ScriptOutcome.Quit) return code = Success;
            }
            if (scriptMode) code = await RunScriptModeAsync(env, printer, options.ScriptFile!, signals).ConfigureAwait(false);
            else code = await RunInteractiveAsync(env, printer, input, output, terminal, signals).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (signals.Shutdown.IsCancellationRequested)
        {
            if (scriptMode) await ShutdownSavepoints.StopJobsAsync(env, printer, SavepointTimeout).ConfigureAwait(false);
        }
        finally
        {
            await endpoint.DisposeAsync().ConfigureAwait(false);
            await env.DisposeAsync().ConfigureAwait(false);
            output.Flush();
            error.Flush();
        }
        return signals.ExitCode ?? code;
    }

    private static void Warn(TextWriter error, string message)
    {
        lock (error)
        {
            error.WriteLine("[WARNING] " + message);
            error.Flush();
        }
    }

    private static async Task<int> RunScriptModeAsync(StreamSqlEnvironment env, ResultPrinter printer, string script, ShellSignals signals)
    {
        printer.Info(ShellMessages.ExecuteFile);
        var outcome = await ScriptRunner.RunFileAsync(env, printer, script, signals.Shutdown).ConfigureAwait(false);
        // The jobs run in this process: stay until they finish (bounded sources) or a signal stops them. After a failing
        // statement, the jobs submitted before it go on as they would on Flink's cluster when its client stops at the
        // error: those over bounded input are waited for, so their output is committed; endless ones are suspended when
        // the shell exits (their checkpoints stay for --from-latest-checkpoint).
        var failed = await env.WaitForJobsAsync(boundedOnly: outcome == ScriptOutcome.Failed, signals.Shutdown).ConfigureAwait(false);
        foreach (var job in failed.Where(j => !j.FailureReported))
            printer.Error(job.FailureReport ?? $"Job '{job.Name}' ({job.Id}) failed");
        return failed.Count == 0 && outcome != ScriptOutcome.Failed ? Success : Failure;
    }

    private static async Task<int> RunInteractiveAsync(StreamSqlEnvironment env, ResultPrinter printer, TextReader input, TextWriter output, bool terminal, ShellSignals signals)
    {
        ILineSource lines;
        if (terminal)
        {
            output.WriteLine(ShellMessages.Welcome);
            var terminalLines = new TerminalLineSource(TerminalLineSource.DefaultHistoryFile());
            // The result view reads the same keys as the line editor: while a query runs, nobody else reads them.
            printer.TableView = new TableResultView(terminalLines.Keys, output, () => (Console.WindowWidth, Console.WindowHeight), TimeProvider.System);
            lines = terminalLines;
        }
        else
        {
            lines = new PlainLineSource(input, prompts: null);
        }
        var shell = new InteractiveShell(env, printer, lines, signals);
        return await shell.RunAsync().ConfigureAwait(false);
    }
}
