namespace StreamSql.Tests.HuntT;

/// <summary>Flink's <c>WindowDeduplicateTestPrograms</c>: window deduplication (first and last row, with and without an
/// extra partition column, the three spellings of "row_num is 1"; TUMBLE, HOP, CUMULATE), stopped with a savepoint and
/// restored.</summary>
public sealed class WindowDeduplicateRestoreTests : IDisposable
{
    private readonly string _dir = StateFixtures.TempDirectory();

    public void Dispose() => StateFixtures.Delete(_dir);

    private static readonly RestoreSource Source = BidSource.Create(["A", "A", "G", "A", "D", "B", "E", "B", "D"]);

    private const string SinkSchema = "bid_time TIMESTAMP(3), price DECIMAL(10,2), item STRING, supplier_id STRING, "
        + "window_start TIMESTAMP(3), window_end TIMESTAMP(3), row_num BIGINT";

    private static string Query(string partition, string order, string tvf, string condition) =>
        "INSERT INTO sink_t SELECT *\n  FROM (\n    SELECT\n         bid_time,\n         price,\n         item,\n         supplier_id,\n"
        + "         window_start,\n         window_end, \n"
        + $"         ROW_NUMBER() OVER (PARTITION BY {partition} ORDER BY bid_time {order}) AS row_num\n"
        + $"    FROM {tvf}\n  ) WHERE {condition}";

    private static readonly string[] FirstRowBefore = ["+I[2020-04-15T08:00:05, 4.00, A, supplier1, 2020-04-15T08:00, 2020-04-15T08:00:10, 1]"];

    private static readonly string[] FirstRowAfter =
    [
        "+I[2020-04-15T08:00:11, 2.00, B, supplier3, 2020-04-15T08:00:10, 2020-04-15T08:00:20, 1]",
        "+I[2020-04-15T08:00:21, 2.00, B, supplier7, 2020-04-15T08:00:20, 2020-04-15T08:00:30, 1]",
    ];

    private Task Run(string name, string sql, string[] before, string[] after) =>
        RestoreProgramRunner.RunAsync(new RestoreProgram(name, [Source], SinkSchema, sql, before, after), _dir);

    [Theory]
    [InlineData("window-deduplicate-asc-tumble-first-row", "row_num <= 1")]
    [InlineData("window-deduplicate-asc-tumble-first-row-condition-1", "row_num = 1")]
    [InlineData("window-deduplicate-asc-tumble-first-row-condition-3", "row_num < 2")]
    public Task Window_deduplicate_asc_tumble_first_row(string name, string condition) =>
        Run(name, Query("window_start, window_end", "ASC", BidSource.TumbleTvf, condition), FirstRowBefore, FirstRowAfter);

    [Fact]
    public Task Window_deduplicate_asc_partition_by_item_tumble_first_row() => Run("window-deduplicate-asc-partition-by-item-tumble-first-row",
        Query("window_start, window_end, item", "ASC", BidSource.TumbleTvf, "row_num <= 1"),
        [
            "+I[2020-04-15T08:00:05, 4.00, A, supplier1, 2020-04-15T08:00, 2020-04-15T08:00:10, 1]",
            "+I[2020-04-15T08:00:07, 2.00, G, supplier1, 2020-04-15T08:00, 2020-04-15T08:00:10, 1]",
            "+I[2020-04-15T08:00:09, 5.00, D, supplier4, 2020-04-15T08:00, 2020-04-15T08:00:10, 1]",
        ],
        [
            "+I[2020-04-15T08:00:11, 2.00, B, supplier3, 2020-04-15T08:00:10, 2020-04-15T08:00:20, 1]",
            "+I[2020-04-15T08:00:13, 1.00, E, supplier1, 2020-04-15T08:00:10, 2020-04-15T08:00:20, 1]",
            "+I[2020-04-15T08:00:17, 6.00, D, supplier5, 2020-04-15T08:00:10, 2020-04-15T08:00:20, 1]",
            "+I[2020-04-15T08:00:21, 2.00, B, supplier7, 2020-04-15T08:00:20, 2020-04-15T08:00:30, 1]",
            "+I[2020-04-15T08:00:23, 1.00, A, supplier4, 2020-04-15T08:00:20, 2020-04-15T08:00:30, 1]",
            "+I[2020-04-15T08:00:25, 3.00, C, supplier3, 2020-04-15T08:00:20, 2020-04-15T08:00:30, 1]",
        ]);

