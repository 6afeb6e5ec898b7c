using System.Globalization;
using StreamSql.Tests.Differential;

namespace StreamSql.Tests.BatchMode;

/// <summary>
/// Batch mode over the operators whose streaming form updates its result — outer joins, NOT IN / NOT EXISTS / EXCEPT
/// (anti joins), Top-N — and what reads them (a GROUP BY, another join, a subquery in HAVING): their final rows, inserts
/// only, equal to DuckDB's answer, at parallelism 1 and at parallelism 2 with 7-row batches.
/// </summary>
public sealed class BatchModeFinalRowsDifferentialTests
{
    private static readonly DualSql[] Queries =
    [
        DualSql.Same("SELECT a.k, a.v, b.v AS bv FROM t a LEFT JOIN t b ON a.k = b.k AND a.v < b.v AND b.s = 'a'"),
        DualSql.Same("SELECT a.k, b.k AS bk, a.s, b.v FROM t a RIGHT JOIN t b ON a.k = b.k + 1 AND a.b"),
        DualSql.Same("SELECT a.s, b.s AS bs, a.v, b.v AS bv FROM (SELECT * FROM t WHERE v > 0) a FULL JOIN (SELECT * FROM t WHERE v < 50) b ON a.s = b.s AND a.k = b.k"),
        DualSql.Same("SELECT k, v, s FROM t WHERE k NOT IN (SELECT k FROM t WHERE s = 'b' AND k IS NOT NULL)"),
        DualSql.Same("SELECT k, v FROM t a WHERE NOT EXISTS (SELECT 1 FROM t b WHERE b.k = a.k AND b.v > a.v)"),
        DualSql.Same("SELECT s, b FROM t EXCEPT SELECT s, b FROM t WHERE v < 300"),
        new("SELECT k, v, s FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY k ORDER BY v DESC, seq) AS rn FROM t) WHERE rn <= 2",
            "SELECT k, v, s FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY k ORDER BY v DESC NULLS LAST, seq) AS rn FROM t) WHERE rn <= 2"),
        DualSql.Same("SELECT a.k, COUNT(b.v) AS c, SUM(b.v) AS sv FROM t a LEFT JOIN t b ON a.k = b.k AND b.v > 20 GROUP BY a.k"),
        DualSql.Same("SELECT x.k, x.bv, c.s FROM (SELECT a.k, MAX(b.v) AS bv FROM t a LEFT JOIN t b ON a.k = b.k AND b.b GROUP BY a.k) x "
            + "LEFT JOIN (SELECT DISTINCT k, s FROM t WHERE v > 40) c ON x.k = c.k"),
        DualSql.Same("SELECT k, SUM(v) AS sv FROM t GROUP BY k HAVING k NOT IN (SELECT k FROM t WHERE s = 'c' AND k IS NOT NULL)"),
        DualSql.Same("SELECT s, COUNT(*) AS c FROM t GROUP BY s HAVING EXISTS (SELECT 1 FROM t u WHERE u.s = t.s AND u.v > 45)"),
    ];

    [Theory]
    [InlineData(1, 4096)]
    [InlineData(2, 7)]
    public async Task Updating_operators_give_final_rows_that_agree_with_duckdb(int parallelism, int batchRows)
    {
        await using var run = new DifferentialRun(20261205, [
            ("execution.runtime-mode", "batch"),
            ("parallelism.default", parallelism.ToString(CultureInfo.InvariantCulture)),
            ("execution.batch.max-rows", batchRows.ToString(CultureInfo.InvariantCulture)),
        ]) { RequireInsertOnly = true };
        run.AddTable("t", rows: 200, sequence: true);
        foreach (var query in Queries) await run.CheckAsync(query);
        Assert.True(run.Mismatches == 0, run.Report());
        Assert.Equal(Queries.Length, run.NonEmptyCases);
    }
}
