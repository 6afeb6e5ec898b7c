namespace StreamSql.Tests.HuntT;

/// <summary>Flink's <c>WindowAggregateTestPrograms</c> (TUMBLE, HOP and CUMULATE window aggregation on event time, with
/// and without offsets, one and two phases, distinct split), stopped with a savepoint and restored.</summary>
public sealed class WindowAggregateRestoreTests : IDisposable
{
    private readonly string _dir = StateFixtures.TempDirectory();

    public void Dispose() => StateFixtures.Delete(_dir);

    private static readonly string[] Columns = ["ts", "a_int", "b_double", "c_float", "d_bigdec", "comment", "name"];

    internal static readonly RestoreSource Source = new("window_source_t",
        "ts STRING, a_int INT, b_double DOUBLE, c_float FLOAT, d_bigdec DECIMAL(10, 2), `comment` STRING, name STRING, "
        + "`rowtime` AS TO_TIMESTAMP(`ts`), `proctime` AS PROCTIME(), WATERMARK for `rowtime` AS `rowtime` - INTERVAL '1' SECOND",
        RestoreSource.Rows(Columns,
            ["2020-10-10 00:00:01", 1, 1d, 1f, 1.11m, "Hi", "a"],
            ["2020-10-10 00:00:02", 2, 2d, 2f, 2.22m, "Comment#1", "a"],
            ["2020-10-10 00:00:03", 2, 2d, 2f, 2.22m, "Comment#1", "a"],
            ["2020-10-10 00:00:04", 5, 5d, 5f, 5.55m, null, "a"],
            ["2020-10-10 00:00:07", 3, 3d, 3f, null, "Hello", "b"],
            ["2020-10-10 00:00:06", 6, 6d, 6f, 6.66m, "Hi", "b"], // out of order
            ["2020-10-10 00:00:08", 3, null, 3f, 3.33m, "Comment#2", "a"],
            ["2020-10-10 00:00:04", 5, 5d, null, 5.55m, "Hi", "a"], // late event
            ["2020-10-10 00:00:16", 4, 4d, 4f, 4.44m, "Hi", "b"],
            ["2020-10-10 00:00:32", 7, 7d, 7f, 7.77m, null, null],
            ["2020-10-10 00:00:34", 1, 3d, 3f, 3.33m, "Comment#3", "b"]),
        RestoreSource.Rows(Columns,
            ["2020-10-10 00:00:40", 10, 3d, 3f, 4.44m, "Comment#4", "a"],
            ["2020-10-10 00:00:42", 11, 4d, 4f, 5.44m, "Comment#5", "d"],
            ["2020-10-10 00:00:43", 12, 5d, 5f, 6.44m, "Comment#6", "c"],
            ["2020-10-10 00:00:44", 13, 6d, 6f, 7.44m, "Comment#7", "d"]));

    private static readonly string[] TumbleBefore =
    [
        "+I[a, 2020-10-10T00:00, 2020-10-10T00:00:05, 4, 10, 2]",
        "+I[a, 2020-10-10T00:00:05, 2020-10-10T00:00:10, 1, 3, 1]",
        "+I[b, 2020-10-10T00:00:05, 2020-10-10T00:00:10, 2, 9, 2]",
        "+I[b, 2020-10-10T00:00:15, 2020-10-10T00:00:20, 1, 4, 1]",
    ];

    private static readonly string[] TumbleAfter =
    [
        "+I[b, 2020-10-10T00:00:30, 2020-10-10T00:00:35, 1, 1, 1]",
        "+I[null, 2020-10-10T00:00:30, 2020-10-10T00:00:35, 1, 7, 0]",
        "+I[a, 2020-10-10T00:00:40, 2020-10-10T00:00:45, 1, 10, 1]",
        "+I[c, 2020-10-10T00:00:40, 2020-10-10T00:00:45, 1, 12, 1]",
        "+I[d, 2020-10-10T00:00:40, 2020-10-10T00:00:45, 2, 24, 2]",
    ];

