using Avro;
using Avro.Generic;
using Avro.IO;
using StreamSql.Execution.Runtime;

namespace StreamSql.Kafka.Tests;

/// <summary>
/// Flink 2.x's avro timestamp mapping: with the legacy mapping (the default) TIMESTAMP(p &gt; 3) and TIMESTAMP_LTZ are
/// refused as Flink refuses them; with <c>'avro.timestamp_mapping.legacy' = 'false'</c> TIMESTAMP is local-timestamp-millis
/// or -micros and TIMESTAMP_LTZ timestamp-millis or -micros. Records written by Apache's own Avro library are read, and
/// what the sink writes Apache's library decodes, with the units the logical types name.
/// </summary>
public sealed class AvroTimestampMappingTests : IDisposable
{
    private const string Columns = "id INT NOT NULL, ts3 TIMESTAMP(3) NOT NULL, ts6 TIMESTAMP(6) NOT NULL, ltz3 TIMESTAMP_LTZ(3) NOT NULL, "
        + "ltz6 TIMESTAMP_LTZ(6) NOT NULL";

    /// <summary>The schema Flink derives for <see cref="Columns"/> under the corrected mapping.</summary>
    private const string FlinkSchema = """
        {"type": "record", "name": "record", "namespace": "org.apache.flink.avro.generated", "fields": [
          {"name": "id", "type": "int"},
          {"name": "ts3", "type": {"type": "long", "logicalType": "local-timestamp-millis"}},
          {"name": "ts6", "type": {"type": "long", "logicalType": "local-timestamp-micros"}},
          {"name": "ltz3", "type": {"type": "long", "logicalType": "timestamp-millis"}},
          {"name": "ltz6", "type": {"type": "long", "logicalType": "timestamp-micros"}}]}
        """;

    /// <summary>The same record with the longs as they are encoded (Apache's library would convert logical values through
    /// the machine's time zone for local timestamps; the raw longs are what the test compares).</summary>
    private static readonly RecordSchema RawSchema = (RecordSchema)Schema.Parse("""
        {"type": "record", "name": "record", "namespace": "org.apache.flink.avro.generated", "fields": [
          {"name": "id", "type": "int"}, {"name": "ts3", "type": "long"}, {"name": "ts6", "type": "long"},
          {"name": "ltz3", "type": "long"}, {"name": "ltz6", "type": "long"}]}
        """);

    // 2024-01-02 03:04:05.678912 as milliseconds and microseconds since the epoch.
    private const long Millis = 1_704_164_645_678;
    private const long Micros = 1_704_164_645_678_912;

    private readonly MockKafkaCluster _cluster = new();

    public void Dispose() => _cluster.Dispose();

    private string With(string topic, string extra = "") =>
        $"'connector' = 'kafka', 'topic' = '{topic}', 'properties.bootstrap.servers' = '{_cluster.BootstrapServers}', 'format' = 'avro'{extra}";

    private const string Corrected = ", 'avro.timestamp_mapping.legacy' = 'false'";
    private const string Bounded = ", 'scan.startup.mode' = 'earliest-offset', 'scan.bounded.mode' = 'latest-offset'";

    private static StreamSqlEnvironment Session() =>
        StreamSqlEnvironment.Create(new StreamSqlOptions { Output = TextWriter.Null, StopTimeout = TimeSpan.FromSeconds(10) });

    [Theory]
    [InlineData("ts TIMESTAMP(6)", "Avro does not support TIMESTAMP type with precision: 6, it only supports precision less than 3")]
    [InlineData("ts TIMESTAMP_LTZ(3)", "Unsupported to derive Schema for type: TIMESTAMP_LTZ(3)")]
    [InlineData("ts ROW<t TIMESTAMP(6)>", "timestamps nested in ROW, ARRAY or MAP as TIMESTAMP(3) only")]
    public async Task The_legacy_mapping_refuses_what_flink_refuses_naming_the_column_and_the_option(string column, string flinkSays)
    {
        await using var env = Session();
        env.ExecuteSql($"CREATE TABLE t ({column}) WITH ({With("t")})");
        var error = Assert.Throws<StreamSqlException>(() => env.ExecuteSql("EXPLAIN SELECT * FROM t"));
        Assert.Contains(flinkSays, error.Message);
        Assert.Contains("Column 'ts' of table 't'", error.Message);
        if (!column.Contains("ROW", StringComparison.Ordinal)) Assert.Contains("set 'avro.timestamp_mapping.legacy' = 'false'", error.Message);
        env.ExecuteSql($"CREATE TABLE ok (ts TIMESTAMP(3), r ROW<t TIMESTAMP(3)>) WITH ({With("t")})");
        env.ExecuteSql($"CREATE TABLE corrected ({column.Replace("ROW<t TIMESTAMP(6)>", "TIMESTAMP(6)", StringComparison.Ordinal)}) WITH ({With("t", Corrected)})");
        env.ExecuteSql("EXPLAIN SELECT * FROM ok");
        env.ExecuteSql("EXPLAIN SELECT * FROM corrected");
    }

