namespace StreamSql.Tests.Differential;

/// <summary>
/// <c>NOT IN (subquery)</c> where either side may be NULL (SQL's three-valued semantics: a NULL in the subquery drops
/// every row, a NULL value is dropped unless the subquery is empty), over two random NULL-rich tables, each query's
/// materialized changelog compared with DuckDB's answer: uncorrelated and correlated subqueries, an empty subquery, a
/// subquery with NULLs (rows emitted, then retracted when the first NULL arrives), an updating subquery whose NULLs come
/// and go, and a nullable value expression; at parallelism 1 with large batches and at parallelism 2 with 7-row batches.
/// </summary>
public sealed class NullAwareNotInDifferentialTests
{
    public static TheoryData<string> Queries => new()
    {
        "SELECT t.k, t.v FROM t WHERE t.k NOT IN (SELECT k FROM u WHERE k IS NOT NULL AND v > 0)",
        "SELECT t.k, t.v FROM t WHERE t.v NOT IN (SELECT v FROM u WHERE s = 'no such word')",
        "SELECT t.k, t.v FROM t WHERE t.k NOT IN (SELECT k FROM u) UNION ALL SELECT k, v FROM t WHERE v > 900",
        "SELECT t.s, t.v FROM t WHERE t.v % 10 NOT IN (SELECT k FROM u WHERE k < 5)",
        "SELECT t.k, t.v FROM t WHERE t.v NOT IN (SELECT u.v FROM u WHERE u.k = t.k)",
        "SELECT t.k, t.s FROM t WHERE t.s NOT IN (SELECT u.s FROM u WHERE u.k = t.k AND u.b) AND t.v > 0",
        "SELECT t.k, t.v FROM t WHERE t.k NOT IN (SELECT k FROM u GROUP BY k HAVING COUNT(*) > 3 AND k IS NOT NULL)",
        "SELECT t.k, t.v FROM t WHERE t.k NOT IN (SELECT CASE WHEN COUNT(*) < 2 THEN NULL ELSE MAX(k) END FROM u WHERE k < 3 GROUP BY k)",
        "SELECT t.v, COUNT(*) AS n FROM t WHERE t.k NOT IN (SELECT k FROM u WHERE k IS NOT NULL) GROUP BY t.v",
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Not_in_agrees_with_duckdb_at_parallelism_1(string query) => await CheckAsync(query, 1, 4096);

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Not_in_agrees_with_duckdb_at_parallelism_2_in_small_batches(string query) => await CheckAsync(query, 2, 7);

    private static async Task CheckAsync(string query, int parallelism, int batchRows)
    {
        await using var run = new DifferentialRun(20261206, [
            ("parallelism.default", parallelism.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("execution.batch.max-rows", batchRows.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ]);
        run.AddTable("t", rows: 300);
        run.AddTable("u", rows: 200);
        await run.CheckAsync(DualSql.Same(query));
        Assert.True(run.Mismatches == 0, run.Report());
        Assert.True(run.NonEmptyCases == 1, "the query returned no rows");
    }
}
