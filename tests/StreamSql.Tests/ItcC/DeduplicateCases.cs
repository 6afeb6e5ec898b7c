using static StreamSql.Tests.ItcC.ItcData;

namespace StreamSql.Tests.ItcC;

/// <summary>Flink's <c>DeduplicateITCase</c>. Its <c>*WithoutAllChangelogOnRowtime</c> cases (mini-batch with
/// <c>table.exec.deduplicate.mini-batch.compact-changes-enabled</c>) are not run: which changes a bundle compacts
/// depends on Flink's bundle boundaries.</summary>
internal static class DeduplicateCases
{
    private static readonly object?[][] RowtimeTestData =
    [
        [1, 1L, "Hi"], [1, 3L, "Hello"], [1, 2L, "Hello world"], [2, 3L, "I am fine."],
        [2, 6L, "Comment#1"], [3, 5L, "Comment#2"], [3, 4L, "Comment#2"], [4, 4L, "Comment#3"],
    ];

    private static string Dedup(string columns, string partition, string order) =>
        $"SELECT {columns} FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY {partition} ORDER BY {order}) as rowNum FROM T) WHERE rowNum = 1";

    public static IEnumerable<ItcCase> All()
    {
        string[] firstOnProctime = ["1,1,Hi", "2,2,Hello", "4,3,Hello world, how are you?", "7,4,Comment#1", "11,5,Comment#5", "16,6,Comment#10"];
        string[] lastOnProctime = ["1,1,Hi", "3,2,Hello world", "6,3,Luke Skywalker", "10,4,Comment#4", "15,5,Comment#9", "21,6,Comment#15"];
        yield return new("Deduplicate.testFirstRowOnProctime", [Tuple3("T", TupleData3, extra: Proctime)],
            Dedup("a, b, c", "b", "proctime"), firstOnProctime);
        yield return new("Deduplicate.testFirstRowOnBuiltinProctime", [Tuple3("T", TupleData3)],
            Dedup("a, b, c", "b", "proctime()"), firstOnProctime);
        yield return new("Deduplicate.testLastRowOnProctime", [Tuple3("T", TupleData3, extra: Proctime)],
            Dedup("a, b, c", "b", "proctime DESC"), lastOnProctime);
        yield return new("Deduplicate.testLastRowOnBuiltinProctime", [Tuple3("T", TupleData3)],
            Dedup("a, b, c", "b", "proctime() DESC"), lastOnProctime);
        yield return new("Deduplicate.testFirstRowOnRowtime", [Tuple3("T", RowtimeTestData, extra: RowtimeFrom("b"))],
            Dedup("a, b, c, rowtime", "a", "rowtime"),
            [
                "+I(1,1,Hi,1970-01-01T00:00:00.001)", "+I(2,3,I am fine.,1970-01-01T00:00:00.003)",
                "+I(3,5,Comment#2,1970-01-01T00:00:00.005)", "-U(3,5,Comment#2,1970-01-01T00:00:00.005)",
                "+U(3,4,Comment#2,1970-01-01T00:00:00.004)", "+I(4,4,Comment#3,1970-01-01T00:00:00.004)",
            ]) { Result = ItcResult.Raw, AlsoInBatches = false };
        yield return new("Deduplicate.testFirstRowOnRowTimeFollowedByUnboundedAgg", [Tuple3("T", RowtimeTestData, extra: RowtimeFrom("b"))],
            $"SELECT COUNT(b) FROM ({Dedup("a, b, c, rowtime", "b", "rowtime")})", ["6"]);
        yield return new("Deduplicate.testLastRowOnRowtime", [Tuple3("T", RowtimeTestData, extra: RowtimeFrom("b"))],
            Dedup("a, b, c, rowtime", "b", "rowtime DESC"),
            [
                "+I(1,1,Hi,1970-01-01T00:00:00.001)", "+I(1,3,Hello,1970-01-01T00:00:00.003)",
                "+I(1,2,Hello world,1970-01-01T00:00:00.002)", "-U(1,3,Hello,1970-01-01T00:00:00.003)",
                "+U(2,3,I am fine.,1970-01-01T00:00:00.003)", "+I(2,6,Comment#1,1970-01-01T00:00:00.006)",
                "+I(3,5,Comment#2,1970-01-01T00:00:00.005)", "+I(3,4,Comment#2,1970-01-01T00:00:00.004)",
                "-U(3,4,Comment#2,1970-01-01T00:00:00.004)", "+U(4,4,Comment#3,1970-01-01T00:00:00.004)",
            ]) { Result = ItcResult.Raw, AlsoInBatches = false };
        yield return new("Deduplicate.testLastRowOnRowTimeFollowedByUnboundedAgg", [Tuple3("T", RowtimeTestData, extra: RowtimeFrom("b"))],
            $"SELECT COUNT(b) FROM ({Dedup("a, b, c, rowtime", "b", "rowtime DESC")})", ["6"]);
    }
}
