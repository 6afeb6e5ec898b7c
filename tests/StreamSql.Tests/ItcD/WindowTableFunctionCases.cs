using StreamSql.Tests.ItcC;
using static StreamSql.Tests.ItcC.ItcData;

namespace StreamSql.Tests.ItcD;

/// <summary>Flink's streaming <c>WindowTableFunctionITCase</c>: TUMBLE (with and without offsets), HOP and CUMULATE
/// table functions selected directly (no aggregation, so the late 00:00:04 row is kept). Flink's expected rows are
/// written as the row's own fields (<see cref="Fields"/>, as Flink prints them) and the windows Flink lists for it.</summary>
internal static class WindowTableFunctionCases
{
    private const string Select = "SELECT TO_TIMESTAMP(`ts`), `int`, `double`, `float`, `bigdec`, `string`, `name`, CAST(`rowtime` AS STRING), " +
        "window_start, window_end, window_time FROM TABLE(";

    /// <summary>The fields before the window columns of each row of T1, in input order.</summary>
    private static readonly string[] Fields =
    [
        "2020-10-10T00:00:01,1,1.0,1.0,1.11,Hi,a,2020-10-10 00:00:01.000",
        "2020-10-10T00:00:02,2,2.0,2.0,2.22,Comment#1,a,2020-10-10 00:00:02.000",
        "2020-10-10T00:00:03,2,2.0,2.0,2.22,Comment#1,a,2020-10-10 00:00:03.000",
        "2020-10-10T00:00:04,5,5.0,5.0,5.55,null,a,2020-10-10 00:00:04.000",
        "2020-10-10T00:00:07,3,3.0,3.0,null,Hello,b,2020-10-10 00:00:07.000",
        "2020-10-10T00:00:06,6,6.0,6.0,6.66,Hi,b,2020-10-10 00:00:06.000",
        "2020-10-10T00:00:08,3,null,3.0,3.33,Comment#2,a,2020-10-10 00:00:08.000",
        "2020-10-10T00:00:04,5,5.0,null,5.55,Hi,a,2020-10-10 00:00:04.000",
        "2020-10-10T00:00:16,4,4.0,4.0,4.44,Hi,b,2020-10-10 00:00:16.000",
        "2020-10-10T00:00:32,7,7.0,7.0,7.77,null,null,2020-10-10 00:00:32.000",
        "2020-10-10T00:00:34,1,3.0,3.0,3.33,Comment#3,b,2020-10-10 00:00:34.000",
    ];

    /// <summary>Flink's rows: each listed row of <see cref="Fields"/> with the window (start, end, time, as printed).</summary>
    private static IEnumerable<string> Rows(string window, params int[] rows) => rows.Select(r => Fields[r] + "," + window);

    private static ItcCase Case(string name, string function, IEnumerable<string> expected) =>
        new("WindowTableFunction." + name, [WindowT1], Select + function + ")", expected.ToList());

