namespace StreamSql.Tests.HuntT;

/// <summary>Flink's <c>WindowRankTestPrograms</c>: window Top-N (min and max, over a window TVF or after a window
/// aggregation; TUMBLE, HOP, CUMULATE; HOP with named arguments), stopped with a savepoint and restored.</summary>
public sealed class WindowRankRestoreTests : IDisposable
{
    private readonly string _dir = StateFixtures.TempDirectory();

    public void Dispose() => StateFixtures.Delete(_dir);

    private static readonly RestoreSource Source = BidSource.Create(["A", "C", "G", "B", "D", "B", "E", "H", "F"]);

    private const string SinkSchema = "window_start TIMESTAMP(3), window_end TIMESTAMP(3), bid_time TIMESTAMP(3), supplier_id STRING, "
        + "price DECIMAL(10,2), item STRING, row_num BIGINT";

    private const string AggSinkSchema = "window_start TIMESTAMP(3), window_end TIMESTAMP(3), supplier_id STRING, total_price DECIMAL(10,2), "
        + "cnt BIGINT, row_num BIGINT";

    private static string TopN(string order, string tvf) =>
        "INSERT INTO sink_t SELECT *\n  FROM (\n    SELECT\n         window_start,\n         window_end, \n         bid_time,\n"
        + "         supplier_id,\n         price,\n         item,\n"
        + $"         ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY price {order}) AS row_num\n"
        + $"    FROM {tvf}\n  ) WHERE row_num <= 3";

    private static string AggTopN(string order, string tvf) =>
        "INSERT INTO sink_t SELECT *\n  FROM (\n"
        + $"    SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY price {order}) as row_num\n"
        + "    FROM (\n      SELECT window_start, window_end, supplier_id, SUM(price) as price, COUNT(*) as cnt\n"
        + $"      FROM {tvf}\n      GROUP BY window_start, window_end, supplier_id\n    )\n  ) WHERE row_num <= 3";

    private Task Run(string name, string sinkSchema, string sql, string[] before, string[] after) =>
        RestoreProgramRunner.RunAsync(new RestoreProgram(name, [Source], sinkSchema, sql, before, after), _dir);

    [Fact]
    public Task Window_rank_tumble_tvf_min_top_n() => Run("window-rank-tumble-tvf-min-top-n", SinkSchema, TopN("ASC", BidSource.TumbleTvf),
        [
            "+I[2020-04-15T08:00, 2020-04-15T08:00:10, 2020-04-15T08:00:07, supplier1, 2.00, G, 1]",
            "+I[2020-04-15T08:00, 2020-04-15T08:00:10, 2020-04-15T08:00:08, supplier3, 2.00, B, 2]",
            "+I[2020-04-15T08:00, 2020-04-15T08:00:10, 2020-04-15T08:00:05, supplier1, 4.00, A, 3]",
        ],
        [
            "+I[2020-04-15T08:00:10, 2020-04-15T08:00:20, 2020-04-15T08:00:13, supplier1, 1.00, E, 1]",
            "+I[2020-04-15T08:00:10, 2020-04-15T08:00:20, 2020-04-15T08:00:11, supplier3, 2.00, B, 2]",
            "+I[2020-04-15T08:00:10, 2020-04-15T08:00:20, 2020-04-15T08:00:15, supplier2, 3.00, H, 3]",
            "+I[2020-04-15T08:00:20, 2020-04-15T08:00:30, 2020-04-15T08:00:23, supplier4, 1.00, A, 1]",
            "+I[2020-04-15T08:00:20, 2020-04-15T08:00:30, 2020-04-15T08:00:21, supplier7, 2.00, B, 2]",
            "+I[2020-04-15T08:00:20, 2020-04-15T08:00:30, 2020-04-15T08:00:25, supplier3, 3.00, C, 3]",
        ]);

    [Fact]
    public Task Window_rank_tumble_tvf_agg_min_top_n() => Run("window-rank-tumble-tvf-agg-min-top-n", AggSinkSchema, AggTopN("ASC", BidSource.TumbleTvf),
        [
            "+I[2020-04-15T08:00, 2020-04-15T08:00:10, supplier3, 2.00, 1, 1]",
            "+I[2020-04-15T08:00, 2020-04-15T08:00:10, supplier2, 4.00, 1, 2]",
            "+I[2020-04-15T08:00, 2020-04-15T08:00:10, supplier4, 5.00, 1, 3]",
        ],
        [
            "+I[2020-04-15T08:00:10, 2020-04-15T08:00:20, supplier1, 1.00, 1, 1]",
            "+I[2020-04-15T08:00:10, 2020-04-15T08:00:20, supplier3, 2.00, 1, 2]",
            "+I[2020-04-15T08:00:10, 2020-04-15T08:00:20, supplier2, 3.00, 1, 3]",
            "+I[2020-04-15T08:00:20, 2020-04-15T08:00:30, supplier4, 1.00, 1, 1]",
            "+I[2020-04-15T08:00:20, 2020-04-15T08:00:30, supplier7, 2.00, 1, 2]",
            "+I[2020-04-15T08:00:20, 2020-04-15T08:00:30, supplier3, 3.00, 1, 3]",
        ]);

