using Apache.Arrow;
using Apache.Arrow.Types;
using StreamSql.Connectors.Kafka;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Connectors;
using StreamSql.Execution.Types;
using StreamSql.Kafka.Tests.Fixture;
using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Config;
using SqlType = StreamSql.Sql.Planner.Types.SqlType;

namespace StreamSql.Kafka.Tests;

/// <summary>The upsert-kafka sink: the primary key is the record key; updates are values, deletions tombstones.</summary>
public sealed class UpsertKafkaSinkTests : IDisposable
{
    private readonly MockKafkaCluster _cluster = new();

    public UpsertKafkaSinkTests() => _cluster.CreateTopic("streamsql-sink-progress", 1);

    public void Dispose() => _cluster.Dispose();

    private CatalogTable Table(string guarantee) => new("counts",
        new List<TableColumn> { new PhysicalColumn("word", SqlType.String.AsNotNull()), new PhysicalColumn("n", SqlType.BigInt) }, null,
        new[] { "word" }, System.Array.Empty<string>(), new Dictionary<string, string>
        {
            ["connector"] = "upsert-kafka", ["topic"] = "counts", ["properties.bootstrap.servers"] = _cluster.BootstrapServers,
            ["key.format"] = "raw", ["value.format"] = "json", ["sink.delivery-guarantee"] = guarantee, ["sink.transactional-id-prefix"] = "upsert",
        }, null, false);

    private static Batch Changes(params (RowKind Kind, string Word, long N)[] rows)
    {
        var words = new StringArray.Builder();
        var counts = new Int64Array.Builder();
        foreach (var (_, w, n) in rows)
        {
            words.Append(w);
            counts.Append(n);
        }
        var schema = new Schema(new[] { new Field("word", StringType.Default, false), new Field("n", Int64Type.Default, true) }, null);
        return new Batch(new RecordBatch(schema, new IArrowArray[] { words.Build(), counts.Build() }, rows.Length), rows.Select(r => r.Kind).ToArray());
    }

    [Theory]
    [InlineData("at-least-once")]
    [InlineData("exactly-once")]
    public async Task Updates_are_keyed_values_and_deletions_tombstones(string guarantee)
    {
        _cluster.CreateTopic("counts", 1);
        var table = Table(guarantee);
        new UpsertKafkaConnector().Validate(table);
        await using (var writer = new UpsertKafkaConnector().CreateWriter())
        {
            await writer.OpenAsync(new SinkWriterContext(table, ArrowTypeMapping.ToArrowSchema(table.PhysicalSchema), Sql.Planner.Types.ChangelogMode.Upsert,
                "job", 0, 1, Configuration.Empty, new SystemClock(), TextWriter.Null), CancellationToken.None);
            await writer.WriteAsync(Changes((RowKind.Insert, "a", 1), (RowKind.Insert, "b", 1), (RowKind.UpdateBefore, "a", 1),
                (RowKind.UpdateAfter, "a", 2), (RowKind.Delete, "b", 1)), CancellationToken.None);
            var handle = await writer.PrepareCommitAsync(1, CancellationToken.None);
            await writer.CommitAsync(1, handle is null ? System.Array.Empty<byte[]>() : new[] { handle }, CancellationToken.None);
        }

        var records = _cluster.ReadLog("counts", 0).Committed();
        Assert.Equal(new[] { "a", "b", "a", "a", "b" }, records.Select(r => r.KeyText));
        Assert.Equal(new[] { "{\"word\":\"a\",\"n\":1}", "{\"word\":\"b\",\"n\":1}", null, "{\"word\":\"a\",\"n\":2}", null }, records.Select(r => r.ValueText));
    }

    [Fact]
    public async Task An_upsert_kafka_table_needs_a_primary_key_and_takes_an_insert_only_query()
    {
        _cluster.CreateTopic("words", 2);
        await using var env = StreamSqlEnvironment.Create(new StreamSqlOptions { Output = TextWriter.Null, StopTimeout = TimeSpan.FromSeconds(10) });
        var missingKey = TableUse.ReadError(env,
            $"CREATE TABLE nokey (w STRING, n BIGINT) WITH ('connector' = 'upsert-kafka', 'topic' = 'words', 'properties.bootstrap.servers' = '{_cluster.BootstrapServers}', "
            + "'key.format' = 'raw', 'value.format' = 'json')");
        Assert.Contains("require to define a PRIMARY KEY", missingKey.Message);

        env.ExecuteSql("CREATE TABLE src (id BIGINT) WITH ('connector' = 'datagen', 'number-of-rows' = '5', 'fields.id.kind' = 'sequence', "
            + "'fields.id.start' = '1', 'fields.id.end' = '5')");
        env.ExecuteSql($"CREATE TABLE latest (k STRING, id BIGINT, PRIMARY KEY (k) NOT ENFORCED) WITH ('connector' = 'upsert-kafka', 'topic' = 'words', "
            + $"'properties.bootstrap.servers' = '{_cluster.BootstrapServers}', 'key.format' = 'json', 'value.format' = 'json', 'value.fields-include' = 'EXCEPT_KEY')");
        await env.ExecuteScriptAsync("INSERT INTO latest SELECT CAST(id % 2 AS STRING), id FROM src");
        await env.WaitForJobsAsync().WaitAsync(TimeSpan.FromSeconds(60));

        var records = Enumerable.Range(0, 2).SelectMany(p => _cluster.ReadLog("words", p).Committed()).ToList();
        Assert.Equal(5, records.Count);
        Assert.All(records, r => Assert.StartsWith("{\"k\":\"", r.KeyText));
        Assert.All(records, r => Assert.StartsWith("{\"id\":", r.ValueText));
        // Records are partitioned by key, so a key's records stay in order in one partition.
        var partitionsOfKey = Enumerable.Range(0, 2).SelectMany(p => _cluster.ReadLog("words", p).Committed().Select(r => (Key: r.KeyText, Partition: p)))
            .GroupBy(x => x.Key).ToDictionary(g => g.Key!, g => g.Select(x => x.Partition).Distinct().Count());
        Assert.Equal(2, partitionsOfKey.Count);
        Assert.All(partitionsOfKey.Values, n => Assert.Equal(1, n));
    }
}
