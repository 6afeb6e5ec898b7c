using System.Diagnostics;

namespace StreamSql.Shell.Tests;

/// <summary>
/// STOP JOB and SAVEPOINT in a second <c>streamsql -f</c> script reach a job the first script submitted, as a second
/// <c>sql-client.sh -f stop.sql</c> reaches any job of Flink's cluster: the engines find each other through their
/// discovery files. Each test has its own runtime directory (<c>XDG_RUNTIME_DIR</c>).
/// </summary>
public sealed class HuntDStopJobFromAnotherScriptTests : IDisposable
{
    private readonly EngineProcesses _processes = new("streamsql-huntd-");

    private string Dir => _processes.Directory;

    private string Script(string name, string text) => _processes.Script(name, text);

    /// <summary>Starts a script whose INSERT runs until stopped; returns the engine and the job id it printed.</summary>
    private Task<(Process Engine, string JobId, Task<string> Stdout, Task<string> Stderr)> StartEngineAsync() =>
        _processes.StartAsync(Script("job.sql",
            "SET 'state.savepoints.dir' = 'engine-savepoints';\n" +
            "SET 'pipeline.name' = 'endless';\n" +
            "CREATE TABLE src (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '20', 'fields.id.kind' = 'sequence',\n" +
            "  'fields.id.start' = '1', 'fields.id.end' = '5000');\n" +
            "CREATE TABLE sink (id BIGINT) WITH ('connector' = 'blackhole');\n" +
            "INSERT INTO sink SELECT id FROM src;\n"));

    private Task<(int Code, string Out, string Err)> RunAsync(params string[] args) => _processes.RunAsync(TimeSpan.FromSeconds(90), args);

    /// <summary>Runs the control script until the engine's endpoint (it starts shortly after the job) has answered.</summary>
    private async Task<(int Code, string Out, string Err)> RunControlScriptAsync(string script)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var result = await RunAsync("-f", script);
            if (!result.Err.Contains("Could not find a job", StringComparison.Ordinal) || DateTime.UtcNow > deadline) return result;
            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task Stop_job_with_savepoint_in_another_script_stops_the_job_and_prints_the_savepoint_path()
    {
        if (OperatingSystem.IsWindows()) return;
        var (engine, jobId, engineOut, engineErr) = await StartEngineAsync();
        var stop = Script("stop.sql", $"SET 'state.savepoints.dir' = '{Path.Combine(Dir, "savepoints")}';\nSTOP JOB '{jobId}' WITH SAVEPOINT;\n");

        var (code, output, err) = await RunControlScriptAsync(stop);

        Assert.True(code == 0, output + err);
        Assert.Equal("", err);
        var path = output.Split('\n').Select(l => l.Trim('|', ' ')).Single(l => l.StartsWith(Path.Combine(Dir, "savepoints", "savepoint-"), StringComparison.Ordinal));
        Assert.Contains("| savepoint path |", output.Replace("  ", ""));
        Assert.True(File.Exists(Path.Combine(path, "_metadata")), "the savepoint has its _metadata: " + path);
        // Its only job ended with the savepoint: the first script's engine exits normally.
        await engine.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(0, engine.ExitCode);
        Assert.Equal("", await engineErr);
        _ = await engineOut;

        // The savepoint restores in a new run of the same script (Flink's way: SET 'execution.savepoint.path').
        var resume = Script("resume.sql", $"SET 'execution.savepoint.path' = '{path}';\n" + File.ReadAllText(Path.Combine(Dir, "job.sql"))
            .Replace("'rows-per-second' = '20'", "'rows-per-second' = '100000'", StringComparison.Ordinal));
        var (resumeCode, resumeOut, resumeErr) = await RunAsync("-f", resume);
        Assert.True(resumeCode == 0, resumeOut + resumeErr);
        Assert.Equal("", resumeErr);
    }

    [Fact]
    public async Task Stop_job_without_savepoint_and_savepoint_in_another_script_reach_the_job_by_id_and_by_name()
    {
        if (OperatingSystem.IsWindows()) return;
        var (engine, jobId, engineOut, engineErr) = await StartEngineAsync();

        // A session without jobs of its own lists the other engines' running jobs.
        var show = Script("show.sql", "SHOW JOBS;\n");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var (showCode, showOut, showErr) = await RunAsync("-f", show);
        while (!showOut.Contains(jobId) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            (showCode, showOut, showErr) = await RunAsync("-f", show);
        }
        Assert.True(showCode == 0, showOut + showErr);
        var row = showOut.Split('\n').Single(l => l.Contains(jobId)).Split('|', StringSplitOptions.TrimEntries);
        Assert.Equal(new[] { "", jobId, "endless", "RUNNING" }, row[..4]);

        var (savepointCode, savepointOut, savepointErr) = await RunControlScriptAsync(Script("savepoint.sql", "SAVEPOINT 'endless';\n"));
        Assert.True(savepointCode == 0, savepointOut + savepointErr);
        Assert.Contains(Path.Combine(Dir, "engine-savepoints", "savepoint-"), savepointOut);
        Assert.False(engine.HasExited, "a plain savepoint leaves the job running");

        var (code, output, err) = await RunControlScriptAsync(Script("stop.sql", $"STOP JOB '{jobId}';\n"));
        Assert.True(code == 0, output + err);
        Assert.Contains("[INFO] Execute statement succeeded.", output);
        await engine.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        _ = await engineOut;
        _ = await engineErr;

        var (againCode, _, againErr) = await RunAsync("-f", Script("again.sql", $"STOP JOB '{jobId}';\n"));
        Assert.Equal(1, againCode);
        Assert.Contains($"Could not find a job with id or name '{jobId}'", againErr);
    }

    public void Dispose() => _processes.Dispose();
}
