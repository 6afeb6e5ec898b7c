using System.Buffers.Binary;
using StreamSql.Kafka.Tests.Fixture;

namespace StreamSql.Kafka.Tests;

/// <summary>
/// Flink's avro-confluent format: records in Confluent's wire format (magic byte 0, the schema id, Avro binary), the
/// writer schema fetched from the schema registry by id and resolved into the table, the table's schema registered under
/// the subject when writing. The registry is <see cref="FakeSchemaRegistry"/>, the cluster librdkafka's mock.
/// </summary>
public sealed class ConfluentAvroFormatTests : IDisposable
{
    private readonly MockKafkaCluster _cluster = new();
    private readonly FakeSchemaRegistry _registry = new();

    public void Dispose()
    {
        _registry.Dispose();
        _cluster.Dispose();
    }

    private string Kafka(string topic) =>
        $"'connector' = 'kafka', 'topic' = '{topic}', 'properties.bootstrap.servers' = '{_cluster.BootstrapServers}'";

    private const string Bounded = ", 'scan.startup.mode' = 'earliest-offset', 'scan.bounded.mode' = 'latest-offset'";

    private static StreamSqlEnvironment Session() =>
        StreamSqlEnvironment.Create(new StreamSqlOptions { Output = TextWriter.Null, StopTimeout = TimeSpan.FromSeconds(10) });

    private static async Task<List<string>> Rows(StreamSqlEnvironment env, string sql)
    {
        await using var result = env.Query(sql);
        var rows = await result.ToListAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return rows.Select(r => string.Join("|", r.Values.Select(v => v?.ToString() ?? "NULL"))).OrderBy(s => s, StringComparer.Ordinal).ToList();
    }

