using System.Globalization;
using StreamSql.Execution.Runtime;
using StreamSql.Kafka.Tests.Fixture;

namespace StreamSql.Kafka.Tests;

/// <summary>Per-partition watermarks, as Flink's KafkaSource generates them: one subtask reads two partitions whose event
/// times are far apart, and a window over the slow partition's rows is not dropped as late because the fast partition ran
/// ahead; an idle partition does not hold the watermark back; a restore keeps the partitions' watermarks.</summary>
public sealed class KafkaWatermarkTests : IDisposable
{
    private readonly MockKafkaCluster _cluster = new();
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "streamsql-tests", "kafka-watermarks-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        _cluster.Dispose();
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    /// <summary>Every batch is one record and every batch moves the watermark: nothing hides a late row in a batch.</summary>
    private static StreamSqlEnvironment Session(TextWriter? output = null, params (string Key, string Value)[] settings)
    {
        var options = new StreamSqlOptions { Output = output ?? TextWriter.Null, StopTimeout = TimeSpan.FromSeconds(10) };
        options.Settings["execution.batch.max-rows"] = "1";
        options.Settings["pipeline.auto-watermark-interval"] = "0";
        foreach (var (k, v) in settings) options.Settings[k] = v;
        return StreamSqlEnvironment.Create(options);
    }

    /// <summary>A table over <paramref name="topic"/> read by one subtask, with the watermark on the value's time.</summary>
    private string Table(string topic, params string[] options) =>
        $"CREATE TABLE {topic} (id INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH ('connector' = 'kafka', 'topic' = '{topic}', "
        + $"'properties.bootstrap.servers' = '{_cluster.BootstrapServers}', 'format' = 'json', 'scan.parallelism' = '1', "
        + "'scan.startup.mode' = 'earliest-offset'" + string.Concat(options.Select(o => ", " + o)) + ")";

    private static (int, string?, string) Record(int partition, int id, string time) =>
        (partition, null, $"{{\"id\": {id}, \"ts\": \"2024-01-01 {time}\"}}");

    private static string Counts(string topic) =>
        $"SELECT window_start, COUNT(*) AS n FROM TABLE(TUMBLE(TABLE {topic}, DESCRIPTOR(ts), INTERVAL '1' MINUTE)) GROUP BY window_start, window_end";

    [Theory]
    [InlineData(2, 1)]
    [InlineData(4, 2)]
    public async Task A_window_over_the_slow_partitions_rows_is_not_dropped_when_the_other_partition_runs_far_ahead(int partitions, int subtasks)
    {
        var topic = "skewed" + partitions;
        _cluster.CreateTopic(topic, partitions);
        // Each partition has its slow rows first, then rows two hours later. Whichever partition the client delivers first,
        // one watermark over the subtask's interleaved rows would pass 12:00 before the other partition's 10:00 rows came.
        _cluster.Produce(topic, Enumerable.Range(0, partitions).SelectMany(p => new[]
        {
            Record(p, 10 * p + 1, $"10:00:0{p + 1}"), Record(p, 10 * p + 2, $"10:00:1{p + 1}"), Record(p, 10 * p + 3, $"12:00:0{p + 1}"),
        }));
        await using var env = Session(settings: ("parallelism.default", "3"));
        env.ExecuteSql(Table(topic, "'scan.bounded.mode' = 'latest-offset'").Replace("'scan.parallelism' = '1'", $"'scan.parallelism' = '{subtasks}'", StringComparison.Ordinal));

        await using var result = env.Query(Counts(topic));
        var rows = await result.ToListAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(JobStatus.Finished, result.Job.Status);
        Assert.Equal(new[] { $"2024-01-01 10:00:00|{2 * partitions}", $"2024-01-01 12:00:00|{partitions}" },
            rows.Select(r => string.Join("|", r.Values.Select(Text))).OrderBy(s => s, StringComparer.Ordinal));
    }

