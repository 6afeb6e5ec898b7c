using StreamSql.Execution.Runtime;
using StreamSql.Kafka.Tests.Fixture;

namespace StreamSql.Kafka.Tests;

/// <summary>
/// Scripts a Flink user writes against 'kafka' and 'upsert-kafka', checked against what Flink does: its documented
/// examples run, and the option mistakes it refuses are refused with Flink's wording (KafkaConnectorOptionsUtil,
/// KafkaDynamicTableFactory).
/// </summary>
public sealed class HuntCKafkaConformanceTests : IDisposable
{
    private readonly MockKafkaCluster _cluster = new();

    public void Dispose() => _cluster.Dispose();

    private static StreamSqlEnvironment Session() =>
        StreamSqlEnvironment.Create(new StreamSqlOptions { Output = TextWriter.Null, StopTimeout = TimeSpan.FromSeconds(10) });

    private static async Task<List<string>> Rows(StreamSqlEnvironment env, string select)
    {
        await using var result = env.Query(select);
        var rows = await result.ToListAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(JobStatus.Finished, result.Job.Status);
        return rows.Select(r => string.Join("|", r.Values.Select(v => v?.ToString() ?? "NULL"))).OrderBy(s => s, StringComparer.Ordinal).ToList();
    }

    private const string Base = "'connector' = 'kafka', 'topic' = 't', 'properties.bootstrap.servers' = 'h:1'";

