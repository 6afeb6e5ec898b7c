using StreamSql.Tests.ItcC;
using static StreamSql.Tests.ItcC.ItcData;

namespace StreamSql.Tests.ItcD;

/// <summary>Flink's streaming <c>CalcITCase</c> (its SQL cases; Flink runs them with <c>LegacyRowExtension</c>, so a nested
/// row prints as its fields joined by commas). Each DataStream or values-connector input is a json table of the same
/// columns and rows.</summary>
internal static class CalcCases
{
    private static ItcTable MyTable(object?[][] rows) => Tuple3("MyTable", rows);

    private static ItcTable Strings3 => new("MyTableRow", "a STRING, b STRING, c INT", ["a", "b", "c"],
        [["Hello", "Worlds", 1], ["Hello", "Hiden", 5], ["Hello again", "Worlds", 2]]);

    private static ItcTable IntsIntLong => new("MyTableRow", "a INT, b INT, c BIGINT", ["a", "b", "c"], [[1, 1, 1L]]);

    /// <summary><c>TestData.data1</c>.</summary>
    private static ItcTable Data1 => new("t", "a INT, b VARCHAR, c INT", ["a", "b", "c"],
        [[2, "a", 6], [4, "b", 8], [6, "c", 10], [1, "a", 5], [3, "b", 7], [5, "c", 9]]);

    /// <summary>The rows of <c>testCurrentWatermark</c> (epoch seconds 644326662 and 1622466300).</summary>
    private static ItcTable WatermarkedLtz => new("T", "id INT, ts TIMESTAMP_LTZ(3), WATERMARK FOR ts AS ts", ["id", "ts"],
        [[1, "1990-06-02 11:37:42Z"], [2, "2021-05-31 13:05:00Z"], [3, "2021-05-31 13:05:00Z"]]);

    private static ItcTable LtzOnly => new("T", "ts TIMESTAMP_LTZ(3)", ["ts"], []);

