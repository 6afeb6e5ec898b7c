using StreamSql.Tests.ItcC;

namespace StreamSql.Tests.ItcD;

/// <summary>Flink's streaming <c>SourceWatermarkITCase</c>: the rows of its watermark push-down cases (the watermarks
/// the values source saw are that connector's internals and are not compared). <c>testWatermarkWithMultiInputUdf</c>
/// needs a Java UDF and <c>testWatermarkWithMetadata</c> the values connector's metadata; neither is ported.</summary>
internal static class SourceWatermarkCases
{
    public static IEnumerable<ItcCase> All()
    {
        yield return new("SourceWatermark.testSimpleWatermarkPushDown",
            [new("VirtualTable", "a INT, b BIGINT, c TIMESTAMP(3), d as c - INTERVAL '5' second, WATERMARK FOR d as d + INTERVAL '5' second",
                ["a", "b", "c"], [[1, 2L, "2020-11-21 19:00:05.23"], [2, 3L, "2020-11-21 21:00:05.23"]])],
            "SELECT a, b, c FROM VirtualTable", ["1,2,2020-11-21T19:00:05.230", "2,3,2020-11-21T21:00:05.230"]);
        yield return new("SourceWatermark.testSimpleWatermarkOnTimestampLtzPushDown",
            [new("VirtualTable1", "a INT, b BIGINT, c TIMESTAMP_LTZ(3), d as c - INTERVAL '5' second, WATERMARK FOR d as d + INTERVAL '5' second",
                ["a", "b", "c"], [[1, 2L, "2020-11-21 11:00:05.23Z"], [2, 3L, "2020-11-21 13:00:05.23Z"]])],
            "SELECT a, b, c FROM VirtualTable1", ["1,2,2020-11-21T11:00:05.230Z", "2,3,2020-11-21T13:00:05.230Z"])
        {
            Config = [("table.local-time-zone", "Asia/Shanghai")],
        };
        yield return new("SourceWatermark.testWatermarkWithNestedRow",
            [new("NestedTable", "a INT, b BIGINT, c ROW<name STRING, d ROW<e STRING, f TIMESTAMP(3)>>, g as c.d.f, WATERMARK FOR g as g - INTERVAL '5' second",
                ["a", "b", "c"],
                [
                    [0, 0L, Nested("h1", "h2", null)], [1, 2L, Nested("i1", "i2", "2020-11-21 19:00:05.23")],
                    [2, 3L, Nested("j1", "j2", "2020-11-21 21:00:05.23")], [3, 4L, Nested("k1", "k2", null)],
                ])],
            "SELECT a, b, c.d FROM NestedTable", ["0,0,h2,null", "1,2,i2,2020-11-21T19:00:05.230", "2,3,j2,2020-11-21T21:00:05.230", "3,4,k2,null"])
        {
            LegacyRows = true,
        };
    }

    private static Dictionary<string, object?> Nested(string name, string e, string? f) =>
        new() { ["name"] = name, ["d"] = new Dictionary<string, object?> { ["e"] = e, ["f"] = f } };
}
