using Npgsql;
using StreamSql.Postgres.Tests.Fixture;

namespace StreamSql.Postgres.Tests;

/// <summary>
/// postgres-cdc as Flink CDC's table factory takes it: <c>'scan.startup.mode' = 'snapshot'</c> reads the table's snapshot
/// and ends (a bounded job, no replication slot), metadata columns included; a slot another connection streams from is an
/// error naming <c>slot.name</c>, not a wait without end.
/// </summary>
public sealed class HuntIPostgresCdcStartupTests
{
    private static string Cdc(string db, string slot, string extra = "")
    {
        var b = new NpgsqlConnectionStringBuilder(db);
        return $"'connector' = 'postgres-cdc', 'hostname' = '{b.Host}', 'port' = '{b.Port}', 'username' = '{b.Username}', 'password' = 'pw', "
            + $"'database-name' = '{b.Database}', 'schema-name' = 'public', 'table-name' = 'items', 'slot.name' = '{slot}', 'decoding.plugin.name' = 'pgoutput'{extra}";
    }

    private static string Jdbc(string db, string table) =>
        $"'connector' = 'jdbc', 'url' = '{PostgresServer.JdbcUrl(db)}', 'table-name' = '{table}', 'username' = 'postgres', 'password' = 'pw'";

    private static StreamSqlEnvironment Environment() =>
        StreamSqlEnvironment.Create(new StreamSqlOptions { Output = TextWriter.Null, StopTimeout = TimeSpan.FromSeconds(10) });

    [SkippableFact]
    public async Task Snapshot_startup_mode_reads_the_table_once_and_the_job_finishes_without_a_slot()
    {
        var db = await PostgresServer.Require().CreateDatabaseAsync("huntisnap");
        await Pg.ExecuteAsync(db, """
            CREATE TABLE items (id integer PRIMARY KEY, name text, amount numeric(10, 2));
            INSERT INTO items SELECT g, 'n' || g, g * 1.25 FROM generate_series(1, 2500) g;
            CREATE TABLE dst (id integer PRIMARY KEY, name text, amount numeric(10, 2), src text, kind text);
            """);
        await using var env = Environment();
        env.ExecuteSql("SET 'execution.batch.max-rows' = '100'");
        env.ExecuteSql($"CREATE TABLE items (id INT, name STRING, amount DECIMAL(10, 2), tbl STRING METADATA FROM 'table_name' VIRTUAL, "
            + $"sch STRING METADATA FROM 'schema_name' VIRTUAL, rk STRING METADATA FROM 'row_kind' VIRTUAL, PRIMARY KEY (id) NOT ENFORCED) "
            + $"WITH ({Cdc(db, "snap", ", 'scan.startup.mode' = 'snapshot', 'scan.incremental.snapshot.chunk.size' = '700', "
            // Flink CDC's tuning options, as its examples set them.
            + "'scan.incremental.snapshot.enabled' = 'true', 'heartbeat.interval.ms' = '30000', 'connect.timeout' = '30s', "
            + "'scan.lsn-commit.checkpoints-num-delay' = '3', 'chunk-key.even-distribution.factor.upper-bound' = '1000.0'")})");
        env.ExecuteSql($"CREATE TABLE dst (id INT, name STRING, amount DECIMAL(10, 2), src STRING, kind STRING, PRIMARY KEY (id) NOT ENFORCED) WITH ({Jdbc(db, "dst")})");
        await env.ExecuteScriptAsync("INSERT INTO dst SELECT id, name, amount, CONCAT(sch, '.', tbl), rk FROM items");
        Assert.Empty(await env.WaitForJobsAsync().WaitAsync(TimeSpan.FromSeconds(120)));

        decimal sum = Enumerable.Range(1, 2500).Sum(i => i * 1.25m);
        Assert.Equal([$"2500|2500|1|2500|public.items|+I|{sum:0.00}"],
            await Pg.RowsAsync(db, "SELECT count(*), count(DISTINCT id), min(id), max(id), min(src), max(src), min(kind), max(kind), sum(amount) FROM dst")
                .ContinueWith(t => t.Result.Select(r => r.Replace("public.items|public.items", "public.items").Replace("+I|+I", "+I")).ToList()));
        Assert.Equal(["0"], await Pg.RowsAsync(db, "SELECT count(*) FROM pg_replication_slots WHERE slot_name = 'snap'"));
    }

    [SkippableFact]
    public async Task A_slot_another_connection_streams_from_fails_the_job_naming_the_option()
    {
        var db = await PostgresServer.Require().CreateDatabaseAsync("huntislot");
        await Pg.ExecuteAsync(db, """
            CREATE TABLE items (id integer PRIMARY KEY, name text);
            INSERT INTO items VALUES (1, 'one');
            CREATE TABLE a (id integer PRIMARY KEY, n bigint);
            CREATE TABLE b (id integer PRIMARY KEY, n bigint);
            """);
        await using var first = Environment();
        first.ExecuteSql($"CREATE TABLE items (id INT, name STRING, PRIMARY KEY (id) NOT ENFORCED) WITH ({Cdc(db, "shared", ", 'changelog-mode' = 'upsert'")})");
        first.ExecuteSql($"CREATE TABLE a (id INT, n BIGINT, PRIMARY KEY (id) NOT ENFORCED) WITH ({Jdbc(db, "a")})");
        await first.ExecuteScriptAsync("INSERT INTO a SELECT id, COUNT(*) FROM items GROUP BY id");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await Pg.RowsAsync(db, "SELECT count(*) FROM pg_replication_slots WHERE slot_name = 'shared' AND active"))[0] != "1")
        {
            Assert.True(DateTime.UtcNow < deadline, "the first job never streamed from its slot");
            await Task.Delay(100);
        }

        await using var second = Environment();
        second.ExecuteSql($"CREATE TABLE items (id INT, name STRING, PRIMARY KEY (id) NOT ENFORCED) WITH ({Cdc(db, "shared", ", 'changelog-mode' = 'upsert'")})");
        second.ExecuteSql($"CREATE TABLE b (id INT, n BIGINT, PRIMARY KEY (id) NOT ENFORCED) WITH ({Jdbc(db, "b")})");
        second.ExecuteSql("SET 'restart-strategy.type' = 'none'");
        await second.ExecuteScriptAsync("INSERT INTO b SELECT id, COUNT(*) FROM items GROUP BY id");
        var failed = await second.WaitForJobsAsync().WaitAsync(TimeSpan.FromSeconds(90));
        var message = Assert.Single(failed).FailureMessage;
        Assert.True(message?.Contains("replication slot 'shared' (option 'slot.name')", StringComparison.Ordinal) == true, message);
        Assert.Contains("replication slot 'shared' (option 'slot.name'): it is in use by another connection", message);
    }
}