    private static readonly string[] TumbleOffsetBefore =
    [
        "+I[a, 2020-10-10T00:00:01, 2020-10-10T00:00:06, 4, 10, 2]",
        "+I[b, 2020-10-10T00:00:06, 2020-10-10T00:00:11, 2, 9, 2]",
        "+I[a, 2020-10-10T00:00:06, 2020-10-10T00:00:11, 1, 3, 1]",
        "+I[b, 2020-10-10T00:00:16, 2020-10-10T00:00:21, 1, 4, 1]",
    ];

    private static readonly string[] TumbleOffsetAfter =
    [
        "+I[b, 2020-10-10T00:00:31, 2020-10-10T00:00:36, 1, 1, 1]",
        "+I[null, 2020-10-10T00:00:31, 2020-10-10T00:00:36, 1, 7, 0]",
        "+I[a, 2020-10-10T00:00:36, 2020-10-10T00:00:41, 1, 10, 1]",
        "+I[c, 2020-10-10T00:00:41, 2020-10-10T00:00:46, 1, 12, 1]",
        "+I[d, 2020-10-10T00:00:41, 2020-10-10T00:00:46, 2, 24, 2]",
    ];

    private static readonly string[] HopBefore =
    [
        "+I[a, 2020-10-09T23:59:55, 2020-10-10T00:00:05, 4, 10, 2]",
        "+I[b, 2020-10-10T00:00, 2020-10-10T00:00:10, 2, 9, 2]",
        "+I[a, 2020-10-10T00:00, 2020-10-10T00:00:10, 6, 18, 3]",
        "+I[b, 2020-10-10T00:00:05, 2020-10-10T00:00:15, 2, 9, 2]",
        "+I[a, 2020-10-10T00:00:05, 2020-10-10T00:00:15, 1, 3, 1]",
        "+I[b, 2020-10-10T00:00:10, 2020-10-10T00:00:20, 1, 4, 1]",
        "+I[b, 2020-10-10T00:00:15, 2020-10-10T00:00:25, 1, 4, 1]",
    ];

    private static readonly string[] HopAfter =
    [
        "+I[b, 2020-10-10T00:00:25, 2020-10-10T00:00:35, 1, 1, 1]",
        "+I[null, 2020-10-10T00:00:25, 2020-10-10T00:00:35, 1, 7, 0]",
        "+I[b, 2020-10-10T00:00:30, 2020-10-10T00:00:40, 1, 1, 1]",
        "+I[null, 2020-10-10T00:00:30, 2020-10-10T00:00:40, 1, 7, 0]",
        "+I[c, 2020-10-10T00:00:35, 2020-10-10T00:00:45, 1, 12, 1]",
        "+I[d, 2020-10-10T00:00:35, 2020-10-10T00:00:45, 2, 24, 2]",
        "+I[a, 2020-10-10T00:00:35, 2020-10-10T00:00:45, 1, 10, 1]",
        "+I[d, 2020-10-10T00:00:40, 2020-10-10T00:00:50, 2, 24, 2]",
        "+I[a, 2020-10-10T00:00:40, 2020-10-10T00:00:50, 1, 10, 1]",
        "+I[c, 2020-10-10T00:00:40, 2020-10-10T00:00:50, 1, 12, 1]",
    ];

    private static readonly string[] HopOffsetBefore =
    [
        "+I[a, 2020-10-09T23:59:56, 2020-10-10T00:00:06, 4, 10, 2]",
        "+I[b, 2020-10-10T00:00:01, 2020-10-10T00:00:11, 2, 9, 2]",
        "+I[a, 2020-10-10T00:00:01, 2020-10-10T00:00:11, 6, 18, 3]",
        "+I[b, 2020-10-10T00:00:06, 2020-10-10T00:00:16, 2, 9, 2]",
        "+I[a, 2020-10-10T00:00:06, 2020-10-10T00:00:16, 1, 3, 1]",
        "+I[b, 2020-10-10T00:00:11, 2020-10-10T00:00:21, 1, 4, 1]",
        "+I[b, 2020-10-10T00:00:16, 2020-10-10T00:00:26, 1, 4, 1]",
    ];

