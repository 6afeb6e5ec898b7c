using System.Globalization;
using StreamSql.Control;

namespace StreamSql.Shell.Control;

/// <summary>
/// Runs <c>streamsql jobs | stop | cancel | savepoint</c>: finds the running engines (their discovery files, or
/// <c>--endpoint</c>), resolves the job by id or name, and asks its engine's control endpoint.
/// Exit codes: 0 done, 1 it could not be done (no engine, no such job, the savepoint failed), 2 bad command line.
/// </summary>
internal static class ControlCommands
{
    /// <summary>How long <c>cancel</c> and <c>stop</c> wait for the job to end after the engine accepted the request.</summary>
    private static readonly TimeSpan EndTimeout = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, EngineDiscovery? discovery = null,
        CancellationToken cancellationToken = default)
    {
        ControlCommandLine command;
        try
        {
            command = ControlCommandLine.Parse(args);
        }
        catch (CommandLineException e)
        {
            error.WriteLine("[ERROR] " + e.Message);
            return ShellApp.UsageError;
        }
        if (command.ShowHelp)
        {
            output.Write(CommandLineOptions.Usage);
            return ShellApp.Success;
        }
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            var engines = await RunningEngines.FindAsync(command.Endpoint, discovery ?? EngineDiscovery.ForCurrentUser(), http, cancellationToken).ConfigureAwait(false);
            foreach (var problem in engines.Unreachable) error.WriteLine("[WARNING] Skipped " + problem);
            if (command.Verb == ControlVerb.Jobs)
            {
                await ListJobsAsync(engines, output, http, cancellationToken).ConfigureAwait(false);
                return ShellApp.Success;
            }
            var target = engines.Resolve(command.Job!);
            using var client = new ControlClient(target.Engine.Endpoint, http);
            switch (command.Verb)
            {
                case ControlVerb.Cancel:
                    await CancelAsync(client, target, output, "Cancelled job {0}.", cancellationToken).ConfigureAwait(false);
                    break;
                case ControlVerb.Stop when !command.WithSavepoint:
                    await CancelAsync(client, target, output, "Stopped job {0} without a savepoint (cancelled).", cancellationToken).ConfigureAwait(false);
                    break;
                case ControlVerb.Stop:
                    await StopWithSavepointAsync(client, target, command, output, cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    await SavepointAsync(client, target, command.SavepointDirectory, output, cancellationToken).ConfigureAwait(false);
                    break;
            }
            return ShellApp.Success;
        }
        catch (Exception e) when (e is ControlCommandException or ControlClientException)
        {
            output.Flush();
            error.WriteLine("[ERROR] " + e.Message);
            return ShellApp.Failure;
        }
    }

    private static async Task ListJobsAsync(RunningEngines engines, TextWriter output, HttpClient http, CancellationToken cancellationToken)
    {
        if (engines.Engines.Count == 0)
        {
            output.WriteLine(engines.NoEngineMessage());
            return;
        }
        var rows = new List<(EngineJob Job, Task<string> Checkpoint)>();
        foreach (var engine in engines.Engines)
            foreach (var job in engine.Jobs)
                rows.Add((new EngineJob(engine, job), LatestCheckpointAsync(engine, job, http, cancellationToken)));
        if (rows.Count == 0)
        {
            output.WriteLine($"No jobs ({engines.Engines.Count} engine{(engines.Engines.Count == 1 ? "" : "s")} running, none has started a job).");
            return;
        }
        var cells = new List<IReadOnlyList<string>>(rows.Count);
        foreach (var (row, checkpoint) in rows)
            cells.Add(new[] { row.Job.Id, row.Job.Name, row.Job.State, FormatTime(row.Job.StartTime), await checkpoint.ConfigureAwait(false), row.Engine.Describe() });
        var names = new[] { "job id", "job name", "status", "start time", "latest checkpoint", "engine" };
        var table = TableauWriter.ForContent(output, names, cells, maxColumnWidth: 80);
        table.WriteHeader(names, withRowKind: false);
        foreach (var row in cells) table.WriteRow(row);
        table.WriteBorder();
        output.WriteLine(cells.Count == 1 ? "1 row in set" : $"{cells.Count} rows in set");
    }

    private static async Task<string> LatestCheckpointAsync(ReachedEngine engine, JobOverview job, HttpClient http, CancellationToken cancellationToken)
    {
        using var client = new ControlClient(engine.Endpoint, http);
        try
        {
            var stats = await client.GetCheckpointsAsync(job.Id, cancellationToken).ConfigureAwait(false);
            if (stats.Latest.Completed is not { } latest) return "none";
            var at = FormatTime(latest.TriggerTimestamp);
            return latest.IsSavepoint ? $"savepoint {latest.Id} at {at}" : $"{latest.Id} at {at}";
        }
        catch (ControlClientException)
        {
            return "?"; // the engine or the job ended while we asked
        }
    }

    private static async Task CancelAsync(ControlClient client, EngineJob target, TextWriter output, string done, CancellationToken cancellationToken)
    {
        if (RunningEngines.IsTerminal(target.Job.State))
            throw new ControlCommandException($"Job '{target.Job.Name}' ({target.Job.Id}) has already ended ({target.Job.State}); there is nothing to stop.");
        await client.CancelAsync(target.Job.Id, cancellationToken).ConfigureAwait(false);
        var state = await WaitForEndAsync(client, target.Job.Id, cancellationToken).ConfigureAwait(false);
        if (state is not null && !RunningEngines.IsTerminal(state))
            throw new ControlCommandException($"Job {target.Job.Id} was asked to stop but is still {state} after {EndTimeout.TotalSeconds:0} s.");
        output.WriteLine(string.Format(CultureInfo.InvariantCulture, done, target.Job.Id));
    }

    private static async Task StopWithSavepointAsync(ControlClient client, EngineJob target, ControlCommandLine command, TextWriter output, CancellationToken cancellationToken)
    {
        RequireRunning(target, "stop with a savepoint");
        output.WriteLine($"Stopping job {target.Job.Id} with a savepoint.");
        var trigger = await client.StopWithSavepointAsync(target.Job.Id, command.SavepointDirectory, command.Drain, cancellationToken).ConfigureAwait(false);
        var path = await client.WaitForSavepointAsync(target.Job.Id, trigger, cancellationToken).ConfigureAwait(false);
        output.WriteLine("Savepoint completed. Path: " + path);
        await WaitForEndAsync(client, target.Job.Id, cancellationToken).ConfigureAwait(false);
    }

    private static async Task SavepointAsync(ControlClient client, EngineJob target, string? directory, TextWriter output, CancellationToken cancellationToken)
    {
        RequireRunning(target, "take a savepoint");
        output.WriteLine($"Triggering savepoint for job {target.Job.Id}.");
        var trigger = await client.TriggerSavepointAsync(target.Job.Id, directory, cancellationToken).ConfigureAwait(false);
        var path = await client.WaitForSavepointAsync(target.Job.Id, trigger, cancellationToken).ConfigureAwait(false);
        output.WriteLine("Savepoint completed. Path: " + path);
        output.WriteLine($"Resume from it with: streamsql -f <script> --from-savepoint {path}");
    }

    private static void RequireRunning(EngineJob target, string what)
    {
        if (target.Job.State != "RUNNING")
            throw new ControlCommandException($"Job '{target.Job.Name}' ({target.Job.Id}) is {target.Job.State}, not RUNNING: cannot {what}.");
    }

    /// <summary>Polls the job until it has ended; returns its last state, or null when its engine went away (its last job ended).</summary>
    private static async Task<string?> WaitForEndAsync(ControlClient client, string jobId, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + EndTimeout;
        string state = "";
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                state = (await client.GetJobAsync(jobId, cancellationToken).ConfigureAwait(false)).State;
            }
            catch (ControlClientException e) when (e.Unreachable)
            {
                return null;
            }
            if (RunningEngines.IsTerminal(state)) return state;
            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }
        return state;
    }

    /// <summary>Like Flink's SHOW JOBS start time (<c>2023-02-11T05:03:51.523</c>), in this machine's time zone.</summary>
    private static string FormatTime(long epochMillis)
    {
        var local = DateTimeOffset.FromUnixTimeMilliseconds(epochMillis).ToLocalTime().DateTime;
        return local.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture);
    }
}
