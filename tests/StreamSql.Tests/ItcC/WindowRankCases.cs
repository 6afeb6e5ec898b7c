using static StreamSql.Tests.ItcC.ItcData;

namespace StreamSql.Tests.ItcC;

/// <summary>Flink's <c>WindowRankITCase</c>, tumbling-window cases, row by row only (in one batch the late row would
/// arrive before any watermark). Its <c>concat_distinct_agg</c> column (a Java UDF) is left out of the window-aggregate
/// cases; the other columns are Flink's.</summary>
internal static class WindowRankCases
{
    private const string AllColumns =
        "TO_TIMESTAMP(`ts`), `int`, `double`, `float`, `bigdec`, `string`, `name`, CAST(`rowtime` AS STRING), window_start, window_end, window_time";

    private const string Aggregated =
        "SELECT `name`, window_start, window_end, COUNT(*) as cnt, SUM(`bigdec`) as sum_b, MAX(`double`) as max_d, MIN(`float`) as min_f, " +
        "COUNT(DISTINCT `string`) as uv FROM TABLE(TUMBLE(TABLE T1, DESCRIPTOR(rowtime), INTERVAL '5' SECOND)) GROUP BY `name`, window_start, window_end";

    private static string AggregateTopN(string columns, string filter) =>
        $"SELECT {columns} FROM (SELECT *, ROW_NUMBER() OVER(PARTITION BY window_start, window_end ORDER BY sum_b DESC) as rownum FROM ({Aggregated})) WHERE {filter}";

    private static string TvfTopN(string columns, string window) =>
        $"SELECT {columns} FROM (SELECT *, ROW_NUMBER() OVER(PARTITION BY window_start, window_end, `name` ORDER BY `int` DESC) as rownum " +
        $"FROM TABLE({window})) WHERE rownum <= 2";

    private static ItcCase Case(string name, string sql, string[] expected) =>
        new($"WindowRank.{name}", [WindowT1], sql, expected) { AlsoInBatches = false };