    private static readonly string[] HopOffsetAfter =
    [
        "+I[b, 2020-10-10T00:00:26, 2020-10-10T00:00:36, 1, 1, 1]",
        "+I[null, 2020-10-10T00:00:26, 2020-10-10T00:00:36, 1, 7, 0]",
        "+I[a, 2020-10-10T00:00:31, 2020-10-10T00:00:41, 1, 10, 1]",
        "+I[b, 2020-10-10T00:00:31, 2020-10-10T00:00:41, 1, 1, 1]",
        "+I[null, 2020-10-10T00:00:31, 2020-10-10T00:00:41, 1, 7, 0]",
        "+I[c, 2020-10-10T00:00:36, 2020-10-10T00:00:46, 1, 12, 1]",
        "+I[d, 2020-10-10T00:00:36, 2020-10-10T00:00:46, 2, 24, 2]",
        "+I[a, 2020-10-10T00:00:36, 2020-10-10T00:00:46, 1, 10, 1]",
        "+I[d, 2020-10-10T00:00:41, 2020-10-10T00:00:51, 2, 24, 2]",
        "+I[c, 2020-10-10T00:00:41, 2020-10-10T00:00:51, 1, 12, 1]",
    ];

    private static readonly string[] CumulateBefore =
    [
        "+I[a, 2020-10-10T00:00, 2020-10-10T00:00:05, 4, 10, 2]",
        "+I[b, 2020-10-10T00:00, 2020-10-10T00:00:10, 2, 9, 2]",
        "+I[a, 2020-10-10T00:00, 2020-10-10T00:00:10, 6, 18, 3]",
        "+I[b, 2020-10-10T00:00, 2020-10-10T00:00:15, 2, 9, 2]",
        "+I[a, 2020-10-10T00:00, 2020-10-10T00:00:15, 6, 18, 3]",
        "+I[b, 2020-10-10T00:00:15, 2020-10-10T00:00:20, 1, 4, 1]",
        "+I[b, 2020-10-10T00:00:15, 2020-10-10T00:00:25, 1, 4, 1]",
        "+I[b, 2020-10-10T00:00:15, 2020-10-10T00:00:30, 1, 4, 1]",
    ];

    private static readonly string[] CumulateAfter =
    [
        "+I[b, 2020-10-10T00:00:30, 2020-10-10T00:00:35, 1, 1, 1]",
        "+I[null, 2020-10-10T00:00:30, 2020-10-10T00:00:35, 1, 7, 0]",
        "+I[b, 2020-10-10T00:00:30, 2020-10-10T00:00:40, 1, 1, 1]",
        "+I[null, 2020-10-10T00:00:30, 2020-10-10T00:00:40, 1, 7, 0]",
        "+I[b, 2020-10-10T00:00:30, 2020-10-10T00:00:45, 1, 1, 1]",
        "+I[c, 2020-10-10T00:00:30, 2020-10-10T00:00:45, 1, 12, 1]",
        "+I[d, 2020-10-10T00:00:30, 2020-10-10T00:00:45, 2, 24, 2]",
        "+I[a, 2020-10-10T00:00:30, 2020-10-10T00:00:45, 1, 10, 1]",
        "+I[null, 2020-10-10T00:00:30, 2020-10-10T00:00:45, 1, 7, 0]",
    ];

    private static readonly string[] CumulateOffsetBefore =
    [
        "+I[a, 2020-10-10T00:00:01, 2020-10-10T00:00:06, 4, 10, 2]",
        "+I[b, 2020-10-10T00:00:01, 2020-10-10T00:00:11, 2, 9, 2]",
        "+I[a, 2020-10-10T00:00:01, 2020-10-10T00:00:11, 6, 18, 3]",
        "+I[b, 2020-10-10T00:00:01, 2020-10-10T00:00:16, 2, 9, 2]",
        "+I[a, 2020-10-10T00:00:01, 2020-10-10T00:00:16, 6, 18, 3]",
        "+I[b, 2020-10-10T00:00:16, 2020-10-10T00:00:21, 1, 4, 1]",
        "+I[b, 2020-10-10T00:00:16, 2020-10-10T00:00:26, 1, 4, 1]",
        "+I[b, 2020-10-10T00:00:16, 2020-10-10T00:00:31, 1, 4, 1]",
    ];

