using StreamSql.Execution.Runtime;
using StreamSql.Kafka.Tests.Fixture;

namespace StreamSql.Kafka.Tests;

/// <summary>The kafka source through SQL, against the mock cluster: bounded ranges, formats, metadata, bad records.</summary>
public sealed class KafkaSourceTests : IDisposable
{
    private readonly MockKafkaCluster _cluster = new();

    public void Dispose() => _cluster.Dispose();

    private static StreamSqlEnvironment Session() =>
        StreamSqlEnvironment.Create(new StreamSqlOptions { Output = TextWriter.Null, StopTimeout = TimeSpan.FromSeconds(10) });

    private string Table(string name, string columns, string topic, params string[] options) =>
        $"CREATE TABLE {name} ({columns}) WITH ('connector' = 'kafka', 'topic' = '{topic}', "
        + $"'properties.bootstrap.servers' = '{_cluster.BootstrapServers}'" + string.Concat(options.Select(o => ", " + o)) + ")";

    private static async Task<List<string>> Rows(StreamSqlEnvironment env, string select)
    {
        await using var result = env.Query(select);
        var rows = await result.ToListAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(JobStatus.Finished, result.Job.Status);
        return rows.Select(r => string.Join("|", r.Values.Select(v => v?.ToString() ?? "NULL"))).OrderBy(s => s, StringComparer.Ordinal).ToList();
    }

    [Fact]
    public async Task A_bounded_read_from_earliest_to_latest_returns_exactly_the_records_with_their_metadata()
    {
        _cluster.CreateTopic("orders", 3);
        _cluster.Produce("orders", Enumerable.Range(0, 30).Select(i => (i % 3, (string?)null, $"{{\"id\": {i}, \"item\": \"item-{i}\"}}")));
        await using var env = Session();
        env.ExecuteSql(Table("orders", "id INT, item STRING, p INT METADATA FROM 'partition' VIRTUAL, o BIGINT METADATA FROM 'offset' VIRTUAL, t STRING METADATA FROM 'topic' VIRTUAL",
            "orders", "'format' = 'json'", "'scan.startup.mode' = 'earliest-offset'", "'scan.bounded.mode' = 'latest-offset'"));

        var rows = await Rows(env, "SELECT id, item, p, o, t FROM orders");

        var expected = Enumerable.Range(0, 30).Select(i => $"{i}|item-{i}|{i % 3}|{i / 3}|orders").OrderBy(s => s, StringComparer.Ordinal).ToList();
        Assert.Equal(expected, rows);
    }

