using static StreamSql.Tests.ItcA.ItcAData;

namespace StreamSql.Tests.ItcA;

/// <summary>The SQL cases of Flink's <c>AggregateRemoveITCase</c> (aggregates on unique keys that Flink's planner removes)
/// with its tables T, <c>smallTupleData3</c> and <c>smallTupleData5</c>.</summary>
internal static class AggregateRemoveItCases
{
    private static ItTable[] Tables() =>
    [
        Table("T", "a INT, b INT, c STRING, d STRING", [2, 1, "A", null], [3, 2, "A", "Hi"], [5, 2, "B", "Hello"], [6, 3, "C", "Hello world"]),
        Table("MyTable", "a INT, b BIGINT, c STRING", [1, 1L, "Hi"], [2, 2L, "Hello"], [3, 2L, "Hello world"]),
        Table("MyTable2", "a INT, b BIGINT, c INT, d STRING, e BIGINT", [1, 1L, 0, "Hallo", 1L], [2, 2L, 1, "Hallo Welt", 2L], [2, 3L, 2, "Hallo Welt wie", 1L]),
    ];

    private static ItCase Case(string name, string query, params string[] expected) => new($"AggregateRemove.{name}", Tables(), query, expected);

    public static IEnumerable<ItCase> All()
    {
        yield return Case("testSimple_1", "SELECT a, b FROM T GROUP BY a, b", "2,1", "3,2", "5,2", "6,3");
        yield return Case("testSimple_2", "SELECT a, b + 1, c, s FROM (SELECT a, MIN(b) AS b, SUM(b) AS s, MAX(c) AS c FROM MyTable2 GROUP BY a)",
            "1,2,0,1", "2,3,2,5");
        yield return Case("testSimple_3", "SELECT a, SUM(b) AS s FROM MyTable2 GROUP BY a", "1,1", "2,5");
        yield return Case("testSimple_4", "SELECT a, b + 1, c, s FROM (SELECT a, MIN(b) AS b, SUM(b) AS s, MAX(c) AS c FROM MyTable GROUP BY a)",
            "1,2,Hi,1", "2,3,Hello,2", "3,3,Hello world,2");
        yield return Case("testWithGroupingSets_1", "SELECT a, b, c, COUNT(d) FROM T GROUP BY GROUPING SETS ((a, b), (a, c))",
            "2,1,null,0", "2,null,A,0", "3,2,null,1", "3,null,A,1", "5,2,null,1", "5,null,B,1", "6,3,null,1", "6,null,C,1");
        yield return Case("testWithGroupingSets_2", "SELECT a, c, COUNT(d) FROM T GROUP BY GROUPING SETS ((a, c), (a), ())",
            "2,A,0", "2,null,0", "3,A,1", "3,null,1", "5,B,1", "5,null,1", "6,C,1", "6,null,1", "null,null,3");
        yield return Case("testWithGroupingSets_3", "SELECT a, b, c, COUNT(d) FROM T GROUP BY GROUPING SETS ((a, b, c), (a, b, d))",
            "2,1,A,0", "2,1,null,0", "3,2,A,1", "3,2,null,1", "5,2,B,1", "5,2,null,1", "6,3,C,1", "6,3,null,1");
        yield return Case("testWithRollup_1", "SELECT a, b, c, COUNT(d) FROM T GROUP BY ROLLUP (a, b, c)",
            "2,1,A,0", "2,1,null,0", "2,null,null,0", "3,2,A,1", "3,2,null,1", "3,null,null,1", "5,2,B,1", "5,2,null,1", "5,null,null,1",
            "6,3,C,1", "6,3,null,1", "6,null,null,1", "null,null,null,3");
        yield return Case("testWithCube_1", "SELECT a, b, c, COUNT(d) FROM T GROUP BY CUBE (a, b, c)",
            "2,1,A,0", "2,1,null,0", "2,null,A,0", "2,null,null,0", "3,2,A,1", "3,2,null,1", "3,null,A,1", "3,null,null,1", "5,2,B,1",
            "5,2,null,1", "5,null,B,1", "5,null,null,1", "6,3,C,1", "6,3,null,1", "6,null,C,1", "6,null,null,1", "null,1,A,0", "null,1,null,0",
            "null,2,A,1", "null,2,B,1", "null,2,null,2", "null,3,C,1", "null,3,null,1", "null,null,A,1", "null,null,B,1", "null,null,C,1",
            "null,null,null,3");
        yield return Case("testWithCube_2", "SELECT b, c, e, SUM(a), MAX(d) FROM MyTable2 GROUP BY CUBE (b, c, e)",
            "null,null,null,5,Hallo Welt wie", "null,null,1,3,Hallo Welt wie", "null,null,2,2,Hallo Welt", "null,0,null,1,Hallo", "null,0,1,1,Hallo",
            "null,1,null,2,Hallo Welt", "null,1,2,2,Hallo Welt", "null,2,null,2,Hallo Welt wie", "null,2,1,2,Hallo Welt wie", "1,null,null,1,Hallo",
            "1,null,1,1,Hallo", "1,0,null,1,Hallo", "1,0,1,1,Hallo", "2,null,null,2,Hallo Welt", "2,null,2,2,Hallo Welt", "2,1,null,2,Hallo Welt",
            "2,1,2,2,Hallo Welt", "3,null,null,2,Hallo Welt wie", "3,null,1,2,Hallo Welt wie", "3,2,null,2,Hallo Welt wie", "3,2,1,2,Hallo Welt wie");
        yield return Case("testSingleDistinctAgg_1", "SELECT a, COUNT(DISTINCT c) FROM T GROUP BY a", "2,1", "3,1", "5,1", "6,1");
        yield return Case("testSingleDistinctAgg_2", "SELECT a, b, COUNT(DISTINCT c) FROM T GROUP BY a, b", "2,1,1", "3,2,1", "5,2,1", "6,3,1");
        yield return Case("testSingleDistinctAgg_3", "SELECT a, b, COUNT(DISTINCT c), COUNT(DISTINCT d) FROM T GROUP BY a, b",
            "2,1,1,0", "3,2,1,1", "5,2,1,1", "6,3,1,1");
        yield return Case("testSingleDistinctAgg_WithNonDistinctAgg_1", "SELECT a, COUNT(DISTINCT c), SUM(b) FROM T GROUP BY a", "2,1,1", "3,1,2", "5,1,2", "6,1,3");
        yield return Case("testSingleDistinctAgg_WithNonDistinctAgg_2", "SELECT a, c, COUNT(DISTINCT c), SUM(b) FROM T GROUP BY a, c",
            "2,A,1,1", "3,A,1,2", "5,B,1,2", "6,C,1,3");
        yield return Case("testSingleDistinctAgg_WithNonDistinctAgg_3", "SELECT a, d, COUNT(DISTINCT c), SUM(b) FROM T GROUP BY a, d",
            "2,null,1,1", "3,Hi,1,2", "5,Hello,1,2", "6,Hello world,1,3");
        yield return Case("testMultiDistinctAggs_1", "SELECT a, COUNT(DISTINCT b), SUM(DISTINCT b) FROM T GROUP BY a", "2,1,1", "3,1,2", "5,1,2", "6,1,3");
        yield return Case("testMultiDistinctAggs_2", "SELECT a, d, COUNT(DISTINCT c), SUM(DISTINCT b) FROM T GROUP BY a, d",
            "2,null,1,1", "3,Hi,1,2", "5,Hello,1,2", "6,Hello world,1,3");
        yield return Case("testMultiDistinctAggs_3", "SELECT a, SUM(DISTINCT b), MAX(DISTINCT b), MIN(DISTINCT c) FROM T GROUP BY a",
            "2,1,1,A", "3,2,2,A", "5,2,2,B", "6,3,3,C");
        yield return Case("testMultiDistinctAggs_4", "SELECT a, d, COUNT(DISTINCT c), MAX(DISTINCT b), SUM(b) FROM T GROUP BY a, d",
            "2,null,1,1,1", "3,Hi,1,2,2", "5,Hello,1,2,2", "6,Hello world,1,3,3");
        yield return new ItCase("AggregateRemove.testAggregateRemove",
            [Table("T1", "a INT, b INT", [1, 1], [2, 2], [3, 3], [4, 2], [4, 4], [6, 2])],
            "select sum(b) from (select b from (select b, sum(a) from (select b, sum(a) as a from T1 group by b) t1 group by b) t2 ) t3", ["10"]);
    }
}
