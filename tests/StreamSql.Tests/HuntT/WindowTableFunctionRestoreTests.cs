namespace StreamSql.Tests.HuntT;

/// <summary>Flink's <c>WindowTableFunctionTestPrograms</c> on event time: TUMBLE (with positive and negative offsets),
/// HOP and CUMULATE table functions alone (their <c>window_time</c> written into a TIMESTAMP_LTZ column in UTC) and under
/// a window aggregation, stopped with a savepoint and restored. (The processing-time programs are left out: their
/// windows close on the wall clock.)</summary>
public sealed class WindowTableFunctionRestoreTests : IDisposable
{
    private readonly string _dir = StateFixtures.TempDirectory();

    public void Dispose() => StateFixtures.Delete(_dir);

    private static readonly string[] Columns = ["ts", "price", "item"];

    private static readonly RestoreSource Source = new("bid_t",
        "ts STRING, price DECIMAL(10,2), item STRING, `bid_time` AS TO_TIMESTAMP(`ts`), `proc_time` AS PROCTIME(), "
        + "WATERMARK for `bid_time` AS `bid_time` - INTERVAL '1' SECOND",
        RestoreSource.Rows(Columns,
            ["2020-04-15 08:00:05", 4.00m, "C"],
            ["2020-04-15 08:00:07", 2.00m, "A"],
            ["2020-04-15 08:00:09", 5.00m, "D"],
            ["2020-04-15 08:00:11", 3.00m, "B"],
            ["2020-04-15 08:00:13", 1.00m, "E"],
            ["2020-04-15 08:00:17", 6.00m, "F"]),
        RestoreSource.Rows(Columns, ["2020-04-15 08:00:21", 4.00m, "A"], ["2020-04-15 08:00:27", 5.00m, "C"]));

    private const string TvfSinkSchema = "bid_time TIMESTAMP(3), price DECIMAL(10,2), item STRING, window_start TIMESTAMP(3), "
        + "window_end TIMESTAMP(3), window_time TIMESTAMP_LTZ";

    private const string AggSinkSchema = "window_start TIMESTAMP(3), window_end TIMESTAMP(3), price DECIMAL(10,2)";

    private static string QueryTvf(string tvf) =>
        $"INSERT INTO sink_t SELECT\n      bid_time,\n     price,\n     item,\n     window_start,\n     window_end,\n     window_time\n FROM\n     {tvf}";

    private static string QueryAgg(string tvf) =>
        $"INSERT INTO sink_t SELECT\n     window_start,\n     window_end,\n     SUM(price)\n FROM\n     {tvf}\n GROUP BY window_start, window_end";

    private const string Tumble = "TABLE(TUMBLE(TABLE bid_t, DESCRIPTOR(bid_time), INTERVAL '10' SECOND))";
    private const string Hop = "TABLE(HOP(TABLE bid_t, DESCRIPTOR(bid_time), INTERVAL '5' SECOND, INTERVAL '10' SECOND))";
    private const string Cumulate = "TABLE(CUMULATE(TABLE bid_t, DESCRIPTOR(bid_time), INTERVAL '5' SECOND, INTERVAL '10' SECOND))";

    private static string TumbleOffset(string seconds) =>
        $"TABLE(TUMBLE(TABLE bid_t, DESCRIPTOR(bid_time), INTERVAL '10' SECOND, INTERVAL '{seconds}' SECOND))";

    private Task Run(string name, string sinkSchema, string sql, string[] before, string[] after, bool utc) =>
        RestoreProgramRunner.RunAsync(new RestoreProgram(name, [Source], sinkSchema, sql, before, after)
        {
            Config = utc ? [("table.local-time-zone", "UTC")] : [],
        }, _dir);

