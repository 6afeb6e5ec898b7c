using StreamSql.Execution.Batches;
using StreamSql.Execution.Runtime;
using StreamSql.Kafka.Tests.Fixture;

namespace StreamSql.Kafka.Tests;

/// <summary>
/// The change-data formats on kafka, against the mock cluster: CDC messages in a topic feed an updating query, a
/// malformed message fails the job with topic, partition, offset and the reason (or is skipped with the format's
/// ignore-parse-errors), and an updating query written as debezium-json reads back as its result.
/// </summary>
public sealed class ChangeDataKafkaTests : IDisposable
{
    private readonly MockKafkaCluster _cluster = new();

    public ChangeDataKafkaTests() => _cluster.CreateTopic("streamsql-sink-progress", 1);

    public void Dispose() => _cluster.Dispose();

    private static StreamSqlEnvironment Session(params (string, string)[] settings)
    {
        var options = new StreamSqlOptions { Output = TextWriter.Null, StopTimeout = TimeSpan.FromSeconds(10) };
        foreach (var (k, v) in settings) options.Settings[k] = v;
        return StreamSqlEnvironment.Create(options);
    }

    private string Table(string name, string columns, string topic, params string[] options) =>
        $"CREATE TABLE {name} ({columns}) WITH ('connector' = 'kafka', 'topic' = '{topic}', "
        + $"'properties.bootstrap.servers' = '{_cluster.BootstrapServers}', 'scan.startup.mode' = 'earliest-offset', 'scan.bounded.mode' = 'latest-offset'"
        + string.Concat(options.Select(o => ", " + o)) + ")";

    private static async Task<List<string>> Changelog(StreamSqlEnvironment env, string select)
    {
        await using var result = env.Query(select);
        var rows = await result.ToListAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(JobStatus.Finished, result.Job.Status);
        return rows.Select(r => r.Kind.ShortString() + "[" + string.Join(", ", r.Values.Select(v => v?.ToString() ?? "NULL")) + "]").ToList();
    }

    private static string Debezium(string op, string? before, string? after) =>
        $"{{\"before\":{before ?? "null"},\"after\":{after ?? "null"},\"op\":\"{op}\",\"source\":{{\"db\":\"shop\",\"table\":\"orders\",\"ts_ms\":1699999999000}},\"ts_ms\":1700000000000}}";

    [Fact]
    public async Task Debezium_messages_in_a_topic_feed_an_updating_group_by()
    {
        _cluster.CreateTopic("orders", 1);
        _cluster.Produce("orders", new (int, string?, string)[]
        {
            (0, "1", Debezium("c", null, "{\"id\":1,\"customer\":\"ann\",\"amount\":10}")),
            (0, "2", Debezium("c", null, "{\"id\":2,\"customer\":\"bob\",\"amount\":20}")),
            (0, "1", Debezium("u", "{\"id\":1,\"customer\":\"ann\",\"amount\":10}", "{\"id\":1,\"customer\":\"ann\",\"amount\":15}")),
            (0, "2", Debezium("d", "{\"id\":2,\"customer\":\"bob\",\"amount\":20}", null)),
            (0, "3", Debezium("r", null, "{\"id\":3,\"customer\":\"ann\",\"amount\":1}")),
        });
        await using var env = Session(("execution.batch.max-rows", "1"));
        env.ExecuteSql(Table("orders", "id INT, customer STRING, amount INT", "orders", "'value.format' = 'debezium-json'"));
        // The update's -U and +U come in one message, applied one by one as Flink's GroupAggFunction does: the -U takes
        // ann's only row away (-D), the +U starts the group again (+I).
        Assert.Equal(["+I[ann, 10]", "+I[bob, 20]", "-D[ann, 10]", "+I[ann, 15]", "-D[bob, 20]", "-U[ann, 15]", "+U[ann, 16]"],
            await Changelog(env, "SELECT customer, SUM(amount) AS total FROM orders GROUP BY customer"));
    }