    public static IEnumerable<ItcCase> All()
    {
        yield return Case("testTumbleWindow", AggregateTopN("*", "rownum <= 2"),
        [
            "a,2020-10-10T00:00,2020-10-10T00:00:05,4,11.10,5.0,1.0,2,1",
            "a,2020-10-10T00:00:05,2020-10-10T00:00:10,1,3.33,null,3.0,1,2",
            "b,2020-10-10T00:00:05,2020-10-10T00:00:10,2,6.66,6.0,3.0,2,1",
            "b,2020-10-10T00:00:15,2020-10-10T00:00:20,1,4.44,4.0,4.0,1,1",
            "b,2020-10-10T00:00:30,2020-10-10T00:00:35,1,3.33,3.0,3.0,1,2",
            "null,2020-10-10T00:00:30,2020-10-10T00:00:35,1,7.77,7.0,7.0,0,1",
        ]);
        yield return Case("testTumbleWindowWithRankOffset", AggregateTopN("*", "rownum > 1 AND rownum <= 2"),
        [
            "a,2020-10-10T00:00:05,2020-10-10T00:00:10,1,3.33,null,3.0,1,2",
            "b,2020-10-10T00:00:30,2020-10-10T00:00:35,1,3.33,3.0,3.0,1,2",
        ]);
        yield return Case("testTumbleWindowWithoutRankNumber",
            AggregateTopN("`name`, window_start, window_end, cnt, sum_b, max_d, min_f, uv", "rownum > 1 AND rownum <= 2"),
        [
            "a,2020-10-10T00:00:05,2020-10-10T00:00:10,1,3.33,null,3.0,1",
            "b,2020-10-10T00:00:30,2020-10-10T00:00:35,1,3.33,3.0,3.0,1",
        ]);
        const string a4 = "2020-10-10T00:00:04,5,5.0,5.0,5.55,null,a,2020-10-10 00:00:04.000,";
        const string a2 = "2020-10-10T00:00:02,2,2.0,2.0,2.22,Comment#1,a,2020-10-10 00:00:02.000,";
        const string a8 = "2020-10-10T00:00:08,3,null,3.0,3.33,Comment#2,a,2020-10-10 00:00:08.000,";
        const string b6 = "2020-10-10T00:00:06,6,6.0,6.0,6.66,Hi,b,2020-10-10 00:00:06.000,";
        const string b7 = "2020-10-10T00:00:07,3,3.0,3.0,null,Hello,b,2020-10-10 00:00:07.000,";
        const string b16 = "2020-10-10T00:00:16,4,4.0,4.0,4.44,Hi,b,2020-10-10 00:00:16.000,";
        const string n32 = "2020-10-10T00:00:32,7,7.0,7.0,7.77,null,null,2020-10-10 00:00:32.000,";
        const string b34 = "2020-10-10T00:00:34,1,3.0,3.0,3.33,Comment#3,b,2020-10-10 00:00:34.000,";
        yield return Case("testTumbleWindowTVF", TvfTopN(AllColumns, "TUMBLE(TABLE T1, DESCRIPTOR(rowtime), INTERVAL '5' SECOND)"),
        [
            a4 + "2020-10-10T00:00,2020-10-10T00:00:05,2020-10-10T00:00:04.999",
            a2 + "2020-10-10T00:00,2020-10-10T00:00:05,2020-10-10T00:00:04.999",
            a8 + "2020-10-10T00:00:05,2020-10-10T00:00:10,2020-10-10T00:00:09.999",
            b6 + "2020-10-10T00:00:05,2020-10-10T00:00:10,2020-10-10T00:00:09.999",
            b7 + "2020-10-10T00:00:05,2020-10-10T00:00:10,2020-10-10T00:00:09.999",
            b16 + "2020-10-10T00:00:15,2020-10-10T00:00:20,2020-10-10T00:00:19.999",
            n32 + "2020-10-10T00:00:30,2020-10-10T00:00:35,2020-10-10T00:00:34.999",
            b34 + "2020-10-10T00:00:30,2020-10-10T00:00:35,2020-10-10T00:00:34.999",
        ]);
        yield return Case("testTumbleWindowTVFWithOffset", TvfTopN(AllColumns, "TUMBLE(TABLE T1, DESCRIPTOR(rowtime), INTERVAL '5' SECOND, INTERVAL '1' SECOND)"),
        [
            a4 + "2020-10-10T00:00:01,2020-10-10T00:00:06,2020-10-10T00:00:05.999",
            a2 + "2020-10-10T00:00:01,2020-10-10T00:00:06,2020-10-10T00:00:05.999",
            a8 + "2020-10-10T00:00:06,2020-10-10T00:00:11,2020-10-10T00:00:10.999",
            b6 + "2020-10-10T00:00:06,2020-10-10T00:00:11,2020-10-10T00:00:10.999",
            b7 + "2020-10-10T00:00:06,2020-10-10T00:00:11,2020-10-10T00:00:10.999",
            b16 + "2020-10-10T00:00:16,2020-10-10T00:00:21,2020-10-10T00:00:20.999",
            n32 + "2020-10-10T00:00:31,2020-10-10T00:00:36,2020-10-10T00:00:35.999",
            b34 + "2020-10-10T00:00:31,2020-10-10T00:00:36,2020-10-10T00:00:35.999",
        ]);
        yield return Case("testTumbleWindowTVFWithNegativeOffset", TvfTopN(AllColumns, "TUMBLE(TABLE T1, DESCRIPTOR(rowtime), INTERVAL '5' SECOND, INTERVAL '-1' SECOND)"),
        [
            a2 + "2020-10-09T23:59:59,2020-10-10T00:00:04,2020-10-10T00:00:03.999",
            "2020-10-10T00:00:03,2,2.0,2.0,2.22,Comment#1,a,2020-10-10 00:00:03.000,2020-10-09T23:59:59,2020-10-10T00:00:04,2020-10-10T00:00:03.999",
            a4 + "2020-10-10T00:00:04,2020-10-10T00:00:09,2020-10-10T00:00:08.999",
            "2020-10-10T00:00:04,5,5.0,null,5.55,Hi,a,2020-10-10 00:00:04.000,2020-10-10T00:00:04,2020-10-10T00:00:09,2020-10-10T00:00:08.999",
            b6 + "2020-10-10T00:00:04,2020-10-10T00:00:09,2020-10-10T00:00:08.999",
            b7 + "2020-10-10T00:00:04,2020-10-10T00:00:09,2020-10-10T00:00:08.999",
            b16 + "2020-10-10T00:00:14,2020-10-10T00:00:19,2020-10-10T00:00:18.999",
            n32 + "2020-10-10T00:00:29,2020-10-10T00:00:34,2020-10-10T00:00:33.999",
            b34 + "2020-10-10T00:00:34,2020-10-10T00:00:39,2020-10-10T00:00:38.999",
        ]);
        yield return Case("testTumbleWindowTVFWithCalc",
            TvfTopN("`int`, `string`, `name`, window_start, window_end, window_time", "TUMBLE(TABLE T1, DESCRIPTOR(rowtime), INTERVAL '5' SECOND)"),
        [
            "5,null,a,2020-10-10T00:00,2020-10-10T00:00:05,2020-10-10T00:00:04.999",
            "2,Comment#1,a,2020-10-10T00:00,2020-10-10T00:00:05,2020-10-10T00:00:04.999",
            "3,Comment#2,a,2020-10-10T00:00:05,2020-10-10T00:00:10,2020-10-10T00:00:09.999",
            "6,Hi,b,2020-10-10T00:00:05,2020-10-10T00:00:10,2020-10-10T00:00:09.999",
            "3,Hello,b,2020-10-10T00:00:05,2020-10-10T00:00:10,2020-10-10T00:00:09.999",
            "4,Hi,b,2020-10-10T00:00:15,2020-10-10T00:00:20,2020-10-10T00:00:19.999",
            "7,null,null,2020-10-10T00:00:30,2020-10-10T00:00:35,2020-10-10T00:00:34.999",
            "1,Comment#3,b,2020-10-10T00:00:30,2020-10-10T00:00:35,2020-10-10T00:00:34.999",
        ]);
    }
}
