using System.Globalization;
using StreamSql.Execution.Batches;
using StreamSql.Tests.Differential;
using StreamSql.Tests.ItcA;
using StreamSql.Tests.ItcE;

namespace StreamSql.Tests.ItcF;

/// <summary>
/// Flink's Java <c>WindowDistinctAggregateStressITCase</c> (FLINK-39481): a CUMULATE window (5 s steps, 15 s) rolled up
/// by name with COUNT(*), SUM, MAX, MIN and a split COUNT(DISTINCT) (<c>table.optimizer.distinct-agg.split.enabled</c>)
/// over 700 generated rows whose last windows fire only on the end-of-input watermark. Flink compares runs that fail
/// and restore under unaligned checkpoints with a golden run; its throttling UDF only makes backpressure and is left
/// out. Here the golden answer is DuckDB's over the same rows and windows, and the engine's run must equal it.
/// </summary>
public sealed class WindowDistinctAggregateStressTests
{
    private const int RowsPerSecond = 20;
    private const int LastSecond = 34;

    private static List<object?[]> GeneratedRows()
    {
        var rows = new List<object?[]>();
        for (int sec = 0; sec <= LastSecond; sec++)
            for (int i = 0; i < RowsPerSecond; i++)
            {
                int idx = sec * RowsPerSecond + i;
                rows.Add([
                    $"2020-10-10 00:00:{sec:D2}", idx % 10, (double)(idx % 7), (float)(idx % 5),
                    decimal.Parse($"{idx % 9}.{idx % 100:D2}", CultureInfo.InvariantCulture),
                    idx % 19 == 0 ? null : "s" + (idx % 17), idx % 23 == 0 ? null : $"k{idx % 200:D3}",
                ]);
            }
        return rows;
    }

    [Fact]
    public async Task Cumulate_rollup_with_split_distinct_equals_the_batch_answer()
    {
        var rows = GeneratedRows();
        var test = new ItceCase("WindowDistinctAggregateStress",
            [
                new ItceSource("T1",
                    "`ts` STRING, `int` INT, `double` DOUBLE, `float` FLOAT, `bigdec` DECIMAL(10, 2), `string` STRING, `name` STRING, "
                    + "`rowtime` AS TO_TIMESTAMP(`ts`), WATERMARK FOR `rowtime` AS `rowtime` - INTERVAL '1' SECOND",
                    "I", [.. rows.Select(r => (RowKind.Insert, r))]),
            ],
            ["CREATE TABLE sink (g BIGINT, name STRING, window_start TIMESTAMP(3), window_end TIMESTAMP(3), cnt BIGINT, sum_dec DECIMAL(38, 2), "
                + "max_d DOUBLE, min_f FLOAT, distinct_cnt BIGINT) WITH ('connector' = 'itce-values')"],
            ["""
             INSERT INTO sink
             SELECT GROUPING_ID(`name`), `name`, window_start, window_end, COUNT(*), SUM(`bigdec`), MAX(`double`), MIN(`float`), COUNT(DISTINCT `string`)
             FROM TABLE(CUMULATE(TABLE T1, DESCRIPTOR(rowtime), INTERVAL '5' SECOND, INTERVAL '15' SECOND))
             GROUP BY ROLLUP(`name`), window_start, window_end
             """], [])
        {
            Check = ItceCheck.Sink, Sink = "sink", Settings = [("table.optimizer.distinct-agg.split.enabled", "true")],
        };
        var (streaming, _) = await ItceRunner.RunAsync(test, ("execution.batch.max-rows", "64"));

        using var oracle = new DuckDbOracle();
        oracle.Execute("CREATE TABLE t1 (ts VARCHAR, i INTEGER, d DOUBLE, f FLOAT, bigdec DECIMAL(10, 2), s VARCHAR, name VARCHAR)");
        oracle.Execute("INSERT INTO t1 VALUES " + string.Join(", ", rows.Select(r => string.Format(CultureInfo.InvariantCulture,
            "('{0}', {1}, {2}, {3}, {4}, {5}, {6})", r[0], r[1], r[2], r[3], r[4], r[5] is null ? "NULL" : $"'{r[5]}'", r[6] is null ? "NULL" : $"'{r[6]}'"))));
        // The sum as text keeps its two decimals (a .NET decimal read back drops trailing zeros).
        // CUMULATE(5 s, 15 s): windows [15 s * n, 15 s * n + 5 s * k) for k = 1..3.
        var batch = oracle.Rows("""
            WITH w AS (
              SELECT TIMESTAMP '2020-10-10 00:00:00' + INTERVAL (b * 15) SECOND AS window_start,
                     TIMESTAMP '2020-10-10 00:00:00' + INTERVAL (b * 15 + k * 5) SECOND AS window_end
              FROM range(0, 3) AS bs(b), range(1, 4) AS ks(k))
            SELECT CAST(GROUPING(name) AS BIGINT), name, window_start, window_end, COUNT(*), CAST(SUM(bigdec) AS VARCHAR), MAX(d), MIN(f), COUNT(DISTINCT s)
            FROM t1 JOIN w ON CAST(ts AS TIMESTAMP) >= window_start AND CAST(ts AS TIMESTAMP) < window_end
            GROUP BY ROLLUP(name), window_start, window_end
            """, row => string.Join(",", row.Select(ItCaseRunner.FlinkString)));
        Assert.NotEmpty(batch);
        Assert.True(batch.SequenceEqual(streaming),
            $"{batch.Count} batch rows, {streaming.Count} streaming rows; first differences:\n"
            + string.Join("\n", batch.Except(streaming).Take(5).Select(r => " batch only:     " + r).Concat(streaming.Except(batch).Take(5).Select(r => " streaming only: " + r))));
    }
}
