namespace StreamSql.Tests.ItcC;

/// <summary>Flink's <c>RankITCase</c>: the cases asserting the final result (a retract sink's rows, or an upsert sink's
/// rows keyed by the partition and rank, which are the same rows). The cases asserting an upsert sink's raw changes
/// (<c>testNestedTopN</c>'s first assertion, <c>testTopNWithoutDeduplicate</c>) are not run: that changelog is the
/// one Flink's values sink keeps after dropping update-befores by the sink's primary key, which the query alone does
/// not give. <c>testTopNWithVariableTopSize</c> (<c>WHERE rank_num &lt;= topSize</c>, a column: Flink's
/// <c>VariableRankRange</c>) is not run: the engine plans a rank only with a literal bound and fails this query with
/// "OverAggregate doesn't support consuming update changes"; a known gap.</summary>
internal static class RankCases
{
    private static ItcTable Shop(string third, object?[][] rows, string thirdType = "INT", string first = "category") =>
        new("T", $"{first} STRING, shopId INT, {third} {thirdType}", [first, "shopId", third], rows);

    private static readonly object?[][] Six =
        [["book", 1, 12], ["book", 2, 19], ["book", 4, 11], ["fruit", 4, 33], ["fruit", 3, 44], ["fruit", 5, 22]];

    private static readonly object?[][] Eight =
    [
        ["book", 1, 11], ["book", 2, 19], ["book", 4, 13], ["book", 1, 11],
        ["fruit", 4, 33], ["fruit", 5, 12], ["fruit", 3, 44], ["fruit", 5, 22],
    ];

    private static readonly object?[][] Sells =
    [
        ["book", 1, 1001], ["book", 2, 1002], ["book", 4, 1003], ["book", 1, 1004], ["book", 1, 1005], ["book", 3, 1006],
        ["book", 2, 1007], ["book", 4, 1008], ["book", 1, 1009], ["book", 4, 1010], ["book", 4, 1012], ["book", 4, 1012],
        ["fruit", 4, 1013], ["fruit", 5, 1014], ["fruit", 3, 1015], ["fruit", 4, 1017], ["fruit", 5, 1018], ["fruit", 5, 1016],
    ];

    private static string TopN(string columns, string order, string from, string filter) =>
        $"SELECT * FROM (SELECT {columns}, ROW_NUMBER() OVER (PARTITION BY category ORDER BY {order}) as rank_num FROM {from}) WHERE {filter}";

    private static string SellsTopN(string filter) =>
        "SELECT category, rank_num, sells, shopId FROM (SELECT category, shopId, sells, ROW_NUMBER() OVER (PARTITION BY category ORDER BY sells DESC) as rank_num " +
        $"FROM (SELECT category, shopId, count(sellId) as sells FROM T GROUP BY category, shopId)) WHERE {filter}";