    [Theory]
    [InlineData("id INT", Base + ", 'value.format' = 'json', 'key.format' = 'json'",
        "A key format 'key.format' requires the declaration of one or more of key fields using 'key.fields'")]
    [InlineData("id INT", Base + ", 'value.format' = 'json', 'key.fields' = 'id'",
        "The option 'key.fields' can only be declared if a key format is defined using 'key.format'")]
    [InlineData("id INT", Base + ", 'value.format' = 'json', 'key.format' = 'json', 'key.fields' = 'nope'",
        "Could not find the field 'nope' in the table schema for usage in the key format. A key field must be a regular, physical column. The following columns can be selected in the 'key.fields' option: [id]")]
    [InlineData("k_id INT, id INT", Base + ", 'value.format' = 'json', 'key.format' = 'json', 'key.fields' = 'id', 'key.fields-prefix' = 'k_', 'value.fields-include' = 'EXCEPT_KEY'",
        "All fields in 'key.fields' must be prefixed with 'k_' when option 'key.fields-prefix' is set but field 'id' is not prefixed")]
    [InlineData("k_id INT, id INT", Base + ", 'value.format' = 'json', 'key.format' = 'json', 'key.fields' = 'k_id', 'key.fields-prefix' = 'k_'",
        "A key prefix is not allowed when option 'value.fields-include' is set to 'ALL'. Set it to 'EXCEPT_KEY' instead to avoid field overlaps")]
    [InlineData("id INT", Base + ", 'format' = 'json', 'sink.delivery-guarantee' = 'exactly-once'",
        "sink.transactional-id-prefix must be specified when using DeliveryGuarantee.EXACTLY_ONCE")]
    [InlineData("id INT, PRIMARY KEY (id) NOT ENFORCED", "'connector' = 'upsert-kafka', 'topic' = 't', 'properties.bootstrap.servers' = 'h:1', 'key.format' = 'json', 'value.format' = 'json', 'sink.delivery-guarantee' = 'exactly-once'",
        "sink.transactional-id-prefix must be specified when using DeliveryGuarantee.EXACTLY_ONCE")]
    [InlineData("id INT", Base + ", 'topic-pattern' = 'x.*', 'format' = 'json'", "Option 'topic' and 'topic-pattern' shouldn't be set together")]
    [InlineData("id INT", "'connector' = 'kafka', 'properties.bootstrap.servers' = 'h:1', 'format' = 'json'", "Either 'topic' or 'topic-pattern' must be set")]
    [InlineData("id INT, PRIMARY KEY (id) NOT ENFORCED", Base + ", 'format' = 'json'",
        "The Kafka table 't' with 'json' format doesn't support defining PRIMARY KEY constraint on the table, because it can't guarantee the semantic of primary key")]
    [InlineData("id INT, PRIMARY KEY (id) NOT ENFORCED", Base + ", 'value.format' = 'csv'",
        "The Kafka table 't' with 'csv' format doesn't support defining PRIMARY KEY constraint on the table")]
    // Flink's order: the value format is discovered first, then FactoryUtil lists every missing required option, then
    // KafkaConnectorOptionsUtil checks the topic and the startup and bounded modes.
    [InlineData("id INT", "'connector' = 'kafka'", "Caused by: Could not find required scan format 'value.format'.")]
    [InlineData("id INT", "'connector' = 'kafka', 'format' = 'json'",
        "Caused by: One or more required options are missing.\n\nMissing required options are:\n\nproperties.bootstrap.servers")]
    [InlineData("id INT", Base + ", 'format' = 'json', 'scan.startup.mode' = 'timestamp'",
        "Caused by: 'scan.startup.timestamp-millis' is required in 'timestamp' startup mode but missing.")]
    [InlineData("id INT", Base + ", 'format' = 'json', 'scan.bounded.mode' = 'specific-offsets'",
        "Caused by: 'scan.bounded.specific-offsets' is required in 'specific-offsets' bounded mode but missing.")]
    [InlineData("id INT", "'connector' = 'kafka', 'topic' = 'a;b', 'properties.bootstrap.servers' = 'h:1', 'format' = 'json', "
        + "'scan.startup.mode' = 'specific-offsets', 'scan.startup.specific-offsets' = 'partition:0,offset:1'",
        "Caused by: Currently Kafka source only supports specific offset for single topic.")]
    // The key fields are checked after the modes (Flink projects the key after validateTableSourceOptions).
    [InlineData("id INT", Base + ", 'format' = 'json', 'key.fields' = 'id', 'scan.startup.mode' = 'timestamp'",
        "Caused by: 'scan.startup.timestamp-millis' is required in 'timestamp' startup mode but missing.")]
    [InlineData("id INT, PRIMARY KEY (id) NOT ENFORCED", "'connector' = 'upsert-kafka'", "Caused by: Could not find required scan format 'key.format'.")]
    [InlineData("id INT, PRIMARY KEY (id) NOT ENFORCED", "'connector' = 'upsert-kafka', 'key.format' = 'json'",
        "Caused by: Could not find required scan format 'value.format'.")]
    [InlineData("id INT, PRIMARY KEY (id) NOT ENFORCED", "'connector' = 'upsert-kafka', 'key.format' = 'json', 'value.format' = 'json'",
        "Caused by: One or more required options are missing.\n\nMissing required options are:\n\nproperties.bootstrap.servers\ntopic")]
    // UpsertKafkaDynamicTableFactory.validateSource: the value format must be insert-only, then the primary key.
    [InlineData("id INT, PRIMARY KEY (id) NOT ENFORCED", "'connector' = 'upsert-kafka', 'topic' = 't', 'properties.bootstrap.servers' = 'h:1', "
        + "'key.format' = 'json', 'value.format' = 'debezium-json'",
        "Caused by: 'upsert-kafka' connector doesn't support 'debezium-json' as value format, because 'debezium-json' is not in insert-only mode.")]
    [InlineData("id INT", "'connector' = 'upsert-kafka', 'topic' = 't', 'properties.bootstrap.servers' = 'h:1', 'key.format' = 'json', 'value.format' = 'json'",
        "Caused by: 'upsert-kafka' tables require to define a PRIMARY KEY constraint. The PRIMARY KEY specifies which columns")]
    public void An_option_mistake_is_refused_with_flinks_wording(string columns, string options, string flinkSays)
    {
        using var env = Session().AsDisposable();
        // Stored unchecked at CREATE (Flink's catalog); a sink's option is checked where the table is written, the others
        // wherever it is used.
        env.Value.ExecuteSql($"CREATE TABLE t ({columns}) WITH ({options})");
        env.Value.ExecuteSql("CREATE TABLE g (id INT) WITH ('connector' = 'datagen', 'number-of-rows' = '1')");
        bool sinkOption = flinkSays.StartsWith("sink.", StringComparison.Ordinal);
        var error = Assert.ThrowsAny<Exception>(() => env.Value.ExecuteSql(sinkOption ? "EXPLAIN INSERT INTO t (id) SELECT id FROM g" : "EXPLAIN SELECT * FROM t"));
        Assert.Contains(sinkOption ? "Unable to create a sink for writing table" : "Unable to create a source for reading table", error.Message);
        Assert.Contains(flinkSays, error.Message);
    }