    /// <summary>The timeout comes from the session (<c>table.exec.source.idle-timeout</c>) or from the table's own
    /// <c>scan.watermark.idle-timeout</c>, which Flink applies to the kafka source it pushes the watermark into.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_partition_without_records_for_the_idle_timeout_no_longer_holds_the_watermark_back(bool tableOption)
    {
        _cluster.CreateTopic("quiet", 2); // partition 0 never gets a record
        await using var env = tableOption ? Session() : Session(settings: ("table.exec.source.idle-timeout", "500 ms"));
        env.ExecuteSql(tableOption ? Table("quiet", "'scan.watermark.idle-timeout' = '500 ms'") : Table("quiet"));

        await using var result = env.Query(Counts("quiet"));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        // Partition 1 keeps going (10 s of event time per record, a record every 100 ms): an active partition is what
        // moves the watermark once the empty one is idle.
        var producing = Task.Run(async () =>
        {
            for (int i = 0; !timeout.IsCancellationRequested; i++)
            {
                var time = new TimeSpan(10, 0, 0) + TimeSpan.FromSeconds(10 * i);
                _cluster.Produce("quiet", new[] { Record(1, i, time.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture)) });
                await Task.Delay(100, timeout.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        });
        string? first = null;
        await foreach (var row in result.ReadRowsAsync(timeout.Token))
        {
            first = string.Join("|", row.Values.Select(Text));
            break;
        }
        await timeout.CancelAsync();
        await producing;

        Assert.Equal("2024-01-01 10:00:00|6", first); // 10:00:00 ... 10:00:50, none late
        await result.CancelAsync().WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_restored_job_keeps_the_slow_partitions_watermark_instead_of_the_fast_ones()
    {
        _cluster.CreateTopic("resumed", 2);
        var output = new StringWriter();
        var printed = TextWriter.Synchronized(output);
        string Printed()
        {
            lock (printed) return output.ToString();
        }
        await using var env = Session(printed, ("execution.checkpointing.savepoint-dir", _dir), ("pipeline.name", "resumed-job"));
        env.ExecuteSql(Table("resumed"));
        env.ExecuteSql("CREATE TABLE out (window_start TIMESTAMP(3), n BIGINT) WITH ('connector' = 'print')");
        var insert = "INSERT INTO out " + Counts("resumed");
        _cluster.Produce("resumed", new[] { Record(0, 1, "10:00:01"), Record(0, 2, "10:01:30"), Record(1, 3, "12:00:01") });
        var first = Assert.IsType<JobSubmittedResult>(env.ExecuteSql(insert));
        // The 10:00 window fires only once both partitions have a watermark past 10:01: every record above was read.
        await WaitUntil(() => Printed().Contains("+I[2024-01-01T10:00, 1]", StringComparison.Ordinal), "the 10:00 window", Printed);

        var stop = Assert.IsType<TableTextResult>(await env.ExecuteSqlAsync("STOP JOB 'resumed-job' WITH SAVEPOINT").WaitAsync(TimeSpan.FromSeconds(30)));
        var savepoint = Assert.Single(stop.Rows)[0]!;
        Assert.Equal(JobStatus.Finished, first.Job.Status);
        // Partition 1 runs on; partition 0's rows are still on time for its own watermark (10:01:30), restored with the job.
        _cluster.Produce("resumed", new[] { Record(1, 4, "12:00:30"), Record(0, 5, "10:01:40"), Record(0, 6, "10:02:10") });
        var resumed = Assert.IsType<JobSubmittedResult>(env.ExecuteSql($"EXECUTE {insert} FROM SAVEPOINT '{savepoint}'"));
        await WaitUntil(() => Printed().Contains("+I[2024-01-01T10:01, 2]", StringComparison.Ordinal), "the 10:01 window with both of its rows", Printed);
        await resumed.Job.CancelAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(new[] { "+I[2024-01-01T10:00, 1]", "+I[2024-01-01T10:01, 2]" },
            Printed().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    private static async Task WaitUntil(Func<bool> condition, string what, Func<string> seen)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"waited 60 s for {what}; printed so far:\n{seen()}");
            await Task.Delay(20);
        }
    }

    private static string Text(object? value) => value switch
    {
        null => "NULL",
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)!,
    };
}
