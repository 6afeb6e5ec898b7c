using static StreamSql.Tests.ItcA.ItcAData;

namespace StreamSql.Tests.ItcA;

/// <summary>The SQL cases of Flink's <c>PruneAggregateCallITCase</c> over <c>TestData.smallTupleData3</c> (its EXISTS cases
/// are disabled in Flink too).</summary>
internal static class PruneAggregateCallItCases
{
    private static ItTable MyTable() => Table("MyTable", "a INT, b BIGINT, c STRING", [1, 1L, "Hi"], [2, 2L, "Hello"], [3, 2L, "Hello world"]);

    private static ItCase Case(string name, string query, params string[] expected) => new($"Prune.{name}", [MyTable()], query, expected);

    public static IEnumerable<ItCase> All()
    {
        yield return Case("testNoneEmptyGroupKey_1", "SELECT a FROM (SELECT b, MAX(a) AS a, COUNT(*), MAX(c) FROM MyTable GROUP BY b) t", "1", "3");
        yield return Case("testNoneEmptyGroupKey_2", "SELECT c, a FROM (SELECT a, c, COUNT(b) as b, SUM(b) as s FROM MyTable GROUP BY a, c) t WHERE s > 1",
            "Hello world,3", "Hello,2");
        yield return Case("testEmptyGroupKey_1", "SELECT 1 FROM (SELECT SUM(a) FROM MyTable) t", "1");
        yield return Case("testEmptyGroupKey_2", "SELECT 1 FROM (SELECT SUM(a), COUNT(*) FROM MyTable) t", "1");
        yield return Case("testEmptyGroupKey_3", "SELECT 1 FROM (SELECT COUNT(*), SUM(a) FROM MyTable) t", "1");
    }
}