    public static IEnumerable<ItcCase> All()
    {
        yield return Case("testTumbleWindow", "TUMBLE(TABLE T1, DESCRIPTOR(rowtime), INTERVAL '5' SECOND)",
        [
            .. Rows("2020-10-10T00:00,2020-10-10T00:00:05,2020-10-10T00:00:04.999", 0, 1, 2, 3, 7),
            .. Rows("2020-10-10T00:00:05,2020-10-10T00:00:10,2020-10-10T00:00:09.999", 5, 4, 6),
            .. Rows("2020-10-10T00:00:15,2020-10-10T00:00:20,2020-10-10T00:00:19.999", 8),
            .. Rows("2020-10-10T00:00:30,2020-10-10T00:00:35,2020-10-10T00:00:34.999", 9, 10),
        ]);
        yield return Case("testTumbleWindowTVFWithOffset", "TUMBLE(TABLE T1, DESCRIPTOR(rowtime), INTERVAL '5' SECOND, INTERVAL '1' SECOND)",
        [
            .. Rows("2020-10-10T00:00:01,2020-10-10T00:00:06,2020-10-10T00:00:05.999", 0, 1, 2, 3, 7),
            .. Rows("2020-10-10T00:00:06,2020-10-10T00:00:11,2020-10-10T00:00:10.999", 5, 4, 6),
            .. Rows("2020-10-10T00:00:16,2020-10-10T00:00:21,2020-10-10T00:00:20.999", 8),
            .. Rows("2020-10-10T00:00:31,2020-10-10T00:00:36,2020-10-10T00:00:35.999", 9, 10),
        ]);
        yield return Case("testTumbleWindowTVFWithNegativeOffset", "TUMBLE(TABLE T1, DESCRIPTOR(rowtime), INTERVAL '5' SECOND, INTERVAL '-1' SECOND)",
        [
            .. Rows("2020-10-09T23:59:59,2020-10-10T00:00:04,2020-10-10T00:00:03.999", 0, 1, 2),
            .. Rows("2020-10-10T00:00:04,2020-10-10T00:00:09,2020-10-10T00:00:08.999", 3, 7, 5, 4, 6),
            .. Rows("2020-10-10T00:00:14,2020-10-10T00:00:19,2020-10-10T00:00:18.999", 8),
            .. Rows("2020-10-10T00:00:29,2020-10-10T00:00:34,2020-10-10T00:00:33.999", 9),
            .. Rows("2020-10-10T00:00:34,2020-10-10T00:00:39,2020-10-10T00:00:38.999", 10),
        ]);
        yield return Case("testHopWindow", "HOP(TABLE T1, DESCRIPTOR(rowtime), INTERVAL '5' SECOND, INTERVAL '10' SECOND)",
        [
            .. Rows("2020-10-09T23:59:55,2020-10-10T00:00:05,2020-10-10T00:00:04.999", 0, 1, 2, 3, 7),
            .. Rows("2020-10-10T00:00,2020-10-10T00:00:10,2020-10-10T00:00:09.999", 0, 1, 2, 3, 7, 5, 4, 6),
            .. Rows("2020-10-10T00:00:05,2020-10-10T00:00:15,2020-10-10T00:00:14.999", 5, 4, 6),
            .. Rows("2020-10-10T00:00:10,2020-10-10T00:00:20,2020-10-10T00:00:19.999", 8),
            .. Rows("2020-10-10T00:00:15,2020-10-10T00:00:25,2020-10-10T00:00:24.999", 8),
            .. Rows("2020-10-10T00:00:25,2020-10-10T00:00:35,2020-10-10T00:00:34.999", 9, 10),
            .. Rows("2020-10-10T00:00:30,2020-10-10T00:00:40,2020-10-10T00:00:39.999", 9, 10),
        ]);
        yield return Case("testCumulateWindow", "CUMULATE(TABLE T1, DESCRIPTOR(rowtime), INTERVAL '5' SECOND, INTERVAL '15' SECOND)",
        [
            .. Rows("2020-10-10T00:00,2020-10-10T00:00:05,2020-10-10T00:00:04.999", 0, 1, 2, 3, 7),
            .. Rows("2020-10-10T00:00,2020-10-10T00:00:10,2020-10-10T00:00:09.999", 0, 1, 2, 3, 7, 5, 4, 6),
            .. Rows("2020-10-10T00:00,2020-10-10T00:00:15,2020-10-10T00:00:14.999", 0, 1, 2, 3, 7, 5, 4, 6),
            .. Rows("2020-10-10T00:00:15,2020-10-10T00:00:20,2020-10-10T00:00:19.999", 8),
            .. Rows("2020-10-10T00:00:15,2020-10-10T00:00:25,2020-10-10T00:00:24.999", 8),
            .. Rows("2020-10-10T00:00:15,2020-10-10T00:00:30,2020-10-10T00:00:29.999", 8),
            .. Rows("2020-10-10T00:00:30,2020-10-10T00:00:35,2020-10-10T00:00:34.999", 9, 10),
            .. Rows("2020-10-10T00:00:30,2020-10-10T00:00:40,2020-10-10T00:00:39.999", 9, 10),
            .. Rows("2020-10-10T00:00:30,2020-10-10T00:00:45,2020-10-10T00:00:44.999", 9, 10),
        ]);
    }
}