    [Fact]
    public void Apache_avro_knows_the_logical_types_of_the_corrected_mapping()
    {
        var schema = (RecordSchema)Schema.Parse(FlinkSchema);
        Assert.Equal(["local-timestamp-millis", "local-timestamp-micros", "timestamp-millis", "timestamp-micros"],
            schema.Fields.Skip(1).Select(f => ((LogicalSchema)f.Schema).LogicalTypeName));
    }

    [Fact]
    public async Task Records_of_another_writer_are_read_in_the_units_their_logical_types_name()
    {
        _cluster.CreateTopic("avro-foreign", 1);
        var record = new GenericRecord(RawSchema);
        record.Add("id", 1);
        record.Add("ts3", Millis);
        record.Add("ts6", Micros);
        record.Add("ltz3", Millis);
        record.Add("ltz6", Micros);
        var bytes = new MemoryStream();
        new GenericDatumWriter<GenericRecord>(RawSchema).Write(record, new BinaryEncoder(bytes));
        _cluster.ProduceBytes("avro-foreign", [(0, null, bytes.ToArray())]);

        await using var env = Session();
        env.ExecuteSql($"CREATE TABLE r ({Columns}) WITH ({With("avro-foreign", Corrected + Bounded)})");
        await using var result = env.Query("SELECT id, CAST(ts3 AS STRING), CAST(ts6 AS STRING), CAST(ltz3 AS STRING), CAST(ltz6 AS STRING) FROM r");
        var row = Assert.Single(await result.ToListAsync().WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.Equal(new object?[] { 1, "2024-01-02 03:04:05.678", "2024-01-02 03:04:05.678912", "2024-01-02 03:04:05.678", "2024-01-02 03:04:05.678912" },
            row.Values.ToArray());
    }

    [Fact]
    public async Task What_the_sink_writes_apache_avro_decodes_and_the_source_reads_back()
    {
        _cluster.CreateTopic("avro-ts", 1);
        await using var env = Session();
        env.ExecuteSql($"CREATE TABLE w ({Columns}) WITH ({With("avro-ts", Corrected)})");
        env.ExecuteSql($"CREATE TABLE r ({Columns}) WITH ({With("avro-ts", Corrected + Bounded)})");
        await env.ExecuteScriptAsync("INSERT INTO w VALUES (7, TIMESTAMP '2024-01-02 03:04:05.678', TIMESTAMP '2024-01-02 03:04:05.678912', "
            + "TO_TIMESTAMP_LTZ(1704164645678, 3), CAST(TIMESTAMP '2024-01-02 03:04:05.678912' AS TIMESTAMP_LTZ(6)))");
        await env.WaitForJobsAsync().WaitAsync(TimeSpan.FromSeconds(60));

        var written = Assert.Single(_cluster.ReadLog("avro-ts", 0).Committed());
        var decoded = new GenericDatumReader<GenericRecord>(RawSchema, RawSchema).Read(null!, new BinaryDecoder(new MemoryStream(written.Value!)));
        Assert.Equal(new object[] { 7, Millis, Micros, Millis, Micros }, RawSchema.Fields.Select(f => decoded[f.Name]).ToArray());

        await using var result = env.Query("SELECT id, CAST(ts3 AS STRING), CAST(ts6 AS STRING), CAST(ltz3 AS STRING), CAST(ltz6 AS STRING) FROM r");
        var row = Assert.Single(await result.ToListAsync().WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.Equal(new object?[] { 7, "2024-01-02 03:04:05.678", "2024-01-02 03:04:05.678912", "2024-01-02 03:04:05.678", "2024-01-02 03:04:05.678912" },
            row.Values.ToArray());
    }
}
