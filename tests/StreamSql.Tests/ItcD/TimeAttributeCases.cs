using StreamSql.Tests.ItcC;

namespace StreamSql.Tests.ItcD;

/// <summary>Flink's streaming <c>TimeAttributeITCase</c>: group windows over a rowtime declared in DDL (a TIMESTAMP column,
/// a TIMESTAMP_LTZ computed column, a computed TIMESTAMP). <c>testWindowAggregateOnCustomizedWatermark</c> needs a Java
/// UDF in the watermark and is not ported.</summary>
internal static class TimeAttributeCases
{
    private static readonly int[] Millis = [1, 2, 3, 4, 7, 8, 16];
    private static readonly double[] Bs = [1, 2, 2, 5, 3, 3, 4];

    private static ItcTable Src(string name, string tsType, string extra, Func<int, object> ts, string logHour) => new(name,
        $"log_ts STRING, ts {tsType}, a INT, b DOUBLE, {extra}", ["log_ts", "ts", "a", "b"],
        Millis.Select((ms, i) => new object?[] { $"1970-01-01 {logHour}:00:00.{ms:000}", ts(ms), 1, Bs[i] }).ToArray());

    private static ItcTable Timestamps(string extra) =>
        Src("src", "TIMESTAMP(3)", extra, ms => $"1970-01-01 00:00:00.{ms:000}", "00");

    private const string Query = "SELECT TUMBLE_END({0}, INTERVAL '0.003' SECOND), COUNT(ts), SUM(b) FROM {1} GROUP BY TUMBLE({0}, INTERVAL '0.003' SECOND)";

    public static IEnumerable<ItcCase> All()
    {
        yield return new("TimeAttribute.testWindowAggregateOnWatermark",
            [Timestamps("WATERMARK FOR ts AS ts - INTERVAL '0.001' SECOND")], string.Format(Query, "ts", "src"),
            ["1970-01-01T00:00:00.003,2,3.0", "1970-01-01T00:00:00.006,2,7.0", "1970-01-01T00:00:00.009,2,6.0", "1970-01-01T00:00:00.018,1,4.0"]);
        yield return new("TimeAttribute.testWindowAggregateOnTimestampLtzWatermark",
            [Src("src1", "BIGINT", "ltz_ts AS TO_TIMESTAMP_LTZ(ts, 3), WATERMARK FOR ltz_ts AS ltz_ts - INTERVAL '0.001' SECOND", ms => (long)ms, "08")],
            string.Format(Query, "ltz_ts", "src1"),
            ["1970-01-01T08:00:00.003,2,3.0", "1970-01-01T08:00:00.006,2,7.0", "1970-01-01T08:00:00.009,2,6.0", "1970-01-01T08:00:00.018,1,4.0"])
        {
            Config = [("table.local-time-zone", "Asia/Shanghai")],
        };
        yield return new("TimeAttribute.testWindowAggregateOnComputedRowtime",
            [Timestamps("rowtime AS CAST(log_ts AS TIMESTAMP(3)), WATERMARK FOR rowtime AS rowtime - INTERVAL '0.001' SECOND")],
            string.Format(Query, "rowtime", "src"),
            ["1970-01-01T00:00:00.003,2,3.0", "1970-01-01T00:00:00.006,2,7.0", "1970-01-01T00:00:00.009,2,6.0", "1970-01-01T00:00:00.018,1,4.0"]);
    }
}
