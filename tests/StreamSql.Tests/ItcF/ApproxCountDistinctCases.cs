using StreamSql.Tests.ItcE;
using static StreamSql.Tests.HuntS.RestoreProgram;

namespace StreamSql.Tests.ItcF;

/// <summary>
/// Flink's Java <c>StreamApproxCountDistinctITCase</c>: APPROX_COUNT_DISTINCT over TUMBLE, HOP and CUMULATE window table
/// functions (a watermark 1 s behind the event time), exact on small sets, NULLs ignored. Flink's HOP and CUMULATE cases
/// only assert their windows are there and non-negative; here they are held to the distinct counts (HLL++ is exact on
/// sets this small). The tumbling case's trailing <c>ORDER BY window_start</c> is left out: window_start is not a time
/// attribute after the aggregation, which the engine refuses as Flink's StreamPhysicalSortRule does without
/// <c>table.exec.non-temporal-sort.enabled</c>; the rows are compared sorted anyway. Its 10,000-user precision case is <see cref="ItcFTests.Approx_count_distinct_is_within_two_percent_on_ten_thousand_users"/>.
/// </summary>
internal static class ApproxCountDistinctCases
{
    private static DateTime At(int second) => new DateTime(2024, 1, 1).AddSeconds(second);

    private static ItceSource Source(string name, string valueColumn, params object?[][] rows) =>
        new(name, $"id INT, {valueColumn}, event_time TIMESTAMP(3), WATERMARK FOR event_time AS event_time - INTERVAL '1' SECOND", "I",
            rows.Select(r => I(r)).ToArray());

    private static readonly ItceSource TestSource = Source("test_source", "user_id STRING",
        [1, "user_a", At(1)], [2, "user_a", At(2)], [3, "user_b", At(3)], [4, "user_c", At(4)], [5, "user_a", At(6)], [6, "user_d", At(7)],
        [7, "user_d", At(8)], [8, "user_e", At(11)], [9, "user_f", At(12)], [10, "user_g", At(13)], [11, "user_h", At(14)]);

    private static string Windowed(string table, string column, string tvf) =>
        $"SELECT window_start, window_end, APPROX_COUNT_DISTINCT({column}) AS approx_uv FROM TABLE({tvf.Replace("$t", $"TABLE {table}")}) GROUP BY window_start, window_end";

    private static ItceCase Case(string name, ItceSource source, string sql, params string[] expected) => new(name, [source], [], [sql], expected);

    public static IEnumerable<ItceCase> All()
    {
        yield return Case("testApproxCountDistinctWithTumbleWindow", TestSource,
            Windowed("test_source", "user_id", "TUMBLE($t, DESCRIPTOR(event_time), INTERVAL '5' SECOND)"),
            "2024-01-01T00:00,2024-01-01T00:00:05,3", "2024-01-01T00:00:05,2024-01-01T00:00:10,2", "2024-01-01T00:00:10,2024-01-01T00:00:15,4");
        yield return Case("testApproxCountDistinctWithHopWindow", TestSource,
            Windowed("test_source", "user_id", "HOP($t, DESCRIPTOR(event_time), INTERVAL '5' SECOND, INTERVAL '10' SECOND)"),
            "2023-12-31T23:59:55,2024-01-01T00:00:05,3", "2024-01-01T00:00,2024-01-01T00:00:10,4", "2024-01-01T00:00:05,2024-01-01T00:00:15,6",
            "2024-01-01T00:00:10,2024-01-01T00:00:20,4");
        yield return Case("testApproxCountDistinctWithCumulateWindow", TestSource,
            Windowed("test_source", "user_id", "CUMULATE($t, DESCRIPTOR(event_time), INTERVAL '5' SECOND, INTERVAL '15' SECOND)"),
            "2024-01-01T00:00,2024-01-01T00:00:05,3", "2024-01-01T00:00,2024-01-01T00:00:10,4", "2024-01-01T00:00,2024-01-01T00:00:15,8");
        yield return Case("testApproxCountDistinctWithDifferentDataTypes",
            Source("int_source", "value_int INT", [1, 100, At(1)], [2, 100, At(2)], [3, 200, At(3)], [4, 300, At(4)]),
            Windowed("int_source", "value_int", "TUMBLE($t, DESCRIPTOR(event_time), INTERVAL '10' SECOND)"), "2024-01-01T00:00,2024-01-01T00:00:10,3");
        yield return Case("testApproxCountDistinctWithNullValues",
            Source("null_source", "user_id STRING", [1, "user_a", At(1)], [2, null, At(2)], [3, "user_b", At(3)], [4, null, At(4)], [5, "user_a", At(5)]),
            Windowed("null_source", "user_id", "TUMBLE($t, DESCRIPTOR(event_time), INTERVAL '10' SECOND)"), "2024-01-01T00:00,2024-01-01T00:00:10,2");
    }

    /// <summary><c>testApproxCountDistinctPrecision</c>'s source: 10,000 users spread over a minute.</summary>
    public static ItceCase Precision() =>
        Case("testApproxCountDistinctPrecision",
            Source("large_source", "user_id STRING", [.. Enumerable.Range(0, 10_000).Select(i => new object?[] { i, $"user_{i}", At(i % 60) })]),
            "SELECT APPROX_COUNT_DISTINCT(user_id) AS approx_uv FROM TABLE(TUMBLE(TABLE large_source, DESCRIPTOR(event_time), INTERVAL '2' MINUTE)) GROUP BY window_start, window_end");
}
