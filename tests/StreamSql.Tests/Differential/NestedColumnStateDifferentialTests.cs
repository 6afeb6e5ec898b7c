namespace StreamSql.Tests.Differential;

/// <summary>
/// Rows with ROW, ARRAY and MAP columns kept in operator state — Top-N, deduplication, regular and interval joins, OVER —
/// such values as GROUP BY and DISTINCT keys, and as the values of FIRST_VALUE, LAST_VALUE (also under retraction), ARRAY_AGG
/// and LAG,
/// read back whole: the engine carries nested values built from a random table's columns through each stateful
/// operator and reads their fields afterwards; DuckDB answers the same query over the plain columns. At parallelism 1
/// and at parallelism 2 with 7-row batches.
/// </summary>
public sealed class NestedColumnStateDifferentialTests
{
    private const string NestedView =
        "CREATE TEMPORARY VIEW n AS SELECT k, v, s, ts, seq, ARRAY[v, CAST(k AS INT)] AS a, " +
        "CAST(ROW(s, d) AS ROW<s STRING, d DECIMAL(10, 2)>) AS r, MAP['x', v] AS m FROM t";

    public static TheoryData<string, string> Queries => new()
    {
        {
            "SELECT k, a[1] AS v1, a[2] AS k2, r.s AS s, r.d AS d, m['x'] AS mx FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY k ORDER BY v DESC, seq) AS rn FROM n) WHERE rn <= 2",
            "SELECT k, v AS v1, CAST(k AS INTEGER) AS k2, s, d, v AS mx FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY k ORDER BY v DESC NULLS LAST, seq) AS rn FROM t) WHERE rn <= 2"
        },
        {
            "SELECT k, a[1] AS v1, r.s AS s, m['x'] AS mx FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY k ORDER BY ts) AS rn FROM n) WHERE rn = 1",
            "SELECT k, v AS v1, s, v AS mx FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY k ORDER BY ts, seq) AS rn FROM t) WHERE rn = 1"
        },
        {
            "SELECT x.seq, x.a[1] AS v1, y.r.s AS s, y.r.d AS d, y.m['x'] AS mx FROM n x JOIN n y ON x.k = y.k AND x.v < y.v",
            "SELECT x.seq, x.v AS v1, y.s, y.d, y.v AS mx FROM t x JOIN t y ON x.k = y.k AND x.v < y.v"
        },
        {
            "SELECT x.seq, x.r.s AS s, y.a[2] AS k2, CAST(y.m AS STRING) AS m FROM n x LEFT JOIN n y ON x.seq = y.seq + 1",
            "SELECT x.seq, x.s, CAST(y.k AS INTEGER) AS k2, CASE WHEN y.seq IS NULL THEN NULL ELSE '{x=' || COALESCE(CAST(y.v AS VARCHAR), 'NULL') || '}' END AS m FROM t x LEFT JOIN t y ON x.seq = y.seq + 1"
        },
        {
            "SELECT x.seq, y.seq AS yseq, y.a[1] AS v1, y.r.d AS d FROM n x JOIN n y ON x.k = y.k AND x.ts BETWEEN y.ts - INTERVAL '1' SECOND AND y.ts",
            "SELECT x.seq, y.seq AS yseq, y.v AS v1, y.d FROM t x JOIN t y ON x.k = y.k AND x.ts BETWEEN y.ts - INTERVAL '1' SECOND AND y.ts"
        },
        {
            "SELECT seq, a[1] AS v1, r.s AS s, COUNT(*) OVER (PARTITION BY k ORDER BY ts ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS c FROM n",
            "SELECT seq, v AS v1, s, COUNT(*) OVER (PARTITION BY k ORDER BY ts, seq ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS c FROM t"
        },
        {
            "SELECT x.r.s AS s, x.r.d AS d, x.c FROM (SELECT r, COUNT(*) AS c FROM n GROUP BY r) x",
            "SELECT s, d, COUNT(*) AS c FROM t GROUP BY s, d"
        },
        {
            "SELECT x.a[1] AS v, x.a[2] AS k, x.c, x.m FROM (SELECT a, COUNT(*) AS c, MAX(seq) AS m FROM n WHERE v > 0 GROUP BY a) x",
            "SELECT v, CAST(k AS INTEGER) AS k, COUNT(*) AS c, MAX(seq) AS m FROM t WHERE v > 0 GROUP BY v, k"
        },
        {
            "SELECT m['x'] AS v, COUNT(*) AS c FROM (SELECT DISTINCT m, s FROM n) GROUP BY m",
            "SELECT v, COUNT(*) AS c FROM (SELECT DISTINCT v, s FROM t) GROUP BY v"
        },
        {
            "SELECT k, f.s AS fs, f.d AS fd, l[1] AS lv, l[2] AS lk FROM (SELECT k, FIRST_VALUE(r) AS f, LAST_VALUE(a) AS l FROM n GROUP BY k)",
            "SELECT f.k, f.s AS fs, f.d AS fd, l.v AS lv, CAST(l.k AS INTEGER) AS lk FROM "
                + "(SELECT * FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY k ORDER BY seq) AS rn FROM t) WHERE rn = 1) f JOIN "
                + "(SELECT * FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY k ORDER BY seq DESC) AS rn FROM t) WHERE rn = 1) l ON f.k IS NOT DISTINCT FROM l.k"
        },
        {
            "SELECT x.r.s AS s, x.r.d AS d, COUNT(*) AS c FROM (SELECT k, LAST_VALUE(r) AS r FROM n GROUP BY k) x GROUP BY x.r",
            "SELECT s, d, COUNT(*) AS c FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY k ORDER BY seq DESC) AS rn FROM t) WHERE rn = 1 GROUP BY s, d"
        },
        {
            "SELECT k, CARDINALITY(g) AS n, g[1].s AS s1, g[CARDINALITY(g)].d AS dl FROM (SELECT k, ARRAY_AGG(r) AS g FROM n GROUP BY k)",
            "SELECT k, COUNT(*) AS n, (SELECT s FROM t t2 WHERE t2.k IS NOT DISTINCT FROM t.k ORDER BY seq LIMIT 1) AS s1, "
                + "(SELECT d FROM t t2 WHERE t2.k IS NOT DISTINCT FROM t.k ORDER BY seq DESC LIMIT 1) AS dl FROM t GROUP BY k"
        },
        {
            // ROWS: under the default RANGE frame peers (equal ts) share one LAG value in Flink, where DuckDB's LAG ignores frames.
            "SELECT seq, p.s AS ps, p.d AS pd, q[1] AS qv FROM (SELECT seq, LAG(r) OVER w AS p, LAG(a, 2) OVER w AS q FROM n "
                + "WINDOW w AS (PARTITION BY k ORDER BY ts ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW))",
            "SELECT seq, LAG(s) OVER w AS ps, LAG(d) OVER w AS pd, LAG(v, 2) OVER w AS qv FROM t WINDOW w AS (PARTITION BY k ORDER BY ts, seq)"
        },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Nested_columns_survive_state_at_parallelism_1(string engine, string duckDb) => await CheckAsync(engine, duckDb, 1, 4096);

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Nested_columns_survive_state_at_parallelism_2_in_small_batches(string engine, string duckDb) => await CheckAsync(engine, duckDb, 2, 7);

    private static async Task CheckAsync(string engine, string duckDb, int parallelism, int batchRows)
    {
        await using var run = new DifferentialRun(20261205, [
            ("parallelism.default", parallelism.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("execution.batch.max-rows", batchRows.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ]);
        run.AddTable("t", rows: 200, lateRows: false, sequence: true, timeStepMillis: 300);
        run.ExecuteEngine(NestedView);
        await run.CheckAsync(new DualSql(engine, duckDb));
        Assert.True(run.Mismatches == 0, run.Report());
        Assert.True(run.NonEmptyCases == 1, "the query returned no rows");
    }
}