    [Fact]
    public async Task The_sink_registers_flinks_schema_under_topic_value_and_key_and_the_source_reads_the_records_back()
    {
        _cluster.CreateTopic("users", 2);
        await using var env = Session();
        const string Columns = "id BIGINT NOT NULL, name STRING, price DECIMAL(10, 2), at TIMESTAMP(3), r ROW<a INT NOT NULL, b STRING>, tags ARRAY<STRING>";
        string format = $", 'key.format' = 'avro-confluent', 'key.fields' = 'id', 'key.avro-confluent.url' = '{_registry.Url}', "
            + $"'value.format' = 'avro-confluent', 'value.avro-confluent.url' = '{_registry.Url}'";
        env.ExecuteSql($"CREATE TABLE w ({Columns}) WITH ({Kafka("users")}{format})");
        env.ExecuteSql($"CREATE TABLE r ({Columns}) WITH ({Kafka("users")}{format}{Bounded})");
        await env.ExecuteScriptAsync("INSERT INTO w VALUES "
            + "(1, 'ann', CAST(12.5 AS DECIMAL(10, 2)), TIMESTAMP '2024-01-02 03:04:05.678', ROW(7, 'x'), ARRAY['a', CAST(NULL AS STRING)]), "
            + "(2, CAST(NULL AS STRING), CAST(NULL AS DECIMAL(10, 2)), CAST(NULL AS TIMESTAMP(3)), CAST(NULL AS ROW<a INT NOT NULL, b STRING>), "
            + "CAST(NULL AS ARRAY<STRING>))");
        await env.WaitForJobsAsync().WaitAsync(TimeSpan.FromSeconds(60));

        // What Flink's AvroSchemaConverter gives for these columns, as Avro prints it.
        Assert.Equal(new[]
        {
            "{\"type\":\"record\",\"name\":\"record\",\"namespace\":\"org.apache.flink.avro.generated\",\"fields\":["
            + "{\"name\":\"id\",\"type\":\"long\"},"
            + "{\"name\":\"name\",\"type\":[\"null\",\"string\"],\"default\":null},"
            + "{\"name\":\"price\",\"type\":[\"null\",{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":10,\"scale\":2}],\"default\":null},"
            + "{\"name\":\"at\",\"type\":[\"null\",{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"}],\"default\":null},"
            + "{\"name\":\"r\",\"type\":[\"null\",{\"type\":\"record\",\"name\":\"record_r\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"},"
            + "{\"name\":\"b\",\"type\":[\"null\",\"string\"],\"default\":null}]}],\"default\":null},"
            + "{\"name\":\"tags\",\"type\":[\"null\",{\"type\":\"array\",\"items\":[\"null\",\"string\"]}],\"default\":null}]}",
        }, _registry.Versions("users-value"));
        Assert.Equal(new[] { "{\"type\":\"record\",\"name\":\"record\",\"namespace\":\"org.apache.flink.avro.generated\",\"fields\":[{\"name\":\"id\",\"type\":\"long\"}]}" },
            _registry.Versions("users-key"));

        int valueId = _registry.Register("users-value", _registry.Versions("users-value")[0]);
        int keyId = _registry.Register("users-key", _registry.Versions("users-key")[0]);
        var records = Enumerable.Range(0, 2).SelectMany(p => _cluster.ReadLog("users", p).Committed()).ToList();
        Assert.Equal(2, records.Count);
        foreach (var record in records)
        {
            Assert.Equal(0, record.Value![0]);
            Assert.Equal(valueId, BinaryPrimitives.ReadInt32BigEndian(record.Value.AsSpan(1, 4)));
            Assert.Equal(0, record.Key![0]);
            Assert.Equal(keyId, BinaryPrimitives.ReadInt32BigEndian(record.Key.AsSpan(1, 4)));
        }

        Assert.Equal(new[] { "1|ann|12.50|2024-01-02 03:04:05.678|(7, x)|[a, NULL]", "2|NULL|NULL|NULL|NULL|NULL" },
            await Rows(env, "SELECT id, name, CAST(price AS STRING), CAST(at AS STRING), CAST(r AS STRING), CAST(tags AS STRING) FROM r"));
    }

    private const string UserV1 = """
        {"type": "record", "name": "User", "namespace": "com.example", "fields": [
          {"name": "name", "type": "string"},
          {"name": "id", "type": "int"},
          {"name": "legacy", "type": {"type": "array", "items": "long"}},
          {"name": "score", "type": "float"},
          {"name": "kind", "type": {"type": "enum", "name": "Kind", "symbols": ["A", "B"]}},
          {"name": "note", "type": ["string", "null"]}
        ]}
        """;

    private const string UserV2 = """
        {"type": "record", "name": "User", "namespace": "com.example", "fields": [
          {"name": "id", "type": "long"},
          {"name": "name", "type": "string"},
          {"name": "score", "type": "double"},
          {"name": "kind", "type": "string"},
          {"name": "note", "type": ["null", "string"], "default": null},
          {"name": "email", "type": ["null", "string"], "default": null}
        ]}
        """;

    [Fact]
    public async Task Records_of_an_older_writer_schema_are_resolved_into_the_table_by_field_name_with_defaults_and_promotions()
    {
        _cluster.CreateTopic("evolving", 1);
        int v1 = _registry.Register("evolving-value", UserV1);
        int v2 = _registry.Register("evolving-value", UserV2);
        byte[] OldUser(string name, int id, float score, int kind, string? note)
        {
            var bytes = AvroBytes.Confluent(v1).String(name).Long(id).Long(2).Long(10).Long(20).Long(0).Float(score).Long(kind);
            return (note is null ? bytes.Long(1) : bytes.Long(0).String(note)).ToArray();
        }
        _cluster.ProduceBytes("evolving", new[]
        {
            (0, (byte[]?)null, (byte[]?)OldUser("ann", 1, 0.5f, 1, "hi")),
            (0, null, OldUser("bob", 2, 1.25f, 0, null)),
            (0, null, AvroBytes.Confluent(v2).Long(3_000_000_000).String("cy").Double(0.75).String("B").Long(0).Long(1).String("cy@x").ToArray()),
        });
        await using var env = Session();
        env.ExecuteSql($"CREATE TABLE u (id BIGINT NOT NULL, name STRING, score DOUBLE, kind STRING, note STRING, email STRING) "
            + $"WITH ({Kafka("evolving")}, 'format' = 'avro-confluent', 'avro-confluent.url' = '{_registry.Url}'{Bounded})");

        Assert.Equal(new[] { "1|ann|0.5|B|hi|NULL", "2|bob|1.25|A|NULL|NULL", "3000000000|cy|0.75|B|NULL|cy@x" },
            await Rows(env, "SELECT id, name, score, kind, note, email FROM u"));
        // Each writer schema is fetched once, however many records use it.
        Assert.Equal(1, _registry.Fetches(v1));
        Assert.Equal(1, _registry.Fetches(v2));
    }
}