    [Fact]
    public Task Window_rank_tumble_tvf_max_top_n() => Run("window-rank-tumble-tvf-max-top-n", SinkSchema, TopN("DESC", BidSource.TumbleTvf),
        [
            "+I[2020-04-15T08:00, 2020-04-15T08:00:10, 2020-04-15T08:00:09, supplier4, 5.00, D, 1]",
            "+I[2020-04-15T08:00, 2020-04-15T08:00:10, 2020-04-15T08:00:05, supplier1, 4.00, A, 2]",
            "+I[2020-04-15T08:00, 2020-04-15T08:00:10, 2020-04-15T08:00:06, supplier2, 4.00, C, 3]",
        ],
        [
            "+I[2020-04-15T08:00:10, 2020-04-15T08:00:20, 2020-04-15T08:00:17, supplier5, 6.00, F, 1]",
            "+I[2020-04-15T08:00:10, 2020-04-15T08:00:20, 2020-04-15T08:00:15, supplier2, 3.00, H, 2]",
            "+I[2020-04-15T08:00:10, 2020-04-15T08:00:20, 2020-04-15T08:00:11, supplier3, 2.00, B, 3]",
            "+I[2020-04-15T08:00:20, 2020-04-15T08:00:30, 2020-04-15T08:00:28, supplier8, 6.00, A, 1]",
            "+I[2020-04-15T08:00:20, 2020-04-15T08:00:30, 2020-04-15T08:00:25, supplier3, 3.00, C, 2]",
            "+I[2020-04-15T08:00:20, 2020-04-15T08:00:30, 2020-04-15T08:00:21, supplier7, 2.00, B, 3]",
        ]);

    [Fact]
    public Task Window_rank_tumble_tvf_agg_max_top_n() => Run("window-rank-tumble-tvf-agg-max-top-n", AggSinkSchema, AggTopN("DESC", BidSource.TumbleTvf),
        [
            "+I[2020-04-15T08:00, 2020-04-15T08:00:10, supplier1, 6.00, 2, 1]",
            "+I[2020-04-15T08:00, 2020-04-15T08:00:10, supplier4, 5.00, 1, 2]",
            "+I[2020-04-15T08:00, 2020-04-15T08:00:10, supplier2, 4.00, 1, 3]",
        ],
        [
            "+I[2020-04-15T08:00:10, 2020-04-15T08:00:20, supplier5, 6.00, 1, 1]",
            "+I[2020-04-15T08:00:10, 2020-04-15T08:00:20, supplier2, 3.00, 1, 2]",
            "+I[2020-04-15T08:00:10, 2020-04-15T08:00:20, supplier3, 2.00, 1, 3]",
            "+I[2020-04-15T08:00:20, 2020-04-15T08:00:30, supplier8, 6.00, 1, 1]",
            "+I[2020-04-15T08:00:20, 2020-04-15T08:00:30, supplier3, 3.00, 1, 2]",
            "+I[2020-04-15T08:00:20, 2020-04-15T08:00:30, supplier7, 2.00, 1, 3]",
        ]);

    [Fact]
    public Task Window_rank_hop_tvf_min_top_n() => Run("window-rank-hop-tvf-min-top-n", SinkSchema, TopN("ASC", BidSource.HopTvf),
        [
            "+I[2020-04-15T08:00, 2020-04-15T08:00:10, 2020-04-15T08:00:07, supplier1, 2.00, G, 1]",
            "+I[2020-04-15T08:00, 2020-04-15T08:00:10, 2020-04-15T08:00:08, supplier3, 2.00, B, 2]",
            "+I[2020-04-15T08:00, 2020-04-15T08:00:10, 2020-04-15T08:00:05, supplier1, 4.00, A, 3]",
            "+I[2020-04-15T08:00:05, 2020-04-15T08:00:15, 2020-04-15T08:00:13, supplier1, 1.00, E, 1]",
            "+I[2020-04-15T08:00:05, 2020-04-15T08:00:15, 2020-04-15T08:00:07, supplier1, 2.00, G, 2]",
            "+I[2020-04-15T08:00:05, 2020-04-15T08:00:15, 2020-04-15T08:00:08, supplier3, 2.00, B, 3]",
        ],
        [
            "+I[2020-04-15T08:00:10, 2020-04-15T08:00:20, 2020-04-15T08:00:13, supplier1, 1.00, E, 1]",
            "+I[2020-04-15T08:00:10, 2020-04-15T08:00:20, 2020-04-15T08:00:11, supplier3, 2.00, B, 2]",
            "+I[2020-04-15T08:00:10, 2020-04-15T08:00:20, 2020-04-15T08:00:15, supplier2, 3.00, H, 3]",
            "+I[2020-04-15T08:00:15, 2020-04-15T08:00:25, 2020-04-15T08:00:23, supplier4, 1.00, A, 1]",
            "+I[2020-04-15T08:00:15, 2020-04-15T08:00:25, 2020-04-15T08:00:21, supplier7, 2.00, B, 2]",
            "+I[2020-04-15T08:00:15, 2020-04-15T08:00:25, 2020-04-15T08:00:15, supplier2, 3.00, H, 3]",
            "+I[2020-04-15T08:00:20, 2020-04-15T08:00:30, 2020-04-15T08:00:23, supplier4, 1.00, A, 1]",
            "+I[2020-04-15T08:00:20, 2020-04-15T08:00:30, 2020-04-15T08:00:21, supplier7, 2.00, B, 2]",
            "+I[2020-04-15T08:00:20, 2020-04-15T08:00:30, 2020-04-15T08:00:25, supplier3, 3.00, C, 3]",
            "+I[2020-04-15T08:00:25, 2020-04-15T08:00:35, 2020-04-15T08:00:25, supplier3, 3.00, C, 1]",
            "+I[2020-04-15T08:00:25, 2020-04-15T08:00:35, 2020-04-15T08:00:28, supplier8, 6.00, A, 2]",
        ]);

