using StreamSql.Tests.ItcC;
using static StreamSql.Tests.ItcC.ItcData;

namespace StreamSql.Tests.ItcD;

/// <summary>Flink's streaming <c>RemoveShuffleITCase</c>: joins and aggregations keyed on the same columns, whose
/// exchanges Flink's planner may drop. Run at parallelism 3 so the exchanges that remain matter.</summary>
internal static class RemoveShuffleCases
{
    private static ItcCase Case(string name, ItcTable[] tables, string sql, string[] expected) =>
        new("RemoveShuffle." + name, tables, sql, expected) { Config = [("parallelism.default", "3")] };

    public static IEnumerable<ItcCase> All()
    {
        var t1 = Tuple3("T1", SmallTupleData3, "a1", "b1", "c1");
        var t2 = new ItcTable("T2", "a2 INT, b2 BIGINT, c2 INT, d2 STRING, e2 BIGINT", ["a2", "b2", "c2", "d2", "e2"], TupleData5);
        var t3 = Tuple3("T3", [[3, 1L, "HiHi"], [2, 1L, "HelloHello"], [3, 2L, "Hello world!"]], "a3", "b3", "c3");
        var t4 = new ItcTable("T4", "a4 INT, b4 BIGINT, c4 INT", ["a4", "b4", "c4"], [[1, 1L, 0], [1, 2L, 1], [2, 3L, 2], [3, 1L, 3], [3, 5L, 4], [3, 2L, 5]]);
        yield return Case("testMultipleInnerJoinsWithMultipleKeys", [t1, t2, t3, t4],
            "SELECT * FROM T1, T2, T3, T4 WHERE a1 = a2 AND b1 = e2 AND a2 = a3 AND b3 = e2 AND a3 = a4 AND b3 = b4",
            ["3,2,Hello world,3,4,3,Hallo Welt wie gehts?,2,3,2,Hello world!,3,2,5", "3,2,Hello world,3,5,4,ABC,2,3,2,Hello world!,3,2,5"]);
        yield return Case("testJoinWithAggs", [t1, t2],
            "SELECT * FROM (SELECT a1, SUM(b1) AS b1 FROM T1 GROUP BY a1) JOIN (SELECT a2, SUM(b2) AS b2 FROM T2 GROUP BY a2) ON a1 = a2",
            ["1,1,1,1", "2,2,2,5", "3,2,3,15"]);
        yield return Case("testAggWithJoinFromLeftKeys", [t1, t2],
            "SELECT a1, b1, COUNT(a2), SUM(b2) FROM (SELECT a1, b1, a2, b2 FROM T1 JOIN T2 ON a1 = a2 AND b1 = b2) t GROUP BY a1, b1",
            ["1,1,1,1", "2,2,1,2"]);
        yield return Case("testAggWithJoinFromRightKeys", [t1, t2],
            "SELECT a2, b2, COUNT(a1), SUM(b1) FROM (SELECT a1, b1, a2, b2 FROM T1 JOIN T2 ON a1 = a2 AND b1 = b2) t GROUP BY b2, a2",
            ["1,1,1,1", "2,2,1,2"]);
        yield return Case("testMultipleGroupAggWithSameKeys", [t1],
            "SELECT a1, count(*) FROM (SELECT a1 FROM T1 GROUP BY a1) t GROUP BY a1", ["1,1", "2,1", "3,1"]);
    }
}
