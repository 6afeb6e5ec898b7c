using StreamSql.Tests.ItcC;

namespace StreamSql.Tests.ItcD;

/// <summary>Flink's streaming <c>TimestampITCase</c>: every case (GROUP BY, COUNT DISTINCT, MAX/MIN with and without
/// retraction over TIMESTAMP(9) and TIMESTAMP_LTZ(9), whose nanoseconds must survive state and output).</summary>
internal static class TimestampCases
{
    /// <summary>Table T of the case's <c>before()</c>: d is the rowtime attribute; e is c read as UTC.</summary>
    private static ItcTable T => new("T",
        "a INT, b BIGINT, c TIMESTAMP(9), d TIMESTAMP(3), e TIMESTAMP_LTZ(9), WATERMARK FOR d AS d",
        ["a", "b", "c", "d", "e"],
        [
            [1, 1L, "1969-01-01 00:00:00.123456789", "1969-01-01 00:00:00.123", "1969-01-01 00:00:00.123456789Z"],
            [2, 2L, "1970-01-01 00:00:00.123456", "1970-01-01 00:00:00.123", "1970-01-01 00:00:00.123456Z"],
            [3, 2L, "1970-01-01 00:00:00.123456", "1970-01-01 00:00:00.123", "1970-01-01 00:00:00.123456Z"],
            [4, 4L, "1970-01-01 00:00:00.123", "1972-01-01 00:00:00", "1970-01-01 00:00:00.123Z"],
            [null, null, null, "1973-01-01 00:00:00", null],
        ]);

    public static IEnumerable<ItcCase> All()
    {
        yield return new("Timestamp.testGroupByTimestamp", [T], "SELECT COUNT(a), c FROM T GROUP BY c",
            ["0,null", "1,1969-01-01T00:00:00.123456789", "1,1970-01-01T00:00:00.123", "2,1970-01-01T00:00:00.123456"]);
        yield return new("Timestamp.testGroupByLocalZonedTimestamp", [T], "SELECT COUNT(a), e FROM T GROUP BY e",
            ["0,null", "1,1969-01-01T00:00:00.123456789Z", "1,1970-01-01T00:00:00.123Z", "2,1970-01-01T00:00:00.123456Z"]);
        yield return new("Timestamp.testCountDistinctOnTimestamp", [T], "SELECT COUNT(DISTINCT c), b FROM T GROUP BY b",
            ["0,null", "1,1", "1,2", "1,4"]);
        yield return new("Timestamp.testCountDistinctOnLocalZonedTimestamp", [T], "SELECT COUNT(DISTINCT e), b FROM T GROUP BY b",
            ["0,null", "1,1", "1,2", "1,4"]);
        yield return new("Timestamp.testMaxMinOnTimestamp", [T], "SELECT MAX(c), MIN(c), b FROM T GROUP BY b",
            [
                "1969-01-01T00:00:00.123456789,1969-01-01T00:00:00.123456789,1", "null,null,null",
                "1970-01-01T00:00:00.123456,1970-01-01T00:00:00.123456,2", "1970-01-01T00:00:00.123,1970-01-01T00:00:00.123,4",
            ]);
        yield return new("Timestamp.testMaxMinWithRetractOnTimestamp", [T],
            "SELECT MAX(y), MIN(x) FROM (SELECT b, MAX(c) AS x, MIN(c) AS y FROM T GROUP BY b, c) GROUP BY b",
            [
                "1969-01-01T00:00:00.123456789,1969-01-01T00:00:00.123456789", "1970-01-01T00:00:00.123,1970-01-01T00:00:00.123",
                "1970-01-01T00:00:00.123456,1970-01-01T00:00:00.123456", "null,null",
            ]);
    }
}
