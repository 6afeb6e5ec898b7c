using StreamSql.Postgres.Tests.Fixture;

namespace StreamSql.Postgres.Tests;

/// <summary>A <c>-U</c> without its <c>+U</c> (the new row filtered out by HAVING, or joined elsewhere) deletes the key's
/// row in a jdbc table, as Flink's JDBC sink treats UPDATE_BEFORE in its reduced buffer.</summary>
public sealed class HuntBJdbcRetractionTests
{
    private static string With(string db, string table) =>
        $"'connector' = 'jdbc', 'url' = '{PostgresServer.JdbcUrl(db)}', 'table-name' = '{table}', 'username' = 'postgres', 'password' = 'pw'";

    [SkippableFact]
    public async Task Groups_a_having_filters_out_row_by_row_leave_no_stale_row()
    {
        var db = await PostgresServer.Require().CreateDatabaseAsync("huntbhaving");
        await Pg.ExecuteAsync(db, "CREATE TABLE small (k integer PRIMARY KEY, n bigint)");
        await using var env = StreamSqlEnvironment.Create(new StreamSqlOptions { Output = TextWriter.Null, StopTimeout = TimeSpan.FromSeconds(10) });
        env.ExecuteSql("SET 'execution.batch.max-rows' = '1'");
        env.ExecuteSql("CREATE TABLE src (id INT) WITH ('connector' = 'datagen', 'number-of-rows' = '30', 'fields.id.kind' = 'sequence', "
            + "'fields.id.start' = '1', 'fields.id.end' = '30')");
        env.ExecuteSql($"CREATE TABLE small (k INT, n BIGINT, PRIMARY KEY (k) NOT ENFORCED) WITH ({With(db, "small")})");
        // Ten keys of three rows each, one row per batch: every key is written with 1, updated to 2, then filtered out.
        await env.ExecuteScriptAsync("INSERT INTO small SELECT k, COUNT(*) FROM (SELECT MOD(id, 10) AS k FROM src) GROUP BY k HAVING COUNT(*) < 3");
        var failed = await env.WaitForJobsAsync().WaitAsync(TimeSpan.FromSeconds(120));
        Assert.Empty(failed);
        // Each key reached 3 rows: Flink's +U[k, 3] is filtered out and its -U[k, 2] deletes the row.
        Assert.Empty(await Pg.RowsAsync(db, "SELECT * FROM small"));
    }
}
