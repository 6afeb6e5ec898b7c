using StreamSql.Postgres.Tests.Fixture;

namespace StreamSql.Postgres.Tests;

/// <summary>
/// A jdbc table read as a source (Flink's JDBC scan source: bounded, the table as it is when the job reads it): every type
/// of Flink's PostgreSQL mapping read and written back unchanged, NULLs included; <c>scan.partition.*</c> bounds filter the
/// rows read; mistakes in the options or the table fail naming them.
/// </summary>
public sealed class HuntIJdbcScanTests
{
    private static string With(string db, string table, string extra = "") =>
        $"'connector' = 'jdbc', 'url' = '{PostgresServer.JdbcUrl(db)}', 'table-name' = '{table}', 'username' = 'postgres', 'password' = 'pw'{extra}";

    private static StreamSqlEnvironment Environment() =>
        StreamSqlEnvironment.Create(new StreamSqlOptions { Output = TextWriter.Null, StopTimeout = TimeSpan.FromSeconds(10) });

    private const string Columns = "id, b, s2, i4, i8, r, d, n, nn, t, vc, c, by, dt, tm, ts, tstz, j, jb, u, ia, ta";

    [SkippableFact]
    public async Task Every_mapped_type_is_read_and_written_back_unchanged_nulls_included()
    {
        var db = await PostgresServer.Require().CreateDatabaseAsync("huntitypes");
        foreach (var table in new[] { "src", "dst" })
            await Pg.ExecuteAsync(db, $"""
                CREATE TABLE {table} (id integer PRIMARY KEY, b boolean, s2 smallint, i4 integer, i8 bigint, r real, d double precision,
                  n numeric(12, 3), nn numeric, t text, vc varchar(20), c char(3), by bytea, dt date, tm time, ts timestamp(3), tstz timestamptz,
                  j json, jb jsonb, u uuid, ia integer[], ta text[])
                """);
        await Pg.ExecuteAsync(db, """
            INSERT INTO src VALUES
              (1, true, -2, 3, 9000000000, 1.5, 2.25, 123.456, 98765.4321, 'text', 'vc', 'abc', '\x0102ff', '2024-01-02', '12:34:56',
               '2024-01-02 03:04:05.678', '2024-01-02 03:04:05.123456+02', '{"a": 1}', '{"b": [2]}', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11',
               '{1,NULL,3}', '{"x","y z",NULL}'),
              (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)
            """);
        await using var env = Environment();
        const string schema = "id INT, b BOOLEAN, s2 SMALLINT, i4 INT, i8 BIGINT, r FLOAT, d DOUBLE, n DECIMAL(12, 3), nn DECIMAL(38, 18), t STRING, "
            + "vc VARCHAR(20), c CHAR(3), `by` BYTES, dt DATE, tm TIME, ts TIMESTAMP(3), tstz TIMESTAMP_LTZ(6), j STRING, jb STRING, u STRING, "
            + "ia ARRAY<INT>, ta ARRAY<STRING>, PRIMARY KEY (id) NOT ENFORCED";
        env.ExecuteSql($"CREATE TABLE src ({schema}) WITH ({With(db, "src")})");
        env.ExecuteSql($"CREATE TABLE dst ({schema}) WITH ({With(db, "dst")})");
        await env.ExecuteScriptAsync("INSERT INTO dst SELECT * FROM src");
        Assert.Empty(await env.WaitForJobsAsync().WaitAsync(TimeSpan.FromSeconds(120)));

        var expected = await Pg.TextRowsAsync(db, "src", Columns, "id");
        Assert.Equal(2, expected.Count);
        // NUMERIC without precision is read as DECIMAL(38, 18): the value is the same, written with the scale of 18.
        var actual = await Pg.TextRowsAsync(db, "dst", Columns, "id");
        Assert.Equal(expected, actual.Select(r => r.Replace("98765.432100000000000000", "98765.4321", StringComparison.Ordinal)));
    }

