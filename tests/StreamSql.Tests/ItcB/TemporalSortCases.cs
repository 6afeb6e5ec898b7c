using StreamSql.Tests.HuntT;

namespace StreamSql.Tests.ItcB;

/// <summary>Flink's <c>TemporalSortITCase</c>: ORDER BY an event time (then other fields) or a processing time, the
/// rows compared in order. The sources' watermark trails each row by 10 ms (<c>TimestampAndWatermarkWithOffset(10)</c>,
/// or the tables' 10 s), so the out-of-order rows are sorted, none late. Parallel input here is the same single file.</summary>
public sealed class TemporalSortCases
{
    private static readonly object?[][] Data =
    [
        [3L, 2L, "Hello world", 3], [2L, 2L, "Hello", 2], [6L, 3L, "Luke Skywalker", 6], [5L, 3L, "I am fine.", 5],
        [7L, 4L, "Comment#1", 7], [9L, 4L, "Comment#3", 9], [10L, 4L, "Comment#4", 10], [8L, 4L, "Comment#2", 8],
    ];

    private static ItcTable MillisTable(int scale, string watermark, params object?[][] rows) => new("T",
        $"ts BIGINT, `key` BIGINT, str STRING, `int` INT, rowtime AS CAST(TO_TIMESTAMP_LTZ(ts * {scale}, 3) AS TIMESTAMP(3)),"
        + $" WATERMARK FOR rowtime AS rowtime - INTERVAL '{watermark}' SECOND",
        RestoreSource.Rows(["ts", "key", "str", "int"], rows));

    private static ItcCase Sorted(string name, ItcTable table, string query, params string[] expected) =>
        new(name, [], query, expected) { Tables = [table], Ordered = true };

    private static readonly string[] ByTimeThenInt = ["1,Hi,1", "1,Hi,2", "2,Hello,2", "2,Hello world,3", "3,Helloworld, how are you?,4",
        "3,I am fine.,5", "3,Luke Skywalker,6", "4,Comment#1,7", "4,Comment#2,8", "4,Comment#3,9", "4,Comment#4,10"];

    private static readonly ItcCase[] All =
    [
        Sorted("testOnlyEventTimeOrderBy",
            MillisTable(1, "0.01", [.. Data, [1L, 1L, "Hi", 2], [1L, 1L, "Hi", 1], [4L, 3L, "Helloworld, how are you?", 4]]),
            "SELECT key, str, `int` FROM T ORDER BY rowtime",
            "1,Hi,2", "1,Hi,1", "2,Hello,2", "2,Hello world,3", "3,Helloworld, how are you?,4", "3,I am fine.,5", "3,Luke Skywalker,6",
            "4,Comment#1,7", "4,Comment#2,8", "4,Comment#3,9", "4,Comment#4,10"),
        Sorted("testEventTimeOrderByWithParallelInput",
            MillisTable(1, "0.01", [.. Data, [1L, 1L, "Hi", 1], [4L, 3L, "Helloworld, how are you?", 4]]),
            "SELECT key, str, `int` FROM T ORDER BY rowtime",
            "1,Hi,1", "2,Hello,2", "2,Hello world,3", "3,Helloworld, how are you?,4", "3,I am fine.,5", "3,Luke Skywalker,6",
            "4,Comment#1,7", "4,Comment#2,8", "4,Comment#3,9", "4,Comment#4,10"),
        Sorted("testTimestampEventTimeAndOtherFieldOrderBy",
            MillisTable(1000, "10", [.. Data, [1L, 1L, "Hi", 2], [1L, 1L, "Hi", 1], [4L, 3L, "Helloworld, how are you?", 4]]),
            "SELECT key, str, `int` FROM T ORDER BY rowtime, `int`", ByTimeThenInt),
        Sorted("testTimestampLtzEventTimeAndOtherFieldOrderBy",
            new("T", "ts BIGINT, `key` BIGINT, str STRING, `int` INT, rowtime AS TO_TIMESTAMP_LTZ(ts, 0),"
                + " WATERMARK FOR rowtime AS rowtime - INTERVAL '10' SECOND",
                RestoreSource.Rows(["ts", "key", "str", "int"], [.. Data, [1L, 1L, "Hi", 2], [1L, 1L, "Hi", 1], [4L, 3L, "Helloworld, how are you?", 4]])),
            "SELECT key, str, `int` FROM T ORDER BY rowtime, `int`", ByTimeThenInt),
        new("testProcTimeOrderBy",
            [ItcData.TupleData3("T0", "a, b, c"), "CREATE TEMPORARY VIEW T AS SELECT a, b, c, PROCTIME() AS proctime FROM T0"],
            "SELECT a, b, c FROM T ORDER BY proctime",
            ["1,1,Hi", "2,2,Hello", "3,2,Hello world", "4,3,Hello world, how are you?", "5,3,I am fine.", "6,3,Luke Skywalker",
             "7,4,Comment#1", "8,4,Comment#2", "9,4,Comment#3", "10,4,Comment#4", "11,5,Comment#5", "12,5,Comment#6", "13,5,Comment#7",
             "14,5,Comment#8", "15,5,Comment#9", "16,6,Comment#10", "17,6,Comment#11", "18,6,Comment#12", "19,6,Comment#13",
             "20,6,Comment#14", "21,6,Comment#15"]) { Ordered = true },
    ];

    public static TheoryData<string, bool> Cases() => ItcCaseRunner.Variants(All);

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Flink_expected_rows(string name, bool miniBatch) => ItcCaseRunner.RunAsync(All, name, miniBatch);
}
