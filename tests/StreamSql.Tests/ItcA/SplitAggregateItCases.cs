using static StreamSql.Tests.ItcA.ItcAData;

namespace StreamSql.Tests.ItcA;

/// <summary>The SQL cases of Flink's <c>SplitAggregateITCase</c> (its testCountDistinct is AggregateITCase's, run there);
/// the variants run them with and without <c>table.optimizer.distinct-agg.split.enabled</c>.</summary>
internal static class SplitAggregateItCases
{
    private static ItTable T() => Table("T", "a BIGINT, b INT, c STRING",
        [1L, 1, "Hello 0"], [1L, 2, "Hello 1"], [2L, 3, "Hello 1"], [3L, 5, "Hello 1"], [2L, 3, "Hello 2"], [2L, 4, "Hello 3"],
        [2L, 4, null], [2L, 5, "Hello 4"], [3L, 5, "Hello 0"], [2L, 4, "Hello 3"], [4L, 5, "Hello 2"], [2L, 4, "Hello 3"],
        [4L, 5, null], [4L, 5, "Hello 3"], [2L, 2, "Hello 0"], [4L, 6, "Hello 1"]);

    private static ItCase Case(string name, string query, params string[] expected) => new($"Split.{name}", [T()], query, expected);

    public static IEnumerable<ItCase> All()
    {
        yield return Case("testSingleDistinctAgg", "SELECT COUNT(DISTINCT c) FROM T", "5");
        yield return Case("testMultiCountDistinctAgg", "SELECT COUNT(DISTINCT b), COUNT(DISTINCT c) FROM T", "6,5");
        yield return Case("testSingleDistinctAggAndOneOrMultiNonDistinctAgg", "SELECT a, SUM(b), COUNT(DISTINCT c), avg(b) FROM T GROUP BY a",
            "1,3,2,1", "2,29,5,3", "3,10,2,5", "4,21,3,5");
        yield return Case("testSingleDistinctAggWithGroupBy", "SELECT a, COUNT(DISTINCT c) FROM T GROUP BY a", "1,2", "2,5", "3,2", "4,3");
        yield return Case("testSingleDistinctAggWithAndNonDistinctAggOnSameColumn", "SELECT a, COUNT(DISTINCT b), MAX(b), MIN(b) FROM T GROUP BY a",
            "1,2,2,1", "2,4,5,2", "3,1,5,5", "4,2,6,5");
        yield return Case("testSomeColumnsBothInDistinctAggAndGroupBy", "SELECT a, COUNT(DISTINCT a), COUNT(b) FROM T GROUP BY a",
            "1,1,2", "2,1,8", "3,1,2", "4,1,4");
        yield return Case("testAggWithFilterClause", "SELECT a, COUNT(DISTINCT b) filter (where not b = 2), MAX(b) filter (where not b = 5), " +
            "MIN(b) filter (where not b = 2) FROM T GROUP BY a", "1,1,2,1", "2,3,4,3", "3,1,null,5", "4,2,6,5");
        yield return Case("testMinMaxWithRetraction", "SELECT c, MIN(b), MAX(b), COUNT(DISTINCT a) FROM( SELECT a, COUNT(DISTINCT b) as b, " +
            "MAX(b) as c FROM T GROUP BY a ) GROUP BY c", "2,2,2,1", "5,1,4,2", "6,2,2,1");
        yield return Case("testCountWithSingleDistinctAndRetraction", "SELECT b, COUNT(DISTINCT b1), COUNT(1) FROM( SELECT a, COUNT(b) as b, " +
            "MAX(b) as b1 FROM T GROUP BY a ) GROUP BY b", "2,2,2", "4,1,1", "8,1,1");
        yield return Case("testSumCountWithSingleDistinctAndRetraction", "SELECT b, SUM(b1), COUNT(DISTINCT b1), COUNT(1) FROM( SELECT a, " +
            "COUNT(b) as b, MAX(b) as b1 FROM T GROUP BY a ) GROUP BY b", "2,7,2,2", "4,6,1,1", "8,5,1,1");
        yield return Case("testAggWithJoin", "SELECT * FROM( SELECT c, MIN(b) as b, MAX(b) as d, COUNT(DISTINCT a) as a FROM( SELECT a, " +
            "COUNT(DISTINCT b) as b, MAX(b) as c FROM T GROUP BY a ) GROUP BY c ) as T1 JOIN T ON T1.b + 2 = T.a",
            "2,2,2,1,4,5,Hello 2", "2,2,2,1,4,5,Hello 3", "2,2,2,1,4,5,null", "2,2,2,1,4,6,Hello 1", "5,1,4,2,3,5,Hello 0",
            "5,1,4,2,3,5,Hello 1", "6,2,2,1,4,5,Hello 2", "6,2,2,1,4,5,Hello 3", "6,2,2,1,4,5,null", "6,2,2,1,4,6,Hello 1");
        yield return new ItCase("Split.testUvWithRetraction",
            [Table("src", "a STRING, b STRING, c STRING", [.. Enumerable.Range(0, 1000).Select(i => new object?[] { $"{i % 10}", $"{i % 100}", $"{i}" })])],
            "SELECT a, COUNT(distinct b) as uv FROM ( SELECT a, b, last_value(c) FROM src GROUP BY a, b ) t GROUP BY a",
            [.. Enumerable.Range(0, 10).Select(i => $"{i},10")]);
        yield return new ItCase("Split.testCountDistinctWithBinaryRowSource",
            [Table("src", "a STRING, b STRING, c STRING, d STRING", [.. Enumerable.Range(0, 100).Select(i => new object?[] { "1", "1", $"{i % 50}", "1" })])],
            "SELECT a, b, COUNT(distinct c) as uv FROM ( SELECT a, b, c, d FROM src where b <> '' UNION ALL SELECT a, 'ALL' as b, c, d FROM src " +
            "where b <> '' ) t GROUP BY a, b", ["1,1,50", "1,ALL,50"]);
        yield return Case("testMultipleDistinctAggOnSameColumn", "SELECT a, COUNT(DISTINCT b), COUNT(DISTINCT b) filter (where not b = 2), " +
            "MAX(b) filter (where not b = 5), MIN(b) filter (where not b = 2) FROM T GROUP BY a",
            "1,2,1,2,1", "2,4,3,4,3", "3,1,1,null,5", "4,2,2,6,5");
    }
}