    /// <summary>The same checks for a table written: the sink format, then the list, then the topic, the partitioner
    /// (KafkaConnectorOptionsUtil.validateSinkPartitioner), the delivery guarantee.</summary>
    [Theory]
    [InlineData("'connector' = 'kafka'", "Caused by: Could not find required sink format 'value.format'.")]
    [InlineData("'connector' = 'kafka', 'value.format' = 'csv'",
        "Caused by: One or more required options are missing.\n\nMissing required options are:\n\nproperties.bootstrap.servers")]
    [InlineData("'connector' = 'kafka', 'value.format' = 'csv', 'properties.bootstrap.servers' = 'h:1'", "Caused by: Either 'topic' or 'topic-pattern' must be set.")]
    [InlineData(Base + ", 'value.format' = 'csv', 'key.format' = 'csv', 'key.fields' = 'id', 'sink.partitioner' = 'round-robin'",
        "Caused by: Currently 'round-robin' partitioner only works when option 'key.fields' is not specified.")]
    [InlineData(Base + ", 'value.format' = 'csv', 'sink.partitioner' = ''", "Caused by: Option 'sink.partitioner' should be a non-empty string.")]
    public void A_sink_option_mistake_is_refused_with_flinks_wording_in_flinks_order(string options, string flinkSays)
    {
        using var env = Session().AsDisposable();
        env.Value.ExecuteSql($"CREATE TABLE t (id INT) WITH ({options})");
        var error = Assert.ThrowsAny<Exception>(() => env.Value.ExecuteSql("EXPLAIN INSERT INTO t SELECT 1"));
        Assert.Contains("Unable to create a sink for writing table", error.Message);
        Assert.Contains(flinkSays, error.Message);
    }

    [Fact]
    public void Upsert_kafka_buffer_flush_options_are_set_together_as_flink_requires()
    {
        using var env = Session().AsDisposable();
        env.Value.ExecuteSql("CREATE TABLE t (id INT, v INT, PRIMARY KEY (id) NOT ENFORCED) WITH ('connector' = 'upsert-kafka', 'topic' = 't', "
            + "'properties.bootstrap.servers' = 'h:1', 'key.format' = 'json', 'value.format' = 'json', 'sink.buffer-flush.max-rows' = '10')");
        var error = Assert.ThrowsAny<Exception>(() => env.Value.ExecuteSql("EXPLAIN INSERT INTO t SELECT 1, 2"));
        Assert.Contains("Caused by: 'sink.buffer-flush.max-rows' and 'sink.buffer-flush.interval' must be set to be greater than zero together "
            + "to enable sink buffer flushing.", error.Message);
        env.Value.ExecuteSql("CREATE TABLE both_set (id INT, v INT, PRIMARY KEY (id) NOT ENFORCED) WITH ('connector' = 'upsert-kafka', 'topic' = 't', "
            + "'properties.bootstrap.servers' = 'h:1', 'key.format' = 'json', 'value.format' = 'json', 'sink.buffer-flush.max-rows' = '10', "
            + "'sink.buffer-flush.interval' = '1 s')");
        env.Value.ExecuteSql("EXPLAIN INSERT INTO both_set SELECT 1, 2");
    }

    [Fact]
    public void A_primary_key_on_a_kafka_table_of_a_changelog_format_is_accepted_as_flink_accepts_it()
    {
        using var env = Session().AsDisposable();
        env.Value.ExecuteSql($"CREATE TABLE t (id INT, name STRING, PRIMARY KEY (id) NOT ENFORCED) WITH ({Base}, 'format' = 'debezium-json')");
    }