    [Fact]
    public async Task The_formats_metadata_columns_read_from_each_message()
    {
        _cluster.CreateTopic("dbz", 1);
        _cluster.Produce("dbz", new (int, string?, string)[] { (0, null, Debezium("c", null, "{\"id\":7}")) });
        _cluster.CreateTopic("canal", 1);
        _cluster.Produce("canal", new (int, string?, string)[]
        {
            (0, null, "{\"data\":[{\"id\":\"8\"}],\"database\":\"inventory\",\"table\":\"products\",\"es\":1589373560000,\"ts\":1589373560798,\"type\":\"INSERT\"}"),
        });
        await using var env = Session(("table.local-time-zone", "UTC"));
        env.ExecuteSql(Table("dbz", "id INT, db STRING METADATA FROM 'value.source.database' VIRTUAL, tbl STRING METADATA FROM 'value.source.table' VIRTUAL, "
            + "ingested TIMESTAMP_LTZ(3) METADATA FROM 'value.ingestion-timestamp' VIRTUAL, happened TIMESTAMP_LTZ(3) METADATA FROM 'value.source.timestamp' VIRTUAL",
            "dbz", "'value.format' = 'debezium-json'"));
        Assert.Equal(["+I[7, shop, orders, 2023-11-14 22:13:20.000, 2023-11-14 22:13:19.000]"],
            await Changelog(env, "SELECT id, db, tbl, CAST(ingested AS STRING), CAST(happened AS STRING) FROM dbz"));
        env.ExecuteSql(Table("canal", "id INT, db STRING METADATA FROM 'value.database' VIRTUAL, tbl STRING METADATA FROM 'value.table' VIRTUAL, "
            + "logged TIMESTAMP_LTZ(3) METADATA FROM 'value.event-timestamp' VIRTUAL", "canal", "'value.format' = 'canal-json'"));
        Assert.Equal(["+I[8, inventory, products, 2020-05-13 12:39:20.000]"], await Changelog(env, "SELECT id, db, tbl, CAST(logged AS STRING) FROM canal"));

        env.ExecuteSql(Table("plain", "id INT, tbl STRING METADATA FROM 'value.source.table' VIRTUAL", "dbz", "'value.format' = 'json'"));
        var error = Assert.ThrowsAny<Exception>(() => env.ExecuteSql("EXPLAIN SELECT * FROM plain"));
        Assert.Contains("reads 'value.source.table', but the value format 'json' has no metadata", error.Message);
    }

    [Fact]
    public async Task A_malformed_message_fails_with_topic_partition_offset_or_is_skipped()
    {
        _cluster.CreateTopic("cdc", 2);
        _cluster.Produce("cdc", new (int, string?, string)[]
        {
            (1, null, Debezium("c", null, "{\"id\":1}")),
            (1, null, "{\"before\":null,\"after\":{\"id\":2},\"op\":\"truncate-everything\"}"),
            (1, null, Debezium("c", null, "{\"id\":3}")),
        });
        await using var env = Session();
        env.ExecuteSql(Table("strict", "id INT", "cdc", "'format' = 'debezium-json'"));
        var error = await Assert.ThrowsAnyAsync<Exception>(() => Changelog(env, "SELECT id FROM strict"));
        Assert.Contains("topic 'cdc', partition 1, offset 1", error.ToString());
        Assert.Contains("unknown \"op\" value \"truncate-everything\"", error.ToString());
        Assert.Contains("'debezium-json.ignore-parse-errors'", error.ToString());

        env.ExecuteSql(Table("lenient", "id INT", "cdc", "'value.format' = 'debezium-json'", "'value.debezium-json.ignore-parse-errors' = 'true'"));
        Assert.Equal(["+I[1]", "+I[3]"], await Changelog(env, "SELECT id FROM lenient"));
    }

    [Fact]
    public async Task An_updating_query_written_as_debezium_json_reads_back_as_its_result()
    {
        _cluster.CreateTopic("words", 1);
        _cluster.CreateTopic("word-counts", 1);
        string[] words = ["a", "b", "a", "c", "a", "b"];
        _cluster.Produce("words", words.Select(w => (0, (string?)null, $"{{\"w\":\"{w}\"}}")));
        await using var env = Session(("execution.batch.max-rows", "1"), ("execution.checkpointing.interval", "200 ms"));
        env.ExecuteSql(Table("words", "w STRING", "words", "'format' = 'json'"));
        env.ExecuteSql(Table("counts", "w STRING, n BIGINT", "word-counts", "'format' = 'debezium-json'", "'sink.delivery-guarantee' = 'exactly-once'",
            "'sink.transactional-id-prefix' = 'cdc-out'"));
        await env.ExecuteScriptAsync("INSERT INTO counts SELECT w, COUNT(*) FROM words GROUP BY w");
        await env.WaitForJobsAsync().WaitAsync(TimeSpan.FromSeconds(60));

        var values = _cluster.ReadLog("word-counts", 0).Committed().Select(r => r.ValueText).ToList();
        Assert.Contains("{\"before\":{\"w\":\"a\",\"n\":1},\"after\":null,\"op\":\"d\"}", values);
        Assert.Contains("{\"before\":null,\"after\":{\"w\":\"a\",\"n\":3},\"op\":\"c\"}", values);
        await using var result = env.Query("SELECT w, n FROM counts");
        var table = await result.MaterializeAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(["a|3", "b|2", "c|1"], table.Rows.Select(r => string.Join("|", r.Values)).OrderBy(s => s, StringComparer.Ordinal));
    }
}
