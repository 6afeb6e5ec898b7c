using Xunit.Abstractions;
using StreamSql.Execution.Runtime;

namespace StreamSql.Kafka.Tests;

/// <summary>A kafka source with a large backlog already in its topic: checkpoints complete while it reads, not only once
/// it reached the end (a source that read its whole backlog before taking a barrier would checkpoint nothing in between).</summary>
public sealed class KafkaBacklogCheckpointTests(ITestOutputHelper output) : IDisposable
{
    private readonly MockKafkaCluster _cluster = new();
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "streamsql-tests", "kafka-backlog-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        _cluster.Dispose();
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Checkpoints_complete_while_a_source_reads_a_large_backlog()
    {
        const int Partitions = 4, Records = 400_000; // about 2 MB a partition, under the mock's 5 MiB
        _cluster.CreateTopic("backlog", Partitions);
        _cluster.Produce("backlog", Enumerable.Range(0, Records).Select(i => (i % Partitions, (string?)null, $"{{\"id\": {i}}}")));

        var options = new StreamSqlOptions { Output = TextWriter.Null, StopTimeout = TimeSpan.FromSeconds(10) };
        options.Settings["execution.checkpointing.interval"] = "100 ms";
        await using var env = StreamSqlEnvironment.Create(options);
        env.ExecuteSql("CREATE TABLE backlog (id INT) WITH ('connector' = 'kafka', 'topic' = 'backlog', "
            + $"'properties.bootstrap.servers' = '{_cluster.BootstrapServers}', 'format' = 'json', "
            + "'scan.startup.mode' = 'earliest-offset', 'scan.bounded.mode' = 'latest-offset')");
        // A sink that commits on checkpoints: the job's last checkpoint is the final one, taken once the source ended.
        env.ExecuteSql($"CREATE TABLE out (id INT) WITH ('connector' = 'filesystem', 'path' = '{_dir}', 'format' = 'csv')");
        var job = Assert.IsType<JobSubmittedResult>(env.ExecuteSql("INSERT INTO out SELECT id FROM backlog")).Job;
        var started = DateTimeOffset.UtcNow;
        await job.WaitAsync().WaitAsync(TimeSpan.FromSeconds(240));
        Assert.Equal(JobStatus.Finished, job.Status);

        var checkpoints = job.Checkpoints.Where(c => !c.IsSavepoint).OrderBy(c => c.CheckpointId).ToList();
        Assert.NotEmpty(checkpoints);
        var final = checkpoints[^1];
        var duringRead = checkpoints.Where(c => c.TriggerTime + c.Duration < final.TriggerTime).ToList();
        var summary = $"{duringRead.Count} checkpoint(s) completed before the source ended, {(final.TriggerTime - started).TotalMilliseconds:0} ms after "
            + "the job started (id@trigger+duration): " + string.Join(", ", checkpoints.Select(c =>
                $"{c.CheckpointId}@{(c.TriggerTime - started).TotalMilliseconds:0}+{c.Duration.TotalMilliseconds:0}ms"));
        output.WriteLine(summary);
        Assert.True(duringRead.Count >= 3, summary);
        Assert.Equal(Records, Directory.EnumerateFiles(_dir, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).StartsWith('.')).Sum(f => File.ReadLines(f).Count()));
    }
}