    public static IEnumerable<ItcCase> All()
    {
        yield return new("Rank.testTopN", [Shop("num", Six)], TopN("category, shopId, num", "num DESC", "T", "rank_num <= 2"),
            ["book,2,19,1", "book,1,12,2", "fruit,3,44,1", "fruit,4,33,2"]);
        yield return new("Rank.testTop1", [Shop("num", Six)], TopN("category, shopId, num", "num DESC", "T", "rank_num = 1"),
            ["book,2,19,1", "fruit,3,44,1"]);
        yield return new("Rank.testTop2", [Shop("num", Six)], TopN("category, shopId, num", "num DESC", "T", "rank_num = 2"),
            ["book,1,12,2", "fruit,4,33,2"]);
        yield return new("Rank.testTopNWithUpsertSink", [Shop("num", Six)], TopN("category, shopId, num", "num ASC", "T", "rank_num <= 2"),
            ["book,4,11,1", "book,1,12,2", "fruit,5,22,1", "fruit,4,33,2"]);
        yield return new("Rank.testTopNWithUnary",
            [Shop("num", [
                ["book", 11, 100], ["book", 11, 200], ["book", 12, 400], ["book", 12, 500], ["book", 10, 600], ["book", 10, 700],
                ["book", 9, 800], ["book", 9, 900], ["book", 10, 500], ["book", 8, 110], ["book", 8, 120], ["book", 7, 1800],
                ["book", 9, 300], ["book", 6, 1900], ["book", 7, 50], ["book", 11, 1800], ["book", 7, 50], ["book", 8, 2000],
                ["book", 6, 700], ["book", 5, 800], ["book", 4, 910], ["book", 3, 1000], ["book", 2, 1100], ["book", 1, 1200]])],
            TopN("category, shopId, num", "num ASC", "(SELECT category, shopId, sum(num) as num FROM T GROUP BY category, shopId)", "rank_num <= 3"),
            ["book,5,800,1", "book,12,900,2", "book,4,910,3"]);
        yield return new("Rank.testUnarySortTopNOnString",
            [Shop("price", [
                ["book", 11, "100"], ["book", 11, "200"], ["book", 12, "400"], ["book", 12, "600"], ["book", 10, "600"], ["book", 10, "700"],
                ["book", 9, "800"], ["book", 9, "900"], ["book", 10, "500"], ["book", 8, "110"], ["book", 8, "120"], ["book", 7, "812"],
                ["book", 9, "300"], ["book", 6, "900"], ["book", 7, "50"], ["book", 11, "800"], ["book", 7, "50"], ["book", 8, "200"],
                ["book", 6, "700"], ["book", 5, "800"], ["book", 4, "910"], ["book", 3, "110"], ["book", 2, "900"], ["book", 1, "700"]], "STRING")],
            TopN("category, shopId, max_price", "max_price ASC", "(SELECT category, shopId, max(price) as max_price FROM T GROUP BY category, shopId)", "rank_num <= 3"),
            ["book,3,110,1", "book,8,200,2", "book,12,600,3"]);
        const string summed = "(SELECT category, shopId, sum(num) as num FROM T GROUP BY category, shopId)";
        yield return new("Rank.testTopNWithGroupBy", [Shop("num", Eight)], TopN("category, shopId, num", "num DESC", summed, "rank_num <= 2"),
            ["book,1,22,1", "book,2,19,2", "fruit,3,44,1", "fruit,5,34,2"]);
        yield return new("Rank.testTopNWithSumAndCondition",
            [Shop("num", [["book", 11, 100.0], ["book", 11, 200.0], ["book", 12, 400.0], ["book", 12, 500.0], ["book", 10, 600.0], ["book", 10, 700.0]], "DOUBLE")],
            TopN("category, shopId, sum_num", "sum_num DESC",
                "(SELECT category, shopId, sum(num) as sum_num FROM T WHERE num >= cast(1.1 as double) GROUP BY category, shopId)", "rank_num <= 2"),
            ["book,10,1300.0,1", "book,12,900.0,2"]);
        yield return new("Rank.testTopNthWithGroupBy", [Shop("num", Eight)], TopN("category, shopId, num", "num DESC", summed, "rank_num = 2"),
            ["book,2,19,2", "fruit,5,34,2"]);
        const string counted = "(SELECT category, shopId, sum(num) as num, count(num) as cnt FROM T GROUP BY category, shopId)";
        yield return new("Rank.testTopNWithGroupByAndRetract", [Shop("num", Eight)],
            TopN("category, shopId, num, cnt", "num DESC, cnt ASC", counted, "rank_num <= 2"),
            ["book,1,22,2,1", "book,2,19,1,2", "fruit,3,44,1,1", "fruit,5,34,2,2"]);
        yield return new("Rank.testTopNthWithGroupByAndRetract", [Shop("num", Eight)],
            TopN("category, shopId, num, cnt", "num DESC, cnt ASC", counted, "rank_num = 2"),
            ["book,2,19,1,2", "fruit,5,34,2,2"]);
        yield return new("Rank.testTopNWithGroupByCount", [Shop("sellId", Sells)], SellsTopN("rank_num <= 4"),
            ["book,1,5,4", "book,2,4,1", "book,3,2,2", "book,4,1,3", "fruit,1,3,5", "fruit,2,2,4", "fruit,3,1,3"]);
        yield return new("Rank.testTop1WithGroupByCount", [Shop("sellId", Sells)], SellsTopN("rank_num = 1"),
            ["book,1,5,4", "fruit,1,3,5"]);
        yield return new("Rank.testTop3WithGroupByCount", [Shop("sellId", Sells)], SellsTopN("rank_num = 3"),
            ["book,3,2,2", "fruit,3,1,3"]);
        yield return new("Rank.testNestedTopN",
            [new ItcTable("T", "cate STRING, shopId STRING, sells INT", ["cate", "shopId", "sells"],
            [
                ["book", "a", 1], ["book", "b", 1], ["book", "c", 1], ["fruit", "a", 2], ["book", "a", 1], ["book", "d", 0],
                ["book", "b", 3], ["fruit", "b", 6], ["book", "c", 1], ["book", "e", 5], ["book", "d", 4],
            ])],
            "SELECT rank_num, cate, shopId, sells, cnt FROM (SELECT cate, shopId, sells, cnt, ROW_NUMBER() OVER (ORDER BY sells DESC) as rank_num FROM (" +
            "SELECT rank_num, cate, shopId, sells, cnt FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY cate ORDER BY sells DESC) as rank_num FROM (" +
            "SELECT cate, shopId, count(*) as cnt, max(sells) as sells FROM T GROUP BY cate, shopId)) WHERE rank_num <= 4)) WHERE rank_num <= 4",
            ["1,fruit,b,6,1", "2,book,e,5,1", "3,book,d,4,2", "4,book,b,3,2"]);
    }
}
