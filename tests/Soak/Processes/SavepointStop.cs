namespace StreamSql.Soak.Processes;

/// <summary>
/// Stops a running job with a savepoint as a Flink user does from a second SQL client: <c>streamsql -f stop.sql</c> with
/// <c>STOP JOB '&lt;id&gt;' WITH SAVEPOINT</c> (the engines find each other through their discovery files), the savepoint
/// directory set in that script only. The job's engine then ends by itself.
/// </summary>
public static class SavepointStop
{
    /// <summary>The outcome: the savepoint path the statement printed (null when none), and what the stop script said.</summary>
    public sealed record Result(string? SavepointPath, int? ExitCode, string Said, int Attempts, TimeSpan Took);

    /// <summary>Runs the stop script in <paramref name="workingDirectory"/> until the job's engine answers (its endpoint
    /// starts shortly after the job), at most <paramref name="timeout"/>.</summary>
    public static async Task<Result> StopAsync(string shellDll, string workingDirectory, string jobId, string savepointDirectory, TimeSpan timeout)
    {
        var script = Path.Combine(workingDirectory, "stop.sql");
        await File.WriteAllTextAsync(script, $"SET 'state.savepoints.dir' = '{savepointDirectory}';\nSTOP JOB '{jobId}' WITH SAVEPOINT;\n");
        var deadline = DateTime.UtcNow + timeout;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (int attempt = 1; ; attempt++)
        {
            using var stop = ShellJobProcess.Start(shellDll, workingDirectory, ["-f", script]);
            var exit = await stop.WaitForExitAsync(timeout);
            var said = stop.Stdout + stop.Stderr;
            if (exit != 0 && said.Contains("Could not find a job", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
                continue;
            }
            var prefix = Path.Combine(savepointDirectory, "savepoint-");
            var path = stop.Stdout.Split('\n').Select(l => l.Trim('|', ' ', '\r')).FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal));
            return new Result(path, exit, said, attempt, clock.Elapsed);
        }
    }
}