    [Fact]
    public Task Window_table_function_tumble_tvf() => Run("window-table-function-tumble-tvf", TvfSinkSchema, QueryTvf(Tumble),
        [
            "+I[2020-04-15T08:00:05, 4.00, C, 2020-04-15T08:00, 2020-04-15T08:00:10, 2020-04-15T08:00:09.999Z]",
            "+I[2020-04-15T08:00:07, 2.00, A, 2020-04-15T08:00, 2020-04-15T08:00:10, 2020-04-15T08:00:09.999Z]",
            "+I[2020-04-15T08:00:09, 5.00, D, 2020-04-15T08:00, 2020-04-15T08:00:10, 2020-04-15T08:00:09.999Z]",
            "+I[2020-04-15T08:00:11, 3.00, B, 2020-04-15T08:00:10, 2020-04-15T08:00:20, 2020-04-15T08:00:19.999Z]",
            "+I[2020-04-15T08:00:13, 1.00, E, 2020-04-15T08:00:10, 2020-04-15T08:00:20, 2020-04-15T08:00:19.999Z]",
            "+I[2020-04-15T08:00:17, 6.00, F, 2020-04-15T08:00:10, 2020-04-15T08:00:20, 2020-04-15T08:00:19.999Z]",
        ],
        [
            "+I[2020-04-15T08:00:21, 4.00, A, 2020-04-15T08:00:20, 2020-04-15T08:00:30, 2020-04-15T08:00:29.999Z]",
            "+I[2020-04-15T08:00:27, 5.00, C, 2020-04-15T08:00:20, 2020-04-15T08:00:30, 2020-04-15T08:00:29.999Z]",
        ], utc: true);

    [Fact]
    public Task Window_table_function_tumble_tvf_positive_offset() => Run("window-table-function-tumble-tvf-positive-offset", TvfSinkSchema,
        QueryTvf(TumbleOffset("6")),
        [
            "+I[2020-04-15T08:00:05, 4.00, C, 2020-04-15T07:59:56, 2020-04-15T08:00:06, 2020-04-15T08:00:05.999Z]",
            "+I[2020-04-15T08:00:07, 2.00, A, 2020-04-15T08:00:06, 2020-04-15T08:00:16, 2020-04-15T08:00:15.999Z]",
            "+I[2020-04-15T08:00:09, 5.00, D, 2020-04-15T08:00:06, 2020-04-15T08:00:16, 2020-04-15T08:00:15.999Z]",
            "+I[2020-04-15T08:00:11, 3.00, B, 2020-04-15T08:00:06, 2020-04-15T08:00:16, 2020-04-15T08:00:15.999Z]",
            "+I[2020-04-15T08:00:13, 1.00, E, 2020-04-15T08:00:06, 2020-04-15T08:00:16, 2020-04-15T08:00:15.999Z]",
            "+I[2020-04-15T08:00:17, 6.00, F, 2020-04-15T08:00:16, 2020-04-15T08:00:26, 2020-04-15T08:00:25.999Z]",
        ],
        [
            "+I[2020-04-15T08:00:21, 4.00, A, 2020-04-15T08:00:16, 2020-04-15T08:00:26, 2020-04-15T08:00:25.999Z]",
            "+I[2020-04-15T08:00:27, 5.00, C, 2020-04-15T08:00:26, 2020-04-15T08:00:36, 2020-04-15T08:00:35.999Z]",
        ], utc: true);

    [Fact]
    public Task Window_table_function_tumble_tvf_negative_offset() => Run("window-table-function-tumble-tvf-negative-offset", TvfSinkSchema,
        QueryTvf(TumbleOffset("-6")),
        [
            "+I[2020-04-15T08:00:05, 4.00, C, 2020-04-15T08:00:04, 2020-04-15T08:00:14, 2020-04-15T08:00:13.999Z]",
            "+I[2020-04-15T08:00:07, 2.00, A, 2020-04-15T08:00:04, 2020-04-15T08:00:14, 2020-04-15T08:00:13.999Z]",
            "+I[2020-04-15T08:00:09, 5.00, D, 2020-04-15T08:00:04, 2020-04-15T08:00:14, 2020-04-15T08:00:13.999Z]",
            "+I[2020-04-15T08:00:11, 3.00, B, 2020-04-15T08:00:04, 2020-04-15T08:00:14, 2020-04-15T08:00:13.999Z]",
            "+I[2020-04-15T08:00:13, 1.00, E, 2020-04-15T08:00:04, 2020-04-15T08:00:14, 2020-04-15T08:00:13.999Z]",
            "+I[2020-04-15T08:00:17, 6.00, F, 2020-04-15T08:00:14, 2020-04-15T08:00:24, 2020-04-15T08:00:23.999Z]",
        ],
        [
            "+I[2020-04-15T08:00:21, 4.00, A, 2020-04-15T08:00:14, 2020-04-15T08:00:24, 2020-04-15T08:00:23.999Z]",
            "+I[2020-04-15T08:00:27, 5.00, C, 2020-04-15T08:00:24, 2020-04-15T08:00:34, 2020-04-15T08:00:33.999Z]",
        ], utc: true);

