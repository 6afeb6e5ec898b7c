using StreamSql.Tests.HuntT;

namespace StreamSql.Tests.ItcB;

/// <summary>Flink's <c>WindowJoinITCase</c> (its TIMESTAMP variant, session zone Asia/Shanghai): window joins, semi
/// and anti joins of window aggregates and of window TVFs over <c>TestData.windowDataWithTimestamp</c> and
/// <c>windowData2WithTimestamp</c>, watermark 1 s behind. The late row of the data has a NULL <c>float</c> and a name
/// no other row joins, so whether it is dropped does not change the expected rows.</summary>
public sealed class WindowJoinCases
{
    private static ItcTable Window(string name, string a) => new(name,
        "`ts` STRING, `int` INT, `double` DOUBLE, `float` FLOAT, `bigdec` DECIMAL(10, 2), `string` STRING, `name` STRING,"
        + " `rowtime` AS TO_TIMESTAMP(`ts`), WATERMARK for `rowtime` AS `rowtime` - INTERVAL '1' SECOND",
        RestoreSource.Rows(["ts", "int", "double", "float", "bigdec", "string", "name"],
            ["2020-10-10 00:00:01", 1, 1d, 1f, 1.11m, "Hi", a],
            ["2020-10-10 00:00:02", 2, 2d, 2f, 2.22m, "Comment#1", a],
            ["2020-10-10 00:00:03", 2, 2d, 2f, 2.22m, "Comment#1", a],
            ["2020-10-10 00:00:04", 5, 5d, 5f, 5.55m, null, a],
            ["2020-10-10 00:00:07", 3, 3d, 3f, null, "Hello", "b"],
            ["2020-10-10 00:00:06", 6, 6d, 6f, 6.66m, "Hi", "b"],
            ["2020-10-10 00:00:08", 3, null, 3f, 3.33m, "Comment#2", a],
            ["2020-10-10 00:00:04", 5, 5d, null, 5.55m, "Hi", a],
            ["2020-10-10 00:00:16", 4, 4d, 4f, 4.44m, "Hi", "b"],
            ["2020-10-10 00:00:32", 7, 7d, 7f, 7.77m, null, null],
            ["2020-10-10 00:00:34", 1, 3d, 3f, 3.33m, "Comment#3", "b"]));

    private static readonly ItcTable[] Tables = [Window("T1", "a"), Window("T2", "a1")];

    private static string Uv(string table, string uv, string tumble = "INTERVAL '5' SECOND") =>
        $"SELECT `name`, window_start, window_end, COUNT(DISTINCT `string`) as {uv}"
        + $" FROM TABLE(TUMBLE(TABLE {table}, DESCRIPTOR(rowtime), {tumble})) GROUP BY `name`, window_start, window_end";

    private static string Tvf(string table, string tumble = "INTERVAL '5' SECOND") =>
        $"SELECT * FROM TABLE(TUMBLE(TABLE {table}, DESCRIPTOR(rowtime), {tumble}))";

    private const string LeftColumns = "TO_TIMESTAMP(L.`ts`), L.`int`, L.`double`, L.`float`, L.`bigdec`, L.`string`, L.`name`,"
        + " CAST(L.`rowtime` AS STRING), L.window_start, L.window_end, L.window_time";

    private static string WtfJoin(string tumble, string nameCondition) =>
        $"SELECT {LeftColumns}, R.`int`, R.`string`, R.`name` FROM ({Tvf("T1", tumble)}) L JOIN ({Tvf("T2", tumble)}) R"
        + $" ON L.window_start = R.window_start AND L.window_end = R.window_end AND {nameCondition}";

    private static ItcCase Case(string name, string query, params string[] expected) =>
        new(name, [], query, expected) { Tables = Tables, Config = [("table.local-time-zone", "Asia/Shanghai")] };

    /// <summary>The left row of b at 6 s, 7 s, 16 s and 34 s with its window (<paramref name="windows"/>, one each).</summary>
    private static string[] LeftB(params string[] windows) =>
    [
        $"2020-10-10T00:00:06,6,6.0,6.0,6.66,Hi,b,2020-10-10 00:00:06.000,{windows[0]}",
        $"2020-10-10T00:00:07,3,3.0,3.0,null,Hello,b,2020-10-10 00:00:07.000,{windows[0]}",
        $"2020-10-10T00:00:16,4,4.0,4.0,4.44,Hi,b,2020-10-10 00:00:16.000,{windows[1]}",
        $"2020-10-10T00:00:34,1,3.0,3.0,3.33,Comment#3,b,2020-10-10 00:00:34.000,{windows[2]}",
    ];

