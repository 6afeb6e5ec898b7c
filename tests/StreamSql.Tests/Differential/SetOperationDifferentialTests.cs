namespace StreamSql.Tests.Differential;

/// <summary>
/// INTERSECT ALL and EXCEPT ALL (Flink's marker-union, count and replicate-rows plan) over two random NULL-rich tables,
/// each query's materialized changelog compared with DuckDB's answer: duplicates on both sides, NULLs comparing equal,
/// widened column types, an updating input (a GROUP BY result) and chains of set operations; at parallelism 1 with large
/// batches and at parallelism 2 with 7-row batches.
/// </summary>
public sealed class SetOperationDifferentialTests
{
    public static TheoryData<string> Queries => new()
    {
        "SELECT k, b FROM t INTERSECT ALL SELECT k, b FROM u",
        "SELECT k % 5 AS m, s FROM t EXCEPT ALL SELECT k % 3, s FROM u",
        "SELECT s FROM u EXCEPT ALL SELECT s FROM t WHERE v > 100",
        "SELECT v % 7 AS m FROM t INTERSECT ALL SELECT k FROM u",
        "SELECT k FROM (SELECT k, COUNT(*) AS c FROM t GROUP BY k) AS a WHERE c > 1 EXCEPT ALL SELECT k FROM u WHERE v > 50",
        "SELECT c FROM (SELECT k, COUNT(*) AS c FROM t GROUP BY k) AS a INTERSECT ALL SELECT k FROM u",
        "SELECT b, s FROM t EXCEPT ALL SELECT b, s FROM u EXCEPT ALL SELECT b, s FROM u WHERE k > 10",
        "SELECT b FROM t INTERSECT ALL SELECT b FROM u UNION ALL SELECT b FROM u WHERE k = 1",
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Set_operations_agree_with_duckdb_at_parallelism_1(string query) => await CheckAsync(query, 1, 4096);

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Set_operations_agree_with_duckdb_at_parallelism_2_in_small_batches(string query) => await CheckAsync(query, 2, 7);

    private static async Task CheckAsync(string query, int parallelism, int batchRows)
    {
        await using var run = new DifferentialRun(20261205, [
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