    [Fact]
    public Task Window_table_function_tumble_tvf_agg() => Run("window-table-function-tumble-tvf-agg", AggSinkSchema, QueryAgg(Tumble),
        ["+I[2020-04-15T08:00, 2020-04-15T08:00:10, 11.00]"],
        ["+I[2020-04-15T08:00:10, 2020-04-15T08:00:20, 10.00]", "+I[2020-04-15T08:00:20, 2020-04-15T08:00:30, 9.00]"], utc: false);

    [Fact]
    public Task Window_table_function_hop_tvf() => Run("window-table-function-hop-tvf", TvfSinkSchema, QueryTvf(Hop),
        [
            "+I[2020-04-15T08:00:05, 4.00, C, 2020-04-15T08:00:05, 2020-04-15T08:00:15, 2020-04-15T08:00:14.999Z]",
            "+I[2020-04-15T08:00:05, 4.00, C, 2020-04-15T08:00, 2020-04-15T08:00:10, 2020-04-15T08:00:09.999Z]",
            "+I[2020-04-15T08:00:07, 2.00, A, 2020-04-15T08:00:05, 2020-04-15T08:00:15, 2020-04-15T08:00:14.999Z]",
            "+I[2020-04-15T08:00:07, 2.00, A, 2020-04-15T08:00, 2020-04-15T08:00:10, 2020-04-15T08:00:09.999Z]",
            "+I[2020-04-15T08:00:09, 5.00, D, 2020-04-15T08:00:05, 2020-04-15T08:00:15, 2020-04-15T08:00:14.999Z]",
            "+I[2020-04-15T08:00:09, 5.00, D, 2020-04-15T08:00, 2020-04-15T08:00:10, 2020-04-15T08:00:09.999Z]",
            "+I[2020-04-15T08:00:11, 3.00, B, 2020-04-15T08:00:10, 2020-04-15T08:00:20, 2020-04-15T08:00:19.999Z]",
            "+I[2020-04-15T08:00:11, 3.00, B, 2020-04-15T08:00:05, 2020-04-15T08:00:15, 2020-04-15T08:00:14.999Z]",
            "+I[2020-04-15T08:00:13, 1.00, E, 2020-04-15T08:00:10, 2020-04-15T08:00:20, 2020-04-15T08:00:19.999Z]",
            "+I[2020-04-15T08:00:13, 1.00, E, 2020-04-15T08:00:05, 2020-04-15T08:00:15, 2020-04-15T08:00:14.999Z]",
            "+I[2020-04-15T08:00:17, 6.00, F, 2020-04-15T08:00:15, 2020-04-15T08:00:25, 2020-04-15T08:00:24.999Z]",
            "+I[2020-04-15T08:00:17, 6.00, F, 2020-04-15T08:00:10, 2020-04-15T08:00:20, 2020-04-15T08:00:19.999Z]",
        ],
        [
            "+I[2020-04-15T08:00:21, 4.00, A, 2020-04-15T08:00:20, 2020-04-15T08:00:30, 2020-04-15T08:00:29.999Z]",
            "+I[2020-04-15T08:00:21, 4.00, A, 2020-04-15T08:00:15, 2020-04-15T08:00:25, 2020-04-15T08:00:24.999Z]",
            "+I[2020-04-15T08:00:27, 5.00, C, 2020-04-15T08:00:25, 2020-04-15T08:00:35, 2020-04-15T08:00:34.999Z]",
            "+I[2020-04-15T08:00:27, 5.00, C, 2020-04-15T08:00:20, 2020-04-15T08:00:30, 2020-04-15T08:00:29.999Z]",
        ], utc: true);

