namespace StreamSql.Tests.HuntT;

/// <summary>The <c>bid_t</c> source Flink's <c>WindowRankTestPrograms</c> and <c>WindowDeduplicateTestPrograms</c> share
/// (the item column differs between the two).</summary>
internal static class BidSource
{
    private static readonly string[] Columns = ["ts", "price", "item", "supplier_id"];

    private const string Schema = "ts STRING, price DECIMAL(10,2), item STRING, supplier_id STRING, `bid_time` AS TO_TIMESTAMP(`ts`), "
        + "`proc_time` AS PROCTIME(), WATERMARK for `bid_time` AS `bid_time` - INTERVAL '1' SECOND";

    private static readonly object?[][] After =
    [
        ["2020-04-15 08:00:21", 2.00m, "B", "supplier7"],
        ["2020-04-15 08:00:23", 1.00m, "A", "supplier4"],
        ["2020-04-15 08:00:25", 3.00m, "C", "supplier3"],
        ["2020-04-15 08:00:28", 6.00m, "A", "supplier8"],
    ];

    /// <summary>With the items of <c>WindowRankTestPrograms</c> (A C G B D B E H F) or of
    /// <c>WindowDeduplicateTestPrograms</c> (A A G A D B E B D).</summary>
    public static RestoreSource Create(string[] items) => new("bid_t", Schema,
        RestoreSource.Rows(Columns,
            ["2020-04-15 08:00:05", 4.00m, items[0], "supplier1"],
            ["2020-04-15 08:00:06", 4.00m, items[1], "supplier2"],
            ["2020-04-15 08:00:07", 2.00m, items[2], "supplier1"],
            ["2020-04-15 08:00:08", 2.00m, items[3], "supplier3"],
            ["2020-04-15 08:00:09", 5.00m, items[4], "supplier4"],
            ["2020-04-15 08:00:11", 2.00m, items[5], "supplier3"],
            ["2020-04-15 08:00:13", 1.00m, items[6], "supplier1"],
            ["2020-04-15 08:00:15", 3.00m, items[7], "supplier2"],
            ["2020-04-15 08:00:17", 6.00m, items[8], "supplier5"]),
        RestoreSource.Rows(Columns, After));

    public const string TumbleTvf = "TABLE(TUMBLE(TABLE bid_t, DESCRIPTOR(bid_time), INTERVAL '10' SECOND))";
    public const string HopTvf = "TABLE(HOP(TABLE bid_t, DESCRIPTOR(bid_time), INTERVAL '5' SECOND, INTERVAL '10' SECOND))";
    public const string CumulateTvf = "TABLE(CUMULATE(TABLE bid_t, DESCRIPTOR(bid_time), INTERVAL '5' SECOND, INTERVAL '10' SECOND))";
}