    public static IEnumerable<ItcCase> All()
    {
        yield return new("Calc.testCastNumericToBooleanInCondition",
            [new("MyTableRow", "a INT, b BOOLEAN", ["a", "b"], [[1, true], [2, false]])],
            "SELECT * FROM MyTableRow WHERE b = CAST(1 AS BOOLEAN) UNION ALL SELECT * FROM MyTableRow WHERE b = CAST(0 AS BOOLEAN)",
            ["+I(1,true)", "+I(2,false)"]) { Result = ItcResult.RowData };
        yield return new("Calc.testGenericRowAndRowData", [IntsIntLong], "SELECT * FROM MyTableRow", ["+I(1,1,1)"]) { Result = ItcResult.RowData };
        yield return new("Calc.testRowAndRowData", [Strings3], "SELECT * FROM MyTableRow WHERE c < 3",
            ["+I(Hello,Worlds,1)", "+I(Hello again,Worlds,2)"]) { Result = ItcResult.RowData };
        yield return new("Calc.testGenericRowAndRow", [IntsIntLong], "SELECT * FROM MyTableRow", ["1,1,1"]);
        yield return new("Calc.testRowAndRow", [Strings3], "SELECT * FROM MyTableRow WHERE c < 3", ["Hello,Worlds,1", "Hello again,Worlds,2"]);
        yield return new("Calc.testPrimitiveMapType", [Tuple3("MyTableRow", SmallTupleData3)], "SELECT MAP[b, 30, 10, a] FROM MyTableRow",
            ["{1=30, 10=1}", "{2=30, 10=2}", "{2=30, 10=3}"]);
        yield return new("Calc.testNonPrimitiveMapType", [Tuple3("MyTableRow", SmallTupleData3)], "SELECT MAP[a, c] FROM MyTableRow",
            ["{1=Hi}", "{2=Hello}", "{3=Hello world}"]);
        yield return new("Calc.testSelectStarFromNestedTable",
            [new("MyTable", "_1 ROW<_1 INT, _2 INT>, _2 STRING", ["_1", "_2"],
                [[Pair(0, 0), "0"], [Pair(1, 1), "1"], [Pair(2, 2), "2"]])],
            "SELECT * FROM MyTable", ["0,0,0", "1,1,1", "2,2,2"]) { LegacyRows = true };
        yield return new("Calc.testIn", [MyTable(TupleData3)], "SELECT * FROM MyTable WHERE b in (1,3,4,5,6)",
            TupleData3.Where(r => (long)r[1]! != 2).Select(r => $"{r[0]},{r[1]},{r[2]}").ToList());
        yield return new("Calc.testNotIn", [MyTable(TupleData3)], "SELECT * FROM MyTable WHERE b not in (1,3,4,5,6)",
            ["2,2,Hello", "3,2,Hello world"]);
        var longList = Enumerable.Range(3, 197);
        yield return new("Calc.testLongProjectionList", [MyTable(SmallTupleData3)],
            "select " + string.Join(",", longList.Select(i => $"CASE WHEN a IS NOT NULL AND a > {i} THEN 0 WHEN a < 0 THEN 0 ELSE {i} END")) + " from MyTable",
            Enumerable.Repeat(string.Join(",", longList), 3).ToList());
        yield return new("Calc.testIfFunction", [Data1], "SELECT IF(a > 3, 'true', 'false'), a from t",
            ["false,1", "false,2", "false,3", "true,4", "true,5", "true,6"]);
        yield return new("Calc.testSourceWithCustomInternalData",
            [new("CustomTable", "a bigint, b map<bigint, bigint>", ["a", "b"],
                [[1L, new Dictionary<string, long> { ["1"] = 2L }], [2L, new Dictionary<string, long> { ["4"] = 5L }]])],
            "select a, b from CustomTable", ["1,{1=2}", "2,{4=5}"]);
        yield return new("Calc.testSimpleProject", [Tuple3("SimpleTable", SmallTupleData3)], "select a, c from SimpleTable",
            ["1,Hi", "2,Hello", "3,Hello world"]);
        yield return new("Calc.testNestedProject",
            [new("NestedTable",
                "id int, deepNested row<nested1 row<name string, `value` int>, nested2 row<num int, flag boolean>>, " +
                "nested row<name string, `value` int>, name string",
                ["id", "deepNested", "nested", "name"],
                [
                    [1, Deep("HI", 11, 111, true), Named("hi", 1111), "tom"],
                    [2, Deep("HELLO", 22, 222, false), Named("hello", 2222), "mary"],
                    [3, Deep("HELLO WORLD", 33, 333, true), Named("hello world", 3333), "benji"],
                ])],
            "select id, deepNested.nested1.name AS nestedName, nested.`value` AS nestedValue, deepNested.nested2.flag AS nestedFlag, " +
            "deepNested.nested2.num AS nestedNum from NestedTable",
            ["1,HI,1111,true,111", "2,HELLO,2222,false,222", "3,HELLO WORLD,3333,true,333"]);
        yield return new("Calc.testDecimalArrayWithDifferentPrecision", [], "SELECT ARRAY[0.12, 0.5, 0.99]", ["[0.12, 0.50, 0.99]"]);
        yield return new("Calc.testDecimalMapWithDifferentPrecision", [], "SELECT Map['a', 0.12, 'b', 0.5]", ["{a=0.12, b=0.50}"]);
        // Flink's values source emits a watermark after each row, so a row sees the watermark of the rows before it.
        var berlin = new[] { ("table.local-time-zone", "Europe/Berlin") };
        yield return new("Calc.testCurrentWatermark", [WatermarkedLtz], "SELECT id, CURRENT_WATERMARK(ts) FROM T",
            ["1,null", "2,1990-06-02T11:37:42Z", "3,2021-05-31T13:05:00Z"]) { Config = berlin, AlsoInBatches = false };
        yield return new("Calc.testCurrentWatermarkInFilter", [WatermarkedLtz],
            "SELECT id FROM T WHERE CURRENT_WATERMARK(ts) IS NULL OR ts > CURRENT_WATERMARK(ts)",
            ["1", "2"]) { Config = berlin, AlsoInBatches = false };
        yield return new("Calc.testCurrentWatermarkInGroupWindow", [WatermarkedLtz],
            "SELECT TUMBLE_END(ts, INTERVAL '1' SECOND), CURRENT_WATERMARK(ts) FROM T GROUP BY TUMBLE(ts, INTERVAL '1' SECOND), CURRENT_WATERMARK(ts)",
            ["1990-06-02T13:37:43,null", "2021-05-31T15:05:01,1990-06-02T11:37:42Z", "2021-05-31T15:05:01,2021-05-31T13:05:00Z"])
        { Config = berlin, AlsoInBatches = false };
        yield return new("Calc.testCurrentWatermarkForNonRowtimeAttribute", [LtzOnly], "SELECT CURRENT_WATERMARK(ts) FROM T", [])
        {
            ExpectedError = "Invalid function call:\nCURRENT_WATERMARK(TIMESTAMP_LTZ(3))",
        };
        yield return new("Calc.testCurrentWatermarkWithoutAnyAttribute", [LtzOnly], "SELECT ts, CURRENT_WATERMARK() FROM T", [])
        {
            ExpectedError = "No match found for function signature CURRENT_WATERMARK().\nSupported signatures are:\n" +
                "CURRENT_WATERMARK(<TIMESTAMP_WITHOUT_TIME_ZONE *ROWTIME*>)\nCURRENT_WATERMARK(<TIMESTAMP_WITH_LOCAL_TIME_ZONE *ROWTIME*>)",
        };
        yield return new("Calc.testSearch", [new("SimpleTable", "f0 STRING", ["f0"], [["HC809"], ["H389N     "]])],
            "SELECT upper(f0) from SimpleTable where upper(f0) in ('CTNBSmokeSensor', 'H388N', 'H389N     ', 'GHL-IRD', 'JY-BF-20YN', " +
            "'HC809', 'DH-9908N-AEP', 'DH-9908N')",
            ["HC809", "H389N     "]);
        yield return new("Calc.testMultipleCoalesces", [],
            "SELECT COALESCE(1), COALESCE(1, 2), COALESCE(cast(NULL as int), 2), COALESCE(1, cast(NULL as int)), " +
            "COALESCE(cast(NULL as int), cast(NULL as int), 3), COALESCE(4, cast(NULL as int), cast(NULL as int), cast(NULL as int)), " +
            "COALESCE('1'), COALESCE('1', '23'), COALESCE(cast(NULL as varchar), '2'), COALESCE('1', cast(NULL as varchar)), " +
            "COALESCE(cast(NULL as varchar), cast(NULL as varchar), '3'), COALESCE('4', cast(NULL as varchar), cast(NULL as varchar), cast(NULL as varchar)), " +
            "COALESCE(1.0), COALESCE(1.0, 2), COALESCE(cast(NULL as double), 2.0), COALESCE(cast(NULL as double), 2.0, 3.0), " +
            "COALESCE(2.0, cast(NULL as double), 3.0), COALESCE(cast(NULL as double), cast(NULL as double))",
            ["1,1,2,1,3,4,1,1,2,1,3,4,1.0,1.0,2.0,2.0,2.0,null"]);
        yield return new("Calc.testCurrentDatabase", [], "SELECT CURRENT_DATABASE()", ["default_database"]);
        yield return new("Calc.testCurrentDatabaseAfterUse", [], "SELECT CURRENT_DATABASE()", ["db1"])
        {
            Setup = ["CREATE DATABASE db1", "USE db1"],
        };
        yield return new("Calc.testLikeWithConditionContainsDoubleQuotationMark",
            [new("MyTable", "a int, b string", ["a", "b"], [[42, "abc"], [2, "cbc\"ddd"]])],
            "SELECT * FROM MyTable WHERE b LIKE '%\"%'", ["2,cbc\"ddd"]);
        yield return new("Calc.testNonMergeableRandCall", [Tuple3("SimpleTable", SmallTupleData3)],
            "SELECT b - a FROM (SELECT r + 5 AS a, r + 7 AS b FROM (SELECT RAND() AS r FROM SimpleTable) t1) t2",
            ["2.0", "2.0", "2.0"]);
        yield return new("Calc.testIfNull", [], "SELECT IFNULL(JSON_VALUE('{\"a\":16}','$.a'),'0')", ["16"]);
    }

    private static Dictionary<string, object?> Pair(int first, int second) => new() { ["_1"] = first, ["_2"] = second };

    private static Dictionary<string, object?> Named(string name, int value) => new() { ["name"] = name, ["value"] = value };

    private static Dictionary<string, object?> Deep(string name, int value, int num, bool flag) =>
        new() { ["nested1"] = Named(name, value), ["nested2"] = new Dictionary<string, object?> { ["num"] = num, ["flag"] = flag } };
}
