using System.Globalization;
using StreamSql.Execution.Runtime;
using StreamSql.Kafka.Tests.Fixture;

namespace StreamSql.Kafka.Tests;

/// <summary>
/// An upsert-kafka source generates its watermarks per partition, as a kafka source does (Flink pushes the watermark into
/// the scan, below the ChangelogNormalize): one subtask reads partitions whose event times are far apart, and a window over
/// the slow partition's rows is not dropped as late because the fast partition ran ahead.
/// </summary>
public sealed class UpsertKafkaWatermarkTests : IDisposable
{
    private readonly MockKafkaCluster _cluster = new();

    public void Dispose() => _cluster.Dispose();

    private static StreamSqlEnvironment Session()
    {
        var options = new StreamSqlOptions { Output = TextWriter.Null, StopTimeout = TimeSpan.FromSeconds(10) };
        // Every batch is one record and every batch moves the watermark: nothing hides a late row in a batch.
        options.Settings["execution.batch.max-rows"] = "1";
        options.Settings["pipeline.auto-watermark-interval"] = "0";
        options.Settings["parallelism.default"] = "3";
        return StreamSqlEnvironment.Create(options);
    }

    /// <summary>The rowtime is a value column, or computed from one.</summary>
    private string Table(string topic, int subtasks, bool computed) =>
        $"CREATE TABLE {topic} (id INT, {(computed ? "t STRING, ts AS TO_TIMESTAMP(t)" : "ts TIMESTAMP(3)")}, PRIMARY KEY (id) NOT ENFORCED, "
        + $"WATERMARK FOR ts AS ts) WITH ('connector' = 'upsert-kafka', 'topic' = '{topic}', 'properties.bootstrap.servers' = '{_cluster.BootstrapServers}', "
        + $"'key.format' = 'json', 'value.format' = 'json', 'scan.parallelism' = '{subtasks}', 'scan.bounded.mode' = 'latest-offset')";

    private static (int, string, string?) Record(int partition, int id, string time, bool computed) =>
        (partition, $"{{\"id\": {id}}}", $"{{\"id\": {id}, \"{(computed ? "t" : "ts")}\": \"2024-01-01 {time}\"}}");

    private static string Counts(string topic) =>
        $"SELECT window_start, COUNT(*) AS n FROM TABLE(TUMBLE(TABLE {topic}, DESCRIPTOR(ts), INTERVAL '1' MINUTE)) GROUP BY window_start, window_end";

    [Theory]
    [InlineData(2, 1, false)]
    [InlineData(4, 2, false)]
    [InlineData(2, 1, true)]
    public async Task A_window_over_the_slow_partitions_rows_is_not_dropped_when_the_other_partition_runs_far_ahead(int partitions, int subtasks, bool computed)
    {
        var topic = $"upskewed{partitions}{(computed ? "c" : "")}";
        _cluster.CreateTopic(topic, partitions);
        // Each partition has its slow rows first, then rows two hours later (every record a key of its own: all inserts).
        _cluster.ProduceUpserts(topic, Enumerable.Range(0, partitions).SelectMany(p => new[]
        {
            Record(p, 10 * p + 1, $"10:00:0{p + 1}", computed), Record(p, 10 * p + 2, $"10:00:1{p + 1}", computed),
            Record(p, 10 * p + 3, $"12:00:0{p + 1}", computed),
        }));
        await using var env = Session();
        env.ExecuteSql(Table(topic, subtasks, computed));

        var plan = Assert.IsType<ExplainTextResult>(env.ExecuteSql("EXPLAIN " + Counts(topic))).Text;
        var optimized = plan[plan.IndexOf("== Optimized Physical Plan ==", StringComparison.Ordinal)..];
        Assert.True(optimized.IndexOf("WatermarkAssigner", StringComparison.Ordinal) > optimized.IndexOf("ChangelogNormalize", StringComparison.Ordinal),
            "the watermark is generated below the ChangelogNormalize:\n" + optimized);

        await using var result = env.Query(Counts(topic));
        var rows = await result.ToListAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(JobStatus.Finished, result.Job.Status);
        Assert.Equal(new[] { $"2024-01-01 10:00:00|{2 * partitions}", $"2024-01-01 12:00:00|{partitions}" },
            rows.Select(r => string.Join("|", r.Values.Select(Text))).OrderBy(s => s, StringComparer.Ordinal));
    }

    private static string Text(object? value) => value switch
    {
        null => "NULL",
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)!,
    };
}