    [Fact]
    public async Task Except_key_without_a_key_format_reads_every_column_from_the_value_as_flink_does()
    {
        _cluster.CreateTopic("plain", 1);
        _cluster.Produce("plain", Enumerable.Range(0, 5).Select(i => (0, (string?)$"k{i}", $"{{\"id\": {i}, \"name\": \"n{i}\"}}")));
        await using var env = Session();
        env.ExecuteSql($"CREATE TABLE plain (id INT, name STRING) WITH ('connector' = 'kafka', 'topic' = 'plain', "
            + $"'properties.bootstrap.servers' = '{_cluster.BootstrapServers}', 'format' = 'json', 'value.fields-include' = 'EXCEPT_KEY', "
            + "'scan.startup.mode' = 'earliest-offset', 'scan.bounded.mode' = 'latest-offset')");

        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"{i}|n{i}").ToList(), await Rows(env, "SELECT id, name FROM plain"));
    }

    [Fact]
    public async Task Flinks_documented_metadata_example_reads_timestamp_partition_and_offset_in_the_declared_types()
    {
        _cluster.CreateTopic("user_behavior", 2);
        _cluster.Produce("user_behavior", Enumerable.Range(0, 6).Select(i => (i % 2, (string?)null, $"{i},{100 + i},buy")), timestampMs: 1_700_000_000_123);
        await using var env = Session();
        env.ExecuteSql("SET 'table.local-time-zone' = 'UTC'");
        env.ExecuteSql($"""
            CREATE TABLE KafkaTable (
              `event_time` TIMESTAMP(3) METADATA FROM 'timestamp',
              `ltz` TIMESTAMP_LTZ(3) METADATA FROM 'timestamp' VIRTUAL,
              `partition` BIGINT METADATA VIRTUAL,
              `offset` BIGINT METADATA VIRTUAL,
              `tt` STRING METADATA FROM 'timestamp-type' VIRTUAL,
              `user_id` BIGINT,
              `item_id` BIGINT,
              `behavior` STRING
            ) WITH (
              'connector' = 'kafka',
              'topic' = 'user_behavior',
              'properties.bootstrap.servers' = '{_cluster.BootstrapServers}',
              'properties.group.id' = 'testGroup',
              'scan.startup.mode' = 'earliest-offset',
              'scan.bounded.mode' = 'latest-offset',
              'format' = 'csv'
            )
            """);

        var rows = await Rows(env, "SELECT user_id, item_id, behavior, `partition`, `offset`, CAST(event_time AS STRING), CAST(ltz AS STRING), tt FROM KafkaTable");

        var expected = Enumerable.Range(0, 6)
            .Select(i => $"{i}|{100 + i}|buy|{i % 2}|{i / 2}|2023-11-14 22:13:20.123|2023-11-14 22:13:20.123|CreateTime")
            .OrderBy(s => s, StringComparer.Ordinal).ToList();
        Assert.Equal(expected, rows);
    }

    [Fact]
    public async Task A_tumbling_window_on_a_watermark_from_the_kafka_timestamp_counts_each_window_once()
    {
        _cluster.CreateTopic("clicks", 2);
        // 40 records one second apart from 00:01:00 UTC (librdkafka reads a timestamp of 0 as 'now'): four 10-second windows of 10 records each.
        foreach (var i in Enumerable.Range(0, 40))
            _cluster.Produce("clicks", new[] { (i % 2, (string?)null, $"{{\"user\": \"u{i % 3}\"}}") }, timestampMs: 60_000 + i * 1_000L);
        await using var env = Session();
        env.ExecuteSql("SET 'table.local-time-zone' = 'UTC'");
        env.ExecuteSql($"CREATE TABLE clicks (`user` STRING, ts TIMESTAMP_LTZ(3) METADATA FROM 'timestamp', WATERMARK FOR ts AS ts - INTERVAL '2' SECOND) "
            + $"WITH ('connector' = 'kafka', 'topic' = 'clicks', 'properties.bootstrap.servers' = '{_cluster.BootstrapServers}', 'format' = 'json', "
            + "'scan.startup.mode' = 'earliest-offset', 'scan.bounded.mode' = 'latest-offset')");

        var rows = await Rows(env, "SELECT CAST(window_start AS STRING), `user`, COUNT(*) FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(ts), INTERVAL '10' SECOND)) "
            + "GROUP BY window_start, window_end, `user`");

        var expected = Enumerable.Range(0, 40).GroupBy(i => (i / 10, i % 3))
            .Select(g => $"1970-01-01 00:01:{g.Key.Item1 * 10:00}.000|u{g.Key.Item2}|{g.Count()}").OrderBy(s => s, StringComparer.Ordinal).ToList();
        Assert.Equal(expected, rows);
    }

    [Fact]
    public async Task Timestamp_startup_and_bounded_modes_read_the_records_from_the_first_at_or_after_the_start_to_before_the_stop()
    {
        // librdkafka's mock cluster answers no ListOffsets by time; the source then finds the offsets by reading the partition.
        _cluster.CreateTopic("events", 2);
        foreach (var i in Enumerable.Range(1, 20))
            _cluster.Produce("events", new[] { (i % 2, (string?)null, $"{{\"id\": {i}}}") }, timestampMs: i * 1_000L);
        await using var env = Session();
        env.ExecuteSql($"CREATE TABLE events (id INT) WITH ('connector' = 'kafka', 'topic' = 'events', 'properties.bootstrap.servers' = '{_cluster.BootstrapServers}', "
            + "'format' = 'json', 'scan.startup.mode' = 'timestamp', 'scan.startup.timestamp-millis' = '5000', "
            + "'scan.bounded.mode' = 'timestamp', 'scan.bounded.timestamp-millis' = '15000')");
        env.ExecuteSql($"CREATE TABLE later (id INT) WITH ('connector' = 'kafka', 'topic' = 'events', 'properties.bootstrap.servers' = '{_cluster.BootstrapServers}', "
            + "'format' = 'json', 'scan.startup.mode' = 'timestamp', 'scan.startup.timestamp-millis' = '99000', 'scan.bounded.mode' = 'latest-offset')");

        Assert.Equal(Enumerable.Range(5, 10).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).OrderBy(s => s, StringComparer.Ordinal).ToList(),
            await Rows(env, "SELECT id FROM events"));
        Assert.Empty(await Rows(env, "SELECT id FROM later"));
    }

    [Fact]
    public async Task Json_ignore_parse_errors_nulls_a_bad_field_and_skips_a_bad_record_as_flinks_converters_do()
    {
        // Flink's JsonRowDataDeserializationSchemaTest: {"id":"abc"} as INT with ignore-parse-errors is a row with a NULL
        // field; 112.013 as INT is 112; a record that is not JSON is dropped.
        _cluster.CreateTopic("j", 1);
        _cluster.Produce("j", new[]
        {
            (0, (string?)null, "{\"id\": 1, \"extra\": 5, \"name\": \"a\"}"), (0, null, "{\"id\": \"2\", \"name\": \"b\"}"),
            (0, null, "{\"id\": \"abc\", \"name\": \"c\"}"), (0, null, "{\"id\": 112.013, \"big\": 7.9, \"name\": \"d\"}"), (0, null, "not json"),
        });
        await using var env = Session();
        foreach (var ignore in new[] { "true", "false" })
            env.ExecuteSql($"CREATE TABLE j_{ignore} (id INT, big BIGINT, name STRING) WITH ('connector' = 'kafka', 'topic' = 'j', "
                + $"'properties.bootstrap.servers' = '{_cluster.BootstrapServers}', 'format' = 'json', 'json.ignore-parse-errors' = '{ignore}', "
                + "'scan.startup.mode' = 'earliest-offset', 'scan.bounded.mode' = 'latest-offset')");

        Assert.Equal(new[] { "112|7|d", "1|NULL|a", "2|NULL|b", "NULL|NULL|c" }, await Rows(env, "SELECT id, big, name FROM j_true"));
        var error = await Assert.ThrowsAnyAsync<Exception>(() => Rows(env, "SELECT id FROM j_false"));
        Assert.Contains("offset 2", error.Message);
    }
}
