using static StreamSql.Tests.ItcA.ItcAData;

namespace StreamSql.Tests.ItcA;

/// <summary>The SQL cases of Flink's <c>WindowAggregateITCase</c> over <c>TestData.windowDataWithTimestamp</c> (the
/// TIMESTAMP variant; rowtime = TO_TIMESTAMP(ts), watermark rowtime - 1 s). Flink's Java UDAF
/// <c>concat_distinct_agg</c> is left out of the select lists (its pane-merge order is not SQL); every other column is
/// Flink's. Plain window expectations are the GROUPING_ID = 0 rows of Flink's grouping-set expectations.</summary>
internal static class WindowAggregateItCases
{
    private const string Aggregates = "COUNT(*), SUM(`bigdec`), MAX(`double`), MIN(`float`), COUNT(DISTINCT `string`)";

    private static readonly string[] TumbleGroupSets =
    [
        "0,a,2020-10-10T00:00,2020-10-10T00:00:05,4,11.10,5.0,1.0,2",
        "0,a,2020-10-10T00:00:05,2020-10-10T00:00:10,1,3.33,null,3.0,1",
        "0,b,2020-10-10T00:00:05,2020-10-10T00:00:10,2,6.66,6.0,3.0,2",
        "0,b,2020-10-10T00:00:15,2020-10-10T00:00:20,1,4.44,4.0,4.0,1",
        "0,b,2020-10-10T00:00:30,2020-10-10T00:00:35,1,3.33,3.0,3.0,1",
        "0,null,2020-10-10T00:00:30,2020-10-10T00:00:35,1,7.77,7.0,7.0,0",
        "1,null,2020-10-10T00:00,2020-10-10T00:00:05,4,11.10,5.0,1.0,2",
        "1,null,2020-10-10T00:00:05,2020-10-10T00:00:10,3,9.99,6.0,3.0,3",
        "1,null,2020-10-10T00:00:15,2020-10-10T00:00:20,1,4.44,4.0,4.0,1",
        "1,null,2020-10-10T00:00:30,2020-10-10T00:00:35,2,11.10,7.0,3.0,1",
    ];

    private static readonly string[] HopGroupSets =
    [
        "0,a,2020-10-09T23:59:55,2020-10-10T00:00:05,4,11.10,5.0,1.0,2",
        "0,a,2020-10-10T00:00,2020-10-10T00:00:10,6,19.98,5.0,1.0,3",
        "0,a,2020-10-10T00:00:05,2020-10-10T00:00:15,1,3.33,null,3.0,1",
        "0,b,2020-10-10T00:00,2020-10-10T00:00:10,2,6.66,6.0,3.0,2",
        "0,b,2020-10-10T00:00:05,2020-10-10T00:00:15,2,6.66,6.0,3.0,2",
        "0,b,2020-10-10T00:00:10,2020-10-10T00:00:20,1,4.44,4.0,4.0,1",
        "0,b,2020-10-10T00:00:15,2020-10-10T00:00:25,1,4.44,4.0,4.0,1",
        "0,b,2020-10-10T00:00:25,2020-10-10T00:00:35,1,3.33,3.0,3.0,1",
        "0,b,2020-10-10T00:00:30,2020-10-10T00:00:40,1,3.33,3.0,3.0,1",
        "0,null,2020-10-10T00:00:25,2020-10-10T00:00:35,1,7.77,7.0,7.0,0",
        "0,null,2020-10-10T00:00:30,2020-10-10T00:00:40,1,7.77,7.0,7.0,0",
        "1,null,2020-10-09T23:59:55,2020-10-10T00:00:05,4,11.10,5.0,1.0,2",
        "1,null,2020-10-10T00:00,2020-10-10T00:00:10,8,26.64,6.0,1.0,4",
        "1,null,2020-10-10T00:00:05,2020-10-10T00:00:15,3,9.99,6.0,3.0,3",
        "1,null,2020-10-10T00:00:10,2020-10-10T00:00:20,1,4.44,4.0,4.0,1",
        "1,null,2020-10-10T00:00:15,2020-10-10T00:00:25,1,4.44,4.0,4.0,1",
        "1,null,2020-10-10T00:00:25,2020-10-10T00:00:35,2,11.10,7.0,3.0,1",
        "1,null,2020-10-10T00:00:30,2020-10-10T00:00:40,2,11.10,7.0,3.0,1",
    ];