    [Fact]
    public async Task A_table_with_its_own_scan_parallelism_reads_every_record_once()
    {
        _cluster.CreateTopic("wide", 4);
        _cluster.Produce("wide", Enumerable.Range(0, 40).Select(i => (i % 4, (string?)null, $"{{\"id\": {i}}}")));
        await using var env = Session();
        env.ExecuteSql(Table("wide", "id INT", "wide", "'format' = 'json'", "'scan.parallelism' = '3'",
            "'scan.startup.mode' = 'earliest-offset'", "'scan.bounded.mode' = 'latest-offset'"));

        Assert.Equal(Enumerable.Range(0, 40).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).OrderBy(s => s, StringComparer.Ordinal),
            await Rows(env, "SELECT id FROM wide"));
    }

    [Fact]
    public async Task An_unbounded_source_with_a_watermark_on_the_record_timestamp_delivers_records_as_they_arrive_and_cancels()
    {
        _cluster.CreateTopic("live", 2);
        _cluster.Produce("live", new[] { (0, (string?)null, "{\"id\": 1}") }, timestampMs: 1_000);
        await using var env = Session();
        env.ExecuteSql(Table("live", "id INT, ts TIMESTAMP_LTZ(3) METADATA FROM 'timestamp', WATERMARK FOR ts AS ts - INTERVAL '1' SECOND",
            "live", "'format' = 'json'", "'scan.startup.mode' = 'earliest-offset'"));

        await using var result = env.Query("SELECT id, ts FROM live");
        var seen = new List<int>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await foreach (var row in result.ReadRowsAsync(timeout.Token))
        {
            seen.Add((int)row[0]!);
            if (seen.Count == 1) _cluster.Produce("live", new[] { (1, (string?)null, "{\"id\": 2}") }, timestampMs: 2_000);
            if (seen.Count == 2) break;
        }
        Assert.Equal(new[] { 1, 2 }, seen);
        await result.CancelAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(JobStatus.Canceled, result.Job.Status);
    }

    [Fact]
    public async Task The_headers_metadata_column_is_a_map_of_the_records_headers_with_the_last_value_of_a_repeated_key()
    {
        _cluster.CreateTopic("headed", 1);
        _cluster.ProduceWithHeaders("headed", 0, "{\"id\": 1}", ("trace", "abc"), ("dup", "first"), ("none", null), ("dup", "second"));
        _cluster.ProduceWithHeaders("headed", 0, "{\"id\": 2}");
        await using var env = Session();
        env.ExecuteSql(Table("headed", "id INT, h MAP<STRING, BYTES> METADATA FROM 'headers' VIRTUAL", "headed", "'format' = 'json'",
            "'scan.startup.mode' = 'earliest-offset'", "'scan.bounded.mode' = 'latest-offset'"));

        await using var result = env.Query("SELECT id, h['trace'], h['dup'], h['none'] IS NULL, CARDINALITY(h) FROM headed");
        var rows = (await result.ToListAsync().WaitAsync(TimeSpan.FromSeconds(60))).OrderBy(r => (int)r[0]!).ToList();

        Assert.Equal(2, rows.Count);
        Assert.Equal("abc"u8.ToArray(), Assert.IsType<byte[]>(rows[0][1]));
        Assert.Equal("second"u8.ToArray(), Assert.IsType<byte[]>(rows[0][2]));
        Assert.Equal(new object?[] { true, 3 }, new[] { rows[0][3], rows[0][4] });
        Assert.Equal(new object?[] { 2, null, null, true, 0 }, rows[1].Values);

        env.ExecuteSql(Table("bad_headers", "id INT, h STRING METADATA FROM 'headers'", "headed", "'format' = 'json'"));
        var wrongType = Assert.ThrowsAny<Exception>(() => env.ExecuteSql("EXPLAIN SELECT * FROM bad_headers"));
        Assert.Contains("reads 'headers', which is MAP<STRING, BYTES>, not STRING", wrongType.Message);
    }

    [Fact]
    public async Task Specific_start_and_stop_offsets_read_a_fixed_range_per_partition()
    {
        _cluster.CreateTopic("range", 2);
        _cluster.Produce("range", Enumerable.Range(0, 20).Select(i => (i % 2, (string?)null, $"{{\"id\": {i}}}")));
        await using var env = Session();
        env.ExecuteSql(Table("r", "id INT", "range", "'format' = 'json'", "'scan.startup.mode' = 'specific-offsets'",
            "'scan.startup.specific-offsets' = 'partition:0,offset:2;partition:1,offset:5'",
            "'scan.bounded.mode' = 'specific-offsets'", "'scan.bounded.specific-offsets' = 'partition:0,offset:4;partition:1,offset:7'"));

        var rows = await Rows(env, "SELECT id FROM r");

        // partition 0 holds ids 0,2,4,...: offsets 2..3 are ids 4, 6; partition 1 holds 1,3,5,...: offsets 5..6 are ids 11, 13.
        Assert.Equal(new[] { "11", "13", "4", "6" }, rows);
    }

    [Fact]
    public async Task Csv_and_raw_values_and_a_json_key_with_except_key()
    {
        _cluster.CreateTopic("csvs", 1);
        _cluster.Produce("csvs", new[] { (0, (string?)"{\"k\": 7}", "a,1.5"), (0, "{\"k\": 8}", "\"b,c\",2.5") });
        await using var env = Session();
        env.ExecuteSql(Table("c", "k INT, name STRING, price DOUBLE", "csvs", "'value.format' = 'csv'", "'key.format' = 'json'",
            "'key.fields' = 'k'", "'value.fields-include' = 'EXCEPT_KEY'", "'scan.startup.mode' = 'earliest-offset'", "'scan.bounded.mode' = 'latest-offset'"));
        env.ExecuteSql(Table("raw", "line STRING", "csvs", "'format' = 'raw'", "'scan.startup.mode' = 'earliest-offset'", "'scan.bounded.mode' = 'latest-offset'"));

        Assert.Equal(new[] { "7|a|1.5", "8|b,c|2.5" }, await Rows(env, "SELECT k, name, price FROM c"));
        Assert.Equal(new[] { "2.5|b,c", "1.5|a" }.OrderBy(s => s, StringComparer.Ordinal), await Rows(env, "SELECT price, name FROM c"));
        Assert.Equal(new[] { "\"b,c\",2.5", "a,1.5" }, await Rows(env, "SELECT line FROM raw"));
    }

    [Fact]
    public async Task A_malformed_record_fails_the_job_naming_topic_partition_and_offset_unless_ignored()
    {
        _cluster.CreateTopic("bad", 1);
        _cluster.Produce("bad", new[] { (0, (string?)null, "{\"id\": 1}"), (0, null, "{\"id\": oops}"), (0, null, "{\"id\": 3}") });
        await using var env = Session();
        env.ExecuteSql(Table("b", "id INT", "bad", "'format' = 'json'", "'scan.startup.mode' = 'earliest-offset'", "'scan.bounded.mode' = 'latest-offset'"));
        env.ExecuteSql(Table("lenient", "id INT", "bad", "'format' = 'json'", "'json.ignore-parse-errors' = 'true'",
            "'scan.startup.mode' = 'earliest-offset'", "'scan.bounded.mode' = 'latest-offset'"));

        await using var result = env.Query("SELECT id FROM b");
        var error = await Assert.ThrowsAsync<JobFailedException>(() => result.ToListAsync().WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("topic 'bad', partition 0, offset 1", error.Message);
        Assert.Contains("invalid JSON", error.Message);
        Assert.Contains("'json.ignore-parse-errors'", error.Message);
        Assert.DoesNotContain("   at ", error.Message);

        Assert.Equal(new[] { "1", "3" }, await Rows(env, "SELECT id FROM lenient"));
    }

    [Fact]
    public async Task Group_offsets_without_a_committed_offset_and_without_a_reset_strategy_is_a_clear_error()
    {
        _cluster.CreateTopic("groups", 1);
        _cluster.Produce("groups", new[] { (0, (string?)null, "{\"id\": 1}") });
        await using var env = Session();
        env.ExecuteSql(Table("g", "id INT", "groups", "'format' = 'json'", "'properties.group.id' = 'g1'", "'scan.bounded.mode' = 'latest-offset'"));
        env.ExecuteSql(Table("g2", "id INT", "groups", "'format' = 'json'", "'properties.group.id' = 'g1'", "'properties.auto.offset.reset' = 'earliest'",
            "'scan.bounded.mode' = 'latest-offset'"));

        await using var result = env.Query("SELECT id FROM g");
        var error = await Assert.ThrowsAsync<JobFailedException>(() => result.ToListAsync().WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("no committed offset for groups[0]", error.Message);
        Assert.Contains("'properties.auto.offset.reset'", error.Message);

        Assert.Equal(new[] { "1" }, await Rows(env, "SELECT id FROM g2"));
    }

    [Fact]
    public async Task A_bounded_job_commits_its_offsets_to_the_group_and_the_next_job_starts_from_them()
    {
        _cluster.CreateTopic("committed", 2);
        _cluster.Produce("committed", Enumerable.Range(1, 10).Select(i => (i % 2, (string?)null, $"{{\"id\": {i}}}")));
        await using var env = Session();
        env.ExecuteSql(Table("first", "id INT", "committed", "'format' = 'json'", "'properties.group.id' = 'report'",
            "'scan.startup.mode' = 'earliest-offset'", "'scan.bounded.mode' = 'latest-offset'"));
        env.ExecuteSql(Table("next", "id INT", "committed", "'format' = 'json'", "'properties.group.id' = 'report'",
            "'scan.bounded.mode' = 'latest-offset'"));

        Assert.Equal(10, (await Rows(env, "SELECT id FROM first")).Count);
        _cluster.Produce("committed", Enumerable.Range(11, 4).Select(i => (i % 2, (string?)null, $"{{\"id\": {i}}}")));

        Assert.Equal(new[] { "11", "12", "13", "14" }, await Rows(env, "SELECT id FROM next"));
    }

    [Fact]
    public void Options_are_checked_when_a_statement_reads_or_writes_the_table_each_for_its_role()
    {
        using var env = Session().AsDisposable();
        Exception Used(string create, string use)
        {
            env.Value.ExecuteSql(create);
            return Assert.ThrowsAny<Exception>(() => env.Value.ExecuteSql(use));
        }
        env.Value.ExecuteSql("CREATE TABLE g (id INT) WITH ('connector' = 'datagen', 'number-of-rows' = '1')");
        var noTopic = Used("CREATE TABLE x (id INT) WITH ('connector' = 'kafka', 'properties.bootstrap.servers' = 'h:1', 'format' = 'json')",
            "EXPLAIN SELECT * FROM x");
        Assert.Contains("Unable to create a source for reading table 'default_catalog.default_database.x'", noTopic.Message);
        Assert.Contains("Either 'topic' or 'topic-pattern' must be set", noTopic.Message);
        var noFormat = Used("CREATE TABLE w (id INT) WITH ('connector' = 'kafka', 'topic' = 't', 'properties.bootstrap.servers' = 'h:1')",
            "EXPLAIN INSERT INTO w SELECT id FROM g");
        Assert.Contains("Unable to create a sink for writing table 'default_catalog.default_database.w'", noFormat.Message);
        Assert.Contains("Could not find required sink format 'value.format'.", noFormat.Message);
        Assert.Contains("Could not find required scan format 'value.format'.", Assert.ThrowsAny<Exception>(() => env.Value.ExecuteSql("EXPLAIN SELECT * FROM w")).Message);
        // A sink's option is checked where the table is written, not where it is read (and a source's the other way round).
        var exactlyOnce = Used("CREATE TABLE y (id INT) WITH ('connector' = 'kafka', 'topic' = 't', 'properties.bootstrap.servers' = 'h:1', 'format' = 'json', "
            + "'sink.delivery-guarantee' = 'exactly-once')", "EXPLAIN INSERT INTO y SELECT id FROM g");
        Assert.Contains("'sink.transactional-id-prefix'", exactlyOnce.Message);
        env.Value.ExecuteSql("EXPLAIN SELECT * FROM y");
        var badOffsets = Used("CREATE TABLE z (id INT) WITH ('connector' = 'kafka', 'topic' = 't', 'properties.bootstrap.servers' = 'h:1', 'format' = 'json', "
            + "'scan.startup.mode' = 'specific-offsets', 'scan.startup.specific-offsets' = 'partition:x')", "EXPLAIN SELECT * FROM z");
        Assert.Contains("'scan.startup.specific-offsets'", badOffsets.Message);
        env.Value.ExecuteSql("EXPLAIN INSERT INTO z SELECT id FROM g");
    }
}

internal static class DisposableExtensions
{
    public static SyncDisposable<T> AsDisposable<T>(this T value) where T : IAsyncDisposable => new(value);

    public sealed class SyncDisposable<T>(T value) : IDisposable where T : IAsyncDisposable
    {
        public T Value { get; } = value;
        public void Dispose() => Value.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
