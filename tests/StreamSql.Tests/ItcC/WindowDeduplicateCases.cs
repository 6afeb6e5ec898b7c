using static StreamSql.Tests.ItcC.ItcData;

namespace StreamSql.Tests.ItcC;

/// <summary>Flink's <c>WindowDeduplicateITCase</c>: every case, row by row only (in one batch the late row would
/// arrive before any watermark and count).</summary>
internal static class WindowDeduplicateCases
{
    private const string AllColumns =
        "TO_TIMESTAMP(`ts`), `int`, `double`, `float`, `bigdec`, `string`, `name`, CAST(`rowtime` AS STRING), window_start, window_end, window_time";

    private static string Dedup(string columns, string order, string window) =>
        $"SELECT {columns} FROM (SELECT *, ROW_NUMBER() OVER(PARTITION BY window_start, window_end, `name` ORDER BY {order}) as rownum " +
        $"FROM TABLE({window})) WHERE rownum <= 1";

    private const string Tumble = "TUMBLE(TABLE T1, DESCRIPTOR(rowtime), INTERVAL '5' SECOND)";

    private static ItcCase Case(string name, string sql, string[] expected) =>
        new($"WindowDeduplicate.{name}", [WindowT1], sql, expected) { AlsoInBatches = false };

    public static IEnumerable<ItcCase> All()
    {
        yield return Case("testTumbleWindowKeepLastRow", Dedup(AllColumns, "rowtime DESC", Tumble),
        [
            "2020-10-10T00:00:04,5,5.0,5.0,5.55,null,a,2020-10-10 00:00:04.000,2020-10-10T00:00,2020-10-10T00:00:05,2020-10-10T00:00:04.999",
            "2020-10-10T00:00:08,3,null,3.0,3.33,Comment#2,a,2020-10-10 00:00:08.000,2020-10-10T00:00:05,2020-10-10T00:00:10,2020-10-10T00:00:09.999",
            "2020-10-10T00:00:07,3,3.0,3.0,null,Hello,b,2020-10-10 00:00:07.000,2020-10-10T00:00:05,2020-10-10T00:00:10,2020-10-10T00:00:09.999",
            "2020-10-10T00:00:16,4,4.0,4.0,4.44,Hi,b,2020-10-10 00:00:16.000,2020-10-10T00:00:15,2020-10-10T00:00:20,2020-10-10T00:00:19.999",
            "2020-10-10T00:00:32,7,7.0,7.0,7.77,null,null,2020-10-10 00:00:32.000,2020-10-10T00:00:30,2020-10-10T00:00:35,2020-10-10T00:00:34.999",
            "2020-10-10T00:00:34,1,3.0,3.0,3.33,Comment#3,b,2020-10-10 00:00:34.000,2020-10-10T00:00:30,2020-10-10T00:00:35,2020-10-10T00:00:34.999",
        ]);
        yield return Case("testTumbleWindowKeepFirstRow", Dedup(AllColumns, "rowtime", Tumble),
        [
            "2020-10-10T00:00:01,1,1.0,1.0,1.11,Hi,a,2020-10-10 00:00:01.000,2020-10-10T00:00,2020-10-10T00:00:05,2020-10-10T00:00:04.999",
            "2020-10-10T00:00:08,3,null,3.0,3.33,Comment#2,a,2020-10-10 00:00:08.000,2020-10-10T00:00:05,2020-10-10T00:00:10,2020-10-10T00:00:09.999",
            "2020-10-10T00:00:06,6,6.0,6.0,6.66,Hi,b,2020-10-10 00:00:06.000,2020-10-10T00:00:05,2020-10-10T00:00:10,2020-10-10T00:00:09.999",
            "2020-10-10T00:00:16,4,4.0,4.0,4.44,Hi,b,2020-10-10 00:00:16.000,2020-10-10T00:00:15,2020-10-10T00:00:20,2020-10-10T00:00:19.999",
            "2020-10-10T00:00:32,7,7.0,7.0,7.77,null,null,2020-10-10 00:00:32.000,2020-10-10T00:00:30,2020-10-10T00:00:35,2020-10-10T00:00:34.999",
            "2020-10-10T00:00:34,1,3.0,3.0,3.33,Comment#3,b,2020-10-10 00:00:34.000,2020-10-10T00:00:30,2020-10-10T00:00:35,2020-10-10T00:00:34.999",
        ]);
        yield return Case("testTumbleWindowKeepLastRowWithCalc", Dedup("`int`, `string`, `name`, window_start, window_end, window_time", "rowtime DESC", Tumble),
        [
            "5,null,a,2020-10-10T00:00,2020-10-10T00:00:05,2020-10-10T00:00:04.999",
            "3,Comment#2,a,2020-10-10T00:00:05,2020-10-10T00:00:10,2020-10-10T00:00:09.999",
            "3,Hello,b,2020-10-10T00:00:05,2020-10-10T00:00:10,2020-10-10T00:00:09.999",
            "4,Hi,b,2020-10-10T00:00:15,2020-10-10T00:00:20,2020-10-10T00:00:19.999",
            "7,null,null,2020-10-10T00:00:30,2020-10-10T00:00:35,2020-10-10T00:00:34.999",
            "1,Comment#3,b,2020-10-10T00:00:30,2020-10-10T00:00:35,2020-10-10T00:00:34.999",
        ]);
        const string a8 = "2020-10-10T00:00:08,3,null,3.0,3.33,Comment#2,a,2020-10-10 00:00:08.000,";
        const string b7 = "2020-10-10T00:00:07,3,3.0,3.0,null,Hello,b,2020-10-10 00:00:07.000,";
        const string b16 = "2020-10-10T00:00:16,4,4.0,4.0,4.44,Hi,b,2020-10-10 00:00:16.000,";
        const string n32 = "2020-10-10T00:00:32,7,7.0,7.0,7.77,null,null,2020-10-10 00:00:32.000,";
        const string b34 = "2020-10-10T00:00:34,1,3.0,3.0,3.33,Comment#3,b,2020-10-10 00:00:34.000,";
        yield return Case("testCumulateWindowKeepLastRow",
            Dedup(AllColumns, "rowtime DESC", "CUMULATE(TABLE T1, DESCRIPTOR(rowtime), INTERVAL '5' SECOND, INTERVAL '15' SECOND)"),
        [
            "2020-10-10T00:00:04,5,5.0,5.0,5.55,null,a,2020-10-10 00:00:04.000,2020-10-10T00:00,2020-10-10T00:00:05,2020-10-10T00:00:04.999",
            a8 + "2020-10-10T00:00,2020-10-10T00:00:10,2020-10-10T00:00:09.999",
            a8 + "2020-10-10T00:00,2020-10-10T00:00:15,2020-10-10T00:00:14.999",
            b7 + "2020-10-10T00:00,2020-10-10T00:00:10,2020-10-10T00:00:09.999",
            b7 + "2020-10-10T00:00,2020-10-10T00:00:15,2020-10-10T00:00:14.999",
            b16 + "2020-10-10T00:00:15,2020-10-10T00:00:20,2020-10-10T00:00:19.999",
            b16 + "2020-10-10T00:00:15,2020-10-10T00:00:25,2020-10-10T00:00:24.999",
            b16 + "2020-10-10T00:00:15,2020-10-10T00:00:30,2020-10-10T00:00:29.999",
            n32 + "2020-10-10T00:00:30,2020-10-10T00:00:35,2020-10-10T00:00:34.999",
            n32 + "2020-10-10T00:00:30,2020-10-10T00:00:40,2020-10-10T00:00:39.999",
            n32 + "2020-10-10T00:00:30,2020-10-10T00:00:45,2020-10-10T00:00:44.999",
            b34 + "2020-10-10T00:00:30,2020-10-10T00:00:35,2020-10-10T00:00:34.999",
            b34 + "2020-10-10T00:00:30,2020-10-10T00:00:40,2020-10-10T00:00:39.999",
            b34 + "2020-10-10T00:00:30,2020-10-10T00:00:45,2020-10-10T00:00:44.999",
        ]);
    }
}
