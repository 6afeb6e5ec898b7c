namespace StreamSql.Tests.HuntT;

/// <summary>Flink's <c>GroupWindowAggregateTestPrograms</c> on event time: the legacy <c>GROUP BY TUMBLE(...)</c>,
/// <c>HOP(...)</c> and <c>SESSION(...)</c> group windows, stopped with a savepoint and restored. (The processing-time
/// programs are left out: their windows close on the wall clock, 5 s after the rows, and what falls into which window
/// depends on when the job runs.)</summary>
public sealed class GroupWindowAggregateRestoreTests : IDisposable
{
    private readonly string _dir = StateFixtures.TempDirectory();

    public void Dispose() => StateFixtures.Delete(_dir);

    private static readonly RestoreSource Source = WindowAggregateRestoreTests.Source with
    {
        Name = "source_t",
        After = RestoreSource.Rows(["ts", "a_int", "b_double", "c_float", "d_bigdec", "comment", "name"],
            ["2020-10-10 00:00:41", 10, 3d, 3f, 4.44m, "Comment#4", "a"],
            ["2020-10-10 00:00:42", 11, 4d, 4f, 5.44m, "Comment#5", "d"],
            ["2020-10-10 00:00:43", 12, 5d, 5f, 6.44m, "Comment#6", "c"],
            ["2020-10-10 00:00:44", 13, 6d, 6f, 7.44m, "Comment#7", "d"]),
    };

    private Task Run(string name, string sinkSchema, string sql, string[] before, string[] after) =>
        RestoreProgramRunner.RunAsync(new RestoreProgram(name, [Source], sinkSchema, sql, before, after), _dir);

    [Fact]
    public Task Group_window_aggregate_tumble_event_time() => Run("group-window-aggregate-tumble-event-time",
        "name STRING, window_start TIMESTAMP(3), window_end TIMESTAMP(3), cnt BIGINT, sum_int INT, distinct_cnt BIGINT",
        "INSERT INTO sink_t SELECT name, TUMBLE_START(rowtime, INTERVAL '5' SECOND) AS window_start, "
        + "TUMBLE_END(rowtime, INTERVAL '5' SECOND) AS window_end, COUNT(*), SUM(a_int), COUNT(DISTINCT `comment`) "
        + "FROM source_t GROUP BY name, TUMBLE(rowtime, INTERVAL '5' SECOND)",
        [
            "+I[a, 2020-10-10T00:00, 2020-10-10T00:00:05, 4, 10, 2]",
            "+I[a, 2020-10-10T00:00:05, 2020-10-10T00:00:10, 1, 3, 1]",
            "+I[b, 2020-10-10T00:00:05, 2020-10-10T00:00:10, 2, 9, 2]",
            "+I[b, 2020-10-10T00:00:15, 2020-10-10T00:00:20, 1, 4, 1]",
        ],
        [
            "+I[b, 2020-10-10T00:00:30, 2020-10-10T00:00:35, 1, 1, 1]",
            "+I[null, 2020-10-10T00:00:30, 2020-10-10T00:00:35, 1, 7, 0]",
            "+I[a, 2020-10-10T00:00:40, 2020-10-10T00:00:45, 1, 10, 1]",
            "+I[c, 2020-10-10T00:00:40, 2020-10-10T00:00:45, 1, 12, 1]",
            "+I[d, 2020-10-10T00:00:40, 2020-10-10T00:00:45, 2, 24, 2]",
        ]);

    [Fact]
    public Task Group_window_aggregate_hop_event_time() => Run("group-window-aggregate-hop-event-time", "name STRING, cnt BIGINT",
        "INSERT INTO sink_t SELECT name, COUNT(*) FROM source_t GROUP BY name, HOP(rowtime, INTERVAL '5' SECOND, INTERVAL '10' SECOND)",
        ["+I[a, 4]", "+I[b, 2]", "+I[a, 6]", "+I[a, 1]", "+I[b, 2]", "+I[b, 1]", "+I[b, 1]"],
        ["+I[b, 1]", "+I[null, 1]", "+I[b, 1]", "+I[null, 1]", "+I[a, 1]", "+I[d, 2]", "+I[c, 1]", "+I[a, 1]", "+I[c, 1]", "+I[d, 2]"]);

    [Fact]
    public Task Group_window_aggregate_session_event_time() => Run("group-window-aggregate-session-event-time", "name STRING, cnt BIGINT",
        "INSERT INTO sink_t SELECT name, COUNT(*) FROM source_t GROUP BY name, SESSION(rowtime, INTERVAL '3' SECOND)",
        ["+I[a, 4]", "+I[b, 2]", "+I[a, 1]", "+I[b, 1]"],
        ["+I[null, 1]", "+I[b, 1]", "+I[a, 1]", "+I[c, 1]", "+I[d, 2]"]);
}
