using System.Globalization;
using StreamSql.Kafka.Tests.Fixture;

namespace StreamSql.Kafka.Tests;

/// <summary>The avro format of kafka records (Flink's: one record in Avro binary encoding, schema from the row type).</summary>
public sealed class AvroFormatTests : IDisposable
{
    private readonly MockKafkaCluster _cluster = new();

    public void Dispose() => _cluster.Dispose();

    private string With(string topic, string extra) =>
        $"'connector' = 'kafka', 'topic' = '{topic}', 'properties.bootstrap.servers' = '{_cluster.BootstrapServers}', 'format' = 'avro'{extra}";

    private const string Bounded = ", 'scan.startup.mode' = 'earliest-offset', 'scan.bounded.mode' = 'latest-offset'";

    [Fact]
    public async Task A_record_is_the_avro_binary_encoding_of_the_row_with_nullable_columns_as_unions()
    {
        _cluster.CreateTopic("avro-bytes", 1);
        await using var env = StreamSqlEnvironment.Create(new StreamSqlOptions { Output = TextWriter.Null });
        env.ExecuteSql($"CREATE TABLE w (id INT NOT NULL, name STRING, big BIGINT) WITH ({With("avro-bytes", "")})");
        await env.ExecuteScriptAsync("INSERT INTO w VALUES (1, 'ab', CAST(NULL AS BIGINT)), (-3, CAST(NULL AS STRING), 300)");
        await env.WaitForJobsAsync().WaitAsync(TimeSpan.FromSeconds(60));

        var values = _cluster.ReadLog("avro-bytes", 0).Committed().Select(r => Convert.ToHexString(r.Value!)).ToList();
        // id: int 1 → zigzag 02; name: union branch 1 (02), length 2 (04), "ab"; big: union branch 0 (00).
        // id: -3 → 05; name: branch 0 (00); big: branch 1 (02), 300 → zigzag 600 → D8 04.
        Assert.Equal(new[] { "0202046162" + "00", "05" + "00" + "02D804" }, values);
    }

    [Fact]
    public async Task What_the_sink_writes_in_avro_the_source_reads_back_with_every_supported_type_and_nulls()
    {
        _cluster.CreateTopic("avro-round", 2);
        await using var env = StreamSqlEnvironment.Create(new StreamSqlOptions { Output = TextWriter.Null, StopTimeout = TimeSpan.FromSeconds(10) });
        const string Columns = "id BIGINT, ok BOOLEAN, small SMALLINT, price DECIMAL(20, 3), ratio DOUBLE, f FLOAT, name STRING, "
            + "d DATE, at TIMESTAMP(3), micro TIMESTAMP(6)";
        // TIMESTAMP(6) needs Flink's corrected timestamp mapping (local-timestamp-micros).
        const string Corrected = ", 'avro.timestamp_mapping.legacy' = 'false'";
        env.ExecuteSql($"CREATE TABLE w ({Columns}) WITH ({With("avro-round", ", 'key.format' = 'avro', 'key.fields' = 'id'" + Corrected)})");
        env.ExecuteSql($"CREATE TABLE r ({Columns}) WITH ({With("avro-round", ", 'key.format' = 'avro', 'key.fields' = 'id'" + Corrected + Bounded)})");
        await env.ExecuteScriptAsync("INSERT INTO w VALUES "
            + "(1, TRUE, CAST(-7 AS SMALLINT), CAST(-12345678901234.567 AS DECIMAL(20, 3)), 0.25, CAST(1.5 AS FLOAT), 'héllo', DATE '2024-02-29', "
            + "TIMESTAMP '2024-01-02 03:04:05.678', TIMESTAMP '1969-12-31 23:59:59.999999'), "
            + "(2, CAST(NULL AS BOOLEAN), CAST(NULL AS SMALLINT), CAST(NULL AS DECIMAL(20, 3)), CAST(NULL AS DOUBLE), CAST(NULL AS FLOAT), "
            + "CAST(NULL AS STRING), CAST(NULL AS DATE), CAST(NULL AS TIMESTAMP(3)), CAST(NULL AS TIMESTAMP(6)))");
        await env.WaitForJobsAsync().WaitAsync(TimeSpan.FromSeconds(60));

        await using var result = env.Query("SELECT id, ok, small, CAST(price AS STRING), ratio, f, name, CAST(d AS STRING), CAST(at AS STRING), CAST(micro AS STRING), "
            + "CAST(price / 2 AS STRING) FROM r");
        var rows = (await result.ToListAsync().WaitAsync(TimeSpan.FromSeconds(60))).OrderBy(r => (long)r[0]!).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal(new object?[] { 1L, true, (short)-7, "-12345678901234.567", 0.25, 1.5f, "héllo", "2024-02-29", "2024-01-02 03:04:05.678", "1969-12-31 23:59:59.999999" },
            rows[0].Values.Take(10).ToArray());
        Assert.Equal(new object?[] { 2L, null, null, null, null, null, null, null, null, null }, rows[1].Values.Take(10).ToArray());
    }

