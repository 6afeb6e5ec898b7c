using StreamSql.Execution.Checkpointing;

namespace StreamSql.Shell;

/// <summary>
/// Script mode, on SIGTERM or Ctrl-C: the script's running INSERT jobs stop WITH a savepoint when a savepoint directory
/// is configured (the session's <c>execution.checkpointing.savepoint-dir</c>, else the one the job started with), so
/// the next run resumes with <c>--from-savepoint</c>; the path of each is printed the way Flink's <c>flink stop</c>
/// prints it. Jobs without a savepoint directory, or whose savepoint fails or takes too long, are cancelled as before.
/// </summary>
internal static class ShutdownSavepoints
{
    public static async Task StopJobsAsync(StreamSqlEnvironment env, ResultPrinter printer, TimeSpan timeout)
    {
        var sessionDirectory = env.Configuration.Get(CheckpointingOptions.SavepointDirectory);
        var stopping = new List<(JobClient Job, Task<CheckpointStats> Savepoint)>();
        using var deadline = new CancellationTokenSource(timeout);
        foreach (var job in env.Jobs)
        {
            if (job.Kind != "INSERT" || job.IsTerminal) continue;
            var directory = string.IsNullOrWhiteSpace(sessionDirectory) ? job.DefaultSavepointDirectory : sessionDirectory;
            if (directory is null) continue;
            printer.Out.WriteLine($"Suspending job \"{job.Id}\" ('{job.Name}') with a savepoint.");
            stopping.Add((job, job.StopWithSavepointAsync(directory, deadline.Token)));
        }
        printer.Out.Flush();
        foreach (var (job, savepoint) in stopping)
        {
            try
            {
                var stats = await savepoint.ConfigureAwait(false);
                printer.Out.WriteLine($"Savepoint completed. Path: {stats.Path}");
                printer.Out.WriteLine($"Resume the job with: EXECUTE INSERT ... FROM SAVEPOINT '{stats.Path}' (or streamsql --from-savepoint {stats.Path}).");
                printer.Out.Flush();
            }
            catch (OperationCanceledException)
            {
                printer.Error($"Job '{job.Name}' ({job.Id}) did not complete its savepoint within {timeout.TotalSeconds:0} s; cancelling it.");
            }
            catch (StreamSqlException e)
            {
                printer.Error(e.Message + "; cancelling it.");
            }
        }
    }
}
