using System.Diagnostics;

namespace StreamSql.Shell.Tests;

/// <summary>
/// <c>streamsql jobs | stop | cancel | savepoint</c> against real engines: one <c>streamsql -f</c> process runs an
/// endless job, another finds it through its discovery file and controls it. Each test has its own runtime directory
/// (<c>XDG_RUNTIME_DIR</c>), so engines of other test runs on the machine are not seen.
/// </summary>
public sealed class ControlProcessTests : IDisposable
{
    private readonly EngineProcesses _processes = new("streamsql-rt-");

    private string Runtime => _processes.Directory;

    private string EnginesDirectory => Path.Combine(Runtime, "streamsql", "engines");

    /// <summary>Starts an engine running an endless INSERT into <paramref name="sink"/>; returns it and its job id.</summary>
    private async Task<(Process Engine, string JobId, Task<string> Stderr)> StartEngineAsync(string sink = "sink")
    {
        var script = _processes.Script(Guid.NewGuid().ToString("N") + ".sql",
            "CREATE TABLE endless (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '5');\n" +
            $"CREATE TABLE {sink} (id BIGINT) WITH ('connector' = 'blackhole');\n" +
            $"INSERT INTO {sink} SELECT id FROM endless;\n");
        var (engine, jobId, _, stderr) = await _processes.StartAsync(script);
        return (engine, jobId, stderr);
    }

    private Task<(int Code, string Out, string Err)> RunAsync(params string[] args) => _processes.RunAsync(TimeSpan.FromSeconds(60), args);

    /// <summary>Runs <c>streamsql jobs</c> until it lists every id (the endpoint starts shortly after the first job).</summary>
    private async Task<string> ListUntilAsync(params string[] jobIds)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var (code, output, err) = await RunAsync("jobs");
            Assert.Equal(0, code);
            if (jobIds.All(output.Contains)) return output;
            if (DateTime.UtcNow > deadline) Assert.Fail($"'streamsql jobs' did not list {string.Join(", ", jobIds)}:\n{output}{err}");
            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task Jobs_lists_the_job_of_a_running_script_and_cancel_ends_it()
    {
        if (OperatingSystem.IsWindows()) return;
        var (engine, jobId, engineErr) = await StartEngineAsync();

        var table = await ListUntilAsync(jobId);
        var row = table.Split('\n').Single(l => l.Contains(jobId));
        var cells = row.Split('|', StringSplitOptions.TrimEntries);
        Assert.Equal(new[] { "", jobId, "insert-into_default_catalog.default_database.sink", "RUNNING" }, cells[..4]);
        Assert.Equal("none", cells[5]); // no checkpoint yet
        Assert.EndsWith($"(pid {engine.Id})", cells[6]);
        var header = table.Split('\n')[1].Split('|', StringSplitOptions.TrimEntries);
        Assert.Equal(new[] { "", "job id", "job name", "status", "start time", "latest checkpoint", "engine", "" }, header);
        Assert.Single(Directory.GetFiles(EnginesDirectory, "*.json"));

        var (unknownCode, _, unknownErr) = await RunAsync("cancel", "no-such-job");
        Assert.Equal(1, unknownCode);
        Assert.Equal("[ERROR] No job with id or name 'no-such-job' in the running engines (1 engine, 1 job). 'streamsql jobs' lists them.\n", unknownErr);

        var (code, output, err) = await RunAsync("cancel", jobId);
        Assert.Equal("", err);
        Assert.Equal(0, code);
        Assert.Equal($"Cancelled job {jobId}.\n", output);

        // Its only job ended: the script's engine exits and deletes its discovery file.
        await engine.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(0, engine.ExitCode);
        Assert.Equal("", await engineErr);
        Assert.Empty(Directory.GetFiles(EnginesDirectory, "*.json"));
        var (_, after, _) = await RunAsync("jobs");
        Assert.StartsWith("No StreamSql engine is running", after);
    }

