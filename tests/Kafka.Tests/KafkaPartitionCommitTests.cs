using System.Globalization;
using StreamSql.Kafka.Tests.Fixture;

namespace StreamSql.Kafka.Tests;

/// <summary>A partition-time commit of a filesystem sink fed by a Kafka source whose subtasks do not all get data.</summary>
public sealed class KafkaPartitionCommitTests : IDisposable
{
    private readonly MockKafkaCluster _cluster = new();
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "streamsql-tests", "kafka-partition-commit-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        _cluster.Dispose();
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task A_sink_subtask_chained_to_an_idle_source_subtask_does_not_hold_back_partition_time_commits()
    {
        // One partition read at parallelism 2: source subtask 1 never gets a row, nor does the sink subtask chained to it,
        // and no watermark reaches that sink subtask. Once the source subtask is idle (table.exec.source.idle-timeout) it
        // must be left out of the sink's watermark, or no partition would ever be committed.
        _cluster.CreateTopic("events", 1);
        var options = new StreamSqlOptions { Output = TextWriter.Null, StopTimeout = TimeSpan.FromSeconds(10) };
        options.Settings["parallelism.default"] = "2";
        options.Settings["pipeline.auto-watermark-interval"] = "0";
        options.Settings["execution.checkpointing.interval"] = "200 ms";
        options.Settings["table.exec.source.idle-timeout"] = "500 ms";
        await using var env = StreamSqlEnvironment.Create(options);
        env.ExecuteSql("CREATE TABLE events (id INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH ('connector' = 'kafka', 'topic' = 'events', "
            + $"'properties.bootstrap.servers' = '{_cluster.BootstrapServers}', 'format' = 'json', 'scan.startup.mode' = 'earliest-offset')");
        env.ExecuteSql("CREATE TABLE out (id INT, dt STRING, hr STRING) PARTITIONED BY (dt, hr) WITH ('connector' = 'filesystem', "
            + $"'path' = '{_dir}', 'format' = 'csv', 'sink.partition-commit.trigger' = 'partition-time', "
            + "'partition.time-extractor.timestamp-pattern' = '$dt $hr:00:00', 'sink.partition-commit.policy.kind' = 'success-file')");
        var job = Assert.IsType<JobSubmittedResult>(env.ExecuteSql(
            "INSERT INTO out SELECT id, DATE_FORMAT(ts, 'yyyy-MM-dd'), DATE_FORMAT(ts, 'HH') FROM events")).Job;

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        // A record a minute of event time every 50 ms: the watermark passes 11:00 (the end of hour 10) after 61 records.
        var producing = Task.Run(async () =>
        {
            for (int i = 0; !timeout.IsCancellationRequested; i++)
            {
                var time = new TimeSpan(10, 0, 0) + TimeSpan.FromMinutes(i % 600);
                _cluster.Produce("events", new[] { (0, (string?)null, $"{{\"id\": {i}, \"ts\": \"2024-01-01 {time.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture)}\"}}") });
                await Task.Delay(50, timeout.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        });
        var success = Path.Combine(_dir, "dt=2024-01-01", "hr=10", "_SUCCESS");
        try
        {
            while (!File.Exists(success))
            {
                Assert.False(job.IsTerminal, $"the job ended: {job.Status}");
                Assert.False(timeout.IsCancellationRequested, "no partition was committed in 60 s: the idle sink subtask held the watermark back");
                await Task.Delay(50);
            }
        }
        finally
        {
            await timeout.CancelAsync();
            await producing;
            await job.CancelAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(_dir, "dt=2024-01-01", "hr=10"), "part-*"));
    }
}
