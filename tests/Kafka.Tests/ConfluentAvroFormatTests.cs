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
        Assert.Empty(await env.WaitForJobsAsync().WaitAsync(TimeSpan.FromSeconds(60)));

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
        // The first URL has no registry behind it: the next one is asked.
        string urls = $"http://127.0.0.1:{FakeSchemaRegistry.FreePort()},{_registry.Url}";
        env.ExecuteSql($"CREATE TABLE u (id BIGINT NOT NULL, name STRING, score DOUBLE, kind STRING, note STRING, email STRING) "
            + $"WITH ({Kafka("evolving")}, 'format' = 'avro-confluent', 'avro-confluent.url' = '{urls}'{Bounded})");

        Assert.Equal(new[] { "1|ann|0.5|B|hi|NULL", "2|bob|1.25|A|NULL|NULL", "3000000000|cy|0.75|B|NULL|cy@x" },
            await Rows(env, "SELECT id, name, score, kind, note, email FROM u"));
        // Each writer schema is fetched once, however many records use it.
        Assert.Equal(1, _registry.Fetches(v1));
        Assert.Equal(1, _registry.Fetches(v2));
    }

    [Fact]
    public async Task Nested_records_maps_arrays_fixed_and_logical_types_of_a_writer_schema_are_resolved_into_the_columns()
    {
        _cluster.CreateTopic("events", 1);
        int id = _registry.Register("events-value", """
            {"type": "record", "name": "Event", "fields": [
              {"name": "id", "type": "int"},
              {"name": "amount", "type": {"type": "bytes", "logicalType": "decimal", "precision": 9, "scale": 1}},
              {"name": "at", "type": {"type": "long", "logicalType": "timestamp-micros"}},
              {"name": "at_ms", "type": {"type": "long", "logicalType": "timestamp-millis"}},
              {"name": "addr", "type": {"type": "record", "name": "Addr", "fields": [
                {"name": "city", "type": "string"}, {"name": "zip", "type": "int"}]}},
              {"name": "scores", "type": {"type": "map", "values": "int"}},
              {"name": "tags", "type": {"type": "array", "items": "string"}},
              {"name": "hash", "type": {"type": "fixed", "name": "H", "size": 2}},
              {"name": "day", "type": {"type": "int", "logicalType": "date"}},
              {"name": "clock", "type": {"type": "long", "logicalType": "time-micros"}}
            ]}
            """);
        var record = AvroBytes.Confluent(id).Long(1)
            .Long(2).Raw(0xFB, 0x2E) // -1234 unscaled at scale 1: -123.4
            .Long(1_700_000_000_123_000).Long(1_700_000_000_456)
            .String("Oslo").Long(150)
            .Long(2).String("a").Long(5).String("b").Long(7).Long(0)
            .Long(-1).Long(2).String("x").Long(0) // one block of one item with its byte size, as Java's encoder may write
            .Raw(0xAB, 0xCD).Long(19_000).Long(3_723_004_000).ToArray();
        _cluster.ProduceBytes("events", new[] { (0, (byte[]?)null, (byte[]?)record) });
        await using var env = Session();
        env.ExecuteSql(Reader("e", "events", "id INT NOT NULL, amount DECIMAL(10, 2), at TIMESTAMP(3), at_ms TIMESTAMP(6), "
            + "addr ROW<city STRING, street STRING>, scores MAP<STRING, BIGINT>, tags ARRAY<STRING>, hash BYTES, day DATE, clock TIME"));

        await using var result = env.Query("SELECT id, CAST(amount AS STRING), CAST(at AS STRING), CAST(at_ms AS STRING), CAST(addr AS STRING), "
            + "scores['b'], CAST(tags AS STRING), hash, CAST(day AS STRING), CAST(clock AS STRING) FROM e");
        var row = Assert.Single(await result.ToListAsync().WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.Equal(new object?[] { 1, "-123.40", "2023-11-14 22:13:20.123", "2023-11-14 22:13:20.456000", "(Oslo, NULL)", 7L, "[x]" },
            row.Values.Take(7).ToArray());
        Assert.Equal(new byte[] { 0xAB, 0xCD }, (byte[])row[7]!);
        Assert.Equal(new object?[] { "2022-01-08", "01:02:03" }, row.Values.Skip(8).ToArray());
    }

    private string Reader(string table, string topic, string columns, string extra = "") =>
        $"CREATE TABLE {table} ({columns}) WITH ({Kafka(topic)}, 'format' = 'avro-confluent', 'avro-confluent.url' = '{_registry.Url}'{extra}{Bounded})";

    [Fact]
    public async Task A_writer_schema_without_a_not_null_column_fails_the_job_naming_the_field_and_the_offset()
    {
        _cluster.CreateTopic("lacking", 1);
        int v1 = _registry.Register("lacking-value", UserV1);
        var good = AvroBytes.Confluent(v1).String("ann").Long(1).Long(0).Float(1).Long(0).Long(1).ToArray();
        _cluster.ProduceBytes("lacking", new[] { (0, (byte[]?)null, (byte[]?)good) });
        await using var env = Session();
        env.ExecuteSql(Reader("ok", "lacking", "id BIGINT NOT NULL, missing STRING"));
        env.ExecuteSql(Reader("strict", "lacking", "id BIGINT NOT NULL, missing STRING NOT NULL"));

        Assert.Equal(new[] { "1|NULL" }, await Rows(env, "SELECT id, missing FROM ok"));
        await using var result = env.Query("SELECT id FROM strict");
        var error = await Assert.ThrowsAsync<JobFailedException>(() => result.ToListAsync().WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("topic 'lacking', partition 0, offset 0", error.Message);
        Assert.Contains($"the writer schema id {v1} does not fit the table", error.Message);
        Assert.Contains("no field 'missing', which is NOT NULL in the table", error.Message);
        Assert.DoesNotContain("   at ", error.Message);
    }

    [Fact]
    public async Task A_null_from_a_writer_union_into_a_not_null_column_fails_that_record()
    {
        _cluster.CreateTopic("nulls", 1);
        int v1 = _registry.Register("nulls-value", UserV1);
        byte[] User(bool withNote)
        {
            var bytes = AvroBytes.Confluent(v1).String("ann").Long(1).Long(0).Float(1).Long(0);
            return (withNote ? bytes.Long(0).String("hi") : bytes.Long(1)).ToArray();
        }
        _cluster.ProduceBytes("nulls", new[] { (0, (byte[]?)null, (byte[]?)User(true)), (0, null, User(false)) });
        await using var env = Session();
        env.ExecuteSql(Reader("n", "nulls", "id BIGINT NOT NULL, note STRING NOT NULL"));

        await using var result = env.Query("SELECT id, note FROM n");
        var error = await Assert.ThrowsAsync<JobFailedException>(() => result.ToListAsync().WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("topic 'nulls', partition 0, offset 1", error.Message);
        Assert.Contains("field 'note' is null in the writer schema, which cannot be read into the column of type STRING (a null for a NOT NULL column)", error.Message);
    }

    [Fact]
    public async Task A_field_whose_type_cannot_be_promoted_fails_the_job_naming_the_field()
    {
        _cluster.CreateTopic("narrowing", 1);
        int v2 = _registry.Register("narrowing-value", UserV2);
        _cluster.ProduceBytes("narrowing", new[] { (0, (byte[]?)null, (byte[]?)AvroBytes.Confluent(v2).Long(1).String("a").Double(1).String("B").Long(0).Long(0).ToArray()) });
        await using var env = Session();
        env.ExecuteSql(Reader("n", "narrowing", "id INT"));

        await using var result = env.Query("SELECT id FROM n");
        var error = await Assert.ThrowsAsync<JobFailedException>(() => result.ToListAsync().WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("offset 0", error.Message);
        Assert.Contains("field 'id' is long in the writer schema, which cannot be read into the column of type INT", error.Message);
    }

    [Fact]
    public async Task A_record_without_the_magic_byte_or_with_an_unknown_schema_id_fails_the_job_with_its_offset()
    {
        _cluster.CreateTopic("foreign", 1);
        _cluster.CreateTopic("unknown", 1);
        int v2 = _registry.Register("foreign-value", UserV2);
        var good = AvroBytes.Confluent(v2).Long(1).String("a").Double(1).String("B").Long(0).Long(0).ToArray();
        _cluster.ProduceBytes("foreign", new[] { (0, (byte[]?)null, (byte[]?)good), (0, null, "{\"id\": 1}"u8.ToArray()) });
        _cluster.ProduceBytes("unknown", new[] { (0, (byte[]?)null, (byte[]?)good), (0, null, good), (0, null, AvroBytes.Confluent(99).Long(1).ToArray()) });
        await using var env = Session();
        env.ExecuteSql(Reader("f", "foreign", "id BIGINT"));
        env.ExecuteSql(Reader("u", "unknown", "id BIGINT"));

        await using (var result = env.Query("SELECT id FROM f"))
        {
            var error = await Assert.ThrowsAsync<JobFailedException>(() => result.ToListAsync().WaitAsync(TimeSpan.FromSeconds(60)));
            Assert.Contains("Malformed record in table 'f' at Kafka topic 'foreign', partition 0, offset 1", error.Message);
            Assert.Contains("not in the Confluent Avro wire format", error.Message);
            Assert.Contains("starts with the byte 123", error.Message);
        }
        await using (var result = env.Query("SELECT id FROM u"))
        {
            var error = await Assert.ThrowsAsync<JobFailedException>(() => result.ToListAsync().WaitAsync(TimeSpan.FromSeconds(60)));
            Assert.Contains("topic 'unknown', partition 0, offset 2", error.Message);
            Assert.Contains($"has no schema with id 99 (registry: Schema 99 not found)", error.Message);
            Assert.Contains($"('avro-confluent.url')", error.Message);
        }
    }

    [Fact]
    public async Task A_registry_that_cannot_be_reached_fails_the_source_with_the_offset_and_the_sink_naming_url_and_subject()
    {
        _cluster.CreateTopic("down", 1);
        int v2 = _registry.Register("down-value", UserV2);
        _cluster.ProduceBytes("down", new[] { (0, (byte[]?)null, (byte[]?)AvroBytes.Confluent(v2).Long(1).String("a").Double(1).String("B").Long(0).Long(0).ToArray()) });
        string nowhere = $"http://127.0.0.1:{FakeSchemaRegistry.FreePort()}";
        await using var env = Session();
        env.ExecuteSql($"CREATE TABLE r (id BIGINT) WITH ({Kafka("down")}, 'value.format' = 'avro-confluent', 'value.avro-confluent.url' = '{nowhere}'{Bounded})");
        env.ExecuteSql($"CREATE TABLE w (id BIGINT) WITH ({Kafka("down")}, 'value.format' = 'avro-confluent', 'value.avro-confluent.url' = '{nowhere}', "
            + "'value.avro-confluent.subject' = 'ids')");

        await using (var result = env.Query("SELECT id FROM r"))
        {
            var error = await Assert.ThrowsAsync<JobFailedException>(() => result.ToListAsync().WaitAsync(TimeSpan.FromSeconds(60)));
            Assert.Contains("Cannot decode the record in table 'r' at Kafka topic 'down', partition 0, offset 0", error.Message);
            Assert.Contains($"cannot reach the schema registry at '{nowhere}' ('value.avro-confluent.url') to fetch the writer schema id {v2}", error.Message);
        }
        await env.ExecuteScriptAsync("INSERT INTO w VALUES (CAST(1 AS BIGINT))");
        var sinkError = Assert.Single(await env.WaitForJobsAsync().WaitAsync(TimeSpan.FromSeconds(60))).FailureMessage!;
        Assert.Contains($"cannot reach the schema registry at '{nowhere}' ('value.avro-confluent.url') to register the schema under the subject 'ids' "
            + "('value.avro-confluent.subject')", sinkError);
        Assert.DoesNotContain("   at ", sinkError);
    }

    [Fact]
    public async Task A_schema_the_registry_finds_incompatible_fails_the_sink_naming_the_subject()
    {
        _cluster.CreateTopic("strict", 1);
        _registry.Register("strict-value", UserV2);
        _registry.RefuseNewVersions = true;
        await using var env = Session();
        env.ExecuteSql($"CREATE TABLE w (id BIGINT NOT NULL, nickname STRING NOT NULL) WITH ({Kafka("strict")}, 'format' = 'avro-confluent', "
            + $"'avro-confluent.url' = '{_registry.Url}')");

        await env.ExecuteScriptAsync("INSERT INTO w VALUES (CAST(1 AS BIGINT), 'x')");
        var error = Assert.Single(await env.WaitForJobsAsync().WaitAsync(TimeSpan.FromSeconds(60))).FailureMessage!;
        Assert.Contains("refused the table's schema for the subject 'strict-value' ('avro-confluent.subject')", error);
        Assert.Contains("incompatible with an earlier schema for subject", error);
        Assert.Single(_registry.Versions("strict-value"));
        Assert.Empty(_cluster.ReadLog("strict", 0).Committed());
    }

    [Fact]
    public async Task Basic_auth_user_info_logs_in_to_the_registry_and_is_never_shown()
    {
        _cluster.CreateTopic("secured", 1);
        _registry.RequiredAuthorization = "Basic " + Convert.ToBase64String("alice:s3cret"u8.ToArray());
        await using var env = Session();
        string options = $"'format' = 'avro-confluent', 'avro-confluent.url' = '{_registry.Url}', "
            + "'avro-confluent.basic-auth.credentials-source' = 'USER_INFO', 'avro-confluent.basic-auth.user-info' = 'alice:s3cret'";
        env.ExecuteSql($"CREATE TABLE w (id BIGINT) WITH ({Kafka("secured")}, {options})");
        env.ExecuteSql($"CREATE TABLE r (id BIGINT) WITH ({Kafka("secured")}, {options}{Bounded})");
        await env.ExecuteScriptAsync("INSERT INTO w VALUES (CAST(5 AS BIGINT))");
        Assert.Empty(await env.WaitForJobsAsync().WaitAsync(TimeSpan.FromSeconds(60)));

        Assert.Equal(new[] { "5" }, await Rows(env, "SELECT id FROM r"));
        // The same login from the URL's user info, and from the registry client's own properties.
        string withUserInfo = _registry.Url.Replace("http://", "http://alice:s3cret@", StringComparison.Ordinal);
        env.ExecuteSql($"CREATE TABLE byUrl (id BIGINT) WITH ({Kafka("secured")}, 'format' = 'avro-confluent', 'avro-confluent.url' = '{withUserInfo}', "
            + $"'avro-confluent.basic-auth.credentials-source' = 'URL'{Bounded})");
        env.ExecuteSql($"CREATE TABLE byProperties (id BIGINT) WITH ({Kafka("secured")}, 'format' = 'avro-confluent', 'avro-confluent.url' = '{_registry.Url}', "
            + $"'avro-confluent.properties.basic.auth.credentials.source' = 'USER_INFO', 'avro-confluent.properties.basic.auth.user.info' = 'alice:s3cret'{Bounded})");
        Assert.Equal(new[] { "5" }, await Rows(env, "SELECT id FROM byUrl"));
        Assert.Equal(new[] { "5" }, await Rows(env, "SELECT id FROM byProperties"));

        Assert.All(_registry.Authorizations, a => Assert.Equal(_registry.RequiredAuthorization, a));
        foreach (var table in new[] { "r", "byUrl", "byProperties" })
        {
            var shown = string.Join("\n", Assert.IsType<TableTextResult>(env.ExecuteSql($"SHOW CREATE TABLE {table}")).Rows.SelectMany(r => r));
            Assert.Contains("'avro-confluent.url' = 'http://", shown);
            Assert.DoesNotContain("s3cret", shown);
        }
    }

    [Fact]
    public async Task A_registry_behind_tls_is_trusted_through_the_truststore_and_refused_without_it()
    {
        _cluster.CreateTopic("tls", 1);
        string pem = Path.Combine(Path.GetTempPath(), $"registry-{Guid.NewGuid():N}.pem");
        try
        {
            using var registry = new TlsSchemaRegistryStub(pem);
            await using var env = Session();
            env.ExecuteSql($"CREATE TABLE trusting (id BIGINT) WITH ({Kafka("tls")}, 'format' = 'avro-confluent', 'avro-confluent.url' = '{registry.Url}', "
                + $"'avro-confluent.ssl.truststore.location' = '{pem}')");
            env.ExecuteSql($"CREATE TABLE doubting (id BIGINT) WITH ({Kafka("tls")}, 'format' = 'avro-confluent', 'avro-confluent.url' = '{registry.Url}')");

            await env.ExecuteScriptAsync("INSERT INTO trusting VALUES (CAST(1 AS BIGINT))");
            Assert.Empty(await env.WaitForJobsAsync().WaitAsync(TimeSpan.FromSeconds(60)));
            var record = Assert.Single(_cluster.ReadLog("tls", 0).Committed());
            Assert.Equal(new byte[] { 0, 0, 0, 0, 1 }, record.Value![..5]);
            Assert.Equal(1, registry.Answered);

            await env.ExecuteScriptAsync("INSERT INTO doubting VALUES (CAST(2 AS BIGINT))");
            var error = Assert.Single(await env.WaitForJobsAsync().WaitAsync(TimeSpan.FromSeconds(60))).FailureMessage!;
            Assert.Contains($"cannot reach the schema registry at '{registry.Url}' ('avro-confluent.url')", error);
            Assert.Equal(1, registry.Answered);
        }
        finally
        {
            File.Delete(pem);
        }
    }

    [Fact]
    public async Task A_wrong_login_fails_naming_the_registry_answer()
    {
        _cluster.CreateTopic("locked", 1);
        _registry.RequiredAuthorization = "Bearer right";
        await using var env = Session();
        env.ExecuteSql($"CREATE TABLE w (id BIGINT) WITH ({Kafka("locked")}, 'format' = 'avro-confluent', 'avro-confluent.url' = '{_registry.Url}', "
            + "'avro-confluent.bearer-auth.credentials-source' = 'STATIC_TOKEN', 'avro-confluent.bearer-auth.token' = 'wrong')");
        await env.ExecuteScriptAsync("INSERT INTO w VALUES (CAST(1 AS BIGINT))");
        var error = Assert.Single(await env.WaitForJobsAsync().WaitAsync(TimeSpan.FromSeconds(60))).FailureMessage!;
        Assert.Contains("answered HTTP 401 when registering the table's schema under the subject 'locked-value'", error);
        Assert.DoesNotContain("wrong", error);
        Assert.Equal(new[] { "Bearer wrong" }, _registry.Authorizations);
    }

    [Fact]
    public async Task A_schema_given_in_the_options_is_registered_as_written_when_it_describes_the_columns()
    {
        _cluster.CreateTopic("given", 1);
        const string Given = """{"type":"record","name":"Order","namespace":"shop","doc":"an order","fields":[{"name":"id","type":"long"},"""
            + """{"name":"item","type":["null","string"],"default":null}]}""";
        await using var env = Session();
        string options = $"'format' = 'avro-confluent', 'avro-confluent.url' = '{_registry.Url}', 'avro-confluent.schema' = '{Given}'";
        env.ExecuteSql($"CREATE TABLE w (id BIGINT NOT NULL, item STRING) WITH ({Kafka("given")}, {options})");
        env.ExecuteSql($"CREATE TABLE r (id BIGINT NOT NULL, item STRING) WITH ({Kafka("given")}, {options}{Bounded})");
        await env.ExecuteScriptAsync("INSERT INTO w VALUES (CAST(4 AS BIGINT), 'pen')");
        Assert.Empty(await env.WaitForJobsAsync().WaitAsync(TimeSpan.FromSeconds(60)));

        Assert.Equal(new[] { Given }, _registry.Versions("given-value"));
        Assert.Equal(new[] { "4|pen" }, await Rows(env, "SELECT id, item FROM r"));

        var error = TableUse.ReadError(env, $"CREATE TABLE bad (id BIGINT NOT NULL, item INT) WITH ({Kafka("given")}, {options})");
        Assert.Contains("'avro-confluent.schema'", error.Message);
        Assert.Contains("the schema does not describe the table's columns: 'item' is string where the table has int", error.Message);
        error = TableUse.ReadError(env, $"CREATE TABLE bad (id BIGINT NOT NULL, item STRING) WITH ({Kafka("given")}, "
            + $"'format' = 'avro-confluent', 'avro-confluent.url' = '{_registry.Url}', 'avro-confluent.schema' = '{{\"type\": \"recrd\"}}')");
        Assert.Contains("'avro-confluent.schema'", error.Message);
        Assert.Contains("not an Avro schema", error.Message);
        error = TableUse.ReadError(env, $"CREATE TABLE bad (id BIGINT NOT NULL, item STRING) WITH ({Kafka("given")}, "
            + $"'format' = 'avro-confluent', 'avro-confluent.url' = '{_registry.Url}', 'avro-confluent.schema' = "
            + "'{\"type\": \"record\", \"name\": \"R\", \"fields\": [{\"name\": \"id\", \"type\": \"long\"}, {\"name\": \"id\", \"type\": \"long\"}]}')");
        Assert.Contains("record 'R' has two fields named 'id'", error.Message);
    }

    [Fact]
    public async Task Flink_1_x_option_names_are_accepted_and_upsert_kafka_takes_the_format_for_key_and_value()
    {
        _cluster.CreateTopic("totals", 1);
        await using var env = Session();
        env.ExecuteSql($"CREATE TABLE totals (k STRING NOT NULL, n BIGINT, PRIMARY KEY (k) NOT ENFORCED) WITH ('connector' = 'upsert-kafka', "
            + $"'topic' = 'totals', 'properties.bootstrap.servers' = '{_cluster.BootstrapServers}', "
            + $"'key.format' = 'avro-confluent', 'key.avro-confluent.schema-registry.url' = '{_registry.Url}', "
            + $"'value.format' = 'avro-confluent', 'value.avro-confluent.schema-registry.url' = '{_registry.Url}', "
            + "'value.avro-confluent.schema-registry.subject' = 'totals-v', 'scan.bounded.mode' = 'latest-offset')");
        await env.ExecuteScriptAsync("INSERT INTO totals SELECT k, COUNT(*) FROM (VALUES ('a'), ('b'), ('a')) AS t(k) GROUP BY k");
        Assert.Empty(await env.WaitForJobsAsync().WaitAsync(TimeSpan.FromSeconds(60)));

        Assert.Single(_registry.Versions("totals-v"));
        Assert.Single(_registry.Versions("totals-key"));
        Assert.Equal(new[] { "a|2", "b|1" }, await Rows(env, "SELECT k, n FROM totals"));
    }

    [Fact]
    public void A_table_without_the_registry_url_or_with_a_multiset_is_refused_when_read()
    {
        using var env = StreamSqlEnvironment.Create(new StreamSqlOptions { Output = TextWriter.Null }).AsDisposable();
        var error = TableUse.ReadError(env.Value, $"CREATE TABLE x (id INT) WITH ({Kafka("t")}, 'format' = 'avro-confluent')");
        Assert.Contains("missing the required option 'avro-confluent.url'", error.Message);
        error = TableUse.ReadError(env.Value, $"CREATE TABLE x (id INT) WITH ({Kafka("t")}, 'format' = 'json', "
            + "'key.format' = 'avro-confluent', 'key.fields' = 'id')");
        Assert.Contains("missing the required option 'key.avro-confluent.url'", error.Message);
        error = TableUse.ReadError(env.Value, $"CREATE TABLE x (m MULTISET<STRING>) WITH ({Kafka("t")}, 'format' = 'avro-confluent', "
            + $"'avro-confluent.url' = '{_registry.Url}')");
        Assert.Contains("does not support MULTISET", error.Message);
        error = TableUse.ReadError(env.Value, $"CREATE TABLE x (id INT) WITH ({Kafka("t")}, 'format' = 'avro-confluent', "
            + "'avro-confluent.url' = 'localhost:8081')");
        Assert.Contains("'avro-confluent.url'", error.Message);
        Assert.Contains("not an http:// or https:// URL", error.Message);
    }
}
