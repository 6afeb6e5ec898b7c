using Npgsql;
using StreamSql.Postgres.Tests.Fixture;

namespace StreamSql.Postgres.Tests;

/// <summary>
/// ARRAY columns against PostgreSQL arrays, as Flink's PostgreSQL dialect maps them: the jdbc sink writes them (NULL
/// elements, empty and NULL arrays included), a lookup join reads them back, and postgres-cdc reads them from the
/// snapshot and from the replication stream (PostgreSQL's text form there: quoted elements, escapes, NULL).
/// </summary>
public sealed class JdbcArrayTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static StreamSqlEnvironment Environment() =>
        StreamSqlEnvironment.Create(new StreamSqlOptions { Output = TextWriter.Null, StopTimeout = TimeSpan.FromSeconds(10) });

    private static string Jdbc(string db, string table) =>
        $"'connector' = 'jdbc', 'url' = '{PostgresServer.JdbcUrl(db)}', 'table-name' = '{table}', 'username' = 'postgres', 'password' = 'pw'";

    private static Task<List<string>> ReadAsync(IAsyncEnumerator<ChangelogRow> rows, int count) => ChangelogRows.ReadAsync(rows, count, Patience);

    [SkippableFact]
    public async Task The_sink_writes_arrays_into_postgresql_array_columns()
    {
        var db = await PostgresServer.Require().CreateDatabaseAsync("arrays");
        await Pg.ExecuteAsync(db, "CREATE TABLE t (id integer PRIMARY KEY, i integer[], b bigint[], s text[], d double precision[], n numeric(10,2)[], "
            + "ts timestamp[], f boolean[], dt date[])");
        await using var env = Environment();
        env.ExecuteSql($"""
            CREATE TABLE t (id INT, i ARRAY<INT>, b ARRAY<BIGINT>, s ARRAY<STRING>, d ARRAY<DOUBLE>, n ARRAY<DECIMAL(10, 2)>,
              ts ARRAY<TIMESTAMP(6)>, f ARRAY<BOOLEAN>, dt ARRAY<DATE>, PRIMARY KEY (id) NOT ENFORCED) WITH ({Jdbc(db, "t")})
            """);
        await env.ExecuteScriptAsync("""
            INSERT INTO t VALUES
              (1, ARRAY[1, CAST(NULL AS INT), -3], ARRAY[CAST(9007199254740993 AS BIGINT)], ARRAY['a b', 'c,"d"', CAST(NULL AS STRING), ''],
               ARRAY[1.5, -0.25], ARRAY[CAST(1.25 AS DECIMAL(10, 2)), CAST(-3 AS DECIMAL(10, 2))],
               ARRAY[TIMESTAMP '2026-12-03 01:02:03.456789'], ARRAY[TRUE, FALSE], ARRAY[DATE '2026-12-03', DATE '1969-12-31']),
              (2, CAST(NULL AS ARRAY<INT>), CAST(NULL AS ARRAY<BIGINT>), CAST(NULL AS ARRAY<STRING>), CAST(NULL AS ARRAY<DOUBLE>),
               CAST(NULL AS ARRAY<DECIMAL(10, 2)>), CAST(NULL AS ARRAY<TIMESTAMP(6)>), CAST(NULL AS ARRAY<BOOLEAN>), CAST(NULL AS ARRAY<DATE>))
            """);
        var failed = await env.WaitForJobsAsync().WaitAsync(TimeSpan.FromSeconds(120));
        Assert.True(failed.Count == 0, string.Join("\n", failed.Select(j => j.FailureMessage)));
        var rows = await Pg.TextRowsAsync(db, "t", "i, b, s, d, n, ts, f, dt", "id");
        Assert.Equal(
        [
            "{1,NULL,-3}|{9007199254740993}|{\"a b\",\"c,\\\"d\\\"\",NULL,\"\"}|{1.5,-0.25}|{1.25,-3.00}|{\"2026-12-03 01:02:03.456789\"}|{t,f}|{2026-12-03,1969-12-31}",
            "null|null|null|null|null|null|null|null",
        ], rows);
    }

    [SkippableFact]
    public async Task A_lookup_join_and_postgres_cdc_read_arrays_back()
    {
        var db = await PostgresServer.Require().CreateDatabaseAsync("arraysread");
        await Pg.ExecuteAsync(db, """
            CREATE TABLE dim (id INT PRIMARY KEY, tags TEXT[], nums BIGINT[], at TIMESTAMP[], small SMALLINT[], ratio REAL[]);
            ALTER TABLE dim REPLICA IDENTITY FULL;
            INSERT INTO dim VALUES (1, ARRAY['x', 'y z', NULL], ARRAY[1, NULL, 3], ARRAY['2026-12-03 10:00:00.5'::timestamp], '{-2,7}', '{0.5}'),
                                   (2, '{}', NULL, NULL, NULL, NULL);
            """);
        var b = new NpgsqlConnectionStringBuilder(db);
        await using var env = Environment();
        await env.ExecuteSqlAsync($"""
            CREATE TABLE dim (id INT, tags ARRAY<STRING>, nums ARRAY<BIGINT>, at ARRAY<TIMESTAMP(3)>, small ARRAY<INT>, ratio ARRAY<DOUBLE>) WITH ({Jdbc(db, "dim")})
            """);
        await env.ExecuteSqlAsync("""
            CREATE TABLE o (seq BIGINT, pt AS PROCTIME()) WITH ('connector' = 'datagen', 'rows-per-second' = '20',
              'fields.seq.kind' = 'sequence', 'fields.seq.start' = '0', 'fields.seq.end' = '1')
            """);
        await using (var lookup = await env.QueryAsync(
            "SELECT o.seq, d.tags, d.nums, d.at, d.small, d.ratio FROM o JOIN dim FOR SYSTEM_TIME AS OF o.pt AS d ON CAST(o.seq AS INT) + 1 = d.id"))
        await using (var rows = lookup.ReadRowsAsync(new CancellationTokenSource(Patience * 2).Token).GetAsyncEnumerator())
        {
            var joined = (await ReadAsync(rows, 2)).Order().ToList();
            Assert.True(joined.SequenceEqual(["+I[0, [x, y z, null], [1, null, 3], [2026-12-03T10:00:00.5], [-2, 7], [0.5]]", "+I[1, [], null, null, null, null]"]), string.Join(" / ", joined));
        }

        await env.ExecuteSqlAsync($"""
            CREATE TABLE cdc (id INT, tags ARRAY<STRING>, nums ARRAY<BIGINT>, at ARRAY<TIMESTAMP(3)>, PRIMARY KEY (id) NOT ENFORCED) WITH (
              'connector' = 'postgres-cdc', 'hostname' = '{b.Host}', 'port' = '{b.Port}', 'username' = '{b.Username}', 'password' = '{b.Password}',
              'database-name' = '{b.Database}', 'schema-name' = 'public', 'table-name' = 'dim', 'slot.name' = 'arrays_slot')
            """);
        await using var cdc = await env.QueryAsync("SELECT * FROM cdc");
        await using var changes = cdc.ReadRowsAsync(new CancellationTokenSource(Patience * 2).Token).GetAsyncEnumerator();
        Assert.Equal(["+I[1, [x, y z, null], [1, null, 3], [2026-12-03T10:00:00.5]]", "+I[2, [], null, null]"], (await ReadAsync(changes, 2)).Order().ToList());
        await Pg.ExecuteAsync(db, """
            INSERT INTO dim VALUES (3, ARRAY['a,b', 'q"uote', 'back\slash', 'NULL', NULL, ''], ARRAY[-9007199254740993], ARRAY['1969-12-31 23:59:59.999'::timestamp]);
            UPDATE dim SET tags = ARRAY['{brace}'] WHERE id = 2;
            """);
        Assert.Equal(
        [
            "+I[3, [a,b, q\"uote, back\\slash, NULL, null, ], [-9007199254740993], [1969-12-31T23:59:59.999]]",
            "-U[2, [], null, null]",
            "+U[2, [{brace}], null, null]",
        ], await ReadAsync(changes, 3));
    }
}
