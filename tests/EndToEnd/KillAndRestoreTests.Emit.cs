using System.Globalization;

namespace StreamSql.EndToEnd;

/// <summary>Kill -9 and resume of a group window with Flink's late firings: the windows kept for late rows and what each
/// key's window last emitted are restored, so the updates printed after a restore continue from the right results.</summary>
public sealed partial class KillAndRestoreMoreTests
{
    /// <summary>
    /// GROUP BY k, TUMBLE(ts, 1 s) with 'table.exec.emit.late-fire.enabled' (delay 0) and an allowed lateness of 10 s over a
    /// sequence whose every 7th row is 3 s behind the others (late for its window, which already fired, but within the
    /// lateness): every window first fires on time and then updates (-U/+U) for each of its late rows. Killed three times
    /// and restored from the latest checkpoint, the last at another parallelism: the last +I/+U printed per key and window
    /// over all runs is the exact COUNT and SUM of all its rows.
    /// </summary>
    [Theory]
    [InlineData("hashmap", 1, 2)]
    [InlineData("rocksdb", 2, 1)]
    public async Task Group_window_late_firings_killed_three_times_end_with_exact_results(string backend, int parallelism, int finalParallelism)
    {
        const int Rows = 9_000;
        static long Millis(long id) => id % 7 == 0 ? (id + 700) * 10 : (id + 1000) * 10;
        string[] Script(int p) =>
        [
            Settings(backend, p)
            + "SET 'table.exec.emit.late-fire.enabled' = 'true';\nSET 'table.exec.emit.late-fire.delay' = '0 s';\nSET 'table.exec.emit.allow-lateness' = '10 s';\n",
            "CREATE TABLE src (id BIGINT, k AS id % 5, wn AS (CASE WHEN id % 7 = 0 THEN (id + 700) * 10 ELSE (id + 1000) * 10 END) / 1000, "
            + "ts AS TO_TIMESTAMP_LTZ(CASE WHEN id % 7 = 0 THEN (id + 700) * 10 ELSE (id + 1000) * 10 END, 3), "
            + "WATERMARK FOR ts AS ts - INTERVAL '0.2' SECOND) WITH ('connector' = 'datagen', 'rows-per-second' = '2000', "
            + $"'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '{Rows}');",
            "CREATE TABLE out (key BIGINT, n BIGINT, total BIGINT) WITH ('connector' = 'print');",
            "INSERT INTO out SELECT k * 1000000 + wn, COUNT(*), SUM(id) FROM src GROUP BY k, wn, TUMBLE(ts, INTERVAL '1' SECOND);",
        ];
        var printed = await KillThreeTimesThenFinishAsync(Script(parallelism), Script(finalParallelism));
        var expected = Enumerable.Range(1, Rows).Select(i => (long)i).GroupBy(id => id % 5 * 1_000_000 + Millis(id) / 1000)
            .ToDictionary(g => g.Key, g => string.Create(CultureInfo.InvariantCulture, $"{g.Count()}, {g.Sum()}"));
        if (!printed.Contains("-U[", StringComparison.Ordinal)) Fail("no window was updated by a late row", null);
        AssertLatestPerKey(printed, expected);
        Pass();
    }
}
