using StreamSql.Postgres.Tests.Fixture;

namespace StreamSql.Postgres.Tests;

/// <summary>The jdbc sink end to end: SQL jobs writing into PostgreSQL.</summary>
public sealed class JdbcSinkTests
{
    private static StreamSqlEnvironment Environment() =>
        StreamSqlEnvironment.Create(new StreamSqlOptions { Output = TextWriter.Null, StopTimeout = TimeSpan.FromSeconds(10) });

    private static async Task Finish(StreamSqlEnvironment env)
    {
        var failed = await env.WaitForJobsAsync().WaitAsync(TimeSpan.FromSeconds(120));
        Assert.True(failed.Count == 0, string.Join("\n", failed.Select(j => j.FailureMessage)));
    }

    private static string With(string db, string table, string extra = "") =>
        $"'connector' = 'jdbc', 'url' = '{PostgresServer.JdbcUrl(db)}', 'table-name' = '{table}', 'username' = 'postgres', 'password' = 'pw'{extra}";

    [SkippableTheory]
    [InlineData("at-least-once")]
    [InlineData("exactly-once")]
    public async Task A_group_by_upserts_by_the_primary_key_and_deletes_emptied_groups(string guarantee)
    {
        var db = await PostgresServer.Require().CreateDatabaseAsync("upsert");
        await Pg.ExecuteAsync(db, "CREATE TABLE counts (word text PRIMARY KEY, n bigint, total bigint)");
        await Pg.ExecuteAsync(db, "INSERT INTO counts VALUES ('stale', 1, 1)");
        await using var env = Environment();
        env.ExecuteSql("CREATE TABLE src (w STRING, v BIGINT) WITH ('connector' = 'datagen', 'number-of-rows' = '2000', 'fields.w.length' = '1', "
            + "'fields.v.kind' = 'sequence', 'fields.v.start' = '1', 'fields.v.end' = '2000')");
        env.ExecuteSql($"CREATE TABLE counts (word STRING, n BIGINT, total BIGINT, PRIMARY KEY (word) NOT ENFORCED) WITH ({With(db, "counts",
            $", 'sink.delivery-guarantee' = '{guarantee}', 'sink.buffer-flush.max-rows' = '7'")})");
        env.ExecuteSql("CREATE TABLE expected (word STRING, n BIGINT, total BIGINT) WITH ('connector' = 'blackhole')");
        await env.ExecuteScriptAsync("INSERT INTO counts SELECT w, COUNT(*), SUM(v) FROM (SELECT CASE WHEN v % 3 = 0 THEN 'x' ELSE w END AS w, v FROM src) GROUP BY w");
        await Finish(env);

        var rows = await Pg.TextRowsAsync(db, "counts", "word, n, total", "word");
        Assert.Contains("stale|1|1", rows);
        var written = rows.Where(r => r != "stale|1|1").Select(r => r.Split('|')).ToList();
        Assert.Equal(2000, written.Sum(r => long.Parse(r[1])));
        Assert.Equal(2000L * 2001 / 2, written.Sum(r => long.Parse(r[2])));
        Assert.Contains(written, r => r[0] == "x" && r[1] == "666");
    }

    [SkippableFact]
    public async Task Deletes_remove_the_key_and_a_retraction_before_an_update_is_ignored()
    {
        var db = await PostgresServer.Require().CreateDatabaseAsync("delete");
        await Pg.ExecuteAsync(db, "CREATE TABLE latest (k integer PRIMARY KEY, v text)");
        await using var env = Environment();
        // A Top-1 per key retracts and deletes: rows move between keys as later values arrive.
        env.ExecuteSql("CREATE TABLE src (id BIGINT) WITH ('connector' = 'datagen', 'number-of-rows' = '100', 'fields.id.kind' = 'sequence', "
            + "'fields.id.start' = '1', 'fields.id.end' = '100')");
        env.ExecuteSql($"CREATE TABLE latest (k INT, v STRING, PRIMARY KEY (k) NOT ENFORCED) WITH ({With(db, "latest")})");
        // Keys 0..9 get counts; the HAVING removes (deletes) a key once its count passes 5.
        await env.ExecuteScriptAsync("INSERT INTO latest SELECT k, CAST(COUNT(*) AS STRING) FROM (SELECT CAST(id % 20 AS INT) AS k FROM src) GROUP BY k HAVING COUNT(*) < 5");
        await Finish(env);
        // Every key reaches 5 rows: each was written, updated, then deleted.
        Assert.Empty(await Pg.RowsAsync(db, "SELECT * FROM latest"));
    }

    [SkippableFact]
    public async Task A_table_without_a_key_gets_appends_and_refuses_an_updating_query()
    {
        var db = await PostgresServer.Require().CreateDatabaseAsync("append");
        await Pg.ExecuteAsync(db, "CREATE TABLE events (id bigint, name varchar(20))");
        await using var env = Environment();
        env.ExecuteSql("CREATE TABLE src (id BIGINT) WITH ('connector' = 'datagen', 'number-of-rows' = '1000', 'fields.id.kind' = 'sequence', "
            + "'fields.id.start' = '1', 'fields.id.end' = '1000')");
        env.ExecuteSql($"CREATE TABLE events (id BIGINT, name STRING) WITH ({With(db, "events")})");
        await env.ExecuteScriptAsync("INSERT INTO events SELECT id, CONCAT('e', CAST(id AS STRING)) FROM src");
        await Finish(env);
        var rows = await Pg.RowsAsync(db, "SELECT count(*), count(DISTINCT id), min(id), max(id), max(name) FROM events");
        Assert.Equal("1000|1000|1|1000|e999", rows.Single());

        var error = await Assert.ThrowsAnyAsync<Exception>(() => env.ExecuteScriptAsync("INSERT INTO events SELECT id, CAST(COUNT(*) AS STRING) FROM src GROUP BY id"));
        Assert.Contains("please declare primary key for sink table when query contains update/delete record.", error.Message);
    }

    [SkippableFact]
    public async Task Every_sql_type_round_trips()
    {
        var db = await PostgresServer.Require().CreateDatabaseAsync("types");
        await Pg.ExecuteAsync(db, "CREATE TABLE t (id integer PRIMARY KEY, b boolean, ti smallint, si smallint, i integer, bi bigint, f real, d double precision, "
            + "dec numeric(10,3), wide numeric(38,10), c char(3), s varchar(50), txt text, bin bytea, dt date, tm time, ts timestamp(6), ltz timestamptz, j jsonb)");
        await using var env = Environment();
        env.ExecuteSql($"""
            CREATE TABLE t (id INT, b BOOLEAN, ti TINYINT, si SMALLINT, i INT, bi BIGINT, f FLOAT, d DOUBLE, dec DECIMAL(10, 3), wide DECIMAL(38, 10),
              c CHAR(3), s VARCHAR(50), txt STRING, bin BYTES, dt DATE, tm TIME, ts TIMESTAMP(6), ltz TIMESTAMP_LTZ(3),
              j STRING, PRIMARY KEY (id) NOT ENFORCED) WITH ({With(db, "t")})
            """);
        await env.ExecuteScriptAsync("""
            INSERT INTO t VALUES
              (1, TRUE, CAST(-7 AS TINYINT), CAST(300 AS SMALLINT), -5, 9007199254740993, CAST(1.5 AS FLOAT), 2.25, CAST(-1234567.891 AS DECIMAL(10, 3)),
               CAST('1234567890123456789012345678.0123456789' AS DECIMAL(38, 10)), 'ab', 'héllo ''q''', 'line1
            line2', X'00FF10', DATE '2026-12-03', TIME '13:14:15', TIMESTAMP '2026-12-03 01:02:03.456789', TO_TIMESTAMP_LTZ(1764723723123, 3), '{"a": [1, 2]}'),
              (2, CAST(NULL AS BOOLEAN), CAST(NULL AS TINYINT), CAST(NULL AS SMALLINT), CAST(NULL AS INT), CAST(NULL AS BIGINT), CAST(NULL AS FLOAT),
               CAST(NULL AS DOUBLE), CAST(NULL AS DECIMAL(10, 3)), CAST(NULL AS DECIMAL(38, 10)), CAST(NULL AS CHAR(3)), CAST(NULL AS VARCHAR(50)),
               CAST(NULL AS STRING), CAST(NULL AS BYTES), CAST(NULL AS DATE), CAST(NULL AS TIME), CAST(NULL AS TIMESTAMP(6)), CAST(NULL AS TIMESTAMP_LTZ(3)), CAST(NULL AS STRING))
            """);
        await Finish(env);
        var rows = await Pg.RowsAsync(db, "SET TIME ZONE 'UTC'; SELECT concat_ws('|', b, ti, si, i, bi, f, d, dec, wide, c, s, txt, encode(bin, 'hex'), dt, tm, ts, ltz, j::text) FROM t ORDER BY id");
        Assert.Equal(2, rows.Count);
        Assert.Equal("t|-7|300|-5|9007199254740993|1.5|2.25|-1234567.891|1234567890123456789012345678.0123456789|ab |héllo 'q'|line1\nline2|00ff10|"
            + "2026-12-03|13:14:15|2026-12-03 01:02:03.456789|2025-12-03 01:02:03.123+00|{\"a\": [1, 2]}", rows[0]);
        Assert.Equal("", rows[1]);
    }

    [SkippableFact]
    public async Task The_flush_interval_writes_a_partly_full_buffer_while_the_source_stays_idle()
    {
        var db = await PostgresServer.Require().CreateDatabaseAsync("interval");
        await Pg.ExecuteAsync(db, """
            CREATE TABLE src (id INT PRIMARY KEY, v BIGINT);
            INSERT INTO src VALUES (1, 10);
            CREATE TABLE dst (id INT PRIMARY KEY, v BIGINT);
            """);
        var b = new Npgsql.NpgsqlConnectionStringBuilder(db);
        await using var env = Environment();
        // No checkpoints, so only the interval can flush: the source (a snapshot, then a replication stream) sends a row,
        // later one more, and then nothing, far below 'sink.buffer-flush.max-rows'.
        env.ExecuteSql($"CREATE TABLE src (id INT, v BIGINT, PRIMARY KEY (id) NOT ENFORCED) WITH ('connector' = 'postgres-cdc', 'hostname' = '{b.Host}', "
            + $"'port' = '{b.Port}', 'username' = '{b.Username}', 'password' = '{b.Password}', 'database-name' = '{b.Database}', 'schema-name' = 'public', "
            + "'table-name' = 'src', 'slot.name' = 'interval', 'changelog-mode' = 'upsert')");
        env.ExecuteSql($"CREATE TABLE dst (id INT, v BIGINT, PRIMARY KEY (id) NOT ENFORCED) WITH ({With(db, "dst",
            ", 'sink.buffer-flush.max-rows' = '1000', 'sink.buffer-flush.interval' = '3s'")})");
        await env.ExecuteScriptAsync("INSERT INTO dst SELECT id, v FROM src");
        Assert.Equal(["1|10"], await WaitForRowsAsync(db, 1));
        // Arriving within the interval after that flush, the next row waits in the buffer: only the timer writes it.
        await Pg.ExecuteAsync(db, "INSERT INTO src VALUES (2, 20)");
        Assert.Equal(["1|10", "2|20"], await WaitForRowsAsync(db, 2));
    }

    /// <remarks>Each completed checkpoint drops the progress rows no restorable checkpoint can need, so a running job keeps
    /// a couple per subtask however many epochs it commits, while every row still arrives once.</remarks>
    [SkippableFact]
    public async Task Exactly_once_progress_rows_of_old_epochs_are_removed_as_checkpoints_complete()
    {
        var db = await PostgresServer.Require().CreateDatabaseAsync("progress");
        await Pg.ExecuteAsync(db, "CREATE TABLE dst (id bigint PRIMARY KEY)");
        await using var env = Environment();
        env.ExecuteSql("SET 'execution.checkpointing.interval' = '100ms'");
        env.ExecuteSql("SET 'parallelism.default' = '2'");
        env.ExecuteSql("CREATE TABLE src (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '400', "
            + "'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '100000')");
        env.ExecuteSql($"CREATE TABLE dst (id BIGINT) WITH ({With(db, "dst", ", 'sink.delivery-guarantee' = 'exactly-once'")})");
        await env.ExecuteScriptAsync("INSERT INTO dst SELECT id FROM src");

        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            Assert.True(DateTime.UtcNow < deadline, "no checkpoint committed after 90 s");
            if ((await Pg.RowsAsync(db, "SELECT to_regclass('streamsql_sink_progress') IS NULL"))[0] == "True")
            {
                await Task.Delay(50);
                continue;
            }
            var progress = await Pg.RowsAsync(db, "SELECT count(*), count(DISTINCT subtask), coalesce(max(checkpoint_id), 0) FROM streamsql_sink_progress");
            var (rows, subtasks, last) = progress[0].Split('|').Select(long.Parse).ToArray() is var p ? (p[0], p[1], p[2]) : default;
            Assert.True(rows <= 4 * Math.Max(subtasks, 1), $"{rows} progress rows for {subtasks} subtasks after checkpoint {last}");
            if (last >= 20 && subtasks == 2) break;
            Assert.True(DateTime.UtcNow < deadline, $"only checkpoint {last} committed after 90 s");
            await Task.Delay(50);
        }
        var written = (await Pg.RowsAsync(db, "SELECT count(*), count(DISTINCT id) FROM dst"))[0].Split('|');
        Assert.NotEqual("0", written[0]);
        Assert.Equal(written[0], written[1]);
    }

    private static async Task<List<string>> WaitForRowsAsync(string db, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        List<string> rows;
        while ((rows = await Pg.RowsAsync(db, "SELECT id, v FROM dst ORDER BY id")).Count < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the sink wrote [{string.Join(", ", rows)}] after 60 s");
            await Task.Delay(50);
        }
        return rows;
    }
}
