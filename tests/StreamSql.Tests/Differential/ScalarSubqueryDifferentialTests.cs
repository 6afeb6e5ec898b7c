namespace StreamSql.Tests.Differential;

/// <summary>
/// Scalar subqueries, and IN / EXISTS used as values (under OR, in the select list, in CASE), in WHERE and in the
/// select list over two random NULL-rich tables, each query's materialized changelog compared with DuckDB's answer:
/// uncorrelated global aggregations (joined on a constant key; an empty one reads NULL, an empty COUNT 0), LIMIT 1,
/// IN's three-valued result with NULL values and NULLs in the subquery (uncorrelated, and correlated by equalities),
/// EXISTS correlated by equalities and uncorrelated, correlated aggregations decorrelated into a grouped aggregation
/// joined on the correlation keys (a bare COUNT reads 0 for a row without a group), several subqueries in one SELECT,
/// one under a GROUP BY, and in the select list and HAVING of an aggregation (joined to the aggregated rows), IN and EXISTS
/// in HAVING (semi and anti joins of the aggregated rows, correlated on group keys), IN and EXISTS as values of an
/// aggregation (select list, under OR / NOT / CASE in HAVING, uncorrelated and correlated on group keys), correlated
/// scalar subqueries of an aggregation (on group keys), subqueries whose one row only the data guarantees (SINGLE_VALUE); at parallelism 1 with large batches and at parallelism 2 with 7-row batches. The
/// subqueries' values change while the rows stream, so the outer rows are retracted and emitted again.
/// </summary>
public sealed class ScalarSubqueryDifferentialTests
{
    public static TheoryData<string> Queries => new()
    {
        "SELECT t.k, t.v FROM t WHERE t.v > (SELECT MAX(v) - 300 FROM u)",
        "SELECT t.k, t.v - (SELECT MIN(v) FROM u) AS d FROM t",
        "SELECT t.k, (SELECT MAX(v) FROM u WHERE v > 5000) AS m FROM t",
        "SELECT t.k, (SELECT COUNT(*) FROM u WHERE u.k = t.k) AS n FROM t",
        "SELECT t.k, t.v FROM t WHERE t.v > (SELECT MAX(u.v) FROM u WHERE u.k = t.k AND u.b)",
        "SELECT t.s, (SELECT MAX(v) FROM u WHERE v < 0) AS m, (SELECT COUNT(v) FROM u WHERE u.s = t.s AND u.k = t.k) AS c FROM t WHERE t.k < 10",
        "SELECT t.s, COUNT(*) AS n FROM t WHERE t.v < (SELECT MAX(v) - 500 FROM u) GROUP BY t.s",
        "SELECT t.k FROM t WHERE t.v = (SELECT v FROM u WHERE v IS NOT NULL ORDER BY v DESC LIMIT 1) OR t.k = 1",
        "SELECT t.k, t.v, (SELECT SUM(u.v) FROM u WHERE u.k = t.k + 1) AS s FROM t",
        "SELECT t.k, (SELECT COUNT(*) FROM u WHERE v > 5000) AS c FROM t",
        "SELECT t.k, t.v FROM t WHERE t.k IN (SELECT k FROM u WHERE v > 500) OR t.v < 0",
        "SELECT t.k, t.k IN (SELECT k FROM u WHERE b) AS i, t.v NOT IN (SELECT v FROM u WHERE k = 1) AS ni FROM t",
        "SELECT t.k, t.v NOT IN (SELECT v FROM u WHERE k = 1 AND v IS NOT NULL) AS ni FROM t",
        "SELECT t.s, CASE WHEN t.s IN (SELECT s FROM u WHERE k < 3) THEN 'yes' ELSE 'no' END AS m FROM t",
        "SELECT t.k, EXISTS (SELECT 1 FROM u WHERE u.k = t.k AND u.b) AS e FROM t",
        "SELECT t.k, t.v, t.v IN (SELECT u.v FROM u WHERE u.k = t.k) AS i FROM t",
        "SELECT t.k, t.v, (SELECT MAX(u.v) FROM u WHERE u.k = t.k AND t.v > 100) AS m, (SELECT COUNT(*) FROM u WHERE u.k = t.k AND t.b) AS c FROM t",
        "SELECT t.k, t.v, EXISTS (SELECT 1 FROM u WHERE u.k = t.k AND t.v < 0) AS e, t.v IN (SELECT u.v FROM u WHERE u.k = t.k AND t.s = 'a') AS i FROM t",
        "SELECT t.k, t.v FROM t WHERE t.v NOT IN (SELECT u.v FROM u WHERE u.k = t.k AND u.b) OR t.k IS NULL",
        "SELECT t.k, t.v FROM t WHERE NOT EXISTS (SELECT 1 FROM u WHERE u.k = t.k) OR t.v > 900",
        "SELECT t.k, EXISTS (SELECT 1 FROM u WHERE v > 5000) AS e, NOT EXISTS (SELECT 1 FROM u WHERE v > 900) AS n FROM t WHERE t.k < 5",
        "SELECT t.k, SUM(t.v) AS s FROM t GROUP BY t.k HAVING SUM(t.v) > (SELECT AVG(v) * 3 FROM u)",
        "SELECT t.s, COUNT(*) AS n, MAX(t.v) - (SELECT MIN(v) FROM u) AS d FROM t GROUP BY t.s HAVING COUNT(*) > (SELECT COUNT(*) FROM u WHERE v > 900)",
        "SELECT COUNT(*) AS n, (SELECT MAX(v) FROM u WHERE v < 0) AS m FROM t WHERE t.k < 20",
        "SELECT t.k, SUM(t.v) AS s FROM t GROUP BY t.k HAVING t.k IN (SELECT k FROM u WHERE v > 300) AND COUNT(*) > 1",
        "SELECT t.s, COUNT(*) AS n FROM t GROUP BY t.s HAVING COUNT(*) NOT IN (SELECT k FROM u WHERE k IS NOT NULL)",
        "SELECT t.k, MAX(t.v) AS m FROM t GROUP BY t.k HAVING EXISTS (SELECT 1 FROM u WHERE u.k = t.k AND u.v > 800)",
        "SELECT k, COUNT(*) AS n FROM t GROUP BY k HAVING NOT EXISTS (SELECT 1 FROM u WHERE u.k = t.k AND u.b)",
        "SELECT t.k, COUNT(*) AS n FROM t GROUP BY t.k HAVING t.k IN (SELECT k FROM u WHERE b) AND (COUNT(*) > 5 OR EXISTS (SELECT 1 FROM u WHERE u.k = t.k AND u.v > 900))",
        "SELECT t.k, SUM(t.v) AS s FROM t GROUP BY t.k HAVING SUM(t.v) > (SELECT MAX(u.v) FROM u WHERE u.k = t.k)",
        "SELECT t.s, COUNT(*) AS n, (SELECT COUNT(*) FROM u WHERE u.s = t.s AND u.b) AS c FROM t GROUP BY t.s",
        "SELECT t.k, COUNT(*) AS n, t.k IN (SELECT k FROM u WHERE v > 300) AS i, SUM(t.v) NOT IN (SELECT v FROM u) AS ni FROM t GROUP BY t.k",
        "SELECT t.s, COUNT(*) AS n FROM t GROUP BY t.s HAVING COUNT(*) > 40 OR t.s IN (SELECT s FROM u WHERE k < 3)",
        "SELECT t.k, t.v FROM t WHERE t.v < (SELECT m FROM (SELECT MAX(v) AS m FROM u) x WHERE m > 0)",
        "SELECT t.k, (SELECT s FROM (SELECT MIN(s) AS s FROM u) x) AS s, (SELECT v FROM u WHERE k = -12345) AS none FROM t",
        "SELECT t.k, MAX(t.v) AS m, CASE WHEN EXISTS (SELECT 1 FROM u WHERE u.k = t.k AND u.b) THEN 'y' ELSE 'n' END AS e FROM t GROUP BY t.k",
        "SELECT t.k, COUNT(*) AS n FROM t GROUP BY t.k HAVING NOT (MAX(t.v) IN (SELECT u.v FROM u WHERE u.k = t.k)) OR NOT EXISTS (SELECT 1 FROM u WHERE v > 900)",
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Scalar_subqueries_agree_with_duckdb_at_parallelism_1(string query) => await CheckAsync(query, 1, 4096);

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Scalar_subqueries_agree_with_duckdb_at_parallelism_2_in_small_batches(string query) => await CheckAsync(query, 2, 7);

    /// <summary>Batch mode: the same plans over bounded tables, the final rows insert-only.</summary>
    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Scalar_subqueries_agree_with_duckdb_in_batch_mode_at_parallelism_2(string query) => await CheckAsync(query, 2, 13, batch: true);

    [Fact]
    public async Task A_scalar_subquery_that_returns_a_second_row_fails_the_query_as_flinks_single_value_does()
    {
        await using var env = Sessions.Create();
        env.ExecuteSql("CREATE TABLE n (a INT) WITH ('connector' = 'datagen', 'number-of-rows' = '5', 'fields.a.kind' = 'sequence', 'fields.a.start' = '1', 'fields.a.end' = '5')");
        var result = Assert.IsType<QueryResult>(env.ExecuteSql("SELECT a FROM n WHERE a = (SELECT a FROM n WHERE a > 3)"));
        var error = await Assert.ThrowsAnyAsync<Exception>(() => result.ToListAsync().WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("SingleValueAggFunction received more than one element.", error.Message);
    }

    private static async Task CheckAsync(string query, int parallelism, int batchRows, bool batch = false)
    {
        (string, string)[] options = [
            ("parallelism.default", parallelism.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("execution.batch.max-rows", batchRows.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ];
        await using var run = new DifferentialRun(20261207, batch ? [.. options, ("execution.runtime-mode", "batch")] : options) { RequireInsertOnly = batch };
        run.AddTable("t", rows: 300);
        run.AddTable("u", rows: 200);
        await run.CheckAsync(DualSql.Same(query));
        Assert.True(run.Mismatches == 0, run.Report());
        Assert.True(run.NonEmptyCases == 1, "the query returned no rows");
    }
}
