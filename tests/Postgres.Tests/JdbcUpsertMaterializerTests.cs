using StreamSql.Postgres.Tests.Fixture;

namespace StreamSql.Postgres.Tests;

/// <summary>
/// A query with several rows per key of a jdbc upsert table: keys k = id % 20 counted, kept while their count is below 3,
/// written by bucket b = k % 5 (so each bucket holds the rows of four keys, equal rows). Row by row, a bucket's key that
/// reaches 3 retracts its row; with the SinkUpsertMaterializer the bucket stays while another key holds it, without it
/// (<c>table.exec.sink.upsert-materialize</c> = NONE) that <c>-U</c> deletes the bucket's row in PostgreSQL.
/// </summary>
public sealed class JdbcUpsertMaterializerTests
{
    private const int Rows = 50;

    private static string With(string db, string table) =>
        $"'connector' = 'jdbc', 'url' = '{PostgresServer.JdbcUrl(db)}', 'table-name' = '{table}', 'username' = 'postgres', 'password' = 'pw'";

    [SkippableTheory]
    [InlineData("AUTO", 1)]
    [InlineData("AUTO", 2)]
    [InlineData("NONE", 1)]
    public async Task A_bucket_stays_while_another_key_holds_it(string mode, int parallelism)
    {
        var db = await PostgresServer.Require().CreateDatabaseAsync("upsertmat");
        await Pg.ExecuteAsync(db, "CREATE TABLE buckets (b integer PRIMARY KEY, tag text)");
        await using var env = StreamSqlEnvironment.Create(new StreamSqlOptions { Output = TextWriter.Null, StopTimeout = TimeSpan.FromSeconds(10) });
        env.ExecuteSql("SET 'execution.batch.max-rows' = '1'");
        env.ExecuteSql($"SET 'parallelism.default' = '{parallelism}'");
        env.ExecuteSql($"SET 'table.exec.sink.upsert-materialize' = '{mode}'");
        env.ExecuteSql($"CREATE TABLE src (id INT) WITH ('connector' = 'datagen', 'number-of-rows' = '{Rows}', 'fields.id.kind' = 'sequence', "
            + $"'fields.id.start' = '1', 'fields.id.end' = '{Rows}')");
        env.ExecuteSql($"CREATE TABLE buckets (b INT, tag STRING, PRIMARY KEY (b) NOT ENFORCED) WITH ({With(db, "buckets")})");
        await env.ExecuteScriptAsync("INSERT INTO buckets SELECT MOD(k, 5), 'live' FROM (SELECT MOD(id, 20) AS k, COUNT(*) AS c FROM src GROUP BY MOD(id, 20)) WHERE c < 3");
        var failed = await env.WaitForJobsAsync().WaitAsync(TimeSpan.FromSeconds(120));
        Assert.Empty(failed);

        // The batch result: the buckets of the keys counted fewer than 3 times.
        var expected = Enumerable.Range(1, Rows).GroupBy(i => i % 20).Where(g => g.Count() < 3)
            .Select(g => g.Key % 5).Distinct().Order().Select(b => $"{b}|live").ToList();
        var actual = await Pg.TextRowsAsync(db, "buckets", "b, tag", "b");
        if (mode == "NONE") Assert.NotEqual(expected, actual);
        else Assert.Equal(expected, actual);
        Assert.Equal(5, expected.Count);
    }
}