    [Fact]
    public Task Window_table_function_hop_tvf_agg() => Run("window-table-function-hop-tvf-agg", AggSinkSchema, QueryAgg(Hop),
        ["+I[2020-04-15T08:00, 2020-04-15T08:00:10, 11.00]", "+I[2020-04-15T08:00:05, 2020-04-15T08:00:15, 15.00]"],
        [
            "+I[2020-04-15T08:00:10, 2020-04-15T08:00:20, 10.00]",
            "+I[2020-04-15T08:00:15, 2020-04-15T08:00:25, 10.00]",
            "+I[2020-04-15T08:00:20, 2020-04-15T08:00:30, 9.00]",
            "+I[2020-04-15T08:00:25, 2020-04-15T08:00:35, 5.00]",
        ], utc: false);

    [Fact]
    public Task Window_table_function_cumulate_tvf() => Run("window-table-function-cumulate-tvf", TvfSinkSchema, QueryTvf(Cumulate),
        [
            "+I[2020-04-15T08:00:05, 4.00, C, 2020-04-15T08:00, 2020-04-15T08:00:10, 2020-04-15T08:00:09.999Z]",
            "+I[2020-04-15T08:00:07, 2.00, A, 2020-04-15T08:00, 2020-04-15T08:00:10, 2020-04-15T08:00:09.999Z]",
            "+I[2020-04-15T08:00:09, 5.00, D, 2020-04-15T08:00, 2020-04-15T08:00:10, 2020-04-15T08:00:09.999Z]",
            "+I[2020-04-15T08:00:11, 3.00, B, 2020-04-15T08:00:10, 2020-04-15T08:00:15, 2020-04-15T08:00:14.999Z]",
            "+I[2020-04-15T08:00:11, 3.00, B, 2020-04-15T08:00:10, 2020-04-15T08:00:20, 2020-04-15T08:00:19.999Z]",
            "+I[2020-04-15T08:00:13, 1.00, E, 2020-04-15T08:00:10, 2020-04-15T08:00:15, 2020-04-15T08:00:14.999Z]",
            "+I[2020-04-15T08:00:13, 1.00, E, 2020-04-15T08:00:10, 2020-04-15T08:00:20, 2020-04-15T08:00:19.999Z]",
            "+I[2020-04-15T08:00:17, 6.00, F, 2020-04-15T08:00:10, 2020-04-15T08:00:20, 2020-04-15T08:00:19.999Z]",
        ],
        [
            "+I[2020-04-15T08:00:21, 4.00, A, 2020-04-15T08:00:20, 2020-04-15T08:00:25, 2020-04-15T08:00:24.999Z]",
            "+I[2020-04-15T08:00:21, 4.00, A, 2020-04-15T08:00:20, 2020-04-15T08:00:30, 2020-04-15T08:00:29.999Z]",
            "+I[2020-04-15T08:00:27, 5.00, C, 2020-04-15T08:00:20, 2020-04-15T08:00:30, 2020-04-15T08:00:29.999Z]",
        ], utc: true);

    [Fact]
    public Task Window_table_function_cumulate_tvf_agg() => Run("window-table-function-cumulate-tvf-agg", AggSinkSchema, QueryAgg(Cumulate),
        ["+I[2020-04-15T08:00, 2020-04-15T08:00:10, 11.00]", "+I[2020-04-15T08:00:10, 2020-04-15T08:00:15, 4.00]"],
        [
            "+I[2020-04-15T08:00:10, 2020-04-15T08:00:20, 10.00]",
            "+I[2020-04-15T08:00:20, 2020-04-15T08:00:25, 4.00]",
            "+I[2020-04-15T08:00:20, 2020-04-15T08:00:30, 9.00]",
        ], utc: false);
}