    /// <summary>Each left b row joined with the right b rows of its window (Hello and Hi in the first, Hi, Comment#3).</summary>
    private static string[] JoinedB(params string[] windows)
    {
        var left = LeftB(windows);
        return [$"{left[0]},3,Hello,b", $"{left[0]},6,Hi,b", $"{left[1]},3,Hello,b", $"{left[1]},6,Hi,b", $"{left[2]},4,Hi,b",
            $"{left[3]},1,Comment#3,b"];
    }

    private static readonly string[] Windows5 =
        ["2020-10-10T00:00:05,2020-10-10T00:00:10,2020-10-10T00:00:09.999", "2020-10-10T00:00:15,2020-10-10T00:00:20,2020-10-10T00:00:19.999",
         "2020-10-10T00:00:30,2020-10-10T00:00:35,2020-10-10T00:00:34.999"];

    private static readonly string[] UvB = ["b,2020-10-10T00:00:05,2020-10-10T00:00:10", "b,2020-10-10T00:00:15,2020-10-10T00:00:20",
        "b,2020-10-10T00:00:30,2020-10-10T00:00:35"];

    private static string UvJoin(string join, string nameCondition, string windowSide = "L") =>
        $"SELECT L.`name`, {windowSide}.window_start, {windowSide}.window_end, uv1, uv2 FROM ({Uv("T1", "uv1")}) L {join} ({Uv("T2", "uv2")}) R"
        + $" ON L.window_start = R.window_start AND L.window_end = R.window_end AND {nameCondition}";

    private static string OuterJoin(string nameCondition) =>
        "SELECT L.`name`, L.window_start, L.window_end, R.`name`, R.window_start, R.window_end, uv1, uv2"
        + $" FROM ({Uv("T1", "uv1")}) L FULL OUTER JOIN ({Uv("T2", "uv2")}) R"
        + $" ON L.window_start = R.window_start AND L.window_end = R.window_end AND {nameCondition}";

    /// <summary>The left rows of a with a non-NULL <c>float</c> (the late row has none), with their windows.</summary>
    private static readonly string[] LeftA =
    [
        "2020-10-10T00:00:01,1,1.0,1.0,1.11,Hi,a,2020-10-10 00:00:01.000,2020-10-10T00:00,2020-10-10T00:00:05,2020-10-10T00:00:04.999",
        "2020-10-10T00:00:02,2,2.0,2.0,2.22,Comment#1,a,2020-10-10 00:00:02.000,2020-10-10T00:00,2020-10-10T00:00:05,2020-10-10T00:00:04.999",
        "2020-10-10T00:00:03,2,2.0,2.0,2.22,Comment#1,a,2020-10-10 00:00:03.000,2020-10-10T00:00,2020-10-10T00:00:05,2020-10-10T00:00:04.999",
        "2020-10-10T00:00:04,5,5.0,5.0,5.55,null,a,2020-10-10 00:00:04.000,2020-10-10T00:00,2020-10-10T00:00:05,2020-10-10T00:00:04.999",
        "2020-10-10T00:00:08,3,null,3.0,3.33,Comment#2,a,2020-10-10 00:00:08.000,2020-10-10T00:00:05,2020-10-10T00:00:10,2020-10-10T00:00:09.999",
    ];