    [Fact]
    public Task Window_deduplicate_desc_tumble_last_row() => Run("window-deduplicate-desc-tumble-last-row",
        Query("window_start, window_end", "DESC", BidSource.TumbleTvf, "row_num <= 1"),
        ["+I[2020-04-15T08:00:09, 5.00, D, supplier4, 2020-04-15T08:00, 2020-04-15T08:00:10, 1]"],
        [
            "+I[2020-04-15T08:00:17, 6.00, D, supplier5, 2020-04-15T08:00:10, 2020-04-15T08:00:20, 1]",
            "+I[2020-04-15T08:00:28, 6.00, A, supplier8, 2020-04-15T08:00:20, 2020-04-15T08:00:30, 1]",
        ]);

    [Fact]
    public Task Window_deduplicate_desc_partition_by_item_tumble_first_row() => Run("window-deduplicate-desc-partition-by-item-tumble-first-row",
        Query("window_start, window_end, item", "DESC", BidSource.TumbleTvf, "row_num <= 1"),
        [
            "+I[2020-04-15T08:00:08, 2.00, A, supplier3, 2020-04-15T08:00, 2020-04-15T08:00:10, 1]",
            "+I[2020-04-15T08:00:07, 2.00, G, supplier1, 2020-04-15T08:00, 2020-04-15T08:00:10, 1]",
            "+I[2020-04-15T08:00:09, 5.00, D, supplier4, 2020-04-15T08:00, 2020-04-15T08:00:10, 1]",
        ],
        [
            "+I[2020-04-15T08:00:17, 6.00, D, supplier5, 2020-04-15T08:00:10, 2020-04-15T08:00:20, 1]",
            "+I[2020-04-15T08:00:13, 1.00, E, supplier1, 2020-04-15T08:00:10, 2020-04-15T08:00:20, 1]",
            "+I[2020-04-15T08:00:15, 3.00, B, supplier2, 2020-04-15T08:00:10, 2020-04-15T08:00:20, 1]",
            "+I[2020-04-15T08:00:21, 2.00, B, supplier7, 2020-04-15T08:00:20, 2020-04-15T08:00:30, 1]",
            "+I[2020-04-15T08:00:28, 6.00, A, supplier8, 2020-04-15T08:00:20, 2020-04-15T08:00:30, 1]",
            "+I[2020-04-15T08:00:25, 3.00, C, supplier3, 2020-04-15T08:00:20, 2020-04-15T08:00:30, 1]",
        ]);

    [Fact]
    public Task Window_deduplicate_asc_hop_first_row() => Run("window-deduplicate-asc-hop-first-row",
        Query("window_start, window_end", "ASC", BidSource.HopTvf, "row_num <= 1"),
        [
            "+I[2020-04-15T08:00:05, 4.00, A, supplier1, 2020-04-15T08:00, 2020-04-15T08:00:10, 1]",
            "+I[2020-04-15T08:00:05, 4.00, A, supplier1, 2020-04-15T08:00:05, 2020-04-15T08:00:15, 1]",
        ],
        [
            "+I[2020-04-15T08:00:11, 2.00, B, supplier3, 2020-04-15T08:00:10, 2020-04-15T08:00:20, 1]",
            "+I[2020-04-15T08:00:15, 3.00, B, supplier2, 2020-04-15T08:00:15, 2020-04-15T08:00:25, 1]",
            "+I[2020-04-15T08:00:21, 2.00, B, supplier7, 2020-04-15T08:00:20, 2020-04-15T08:00:30, 1]",
            "+I[2020-04-15T08:00:25, 3.00, C, supplier3, 2020-04-15T08:00:25, 2020-04-15T08:00:35, 1]",
        ]);

    [Fact]
    public Task Window_deduplicate_asc_cumulate_first_row() => Run("window-deduplicate-asc-cumulate-first-row",
        Query("window_start, window_end", "ASC", BidSource.CumulateTvf, "row_num <= 1"),
        [
            "+I[2020-04-15T08:00:05, 4.00, A, supplier1, 2020-04-15T08:00, 2020-04-15T08:00:10, 1]",
            "+I[2020-04-15T08:00:11, 2.00, B, supplier3, 2020-04-15T08:00:10, 2020-04-15T08:00:15, 1]",
        ],
        [
            "+I[2020-04-15T08:00:11, 2.00, B, supplier3, 2020-04-15T08:00:10, 2020-04-15T08:00:20, 1]",
            "+I[2020-04-15T08:00:21, 2.00, B, supplier7, 2020-04-15T08:00:20, 2020-04-15T08:00:25, 1]",
            "+I[2020-04-15T08:00:21, 2.00, B, supplier7, 2020-04-15T08:00:20, 2020-04-15T08:00:30, 1]",
        ]);
}