    private static readonly string[] CumulateGroupSets =
    [
        "0,a,2020-10-10T00:00,2020-10-10T00:00:05,4,11.10,5.0,1.0,2",
        "0,a,2020-10-10T00:00,2020-10-10T00:00:10,6,19.98,5.0,1.0,3",
        "0,a,2020-10-10T00:00,2020-10-10T00:00:15,6,19.98,5.0,1.0,3",
        "0,b,2020-10-10T00:00,2020-10-10T00:00:10,2,6.66,6.0,3.0,2",
        "0,b,2020-10-10T00:00,2020-10-10T00:00:15,2,6.66,6.0,3.0,2",
        "0,b,2020-10-10T00:00:15,2020-10-10T00:00:20,1,4.44,4.0,4.0,1",
        "0,b,2020-10-10T00:00:15,2020-10-10T00:00:25,1,4.44,4.0,4.0,1",
        "0,b,2020-10-10T00:00:15,2020-10-10T00:00:30,1,4.44,4.0,4.0,1",
        "0,b,2020-10-10T00:00:30,2020-10-10T00:00:35,1,3.33,3.0,3.0,1",
        "0,b,2020-10-10T00:00:30,2020-10-10T00:00:40,1,3.33,3.0,3.0,1",
        "0,b,2020-10-10T00:00:30,2020-10-10T00:00:45,1,3.33,3.0,3.0,1",
        "0,null,2020-10-10T00:00:30,2020-10-10T00:00:35,1,7.77,7.0,7.0,0",
        "0,null,2020-10-10T00:00:30,2020-10-10T00:00:40,1,7.77,7.0,7.0,0",
        "0,null,2020-10-10T00:00:30,2020-10-10T00:00:45,1,7.77,7.0,7.0,0",
        "1,null,2020-10-10T00:00,2020-10-10T00:00:05,4,11.10,5.0,1.0,2",
        "1,null,2020-10-10T00:00,2020-10-10T00:00:10,8,26.64,6.0,1.0,4",
        "1,null,2020-10-10T00:00,2020-10-10T00:00:15,8,26.64,6.0,1.0,4",
        "1,null,2020-10-10T00:00:15,2020-10-10T00:00:20,1,4.44,4.0,4.0,1",
        "1,null,2020-10-10T00:00:15,2020-10-10T00:00:25,1,4.44,4.0,4.0,1",
        "1,null,2020-10-10T00:00:15,2020-10-10T00:00:30,1,4.44,4.0,4.0,1",
        "1,null,2020-10-10T00:00:30,2020-10-10T00:00:35,2,11.10,7.0,3.0,1",
        "1,null,2020-10-10T00:00:30,2020-10-10T00:00:40,2,11.10,7.0,3.0,1",
        "1,null,2020-10-10T00:00:30,2020-10-10T00:00:45,2,11.10,7.0,3.0,1",
    ];

