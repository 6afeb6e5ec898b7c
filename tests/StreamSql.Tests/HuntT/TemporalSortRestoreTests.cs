namespace StreamSql.Tests.HuntT;

/// <summary>Flink's <c>TemporalSortTestPrograms</c> and <c>WatermarkAssignerTestPrograms</c> (the basic filter; the
/// metadata push-down program configures the values connector only), stopped with a savepoint and restored.</summary>
public sealed class TemporalSortRestoreTests : IDisposable
{
    private readonly string _dir = StateFixtures.TempDirectory();

    public void Dispose() => StateFixtures.Delete(_dir);

    [Fact]
    public Task Temporal_sort_proctime() => RestoreProgramRunner.RunAsync(new RestoreProgram("temporal-sort-proctime",
        [new RestoreSource("source_t", "a INT, b BIGINT, c STRING, `proctime` as PROCTIME()",
            RestoreSource.Rows(["a", "b", "c"], [1, 1L, "Hi"], [2, 2L, "Hello"], [3, 2L, "Hello world"]),
            RestoreSource.Rows(["a", "b", "c"], [4, 1L, "Guten Morgen"], [5, 2L, "Guten Tag"]))],
        "a INT", "INSERT INTO sink_t SELECT a from source_t ORDER BY proctime",
        ["+I[1]", "+I[2]", "+I[3]"], ["+I[4]", "+I[5]"]), _dir);

    [Fact]
    public Task Temporal_sort_rowtime()
    {
        string[] columns = ["ts", "int", "double"];
        return RestoreProgramRunner.RunAsync(new RestoreProgram("temporal-sort-rowtime",
            [new RestoreSource("source_t", "ts STRING, `int` INT, `double` DOUBLE, `rowtime` AS TO_TIMESTAMP(`ts`), "
                + "WATERMARK for `rowtime` AS `rowtime` - INTERVAL '1' SECOND",
                RestoreSource.Rows(columns,
                    ["2020-10-10 00:00:01", 1, 1d],
                    ["2020-10-10 00:00:02", 2, 2d],
                    ["2020-10-10 00:00:07", 5, 6d],
                    ["2020-10-10 00:00:07", 3, 3d],
                    ["2020-10-10 00:00:06", 6, 6d], // out of order
                    ["2020-10-10 00:00:08", 3, null],
                    ["2020-10-10 00:00:04", 5, 5d], // late
                    ["2020-10-10 00:00:16", 4, 4d]),
                RestoreSource.Rows(columns, ["2020-10-10 00:00:40", 10, 3d], ["2020-10-10 00:00:42", 11, 4d]))],
            "a INT", "insert into sink_t SELECT `int` FROM source_t order by rowtime, `double`",
            ["+I[1]", "+I[2]", "+I[6]", "+I[3]", "+I[5]", "+I[3]"], ["+I[4]", "+I[10]", "+I[11]"]) { Ordered = true }, _dir);
    }

    [Fact]
    public Task Watermark_assigner_basic_filter()
    {
        string[] columns = ["a", "b", "c", "ts_string", "ts"];
        return RestoreProgramRunner.RunAsync(new RestoreProgram("watermark-assigner-basic-filter",
            [new RestoreSource("source_t", "a INT, b BIGINT, c VARCHAR, ts_string STRING, ts TIMESTAMP(3), WATERMARK for ts AS ts - INTERVAL '1' SECOND",
                RestoreSource.Rows(columns,
                    [2, 2L, "Hello", "2020-04-15 08:00:00", "2020-04-15 08:00:00"],
                    [1, 1L, "Hi", "2020-04-15 08:00:01", "2020-04-15 08:00:01"],
                    [3, 2L, "Hello world", "2020-04-15 08:00:02", "2020-04-15 08:00:02"],
                    [4, 3L, "Hello world, how are you?", "2020-04-15 08:00:03", "2020-04-15 08:00:03"],
                    [5, 3L, "I am fine.", "2020-04-15 08:00:04", "2020-04-15 08:00:04"]),
                RestoreSource.Rows(columns,
                    [7, 4L, "Ack", "2020-04-15 08:00:21", "2020-04-15 08:00:21"],
                    [6, 5L, "Syn", "2020-04-15 08:00:23", "2020-04-15 08:00:23"],
                    [8, 3L, "Syn-Ack", "2020-04-15 08:00:25", "2020-04-15 08:00:25"],
                    [10, 3L, "Close", "2020-04-15 08:00:28", "2020-04-15 08:00:28"]))],
            "a INT, b BIGINT, ts TIMESTAMP(3)", "INSERT INTO sink_t SELECT a, b, ts FROM source_t WHERE b = 3",
            ["+I[4, 3, 2020-04-15T08:00:03]", "+I[5, 3, 2020-04-15T08:00:04]"],
            ["+I[8, 3, 2020-04-15T08:00:25]", "+I[10, 3, 2020-04-15T08:00:28]"]), _dir);
    }
}
