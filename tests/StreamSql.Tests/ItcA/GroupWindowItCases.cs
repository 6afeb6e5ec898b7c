using static StreamSql.Tests.ItcA.ItcAData;

namespace StreamSql.Tests.ItcA;

/// <summary>The SQL cases of Flink's <c>GroupWindowITCase</c> (legacy <c>GROUP BY TUMBLE/HOP/SESSION</c>) over
/// <c>TestData.timestampData</c> (the TIMESTAMP variant), without the Java UDAFs (<c>concat_distinct_agg</c>,
/// <c>weightAvgFun</c>) and the test-only values sink.</summary>
internal static class GroupWindowItCases
{
    private static ItTable TestTable() => Table("testTable", "`ts` STRING, `int` INT, `double` DOUBLE, `float` FLOAT, `bigdec` DECIMAL(10, 2), " +
            "`string` STRING, `name` STRING, `rowtime` AS TO_TIMESTAMP(`ts`)",
            ["1970-01-01 00:00:00.001", 1, 1d, 1f, "1", "Hi", "a"],
            ["1970-01-01 00:00:00.002", 2, 2d, 2f, "2", "Hallo", "a"],
            ["1970-01-01 00:00:00.003", 2, 2d, 2f, "2", "Hello", "a"],
            ["1970-01-01 00:00:00.004", 5, 5d, 5f, "5", "Hello", "a"],
            ["1970-01-01 00:00:00.007", 3, 3d, 3f, "3", "Hello", "b"],
            ["1970-01-01 00:00:00.006", 5, 5d, 5f, "5", "Hello", "a"],
            ["1970-01-01 00:00:00.008", 3, 3d, 3f, "3", "Hello world", "a"],
            ["1970-01-01 00:00:00.016", 4, 4d, 4f, "4", "Hello world", "b"],
            ["1970-01-01 00:00:00.032", 4, 4d, 4f, "4", null, null]) with { Watermark = "`rowtime` AS `rowtime` - INTERVAL '0.01' SECOND" };

    private static ItCase Case(string name, string query, params string[] expected) => new($"GroupWindow.{name}", [TestTable()], query, expected);

    public static IEnumerable<ItCase> All()
    {
        yield return Case("testEventTimeSlidingWindow", "SELECT `string`, HOP_START(rowtime, INTERVAL '0.004' SECOND, INTERVAL '0.005' SECOND), " +
            "HOP_ROWTIME(rowtime, INTERVAL '0.004' SECOND, INTERVAL '0.005' SECOND), COUNT(1), SUM(1), COUNT(`int`), COUNT(DISTINCT `float`) " +
            "FROM testTable GROUP BY `string`, HOP(rowtime, INTERVAL '0.004' SECOND, INTERVAL '0.005' SECOND)",
            "Hallo,1970-01-01T00:00,1970-01-01T00:00:00.004,1,1,1,1",
            "Hello world,1970-01-01T00:00:00.004,1970-01-01T00:00:00.008,1,1,1,1",
            "Hello world,1970-01-01T00:00:00.008,1970-01-01T00:00:00.012,1,1,1,1",
            "Hello world,1970-01-01T00:00:00.012,1970-01-01T00:00:00.016,1,1,1,1",
            "Hello world,1970-01-01T00:00:00.016,1970-01-01T00:00:00.020,1,1,1,1",
            "Hello,1970-01-01T00:00,1970-01-01T00:00:00.004,2,2,2,2",
            "Hello,1970-01-01T00:00:00.004,1970-01-01T00:00:00.008,3,3,3,2",
            "Hi,1970-01-01T00:00,1970-01-01T00:00:00.004,1,1,1,1",
            "null,1970-01-01T00:00:00.028,1970-01-01T00:00:00.032,1,1,1,1",
            "null,1970-01-01T00:00:00.032,1970-01-01T00:00:00.036,1,1,1,1");
        yield return Case("testCascadingTumbleWindow", "SELECT SUM(cnt) FROM ( SELECT COUNT(1) AS cnt, TUMBLE_ROWTIME(rowtime, INTERVAL '10' SECOND) AS ts " +
            "FROM testTable GROUP BY `int`, `string`, TUMBLE(rowtime, INTERVAL '10' SECOND) ) GROUP BY TUMBLE(ts, INTERVAL '10' SECOND)", "9");
        yield return Case("testMinMaxWithTumblingWindow", "SELECT MAX(max_ts), MIN(min_ts), `string` FROM( SELECT `string`, `int`, MAX(rowtime) as max_ts, " +
            "MIN(rowtime) as min_ts FROM testTable GROUP BY `string`, `int`, TUMBLE(rowtime, INTERVAL '10' SECOND)) GROUP BY `string`",
            "1970-01-01T00:00:00.001,1970-01-01T00:00:00.001,Hi", "1970-01-01T00:00:00.002,1970-01-01T00:00:00.002,Hallo",
            "1970-01-01T00:00:00.007,1970-01-01T00:00:00.003,Hello", "1970-01-01T00:00:00.016,1970-01-01T00:00:00.008,Hello world",
            "1970-01-01T00:00:00.032,1970-01-01T00:00:00.032,null");
        yield return Case("testWindowAggregateOnConstantValue", "SELECT TUMBLE_END(rowtime, INTERVAL '0.003' SECOND), COUNT(name) FROM testTable " +
            "GROUP BY 'a', TUMBLE(rowtime, INTERVAL '0.003' SECOND)",
            "1970-01-01T00:00:00.003,2", "1970-01-01T00:00:00.006,2", "1970-01-01T00:00:00.009,3", "1970-01-01T00:00:00.018,1", "1970-01-01T00:00:00.033,0");
        yield return new ItCase("GroupWindow.testEventTimeSessionWindow",
            [Table("T1", "ts STRING, `int` INT, `string` STRING, name STRING, rowtime AS TO_TIMESTAMP(ts)",
                ["1970-01-01 00:00:00.001", 1, "Hello", "a"], ["1970-01-01 00:00:00.002", 2, "Hello", "b"], ["1970-01-01 00:00:00.008", 8, "Hello", "a"],
                ["1970-01-01 00:00:00.009", 9, "Hello World", "b"], ["1970-01-01 00:00:00.004", 4, "Hello", "c"], ["1970-01-01 00:00:00.016", 16, "Hello", "d"])
                with { Watermark = "rowtime AS rowtime - INTERVAL '0.01' SECOND" }],
            "SELECT `string`, SESSION_START(rowtime, INTERVAL '0.005' SECOND), SESSION_ROWTIME(rowtime, INTERVAL '0.005' SECOND), COUNT(1), SUM(1), " +
            "COUNT(`int`), SUM(`int`), COUNT(DISTINCT name) FROM T1 GROUP BY `string`, SESSION(rowtime, INTERVAL '0.005' SECOND)",
            ["Hello World,1970-01-01T00:00:00.009,1970-01-01T00:00:00.013,1,1,1,9,1", "Hello,1970-01-01T00:00:00.016,1970-01-01T00:00:00.020,1,1,1,16,1",
             "Hello,1970-01-01T00:00:00.001,1970-01-01T00:00:00.012,4,4,4,15,3"]);
    }
}
