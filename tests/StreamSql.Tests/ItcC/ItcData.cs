namespace StreamSql.Tests.ItcC;

/// <summary>Data sets of Flink's <c>runtime/utils/TestData.scala</c> the cases read.</summary>
internal static class ItcData
{
    /// <summary><c>TestData.tupleData3</c>: (Int, Long, String), 21 rows.</summary>
    public static readonly object?[][] TupleData3 =
    [
        [1, 1L, "Hi"], [2, 2L, "Hello"], [3, 2L, "Hello world"], [4, 3L, "Hello world, how are you?"],
        [5, 3L, "I am fine."], [6, 3L, "Luke Skywalker"], [7, 4L, "Comment#1"], [8, 4L, "Comment#2"],
        [9, 4L, "Comment#3"], [10, 4L, "Comment#4"], [11, 5L, "Comment#5"], [12, 5L, "Comment#6"],
        [13, 5L, "Comment#7"], [14, 5L, "Comment#8"], [15, 5L, "Comment#9"], [16, 6L, "Comment#10"],
        [17, 6L, "Comment#11"], [18, 6L, "Comment#12"], [19, 6L, "Comment#13"], [20, 6L, "Comment#14"],
        [21, 6L, "Comment#15"],
    ];

    /// <summary><c>TestData.smallTupleData3</c>: the first three rows of <see cref="TupleData3"/>.</summary>
    public static readonly object?[][] SmallTupleData3 = TupleData3[..3];

    /// <summary><c>TestData.tupleData5</c>: (Int, Long, Int, String, Long), 15 rows.</summary>
    public static readonly object?[][] TupleData5 =
    [
        [1, 1L, 0, "Hallo", 1L], [2, 2L, 1, "Hallo Welt", 2L], [2, 3L, 2, "Hallo Welt wie", 1L],
        [3, 4L, 3, "Hallo Welt wie gehts?", 2L], [3, 5L, 4, "ABC", 2L], [3, 6L, 5, "BCD", 3L], [4, 7L, 6, "CDE", 2L],
        [4, 8L, 7, "DEF", 1L], [4, 9L, 8, "EFG", 1L], [4, 10L, 9, "FGH", 2L], [5, 11L, 10, "GHI", 1L],
        [5, 12L, 11, "HIJ", 3L], [5, 13L, 12, "IJK", 3L], [5, 14L, 13, "JKL", 2L], [5, 15L, 14, "KLM", 2L],
    ];

    /// <summary>A table of <see cref="TupleData5"/>-shaped rows as (a, b, c, d, e).</summary>
    public static ItcTable Tuple5(string name, object?[][] rows, string extra = "") =>
        new(name, $"a INT, b BIGINT, c INT, d STRING, e BIGINT{extra}", ["a", "b", "c", "d", "e"], rows);

    /// <summary><c>TestData.windowDataWithTimestamp</c> as the window ITCases declare it (table T1, rowtime
    /// <c>TO_TIMESTAMP(ts)</c>, watermark 1 s behind); the 00:00:04 row after 00:00:08 is late.</summary>
    public static ItcTable WindowT1 => new("T1",
        "`ts` STRING, `int` INT, `double` DOUBLE, `float` FLOAT, `bigdec` DECIMAL(10, 2), `string` STRING, `name` STRING, " +
        "`rowtime` AS TO_TIMESTAMP(`ts`), WATERMARK for `rowtime` AS `rowtime` - INTERVAL '1' SECOND",
        ["ts", "int", "double", "float", "bigdec", "string", "name"],
        [
            ["2020-10-10 00:00:01", 1, 1d, 1f, 1.11m, "Hi", "a"],
            ["2020-10-10 00:00:02", 2, 2d, 2f, 2.22m, "Comment#1", "a"],
            ["2020-10-10 00:00:03", 2, 2d, 2f, 2.22m, "Comment#1", "a"],
            ["2020-10-10 00:00:04", 5, 5d, 5f, 5.55m, null, "a"],
            ["2020-10-10 00:00:07", 3, 3d, 3f, null, "Hello", "b"],
            ["2020-10-10 00:00:06", 6, 6d, 6f, 6.66m, "Hi", "b"],
            ["2020-10-10 00:00:08", 3, null, 3f, 3.33m, "Comment#2", "a"],
            ["2020-10-10 00:00:04", 5, 5d, null, 5.55m, "Hi", "a"],
            ["2020-10-10 00:00:16", 4, 4d, 4f, 4.44m, "Hi", "b"],
            ["2020-10-10 00:00:32", 7, 7d, 7f, 7.77m, null, null],
            ["2020-10-10 00:00:34", 1, 3d, 3f, 3.33m, "Comment#3", "b"],
        ]);

    /// <summary>A table of (Int, Long, String) tuples under the given column names.</summary>
    public static ItcTable Tuple3(string name, object?[][] rows, string a = "a", string b = "b", string c = "c", string extra = "") =>
        new(name, $"{a} INT, {b} BIGINT, {c} STRING{extra}", [a, b, c], rows);

    /// <summary>A table of one INT column.</summary>
    public static ItcTable Ints(string name, string column, params int[] values) =>
        new(name, $"{column} INT", [column], values.Select(v => new object?[] { v }).ToArray());

    /// <summary>Flink's <c>'rowtime.rowtime()</c> over a millisecond timestamp column with ascending-timestamp
    /// watermarks (<c>AscendingTimestampsWatermarks</c>: the largest timestamp seen minus 1 ms).</summary>
    public static string RowtimeFrom(string millis) =>
        $", rowtime AS CAST(TO_TIMESTAMP_LTZ({millis}, 3) AS TIMESTAMP(3)), WATERMARK FOR rowtime AS rowtime - INTERVAL '0.001' SECOND";

    /// <summary>Flink's <c>'proctime.proctime</c>.</summary>
    public const string Proctime = ", proctime AS PROCTIME()";
}