    /// <summary><c>TestData.windowDataWithTimestamp</c> as Flink's T1 (its late 00:00:04 row: see <see cref="RowByRow"/>).</summary>
    private static ItTable T1() => Table("T1", "`ts` STRING, `int` INT, `double` DOUBLE, `float` FLOAT, `bigdec` DECIMAL(10, 2), " +
            "`string` STRING, `name` STRING, `rowtime` AS TO_TIMESTAMP(`ts`)",
            ["2020-10-10 00:00:01", 1, 1d, 1f, "1.11", "Hi", "a"],
            ["2020-10-10 00:00:02", 2, 2d, 2f, "2.22", "Comment#1", "a"],
            ["2020-10-10 00:00:03", 2, 2d, 2f, "2.22", "Comment#1", "a"],
            ["2020-10-10 00:00:04", 5, 5d, 5f, "5.55", null, "a"],
            ["2020-10-10 00:00:07", 3, 3d, 3f, null, "Hello", "b"],
            ["2020-10-10 00:00:06", 6, 6d, 6f, "6.66", "Hi", "b"],
            ["2020-10-10 00:00:08", 3, null, 3f, "3.33", "Comment#2", "a"],
            ["2020-10-10 00:00:04", 5, 5d, null, "5.55", "Hi", "a"],
            ["2020-10-10 00:00:16", 4, 4d, 4f, "4.44", "Hi", "b"],
            ["2020-10-10 00:00:32", 7, 7d, 7f, "7.77", null, null],
            ["2020-10-10 00:00:34", 1, 3d, 3f, "3.33", "Comment#3", "b"]) with { Watermark = "`rowtime` AS `rowtime` - INTERVAL '1' SECOND" };

    /// <summary>Flink's ITCase source is slow enough that its WatermarkAssignerOperator, which emits a watermark as soon as
    /// it is more than the interval ahead of the last one, has the 00:00:08 row's (7 s) out before the late 00:00:04 row:
    /// too late for [00:00, 00:00:05), in time for longer windows. One-row batches with a watermark after each give the same
    /// order.</summary>
    private static readonly (string, string)[] RowByRow = [("execution.batch.max-rows", "1"), ("pipeline.auto-watermark-interval", "0")];

    private static ItCase Case(string name, string query, IEnumerable<string> expected) =>
        new(name, [T1()], query, expected.ToList()) { Settings = RowByRow };

    private static IEnumerable<string> Plain(string[] groupSets) => groupSets.Where(r => r.StartsWith("0,", StringComparison.Ordinal)).Select(r => r[2..]);