    [SkippableFact]
    public async Task Partition_bounds_filter_the_rows_read_and_a_schema_qualified_mixed_case_table_is_found()
    {
        var db = await PostgresServer.Require().CreateDatabaseAsync("huntipart");
        await Pg.ExecuteAsync(db, "CREATE SCHEMA shop; CREATE TABLE shop.\"Orders\" (\"Id\" bigint, amount integer); "
            + "INSERT INTO shop.\"Orders\" SELECT g, g * 10 FROM generate_series(1, 100) g; CREATE TABLE dst (id bigint, amount integer)");
        await using var env = Environment();
        env.ExecuteSql($"CREATE TABLE orders (Id BIGINT, amount INT) WITH ({With(db, "shop.Orders", ", 'scan.partition.column' = 'Id', "
            + "'scan.partition.num' = '3', 'scan.partition.lower-bound' = '11', 'scan.partition.upper-bound' = '40', 'scan.fetch-size' = '7'")})");
        env.ExecuteSql($"CREATE TABLE dst (id BIGINT, amount INT) WITH ({With(db, "dst")})");
        await env.ExecuteScriptAsync("INSERT INTO dst SELECT Id, amount FROM orders");
        Assert.Empty(await env.WaitForJobsAsync().WaitAsync(TimeSpan.FromSeconds(120)));
        Assert.Equal(Enumerable.Range(11, 30).Select(i => $"{i}|{i * 10}"), await Pg.TextRowsAsync(db, "dst", "id, amount", "id"));
    }

    [SkippableFact]
    public async Task A_missing_table_fails_the_job_naming_the_option()
    {
        var db = await PostgresServer.Require().CreateDatabaseAsync("huntimissing");
        await Pg.ExecuteAsync(db, "CREATE TABLE dst (id bigint)");
        await using var env = Environment();
        env.ExecuteSql($"CREATE TABLE src (id BIGINT) WITH ({With(db, "nosuch")})");
        env.ExecuteSql($"CREATE TABLE dst (id BIGINT) WITH ({With(db, "dst")})");
        await env.ExecuteScriptAsync("INSERT INTO dst SELECT id FROM src");
        var failed = await env.WaitForJobsAsync().WaitAsync(TimeSpan.FromSeconds(120));
        var error = Assert.Single(failed).FailureMessage;
        Assert.Contains("'nosuch' (option 'table-name'), which does not exist", error);
    }

    [SkippableTheory]
    [InlineData("INSERT INTO dst SELECT id, d FROM src")]
    [InlineData("INSERT INTO dst SELECT k.id, s.d FROM keys AS k JOIN src FOR SYSTEM_TIME AS OF k.pt AS s ON k.id = s.id")]
    public async Task A_column_of_a_type_the_postgres_column_does_not_map_to_fails_the_job_naming_both(string insert)
    {
        var db = await PostgresServer.Require().CreateDatabaseAsync("huntimismatch");
        await Pg.ExecuteAsync(db, "CREATE TABLE src (id bigint, d date); INSERT INTO src VALUES (1, '2020-01-02'); CREATE TABLE dst (id bigint, d integer)");
        await using var env = Environment();
        env.ExecuteSql($"CREATE TABLE src (id BIGINT, d INT) WITH ({With(db, "src")})");
        env.ExecuteSql($"CREATE TABLE dst (id BIGINT, d INT) WITH ({With(db, "dst")})");
        env.ExecuteSql("CREATE TABLE keys (id BIGINT, pt AS PROCTIME()) WITH ('connector' = 'datagen', 'number-of-rows' = '1', "
            + "'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '1')");
        await env.ExecuteScriptAsync(insert);
        var error = Assert.Single(await env.WaitForJobsAsync().WaitAsync(TimeSpan.FromSeconds(120))).FailureMessage;
        Assert.Contains("The jdbc table 'src' reads column 'd' as INT, but column \"d\" of the PostgreSQL table public.src (option 'table-name') is of type date", error);
    }

    [SkippableFact]
    public async Task A_type_the_postgres_dialect_cannot_hold_is_refused_in_flinks_words()
    {
        var db = await PostgresServer.Require().CreateDatabaseAsync("huntimap");
        await using var env = Environment();
        env.ExecuteSql($"CREATE TABLE t (id BIGINT, m MAP<STRING, INT>) WITH ({With(db, "t")})");
        var error = Assert.ThrowsAny<Exception>(() => env.ExecuteSql("EXPLAIN SELECT * FROM t"));
        Assert.Contains("The PostgreSQL dialect doesn't support type: MAP<STRING, INT>. (column 'm' of the jdbc table 't'", error.Message);
    }

    [SkippableTheory]
    [InlineData("'scan.partition.column' = 'id'", "Either all or none of the following options should be provided: scan.partition.column, scan.partition.num")]
    [InlineData("'scan.partition.column' = 'id', 'scan.partition.num' = '2', 'scan.partition.lower-bound' = '9', 'scan.partition.upper-bound' = '1'",
        "'scan.partition.lower-bound'='9' must not be larger than 'scan.partition.upper-bound'='1'.")]
    [InlineData("'scan.partition.column' = 'name', 'scan.partition.num' = '2', 'scan.partition.lower-bound' = '1', 'scan.partition.upper-bound' = '9'",
        "the partition column must be numeric")]
    [InlineData("'scan.partition.column' = 'id', 'scan.partition.num' = '2', 'scan.partition.lower-bound' = '-9223372036854775808', 'scan.partition.upper-bound' = '0'",
        "holds more values than a BIGINT can count")]
    [InlineData("'scan.fetch-size' = '-1'", "'scan.fetch-size'")]
    public async Task Wrong_scan_options_are_refused_naming_them(string options, string message)
    {
        var db = await PostgresServer.Require().CreateDatabaseAsync("huntiopts");
        await using var env = Environment();
        env.ExecuteSql($"CREATE TABLE src (id BIGINT, name STRING) WITH ({With(db, "src", ", " + options)})");
        var error = Assert.ThrowsAny<Exception>(() => env.ExecuteSql("EXPLAIN SELECT * FROM src"));
        Assert.Contains(message, error.Message);
    }
}
