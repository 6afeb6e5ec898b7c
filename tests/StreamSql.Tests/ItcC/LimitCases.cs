namespace StreamSql.Tests.ItcC;

/// <summary>Flink's <c>LimitITCase</c> and <c>SortLimitITCase</c>: every case.</summary>
internal static class LimitCases
{
    private static ItcTable Shops => new("T", "category STRING, shopId INT, num INT", ["category", "shopId", "num"],
        [["book", 1, 12], ["book", 2, 19], ["book", 4, 11], ["fruit", 4, 33], ["fruit", 3, 44], ["fruit", 5, 22]]);

    private static ItcTable Pairs => new("T", "a INT, b INT", ["a", "b"],
        [[1, 1], [1, 2], [1, 3], [2, 2], [2, 3], [2, 4], [3, 3], [3, 4], [3, 5]]);

    public static IEnumerable<ItcCase> All()
    {
        yield return new("Limit.testLimit", [Shops], "SELECT * FROM T LIMIT 4", ["book,1,12", "book,2,19", "book,4,11", "fruit,4,33"]);
        yield return new("Limit.testOffsetAndFetch", [Shops], "SELECT * FROM T LIMIT 4 OFFSET 2", ["book,4,11", "fruit,4,33", "fruit,3,44", "fruit,5,22"]);
        yield return new("Limit.testWithoutFetch", [Shops], "SELECT * FROM T OFFSET 2", [])
        {
            ExpectedError = "FETCH is missed, which on streaming table is not supported currently.",
        };
        yield return new("SortLimit.test", [Shops], "SELECT * FROM T ORDER BY num DESC LIMIT 2", ["fruit,3,44", "fruit,4,33"]);
        yield return new("SortLimit.testRetractSortLimit", [Pairs], "SELECT a, max(b) FROM T GROUP BY a ORDER BY a LIMIT 2", ["1,3", "2,4"]);
        yield return new("SortLimit.testRetractSortLimitWithOffset", [Pairs], "SELECT a, max(b) FROM T GROUP BY a ORDER BY a LIMIT 2 OFFSET 1", ["2,4", "3,5"]);
    }
}
