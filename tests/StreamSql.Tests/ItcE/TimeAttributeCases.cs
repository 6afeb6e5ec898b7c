using static StreamSql.Tests.HuntS.RestoreProgram;

namespace StreamSql.Tests.ItcE;

/// <summary>Flink's <c>TimeAttributeITCase</c>: group windows over a DDL watermark on a TIMESTAMP column, a TIMESTAMP_LTZ
/// computed column (Asia/Shanghai) and a computed TIMESTAMP rowtime (the UDF watermark case needs a Java function).</summary>
internal static class TimeAttributeCases
{
    private static readonly int[] Millis = [1, 2, 3, 4, 7, 8, 16];
    private static readonly double[] B = [1, 2, 2, 5, 3, 3, 4];

    private static ItceSource Data(string name, string extra) => new(name, "log_ts STRING, ts TIMESTAMP(3), a INT, b DOUBLE" + extra, "I",
        Millis.Select((ms, i) => I($"1970-01-01 00:00:00.{ms:000}", DateTime.UnixEpoch.AddMilliseconds(ms), 1, B[i])).ToArray());

    private static readonly string[] Expected =
        ["1970-01-01T00:00:00.003,2,3.0", "1970-01-01T00:00:00.006,2,7.0", "1970-01-01T00:00:00.009,2,6.0", "1970-01-01T00:00:00.018,1,4.0"];

    public static IEnumerable<ItceCase> All()
    {
        yield return new ItceCase("testWindowAggregateOnWatermark", [Data("src", ", WATERMARK FOR ts AS ts - INTERVAL '0.001' SECOND")], [],
            ["SELECT TUMBLE_END(ts, INTERVAL '0.003' SECOND), COUNT(ts), SUM(b) FROM src GROUP BY TUMBLE(ts, INTERVAL '0.003' SECOND)"], Expected);
        yield return new ItceCase("testWindowAggregateOnComputedRowtime",
            [Data("src", ", rowtime AS CAST(log_ts AS TIMESTAMP(3)), WATERMARK FOR rowtime AS rowtime - INTERVAL '0.001' SECOND")], [],
            ["SELECT TUMBLE_END(rowtime, INTERVAL '0.003' SECOND), COUNT(ts), SUM(b) FROM src GROUP BY TUMBLE(rowtime, INTERVAL '0.003' SECOND)"], Expected);

        // Flink's test sink prints the TIMESTAMP_LTZ window end in the session zone: here a TIMESTAMP(3) sink column does.
        var ltz = new ItceSource("src1", "log_ts STRING, ts BIGINT, a INT, b DOUBLE, ltz_ts AS TO_TIMESTAMP_LTZ(ts, 3), " +
            "WATERMARK FOR ltz_ts AS ltz_ts - INTERVAL '0.001' SECOND", "I",
            Millis.Select((ms, i) => I($"1970-01-01 08:00:00.{ms:000}", (long)ms, 1, B[i])).ToArray());
        yield return new ItceCase("testWindowAggregateOnTimestampLtzWatermark", [ltz],
            ["CREATE TABLE sink (w TIMESTAMP(3), c BIGINT, s DOUBLE) WITH ('connector' = 'itce-values')"],
            ["INSERT INTO sink SELECT TUMBLE_END(ltz_ts, INTERVAL '0.003' SECOND), COUNT(ts), SUM(b) FROM src1 GROUP BY TUMBLE(ltz_ts, INTERVAL '0.003' SECOND)"],
            ["1970-01-01T08:00:00.003,2,3.0", "1970-01-01T08:00:00.006,2,7.0", "1970-01-01T08:00:00.009,2,6.0", "1970-01-01T08:00:00.018,1,4.0"])
        {
            Check = ItceCheck.Sink, Sink = "sink", Settings = [("table.local-time-zone", "Asia/Shanghai")],
        };
    }
}
