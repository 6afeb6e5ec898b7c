namespace StreamSql.Tests.Differential;

/// <summary>
/// Regular streaming joins over two random tables, each query's materialized changelog compared with DuckDB's join of the
/// same rows: INNER, LEFT, RIGHT and FULL joins, residual conditions, NULL keys (which never match), keys of different
/// types and computed keys, the comma form, USING and NATURAL joins (the merged column of a FULL join coalesced), joins over updating inputs (GROUP BY results) and aggregations over outer
/// joins' retractions; at parallelism 1 with large batches and at parallelism 2 with 7-row batches (so rows of one key
/// meet across many batches of both sides).
/// </summary>
public sealed class JoinDifferentialTests
{
    public static TheoryData<string> Queries => new()
    {
        "SELECT t.k, t.v, u.v AS uv, u.s FROM t JOIN u ON t.k = u.k",
        "SELECT t.k, t.v, u.v AS uv FROM t JOIN u ON t.k = u.k AND t.v > u.v",
        "SELECT t.k, t.v, u.v AS uv, u.d FROM t LEFT JOIN u ON t.k = u.k",
        "SELECT t.k, t.v, u.v AS uv FROM t LEFT JOIN u ON t.k = u.k AND t.v > u.v",
        "SELECT t.s, u.k, u.s AS us FROM t RIGHT JOIN u ON t.k = u.k AND t.s = u.s",
        "SELECT t.k, t.v, u.k AS uk, u.v AS uv FROM t FULL JOIN u ON t.k = u.k",
        "SELECT t.k, t.v, u.k AS uk, u.v AS uv FROM t FULL OUTER JOIN u ON t.k = u.k AND t.v < u.v",
        "SELECT t.v, u.d FROM t, u WHERE t.k = u.k AND t.b",
        "SELECT t.v, u.v AS uv FROM t JOIN u ON t.k + 1 = u.k WHERE u.v > 100",
        "SELECT x.k, x.v, y.v AS yv FROM t AS x JOIN t AS y ON x.k = y.k AND x.ts < y.ts",
        "SELECT a.k, a.c, u.v FROM (SELECT k, COUNT(*) AS c FROM t GROUP BY k) AS a JOIN u ON a.k = u.k",
        "SELECT a.k, a.c, b.m FROM (SELECT k, COUNT(*) AS c FROM t GROUP BY k) AS a FULL JOIN (SELECT v % 7 AS k, MAX(d) AS m FROM u GROUP BY v % 7) AS b ON a.k = b.k",
        "SELECT a.k, a.c, u.v FROM (SELECT k, COUNT(*) AS c FROM t GROUP BY k) AS a LEFT JOIN u ON a.k = u.k AND a.c > 5",
        "SELECT t.s, COUNT(*) AS n, SUM(u.v) AS sv FROM t LEFT JOIN u ON t.k = u.k GROUP BY t.s",
        "SELECT t.k, u.v, w.s FROM t JOIN u ON t.k = u.k JOIN t AS w ON u.v = w.v",
        "SELECT k, t.v, u.v AS uv FROM t JOIN u USING (k)",
        "SELECT k, s, t.v, u.v AS uv FROM t LEFT JOIN u USING (k, s)",
        "SELECT k, t.v, u.v AS uv FROM t FULL JOIN u USING (k)",
        "SELECT k, t.k AS tk, u.v FROM t RIGHT JOIN u USING (k)",
        "SELECT k, x, y FROM (SELECT k, v AS x FROM t) NATURAL JOIN (SELECT k, v AS y FROM u)",
        // The Calc above reads neither the keys nor the residual's columns (the join gathers only what it reads).
        "SELECT u.s FROM t LEFT JOIN u ON t.k = u.k AND t.v > u.v",
        "SELECT t.s FROM t FULL JOIN u ON t.k = u.k AND t.v < u.v WHERE u.d IS NULL OR u.d > 0",
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Joins_agree_with_duckdb_at_parallelism_1(string query) => await CheckAsync(query, 1, 4096);

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Joins_agree_with_duckdb_at_parallelism_2_in_small_batches(string query) => await CheckAsync(query, 2, 7);

    /// <summary>On rocksdb with a group cache of 8 keys: nearly every batch evicts groups of both sides' tables and reads
    /// them back (the join holds group indexes only within a batch).</summary>
    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Joins_agree_with_duckdb_on_rocksdb_with_a_tiny_group_cache(string query) =>
        await CheckAsync(query, 2, 7, ("state.backend.type", "rocksdb"), ("state.backend.rocksdb.group-table.cache-size", "8"));

    private static async Task CheckAsync(string query, int parallelism, int batchRows, params (string, string)[] extra)
    {
        (string, string)[] settings =
        [
            ("parallelism.default", parallelism.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("execution.batch.max-rows", batchRows.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            .. extra,
        ];
        await using var run = new DifferentialRun(20261210, settings);
        run.AddTable("t", rows: 300);
        run.AddTable("u", rows: 200);
        await run.CheckAsync(DualSql.Same(query));
        Assert.True(run.Mismatches == 0, run.Report());
        Assert.True(run.NonEmptyCases == 1, "the query returned no rows");
    }
}