    [Fact]
    public Task Window_rank_cumulate_tvf_min_top_n() => Run("window-rank-cumulate-tvf-min-top-n", SinkSchema, TopN("ASC", BidSource.CumulateTvf),
        [
            "+I[2020-04-15T08:00, 2020-04-15T08:00:10, 2020-04-15T08:00:07, supplier1, 2.00, G, 1]",
            "+I[2020-04-15T08:00, 2020-04-15T08:00:10, 2020-04-15T08:00:08, supplier3, 2.00, B, 2]",
            "+I[2020-04-15T08:00, 2020-04-15T08:00:10, 2020-04-15T08:00:05, supplier1, 4.00, A, 3]",
            "+I[2020-04-15T08:00:10, 2020-04-15T08:00:15, 2020-04-15T08:00:13, supplier1, 1.00, E, 1]",
            "+I[2020-04-15T08:00:10, 2020-04-15T08:00:15, 2020-04-15T08:00:11, supplier3, 2.00, B, 2]",
        ],
        [
            "+I[2020-04-15T08:00:10, 2020-04-15T08:00:20, 2020-04-15T08:00:13, supplier1, 1.00, E, 1]",
            "+I[2020-04-15T08:00:10, 2020-04-15T08:00:20, 2020-04-15T08:00:11, supplier3, 2.00, B, 2]",
            "+I[2020-04-15T08:00:10, 2020-04-15T08:00:20, 2020-04-15T08:00:15, supplier2, 3.00, H, 3]",
            "+I[2020-04-15T08:00:20, 2020-04-15T08:00:25, 2020-04-15T08:00:23, supplier4, 1.00, A, 1]",
            "+I[2020-04-15T08:00:20, 2020-04-15T08:00:25, 2020-04-15T08:00:21, supplier7, 2.00, B, 2]",
            "+I[2020-04-15T08:00:20, 2020-04-15T08:00:30, 2020-04-15T08:00:23, supplier4, 1.00, A, 1]",
            "+I[2020-04-15T08:00:20, 2020-04-15T08:00:30, 2020-04-15T08:00:21, supplier7, 2.00, B, 2]",
            "+I[2020-04-15T08:00:20, 2020-04-15T08:00:30, 2020-04-15T08:00:25, supplier3, 3.00, C, 3]",
        ]);

    /// <summary>Not a restore program (<c>producedValues</c>: one run): here all of it is produced after the restore, so
    /// the bounded run's final watermark fires both HOP windows of the one row.</summary>
    [Fact]
    public Task Window_rank_hop_tvf_named_min_top_1() => RestoreProgramRunner.RunAsync(new RestoreProgram("window-rank-hop-tvf-named-min-top-n",
        [new RestoreSource("bid_t", "ts STRING, price DECIMAL(10,2), supplier_id STRING, `bid_time` AS TO_TIMESTAMP(`ts`), "
            + "WATERMARK for `bid_time` AS `bid_time` - INTERVAL '1' SECOND",
            [], RestoreSource.Rows(["ts", "price", "supplier_id"], ["2020-04-15 08:00:05", 4.00m, "supplier1"]))],
        "bid_time TIMESTAMP(3), supplier_id STRING",
        "INSERT INTO sink_t(bid_time, supplier_id) SELECT bid_time, supplier_id\n  FROM (\n    SELECT\n         bid_time,\n"
        + "         supplier_id,\n         ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY price ASC) AS row_num\n"
        + "    FROM TABLE(HOP(\n      DATA => TABLE bid_t,\n      TIMECOL => DESCRIPTOR(`bid_time`),\n      SLIDE => INTERVAL '5' SECOND,\n"
        + "      SIZE => INTERVAL '10' SECOND))\n  ) WHERE row_num <= 3",
        [], ["+I[2020-04-15T08:00:05, supplier1]", "+I[2020-04-15T08:00:05, supplier1]"]), _dir);
}