    [Fact]
    public async Task A_job_name_shared_by_two_engines_is_refused_and_the_job_id_picks_one()
    {
        if (OperatingSystem.IsWindows()) return;
        var first = await StartEngineAsync();
        var second = await StartEngineAsync();
        await ListUntilAsync(first.JobId, second.JobId);

        var (code, _, err) = await RunAsync("stop", "insert-into_default_catalog.default_database.sink");
        Assert.Equal(1, code);
        Assert.StartsWith("[ERROR] Several running jobs are named 'insert-into_default_catalog.default_database.sink'", err);
        Assert.Contains(first.JobId, err);
        Assert.Contains(second.JobId, err);

        var (stopCode, stopped, _) = await RunAsync("stop", second.JobId);
        Assert.Equal(0, stopCode);
        Assert.Equal($"Stopped job {second.JobId} without a savepoint (cancelled).\n", stopped);
        await second.Engine.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(first.Engine.HasExited);

        // Now the name is unique again.
        var (cancelCode, cancelled, _) = await RunAsync("cancel", "insert-into_default_catalog.default_database.sink");
        Assert.Equal(0, cancelCode);
        Assert.Equal($"Cancelled job {first.JobId}.\n", cancelled);
        await first.Engine.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Without_engines_the_commands_say_so()
    {
        var (listCode, list, _) = await RunAsync("jobs");
        Assert.Equal(0, listCode);
        Assert.StartsWith($"No StreamSql engine is running (none is registered in {EnginesDirectory})", list);

        var (code, output, err) = await RunAsync("cancel", "0123456789abcdef0123456789abcdef");
        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.StartsWith("[ERROR] No StreamSql engine is running", err);
        Assert.DoesNotContain("   at ", err);

        var (endpointCode, _, endpointErr) = await RunAsync("jobs", "--endpoint", "http://127.0.0.1:1");
        Assert.Equal(1, endpointCode);
        Assert.StartsWith("[ERROR] Could not reach the engine at http://127.0.0.1:1/", endpointErr);

        var (usageCode, _, usageErr) = await RunAsync("savepoint");
        Assert.Equal(2, usageCode);
        Assert.Contains("needs a job id or name", usageErr);
    }

    [Fact]
    public async Task A_killed_engine_leaves_a_file_that_the_next_command_ignores_and_deletes()
    {
        if (OperatingSystem.IsWindows()) return;
        var (engine, jobId, _) = await StartEngineAsync();
        await ListUntilAsync(jobId);
        engine.Kill();
        await engine.WaitForExitAsync();
        Assert.Single(Directory.GetFiles(EnginesDirectory, "*.json")); // SIGKILL: no chance to clean up

        var (code, output, err) = await RunAsync("cancel", jobId);
        Assert.Equal(1, code);
        Assert.StartsWith("[ERROR] No StreamSql engine is running", err);
        Assert.Empty(Directory.GetFiles(EnginesDirectory, "*.json"));
        Assert.Equal("", output);
    }

    [Fact]
    public async Task Savepoint_prints_the_path_or_why_it_failed_and_stop_with_savepoint_ends_the_script()
    {
        if (OperatingSystem.IsWindows()) return;
        var (engine, jobId, engineErr) = await StartEngineAsync();
        await ListUntilAsync(jobId);
        var target = Path.Combine(Runtime, "savepoints");

        var (failedCode, _, failedErr) = await RunAsync("savepoint", jobId); // no directory given, none configured
        Assert.Equal(1, failedCode);
        Assert.StartsWith("[ERROR] The savepoint failed: ", failedErr);
        Assert.Contains("execution.checkpointing.savepoint-dir", failedErr);

        var (code, output, err) = await RunAsync("savepoint", jobId, target);
        Assert.Equal("", err);
        Assert.Equal(0, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal($"Triggering savepoint for job {jobId}.", lines[0]);
        Assert.StartsWith("Savepoint completed. Path: " + target + "/", lines[1]);
        var first = lines[1]["Savepoint completed. Path: ".Length..];
        Assert.True(File.Exists(Path.Combine(first, "_metadata")), first);
        Assert.False(engine.HasExited); // a savepoint alone does not stop the job

        var listed = await ListUntilAsync(jobId);
        Assert.Matches(@"\| +savepoint \d+ at \d{4}-\d\d-\d\dT", listed.Split('\n').Single(l => l.Contains(jobId)));

        var (stopCode, stopped, stopErr) = await RunAsync("stop", "insert-into_default_catalog.default_database.sink", "--savepoint", target);
        Assert.Equal("", stopErr);
        Assert.Equal(0, stopCode);
        var stopLines = stopped.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal($"Stopping job {jobId} with a savepoint.", stopLines[0]);
        var second = stopLines[1]["Savepoint completed. Path: ".Length..];
        Assert.NotEqual(first, second);
        Assert.True(File.Exists(Path.Combine(second, "_metadata")), second);

        // The job finished: the script's engine exits normally and unregisters.
        await engine.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(0, engine.ExitCode);
        Assert.Equal("", await engineErr);
        Assert.Empty(Directory.GetFiles(EnginesDirectory, "*.json"));
    }

    public void Dispose() => _processes.Dispose();
}