    private static readonly ItcCase[] All =
    [
        Case("testInnerJoin",
            $"SELECT L.`name`, L.window_start, L.window_end, uv1, uv2 FROM ({Uv("T1", "uv1")}) L JOIN ({Uv("T2", "uv2")}) R"
            + " ON L.window_start = R.window_start AND L.window_end = R.window_end AND L.`name` = R.`name`",
            $"{UvB[0]},2,2", $"{UvB[1]},1,1", $"{UvB[2]},1,1"),
        Case("testInnerJoinOnWTF", WtfJoin("INTERVAL '5' SECOND", "L.`name` = R.`name`"), JoinedB(Windows5)),
        Case("testInnerJoinOnWTFWithOffset", WtfJoin("INTERVAL '5' SECOND, INTERVAL '1' SECOND", "L.`name` = R.`name`"),
            JoinedB("2020-10-10T00:00:06,2020-10-10T00:00:11,2020-10-10T00:00:10.999",
                "2020-10-10T00:00:16,2020-10-10T00:00:21,2020-10-10T00:00:20.999",
                "2020-10-10T00:00:31,2020-10-10T00:00:36,2020-10-10T00:00:35.999")),
        Case("testInnerJoinOnWTFWithNegativeOffset", WtfJoin("INTERVAL '5' SECOND, INTERVAL '-1' SECOND", "L.`name` = R.`name`"),
            JoinedB("2020-10-10T00:00:04,2020-10-10T00:00:09,2020-10-10T00:00:08.999",
                "2020-10-10T00:00:14,2020-10-10T00:00:19,2020-10-10T00:00:18.999",
                "2020-10-10T00:00:34,2020-10-10T00:00:39,2020-10-10T00:00:38.999")),
        Case("testInnerJoinWithIsNotDistinctFrom",
            $"SELECT L.`name`, L.window_start, L.window_end, uv1, uv2 FROM ({Uv("T1", "uv1")}) L JOIN ({Uv("T2", "uv2")}) R"
            + " ON L.window_start = R.window_start AND L.window_end = R.window_end AND L.`name` IS NOT DISTINCT from R.`name`",
            $"{UvB[0]},2,2", $"{UvB[1]},1,1", $"{UvB[2]},1,1", "null,2020-10-10T00:00:30,2020-10-10T00:00:35,0,0"),
        Case("testInnerJoinWithIsNotDistinctFromOnWTF", WtfJoin("INTERVAL '5' SECOND", "L.`name` IS NOT DISTINCT from R.`name`"),
            [.. JoinedB(Windows5), $"2020-10-10T00:00:32,7,7.0,7.0,7.77,null,null,2020-10-10 00:00:32.000,{Windows5[2]},7,null,null"]),
        Case("testSemiJoinExists",
            $"SELECT * FROM ({Uv("T1", "uv1")}) L WHERE EXISTS (SELECT * FROM ({Uv("T2", "uv2")}) R"
            + " WHERE L.window_start = R.window_start AND L.window_end = R.window_end AND L.`name` = R.`name`)",
            $"{UvB[0]},2", $"{UvB[1]},1", $"{UvB[2]},1"),
        Case("testSemiJoinExistsWTF",
            $"SELECT {LeftColumns} FROM ({Tvf("T1")}) L WHERE EXISTS (SELECT * FROM TABLE(TUMBLE(TABLE T2, DESCRIPTOR(rowtime), INTERVAL '5' SECOND)) R"
            + " WHERE L.window_start = R.window_start AND L.window_end = R.window_end AND L.`name` = R.`name`)",
            LeftB(Windows5)),
        Case("testSemiJoinIN",
            $"SELECT * FROM ({Uv("T1", "uv1")}) L WHERE L.`name` IN (SELECT `name` FROM ({Uv("T2", "uv2")}) R"
            + " WHERE L.window_start = R.window_start AND L.window_end = R.window_end)",
            $"{UvB[0]},2", $"{UvB[1]},1", $"{UvB[2]},1"),
        Case("testSemiJoinIN_WTF",
            $"SELECT {LeftColumns} FROM ({Tvf("T1")}) L WHERE L.`name` IN (SELECT `name` FROM TABLE(TUMBLE(TABLE T2, DESCRIPTOR(rowtime), INTERVAL '5' SECOND)) R"
            + " WHERE L.window_start = R.window_start AND L.window_end = R.window_end AND L.`name` = R.`name`)",
            LeftB(Windows5)),
        Case("testAntiJoinNotExists",
            $"SELECT * FROM ({Uv("T1", "uv1")}) L WHERE NOT EXISTS (SELECT * FROM ({Uv("T2", "uv2")}) R"
            + " WHERE L.window_start = R.window_start AND L.window_end = R.window_end AND L.`name` = R.`name`)",
            "a,2020-10-10T00:00,2020-10-10T00:00:05,2", "a,2020-10-10T00:00:05,2020-10-10T00:00:10,1",
            "null,2020-10-10T00:00:30,2020-10-10T00:00:35,0"),
        Case("testAntiJoinNotExistsWTF",
            $"SELECT {LeftColumns} FROM ({Tvf("T1")}) L WHERE NOT EXISTS (SELECT * FROM TABLE(TUMBLE(TABLE T2, DESCRIPTOR(rowtime), INTERVAL '5' SECOND)) R"
            + " WHERE L.window_start = R.window_start AND L.window_end = R.window_end AND L.`name` = R.`name`) AND L.`float` IS NOT NULL",
            [.. LeftA, $"2020-10-10T00:00:32,7,7.0,7.0,7.77,null,null,2020-10-10 00:00:32.000,{Windows5[2]}"]),
        Case("testAntiJoinNotIN",
            $"SELECT * FROM ({Uv("T1", "uv1")}) L WHERE L.`name` NOT IN (SELECT `name` FROM ({Uv("T2", "uv2")}) R"
            + " WHERE L.window_start = R.window_start AND L.window_end = R.window_end)",
            "a,2020-10-10T00:00,2020-10-10T00:00:05,2", "a,2020-10-10T00:00:05,2020-10-10T00:00:10,1"),
        Case("testAntiJoinNotIN_WTF",
            $"SELECT {LeftColumns} FROM ({Tvf("T1")}) L WHERE L.`name` NOT IN (SELECT `name` FROM TABLE(TUMBLE(TABLE T2, DESCRIPTOR(rowtime), INTERVAL '5' SECOND)) R"
            + " WHERE L.window_start = R.window_start AND L.window_end = R.window_end) AND L.`float` IS NOT NULL",
            LeftA),
        Case("testLeftJoin", UvJoin("LEFT JOIN", "L.`name` = R.`name`"),
            "a,2020-10-10T00:00,2020-10-10T00:00:05,2,null", "a,2020-10-10T00:00:05,2020-10-10T00:00:10,1,null",
            $"{UvB[0]},2,2", $"{UvB[1]},1,1", $"{UvB[2]},1,1", "null,2020-10-10T00:00:30,2020-10-10T00:00:35,0,null"),
        Case("testLeftJoinWithIsNotDistinctFrom", UvJoin("LEFT JOIN", "L.`name` IS NOT DISTINCT from R.`name`"),
            "a,2020-10-10T00:00,2020-10-10T00:00:05,2,null", "a,2020-10-10T00:00:05,2020-10-10T00:00:10,1,null",
            $"{UvB[0]},2,2", $"{UvB[1]},1,1", $"{UvB[2]},1,1", "null,2020-10-10T00:00:30,2020-10-10T00:00:35,0,0"),
        Case("testRightJoin", UvJoin("RIGHT JOIN", "L.`name` = R.`name`", "R"),
            "null,2020-10-10T00:00,2020-10-10T00:00:05,null,2", "null,2020-10-10T00:00:05,2020-10-10T00:00:10,null,1",
            $"{UvB[0]},2,2", $"{UvB[1]},1,1", $"{UvB[2]},1,1", "null,2020-10-10T00:00:30,2020-10-10T00:00:35,null,0"),
        Case("testRightJoinWithIsNotDistinctFrom", UvJoin("RIGHT JOIN", "L.`name` IS NOT DISTINCT from R.`name`", "R"),
            "null,2020-10-10T00:00,2020-10-10T00:00:05,null,2", "null,2020-10-10T00:00:05,2020-10-10T00:00:10,null,1",
            $"{UvB[0]},2,2", $"{UvB[1]},1,1", $"{UvB[2]},1,1", "null,2020-10-10T00:00:30,2020-10-10T00:00:35,0,0"),
        Case("testOuterJoin", OuterJoin("L.`name` = R.`name`"),
            "a,2020-10-10T00:00,2020-10-10T00:00:05,null,null,null,2,null", "a,2020-10-10T00:00:05,2020-10-10T00:00:10,null,null,null,1,null",
            "b,2020-10-10T00:00:05,2020-10-10T00:00:10,b,2020-10-10T00:00:05,2020-10-10T00:00:10,2,2",
            "b,2020-10-10T00:00:15,2020-10-10T00:00:20,b,2020-10-10T00:00:15,2020-10-10T00:00:20,1,1",
            "b,2020-10-10T00:00:30,2020-10-10T00:00:35,b,2020-10-10T00:00:30,2020-10-10T00:00:35,1,1",
            "null,2020-10-10T00:00:30,2020-10-10T00:00:35,null,null,null,0,null",
            "null,null,null,a1,2020-10-10T00:00,2020-10-10T00:00:05,null,2", "null,null,null,a1,2020-10-10T00:00:05,2020-10-10T00:00:10,null,1",
            "null,null,null,null,2020-10-10T00:00:30,2020-10-10T00:00:35,null,0"),
        Case("testOuterJoinWithIsNotDistinctFrom", OuterJoin("L.`name` IS NOT DISTINCT from R.`name`"),
            "a,2020-10-10T00:00,2020-10-10T00:00:05,null,null,null,2,null", "a,2020-10-10T00:00:05,2020-10-10T00:00:10,null,null,null,1,null",
            "b,2020-10-10T00:00:05,2020-10-10T00:00:10,b,2020-10-10T00:00:05,2020-10-10T00:00:10,2,2",
            "b,2020-10-10T00:00:15,2020-10-10T00:00:20,b,2020-10-10T00:00:15,2020-10-10T00:00:20,1,1",
            "b,2020-10-10T00:00:30,2020-10-10T00:00:35,b,2020-10-10T00:00:30,2020-10-10T00:00:35,1,1",
            "null,2020-10-10T00:00:30,2020-10-10T00:00:35,null,2020-10-10T00:00:30,2020-10-10T00:00:35,0,0",
            "null,null,null,a1,2020-10-10T00:00,2020-10-10T00:00:05,null,2", "null,null,null,a1,2020-10-10T00:00:05,2020-10-10T00:00:10,null,1"),
    ];

    public static TheoryData<string, bool> Cases() => ItcCaseRunner.Variants(All);

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Flink_expected_rows(string name, bool miniBatch) => ItcCaseRunner.RunAsync(All, name, miniBatch);
}
