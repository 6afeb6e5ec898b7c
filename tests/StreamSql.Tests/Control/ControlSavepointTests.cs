using StreamSql.Control;
using StreamSql.Execution.Runtime;

namespace StreamSql.Tests.Control;

/// <summary>Savepoints through the control endpoint against the checkpoint runtime: trigger (the job goes on), stop
/// with savepoint (the job finishes), the checkpoint statistics that follow, and a failure that reports its reason.</summary>
public sealed class ControlSavepointTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "streamsql-control-sp-" + Guid.NewGuid().ToString("N"));
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    private StreamSqlEnvironment Session(bool withSavepointDir = true, params (string, string)[] more)
    {
        var settings = new List<(string, string)>(more) { ("rest.bind-port", "0") };
        if (withSavepointDir) settings.Add(("state.savepoints.dir", Path.Combine(_dir, "default-savepoints")));
        var env = Sessions.Create(null, settings.ToArray());
        env.ExecuteSql("CREATE TABLE endless (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '50', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '1000000')");
        env.ExecuteSql("CREATE TABLE sink (id BIGINT) WITH ('connector' = 'blackhole')");
        return env;
    }

    private async Task<(ControlEndpoint Endpoint, ControlClient Client, JobClient Job)> StartAsync(StreamSqlEnvironment env)
    {
        var endpoint = ControlEndpoint.Attach(env, new EngineDiscovery(Path.Combine(_dir, "engines")), startDelay: TimeSpan.Zero);
        var job = Assert.IsType<JobSubmittedResult>(env.ExecuteSql("INSERT INTO sink SELECT id FROM endless")).Job;
        var url = await endpoint.Started.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.NotNull(url);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (job.Status != JobStatus.Running && DateTime.UtcNow < deadline) await Task.Delay(20);
        return (endpoint, new ControlClient(url!, _http), job);
    }

    [Fact]
    public async Task A_triggered_savepoint_lands_in_the_given_directory_and_the_job_goes_on()
    {
        await using var env = Session();
        var (endpoint, client, job) = await StartAsync(env);
        await using var _ = endpoint;
        var target = Path.Combine(_dir, "mine");

        var trigger = await client.TriggerSavepointAsync(job.Id, target);
        var path = await client.WaitForSavepointAsync(job.Id, trigger).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.StartsWith(target + Path.DirectorySeparatorChar, path);
        Assert.True(File.Exists(Path.Combine(path, "_metadata")), "the savepoint has its metadata");
        Assert.Equal(JobStatus.Running, job.Status);
        var stats = await client.GetCheckpointsAsync(job.Id);
        Assert.Equal(path, stats.Latest.Savepoint?.ExternalPath);
        Assert.True(stats.Latest.Savepoint!.IsSavepoint);
        Assert.Equal("SAVEPOINT", stats.Latest.Savepoint.CheckpointType);
        Assert.Contains(stats.History, c => c.ExternalPath == path);
        Assert.True(stats.Counts.Completed >= 1);
    }

    [Fact]
    public async Task Stop_with_savepoint_finishes_the_job_into_the_default_directory()
    {
        await using var env = Session();
        var (endpoint, client, job) = await StartAsync(env);
        await using var _ = endpoint;

        var trigger = await client.StopWithSavepointAsync(job.Id, targetDirectory: null, drain: false);
        var path = await client.WaitForSavepointAsync(job.Id, trigger).WaitAsync(TimeSpan.FromSeconds(30));
        await job.WaitAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(JobStatus.Finished, job.Status);
        Assert.StartsWith(Path.Combine(_dir, "default-savepoints", "savepoint-"), path);
        Assert.True(File.Exists(Path.Combine(path, "_metadata")));
        Assert.Equal("FINISHED", (await client.GetJobAsync(job.Id)).State);
    }

    [Fact]
    public async Task A_savepoint_without_a_directory_fails_with_the_reason_and_the_job_goes_on()
    {
        await using var env = Session(withSavepointDir: false);
        var (endpoint, client, job) = await StartAsync(env);
        await using var _ = endpoint;

        var trigger = await client.TriggerSavepointAsync(job.Id, null);
        var e = await Assert.ThrowsAsync<ControlClientException>(() => client.WaitForSavepointAsync(job.Id, trigger).WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.StartsWith("The savepoint failed: ", e.Message);
        Assert.Contains("savepoint", e.Message["The savepoint failed: ".Length..], StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", e.Message);
        Assert.Equal(JobStatus.Running, job.Status);
    }

    [Fact]
    public async Task Periodic_checkpoints_show_in_the_checkpoint_statistics()
    {
        await using var env = Session(true, ("execution.checkpointing.interval", "100ms"), ("state.checkpoints.dir", Path.Combine(_dir, "checkpoints")));
        var (endpoint, client, job) = await StartAsync(env);
        await using var _ = endpoint;

        CheckpointingStatistics stats;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        do
        {
            stats = await client.GetCheckpointsAsync(job.Id);
            if (stats.Counts.Completed >= 2) break;
            await Task.Delay(50);
        }
        while (DateTime.UtcNow < deadline);

        Assert.True(stats.Counts.Completed >= 2, $"{stats.Counts.Completed} checkpoints completed");
        var latest = stats.Latest.Completed!;
        Assert.Equal("CHECKPOINT", latest.CheckpointType);
        Assert.False(latest.IsSavepoint);
        Assert.Equal("COMPLETED", latest.Status);
        Assert.Equal(stats.History.Max(c => c.Id), latest.Id);
        Assert.True(job.Handle.LatestCompletedCheckpoint!.CheckpointId >= latest.Id);
        Assert.True(latest.LatestAckTimestamp >= latest.TriggerTimestamp);
        Assert.Null(stats.Latest.Savepoint);
    }

    public void Dispose()
    {
        _http.Dispose();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