    public static IEnumerable<ItCase> All()
    {
        var windows = new (string Name, string Tvf, string[] GroupSets)[]
        {
            ("Tumble", "TUMBLE(TABLE T1, DESCRIPTOR(rowtime), INTERVAL '5' SECOND)", TumbleGroupSets),
            ("Hop", "HOP(TABLE T1, DESCRIPTOR(rowtime), INTERVAL '5' SECOND, INTERVAL '10' SECOND)", HopGroupSets),
            ("Cumulate", "CUMULATE(TABLE T1, DESCRIPTOR(rowtime), INTERVAL '5' SECOND, INTERVAL '15' SECOND)", CumulateGroupSets),
        };
        foreach (var (name, tvf, groupSets) in windows)
        {
            yield return Case($"testEventTime{name}Window", $"SELECT `name`, window_start, window_end, {Aggregates} FROM TABLE({tvf}) " +
                "GROUP BY `name`, window_start, window_end", Plain(groupSets));
            foreach (var (suffix, grouping) in new[] { ("GroupingSets", "GROUPING SETS((`name`),())"), ("Cube", "CUBE(`name`)"), ("Rollup", "ROLLUP(`name`)") })
                yield return Case($"testEventTime{name}Window_{suffix}", $"SELECT GROUPING_ID(`name`), `name`, window_start, window_end, {Aggregates} " +
                    $"FROM TABLE({tvf}) GROUP BY {grouping}, window_start, window_end", groupSets);
        }
        yield return Case("WindowDistinct.testTumbleWindow", $"SELECT window_start, window_end, {Aggregates} FROM TABLE(" +
            "TUMBLE(TABLE T1, DESCRIPTOR(rowtime), INTERVAL '5' SECOND)) GROUP BY window_start, window_end",
            ["2020-10-10T00:00,2020-10-10T00:00:05,4,11.10,5.0,1.0,2", "2020-10-10T00:00:05,2020-10-10T00:00:10,3,9.99,6.0,3.0,3",
             "2020-10-10T00:00:15,2020-10-10T00:00:20,1,4.44,4.0,4.0,1", "2020-10-10T00:00:30,2020-10-10T00:00:35,2,11.10,7.0,3.0,1"]);
        yield return Case("WindowDistinct.testCascadingTumbleWindow", "SELECT `name`, window_start, window_end, SUM(cnt), SUM(sum_bigdec), " +
            "MAX(max_double), MIN(min_float), SUM(uv) FROM TABLE( TUMBLE(TABLE (SELECT `name`, window_time as rowtime, COUNT(*) as cnt, " +
            "SUM(`bigdec`) as sum_bigdec, MAX(`double`) as max_double, MIN(`float`) as min_float, COUNT(DISTINCT `string`) as uv FROM TABLE(" +
            "TUMBLE(TABLE T1, DESCRIPTOR(rowtime), INTERVAL '5' SECOND)) GROUP BY `name`, window_start, window_end, window_time), " +
            "DESCRIPTOR(rowtime), INTERVAL '10' SECOND)) GROUP BY `name`, window_start, window_end",
            ["a,2020-10-10T00:00,2020-10-10T00:00:10,5,14.43,5.0,1.0,3", "b,2020-10-10T00:00,2020-10-10T00:00:10,2,6.66,6.0,3.0,2",
             "b,2020-10-10T00:00:10,2020-10-10T00:00:20,1,4.44,4.0,4.0,1", "b,2020-10-10T00:00:30,2020-10-10T00:00:40,1,3.33,3.0,3.0,1",
             "null,2020-10-10T00:00:30,2020-10-10T00:00:40,1,7.77,7.0,7.0,0"]);
        yield return Case("testEventTimeTumbleWindowWithOffset", $"SELECT `name`, window_start, window_end, {Aggregates} FROM TABLE(" +
            "TUMBLE(TABLE T1, DESCRIPTOR(rowtime), INTERVAL '1' DAY, INTERVAL '8' HOUR)) GROUP BY `name`, window_start, window_end",
            ["a,2020-10-09T08:00,2020-10-10T08:00,6,19.98,5.0,1.0,3", "b,2020-10-09T08:00,2020-10-10T08:00,4,14.43,6.0,3.0,3",
             "null,2020-10-09T08:00,2020-10-10T08:00,1,7.77,7.0,7.0,0"]);
        yield return Case("testCascadeEventTimeTumbleWindowWithOffset", "SELECT cnt, window_start, window_end, COUNT(*) FROM ( SELECT `name`, " +
            "window_start, window_end, COUNT(DISTINCT `string`) AS cnt FROM TABLE( TUMBLE(TABLE T1, DESCRIPTOR(rowtime), INTERVAL '1' DAY, " +
            "INTERVAL '8' HOUR)) GROUP BY `name`, window_start, window_end) GROUP BY cnt, window_start, window_end",
            ["0,2020-10-09T08:00,2020-10-10T08:00,1", "3,2020-10-09T08:00,2020-10-10T08:00,2"]);
        yield return Case("testEventTimeTumbleWindowWithNegativeOffset", $"SELECT `name`, window_start, window_end, {Aggregates} FROM TABLE(" +
            "TUMBLE(TABLE T1, DESCRIPTOR(rowtime), INTERVAL '1' DAY, INTERVAL '-8' HOUR)) GROUP BY `name`, window_start, window_end",
            ["a,2020-10-09T16:00,2020-10-10T16:00,6,19.98,5.0,1.0,3", "b,2020-10-09T16:00,2020-10-10T16:00,4,14.43,6.0,3.0,3",
             "null,2020-10-09T16:00,2020-10-10T16:00,1,7.77,7.0,7.0,0"]);
    }
}