    private static readonly string[] CumulateOffsetAfter =
    [
        "+I[b, 2020-10-10T00:00:31, 2020-10-10T00:00:36, 1, 1, 1]",
        "+I[null, 2020-10-10T00:00:31, 2020-10-10T00:00:36, 1, 7, 0]",
        "+I[a, 2020-10-10T00:00:31, 2020-10-10T00:00:41, 1, 10, 1]",
        "+I[b, 2020-10-10T00:00:31, 2020-10-10T00:00:41, 1, 1, 1]",
        "+I[null, 2020-10-10T00:00:31, 2020-10-10T00:00:41, 1, 7, 0]",
        "+I[b, 2020-10-10T00:00:31, 2020-10-10T00:00:46, 1, 1, 1]",
        "+I[c, 2020-10-10T00:00:31, 2020-10-10T00:00:46, 1, 12, 1]",
        "+I[d, 2020-10-10T00:00:31, 2020-10-10T00:00:46, 2, 24, 2]",
        "+I[a, 2020-10-10T00:00:31, 2020-10-10T00:00:46, 1, 10, 1]",
        "+I[null, 2020-10-10T00:00:31, 2020-10-10T00:00:46, 1, 7, 0]",
    ];

    private const string Tumble = "TUMBLE(TABLE window_source_t, DESCRIPTOR(rowtime), INTERVAL '5' SECOND";
    private const string Hop = "HOP(TABLE window_source_t, DESCRIPTOR(rowtime), INTERVAL '5' SECOND, INTERVAL '10' SECOND";
    private const string Cumulate = "CUMULATE(TABLE window_source_t, DESCRIPTOR(rowtime), INTERVAL '5' SECOND, INTERVAL '15' SECOND";
    private const string Offset = ", INTERVAL '1' SECOND";

    private static readonly Dictionary<string, (string Window, string[] Before, string[] After)> Windows = new()
    {
        ["tumble"] = (Tumble + ")", TumbleBefore, TumbleAfter),
        ["tumble-with-offset"] = (Tumble + Offset + ")", TumbleOffsetBefore, TumbleOffsetAfter),
        ["hop"] = (Hop + ")", HopBefore, HopAfter),
        ["hop-with-offset"] = (Hop + Offset + ")", HopOffsetBefore, HopOffsetAfter),
        ["cumulate"] = (Cumulate + ")", CumulateBefore, CumulateAfter),
        ["cumulate-with-offset"] = (Cumulate + Offset + ")", CumulateOffsetBefore, CumulateOffsetAfter),
    };

    public static TheoryData<string, string, bool> Programs()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var window in Windows.Keys)
        {
            data.Add(window, "ONE_PHASE", false);
            data.Add(window, "TWO_PHASE", false);
            data.Add(window, "TWO_PHASE", true);
        }
        return data;
    }

    /// <summary>The same programs restored at parallelism 3 (the windows' state split over the new subtasks by key group).</summary>
    [Theory]
    [InlineData("tumble", "TWO_PHASE")]
    [InlineData("hop", "ONE_PHASE")]
    [InlineData("cumulate-with-offset", "TWO_PHASE")]
    public Task Window_aggregate_event_time_restored_at_parallelism_three(string window, string phases) =>
        RunWindowAggregate(window, phases, distinctSplit: false, parallelismAfter: 3);

    [Theory]
    [MemberData(nameof(Programs))]
    public Task Window_aggregate_event_time(string window, string phases, bool distinctSplit) =>
        RunWindowAggregate(window, phases, distinctSplit, parallelismAfter: 1);

    private async Task RunWindowAggregate(string window, string phases, bool distinctSplit, int parallelismAfter)
    {
        var (windowSql, before, after) = Windows[window];
        var config = new List<(string, string)> { ("table.optimizer.agg-phase-strategy", phases) };
        if (distinctSplit) config.Add(("table.optimizer.distinct-agg.split.enabled", "true"));
        var program = new RestoreProgram($"window-aggregate-{window}", [Source],
            "name STRING, window_start TIMESTAMP(3), window_end TIMESTAMP(3), cnt BIGINT, sum_int INT, distinct_cnt BIGINT",
            "INSERT INTO sink_t SELECT name, window_start, window_end, COUNT(*), SUM(a_int), COUNT(DISTINCT `comment`) "
            + $"FROM TABLE({windowSql})\nGROUP BY name, window_start, window_end",
            before, after) { Config = config };
        await RestoreProgramRunner.RunAsync(program, _dir, parallelismAfter: parallelismAfter);
    }
}