    [Fact]
    public async Task Rows_arrays_and_maps_are_avro_records_arrays_and_maps_read_back_as_written()
    {
        _cluster.CreateTopic("avro-nested", 1);
        await using var env = StreamSqlEnvironment.Create(new StreamSqlOptions { Output = TextWriter.Null, StopTimeout = TimeSpan.FromSeconds(10) });
        const string Columns = "id INT NOT NULL, r ROW<a INT, b STRING>, tags ARRAY<STRING>, m MAP<STRING, BIGINT>, rs ARRAY<ROW<x INT>>";
        env.ExecuteSql($"CREATE TABLE w ({Columns}) WITH ({With("avro-nested", "")})");
        env.ExecuteSql($"CREATE TABLE r ({Columns}) WITH ({With("avro-nested", Bounded)})");
        await env.ExecuteScriptAsync("INSERT INTO w VALUES "
            + "(1, ROW(7, 'x'), ARRAY['a', CAST(NULL AS STRING), 'c'], MAP['k', CAST(5 AS BIGINT), 'j', CAST(NULL AS BIGINT)], ARRAY[ROW(1), ROW(2)]), "
            + "(2, CAST(NULL AS ROW<a INT, b STRING>), CAST(NULL AS ARRAY<STRING>), CAST(NULL AS MAP<STRING, BIGINT>), CAST(NULL AS ARRAY<ROW<x INT>>))");
        await env.WaitForJobsAsync().WaitAsync(TimeSpan.FromSeconds(60));

        await using var result = env.Query("SELECT id, r.b, CAST(tags AS STRING), m['k'], CARDINALITY(m), rs[2].x, CAST(r AS STRING) FROM r");
        var rows = (await result.ToListAsync().WaitAsync(TimeSpan.FromSeconds(60))).OrderBy(r => (int)r[0]!).ToList();
        Assert.Equal(new object?[] { 1, "x", "[a, NULL, c]", 5L, 2, 2, "(7, x)" }, rows[0].Values.ToArray());
        Assert.Equal(new object?[] { 2, null, null, null, null, null, null }, rows[1].Values.ToArray());
    }

    [Fact]
    public void A_map_with_keys_other_than_strings_is_refused_by_avro()
    {
        using var env = StreamSqlEnvironment.Create(new StreamSqlOptions { Output = TextWriter.Null }).AsDisposable();
        env.Value.ExecuteSql($"CREATE TABLE x (m MAP<INT, STRING>) WITH ({With("t", "")})");
        var error = Assert.ThrowsAny<Exception>(() => env.Value.ExecuteSql("EXPLAIN SELECT * FROM x"));
        Assert.Contains("STRING keys only", error.Message);
        Assert.Contains("'m'", error.Message);
    }

    [Fact]
    public void A_type_avro_cannot_hold_is_refused_when_the_table_is_read()
    {
        using var env = StreamSqlEnvironment.Create(new StreamSqlOptions { Output = TextWriter.Null }).AsDisposable();
        env.Value.ExecuteSql($"CREATE TABLE x (ts TIMESTAMP(9)) WITH ({With("t", "")})");
        var error = Assert.ThrowsAny<Exception>(() => env.Value.ExecuteSql("EXPLAIN SELECT * FROM x"));
        Assert.Contains("the avro format does not support", error.Message);
        Assert.Contains("'ts'", error.Message);
    }
}
