namespace StreamSql.Tests.HuntT;

/// <summary>Flink's <c>WindowJoinTestPrograms</c>: window joins (inner, left, right, full, semi, anti on TUMBLE; HOP;
/// CUMULATE) on event time, stopped with a savepoint and restored.</summary>
public sealed class WindowJoinRestoreTests : IDisposable
{
    private readonly string _dir = StateFixtures.TempDirectory();

    public void Dispose() => StateFixtures.Delete(_dir);

    private static readonly string[] Columns = ["ts", "id", "num", "name"];

    private const string Schema = "ts STRING, id STRING, num INT, name STRING, row_time AS TO_TIMESTAMP(`ts`), "
        + "WATERMARK for `row_time` AS `row_time` - INTERVAL '1' SECOND";

    private static readonly RestoreSource SourceOne = new("source_one_t", Schema,
        RestoreSource.Rows(Columns,
            ["2020-10-10 00:00:01", "L1", 1, "a"],
            ["2020-10-10 00:00:02", "L2", 2, "c"],
            ["2020-10-10 00:00:03", "L3", 2, "x"],
            ["2020-10-10 00:00:04", "L7", 5, "a"],
            ["2020-10-10 00:00:07", "L8", 3, "b"],
            ["2020-10-10 00:00:06", "L6", 6, "b"], // out of order
            ["2020-10-10 00:00:08", "L9", 3, "a"],
            ["2020-10-10 00:00:04", "L4", 5, "a"], // late
            ["2020-10-10 00:00:16", "L10", 4, "b"],
            ["2020-10-10 00:00:32", "L11", 7, null],
            ["2020-10-10 00:00:34", "L12", 1, "b"]),
        RestoreSource.Rows(Columns,
            ["2020-10-10 00:00:41", "L41", 10, "a"],
            ["2020-10-10 00:00:42", "L42", 11, "d"],
            ["2020-10-10 00:00:43", "L43", 12, "c"],
            ["2020-10-10 00:00:44", "L44", 13, "d"]));

    private static readonly RestoreSource SourceTwo = new("source_two_t", Schema,
        RestoreSource.Rows(Columns,
            ["2020-10-10 00:00:01", "R1", 5, "a"],
            ["2020-10-10 00:00:02", "R2", 7, "b"],
            ["2020-10-10 00:00:03", "R3", 7, "f"],
            ["2020-10-10 00:00:04", "R7", 3, "g"],
            ["2020-10-10 00:00:07", "R8", 8, "b"],
            ["2020-10-10 00:00:06", "R6", 6, "b"], // out of order
            ["2020-10-10 00:00:08", "R9", 3, "a"],
            ["2020-10-10 00:00:04", "R4", 5, "a"], // late
            ["2020-10-10 00:00:17", "R17", 4, "k"],
            ["2020-10-10 00:00:31", "R31", 7, null],
            ["2020-10-10 00:00:33", "R33", 1, "b"]),
        RestoreSource.Rows(Columns,
            ["2020-10-10 00:00:41", "R41", 10, "y"],
            ["2020-10-10 00:00:42", "R42", 11, "c"],
            ["2020-10-10 00:00:43", "R43", 12, "x"],
            ["2020-10-10 00:00:44", "R44", 13, "z"]));

    private const string SinkSchema = "window_start TIMESTAMP(3), window_end TIMESTAMP(3), name STRING, L_id STRING, L_num INT, R_id STRING, R_num INT";

    private const string TumbleTvf = "TABLE(TUMBLE(TABLE {0}, DESCRIPTOR(row_time), INTERVAL '5' SECOND))";
    private const string HopTvf = "TABLE(HOP(TABLE {0}, DESCRIPTOR(row_time), INTERVAL '5' SECOND, INTERVAL '10' SECOND))";
    private const string CumulateTvf = "TABLE(CUMULATE(TABLE {0}, DESCRIPTOR(row_time), INTERVAL '5' SECOND, INTERVAL '10' SECOND))";

    private static string Query(string tvf, string join) =>
        "INSERT INTO sink_t SELECT\nL.window_start AS window_start,\nL.window_end AS window_end,\nL.name AS name,\nL.id AS L_id,\n"
        + "L.num AS L_num,\nR.id AS R_id,\nR.num AS R_num\nFROM\n(\n"
        + $"    SELECT * FROM {string.Format(tvf, "source_one_t")}\n) L\n{join}\n(\n    SELECT * FROM {string.Format(tvf, "source_two_t")}\n) R\n"
        + "ON L.name = R.name\nAND L.window_start = R.window_start\nAND L.window_end = R.window_end";

    private static string Exists(bool not) =>
        "INSERT INTO sink_t SELECT window_start, window_end, name, id, num, 'NOT_PRESENT', 0\n"
        + "           FROM (\n"
        + "               SELECT * FROM TABLE(TUMBLE(TABLE source_one_t, DESCRIPTOR(row_time), INTERVAL '5' SECOND))\n"
        + $"           ) L WHERE {(not ? "NOT " : "")}EXISTS (\n"
        + "             SELECT * FROM (   \n"
        + "               SELECT * FROM TABLE(TUMBLE(TABLE source_two_t, DESCRIPTOR(row_time), INTERVAL '5' SECOND))\n"
        + "             ) R "
        + "             WHERE L.name = R.name AND L.window_start = R.window_start AND L.window_end = R.window_end)";

    private Task Run(string name, string sql, string[] before, string[] after) =>
        RestoreProgramRunner.RunAsync(new RestoreProgram(name, [SourceOne, SourceTwo], SinkSchema, sql, before, after), _dir);

    [Fact]
    public Task Window_join_inner_tumble_event_time() => Run("window-join-inner-tumble-event-time", Query(TumbleTvf, "JOIN"),
        [
            "+I[2020-10-10T00:00, 2020-10-10T00:00:05, a, L1, 1, R1, 5]",
            "+I[2020-10-10T00:00, 2020-10-10T00:00:05, a, L7, 5, R1, 5]",
            "+I[2020-10-10T00:00:05, 2020-10-10T00:00:10, b, L8, 3, R8, 8]",
            "+I[2020-10-10T00:00:05, 2020-10-10T00:00:10, b, L8, 3, R6, 6]",
            "+I[2020-10-10T00:00:05, 2020-10-10T00:00:10, b, L6, 6, R8, 8]",
            "+I[2020-10-10T00:00:05, 2020-10-10T00:00:10, b, L6, 6, R6, 6]",
            "+I[2020-10-10T00:00:05, 2020-10-10T00:00:10, a, L9, 3, R9, 3]",
        ],
        [
            "+I[2020-10-10T00:00:30, 2020-10-10T00:00:35, b, L12, 1, R33, 1]",
            "+I[2020-10-10T00:00:40, 2020-10-10T00:00:45, c, L43, 12, R42, 11]",
        ]);

    [Fact]
    public Task Window_join_left_tumble_event_time() => Run("window-join-left-tumble-event-time", Query(TumbleTvf, "LEFT JOIN"),
        [
            "+I[2020-10-10T00:00, 2020-10-10T00:00:05, a, L1, 1, R1, 5]",
            "+I[2020-10-10T00:00, 2020-10-10T00:00:05, a, L7, 5, R1, 5]",
            "+I[2020-10-10T00:00, 2020-10-10T00:00:05, x, L3, 2, null, null]",
            "+I[2020-10-10T00:00, 2020-10-10T00:00:05, c, L2, 2, null, null]",
            "+I[2020-10-10T00:00:05, 2020-10-10T00:00:10, b, L8, 3, R8, 8]",
            "+I[2020-10-10T00:00:05, 2020-10-10T00:00:10, b, L8, 3, R6, 6]",
            "+I[2020-10-10T00:00:05, 2020-10-10T00:00:10, b, L6, 6, R8, 8]",
            "+I[2020-10-10T00:00:05, 2020-10-10T00:00:10, b, L6, 6, R6, 6]",
            "+I[2020-10-10T00:00:05, 2020-10-10T00:00:10, a, L9, 3, R9, 3]",
            "+I[2020-10-10T00:00:15, 2020-10-10T00:00:20, b, L10, 4, null, null]",
        ],
        [
            "+I[2020-10-10T00:00:30, 2020-10-10T00:00:35, b, L12, 1, R33, 1]",
            "+I[2020-10-10T00:00:30, 2020-10-10T00:00:35, null, L11, 7, null, null]",
            "+I[2020-10-10T00:00:40, 2020-10-10T00:00:45, a, L41, 10, null, null]",
            "+I[2020-10-10T00:00:40, 2020-10-10T00:00:45, d, L42, 11, null, null]",
            "+I[2020-10-10T00:00:40, 2020-10-10T00:00:45, d, L44, 13, null, null]",
            "+I[2020-10-10T00:00:40, 2020-10-10T00:00:45, c, L43, 12, R42, 11]",
        ]);

    [Fact]
    public Task Window_join_right_tumble_event_time() => Run("window-join-right-tumble-event-time", Query(TumbleTvf, "RIGHT JOIN"),
        [
            "+I[2020-10-10T00:00, 2020-10-10T00:00:05, a, L1, 1, R1, 5]",
            "+I[2020-10-10T00:00, 2020-10-10T00:00:05, a, L7, 5, R1, 5]",
            "+I[null, null, null, null, null, R7, 3]",
            "+I[null, null, null, null, null, R2, 7]",
            "+I[null, null, null, null, null, R3, 7]",
            "+I[2020-10-10T00:00:05, 2020-10-10T00:00:10, b, L8, 3, R8, 8]",
            "+I[2020-10-10T00:00:05, 2020-10-10T00:00:10, b, L6, 6, R8, 8]",
            "+I[2020-10-10T00:00:05, 2020-10-10T00:00:10, b, L8, 3, R6, 6]",
            "+I[2020-10-10T00:00:05, 2020-10-10T00:00:10, b, L6, 6, R6, 6]",
            "+I[2020-10-10T00:00:05, 2020-10-10T00:00:10, a, L9, 3, R9, 3]",
            "+I[null, null, null, null, null, R17, 4]",
        ],
        [
            "+I[2020-10-10T00:00:30, 2020-10-10T00:00:35, b, L12, 1, R33, 1]",
            "+I[null, null, null, null, null, R31, 7]",
            "+I[null, null, null, null, null, R43, 12]",
            "+I[null, null, null, null, null, R44, 13]",
            "+I[null, null, null, null, null, R41, 10]",
            "+I[2020-10-10T00:00:40, 2020-10-10T00:00:45, c, L43, 12, R42, 11]",
        ]);

    [Fact]
    public Task Window_join_full_outer_tumble_event_time() => Run("window-join-full-outer-tumble-event-time", Query(TumbleTvf, "FULL OUTER JOIN"),
        [
            "+I[2020-10-10T00:00, 2020-10-10T00:00:05, a, L1, 1, R1, 5]",
            "+I[2020-10-10T00:00, 2020-10-10T00:00:05, a, L7, 5, R1, 5]",
            "+I[2020-10-10T00:00, 2020-10-10T00:00:05, x, L3, 2, null, null]",
            "+I[null, null, null, null, null, R7, 3]",
            "+I[2020-10-10T00:00, 2020-10-10T00:00:05, c, L2, 2, null, null]",
            "+I[null, null, null, null, null, R2, 7]",
            "+I[null, null, null, null, null, R3, 7]",
            "+I[2020-10-10T00:00:05, 2020-10-10T00:00:10, b, L8, 3, R8, 8]",
            "+I[2020-10-10T00:00:05, 2020-10-10T00:00:10, b, L8, 3, R6, 6]",
            "+I[2020-10-10T00:00:05, 2020-10-10T00:00:10, b, L6, 6, R8, 8]",
            "+I[2020-10-10T00:00:05, 2020-10-10T00:00:10, b, L6, 6, R6, 6]",
            "+I[2020-10-10T00:00:05, 2020-10-10T00:00:10, a, L9, 3, R9, 3]",
            "+I[2020-10-10T00:00:15, 2020-10-10T00:00:20, b, L10, 4, null, null]",
            "+I[null, null, null, null, null, R17, 4]",
        ],
        [
            "+I[2020-10-10T00:00:30, 2020-10-10T00:00:35, b, L12, 1, R33, 1]",
            "+I[2020-10-10T00:00:30, 2020-10-10T00:00:35, null, L11, 7, null, null]",
            "+I[null, null, null, null, null, R31, 7]",
            "+I[2020-10-10T00:00:40, 2020-10-10T00:00:45, a, L41, 10, null, null]",
            "+I[2020-10-10T00:00:40, 2020-10-10T00:00:45, d, L42, 11, null, null]",
            "+I[2020-10-10T00:00:40, 2020-10-10T00:00:45, d, L44, 13, null, null]",
            "+I[null, null, null, null, null, R43, 12]",
            "+I[null, null, null, null, null, R44, 13]",
            "+I[null, null, null, null, null, R41, 10]",
            "+I[2020-10-10T00:00:40, 2020-10-10T00:00:45, c, L43, 12, R42, 11]",
        ]);

    [Fact]
    public Task Window_join_semi_tumble_event_time() => Run("window-join-semi-tumble-event-time", Exists(not: false),
        [
            "+I[2020-10-10T00:00, 2020-10-10T00:00:05, a, L1, 1, NOT_PRESENT, 0]",
            "+I[2020-10-10T00:00, 2020-10-10T00:00:05, a, L7, 5, NOT_PRESENT, 0]",
            "+I[2020-10-10T00:00:05, 2020-10-10T00:00:10, b, L8, 3, NOT_PRESENT, 0]",
            "+I[2020-10-10T00:00:05, 2020-10-10T00:00:10, b, L6, 6, NOT_PRESENT, 0]",
            "+I[2020-10-10T00:00:05, 2020-10-10T00:00:10, a, L9, 3, NOT_PRESENT, 0]",
        ],
        [
            "+I[2020-10-10T00:00:30, 2020-10-10T00:00:35, b, L12, 1, NOT_PRESENT, 0]",
            "+I[2020-10-10T00:00:40, 2020-10-10T00:00:45, c, L43, 12, NOT_PRESENT, 0]",
        ]);

    [Fact]
    public Task Window_join_anti_tumble_event_time() => Run("window-join-anti-tumble-event-time", Exists(not: true),
        [
            "+I[2020-10-10T00:00, 2020-10-10T00:00:05, x, L3, 2, NOT_PRESENT, 0]",
            "+I[2020-10-10T00:00, 2020-10-10T00:00:05, c, L2, 2, NOT_PRESENT, 0]",
            "+I[2020-10-10T00:00:15, 2020-10-10T00:00:20, b, L10, 4, NOT_PRESENT, 0]",
        ],
        [
            "+I[2020-10-10T00:00:30, 2020-10-10T00:00:35, null, L11, 7, NOT_PRESENT, 0]",
            "+I[2020-10-10T00:00:40, 2020-10-10T00:00:45, a, L41, 10, NOT_PRESENT, 0]",
            "+I[2020-10-10T00:00:40, 2020-10-10T00:00:45, d, L42, 11, NOT_PRESENT, 0]",
            "+I[2020-10-10T00:00:40, 2020-10-10T00:00:45, d, L44, 13, NOT_PRESENT, 0]",
        ]);

    private static readonly string[] HopAndCumulateCommon =
    [
        "+I[2020-10-10T00:00, 2020-10-10T00:00:10, a, L1, 1, R1, 5]",
        "+I[2020-10-10T00:00, 2020-10-10T00:00:10, a, L1, 1, R9, 3]",
        "+I[2020-10-10T00:00, 2020-10-10T00:00:10, a, L1, 1, R4, 5]",
        "+I[2020-10-10T00:00, 2020-10-10T00:00:10, a, L7, 5, R1, 5]",
        "+I[2020-10-10T00:00, 2020-10-10T00:00:10, a, L7, 5, R9, 3]",
        "+I[2020-10-10T00:00, 2020-10-10T00:00:10, a, L7, 5, R4, 5]",
        "+I[2020-10-10T00:00, 2020-10-10T00:00:10, a, L9, 3, R1, 5]",
        "+I[2020-10-10T00:00, 2020-10-10T00:00:10, a, L9, 3, R9, 3]",
        "+I[2020-10-10T00:00, 2020-10-10T00:00:10, a, L9, 3, R4, 5]",
        "+I[2020-10-10T00:00, 2020-10-10T00:00:10, a, L4, 5, R1, 5]",
        "+I[2020-10-10T00:00, 2020-10-10T00:00:10, a, L4, 5, R9, 3]",
        "+I[2020-10-10T00:00, 2020-10-10T00:00:10, a, L4, 5, R4, 5]",
        "+I[2020-10-10T00:00, 2020-10-10T00:00:10, b, L8, 3, R2, 7]",
        "+I[2020-10-10T00:00, 2020-10-10T00:00:10, b, L8, 3, R8, 8]",
        "+I[2020-10-10T00:00, 2020-10-10T00:00:10, b, L8, 3, R6, 6]",
        "+I[2020-10-10T00:00, 2020-10-10T00:00:10, b, L6, 6, R2, 7]",
        "+I[2020-10-10T00:00, 2020-10-10T00:00:10, b, L6, 6, R8, 8]",
        "+I[2020-10-10T00:00, 2020-10-10T00:00:10, b, L6, 6, R6, 6]",
    ];

    [Fact]
    public Task Window_join_hop_event_time() => Run("window-join-hop-event-time", Query(HopTvf, "JOIN"),
        [
            "+I[2020-10-09T23:59:55, 2020-10-10T00:00:05, a, L1, 1, R1, 5]",
            "+I[2020-10-09T23:59:55, 2020-10-10T00:00:05, a, L7, 5, R1, 5]",
            .. HopAndCumulateCommon,
            "+I[2020-10-10T00:00:05, 2020-10-10T00:00:15, a, L9, 3, R9, 3]",
            "+I[2020-10-10T00:00:05, 2020-10-10T00:00:15, b, L8, 3, R8, 8]",
            "+I[2020-10-10T00:00:05, 2020-10-10T00:00:15, b, L8, 3, R6, 6]",
            "+I[2020-10-10T00:00:05, 2020-10-10T00:00:15, b, L6, 6, R8, 8]",
            "+I[2020-10-10T00:00:05, 2020-10-10T00:00:15, b, L6, 6, R6, 6]",
        ],
        [
            "+I[2020-10-10T00:00:25, 2020-10-10T00:00:35, b, L12, 1, R33, 1]",
            "+I[2020-10-10T00:00:30, 2020-10-10T00:00:40, b, L12, 1, R33, 1]",
            "+I[2020-10-10T00:00:35, 2020-10-10T00:00:45, c, L43, 12, R42, 11]",
            "+I[2020-10-10T00:00:40, 2020-10-10T00:00:50, c, L43, 12, R42, 11]",
        ]);

    [Fact]
    public Task Window_join_cumulate_event_time() => Run("window-join-cumulate-event-time", Query(CumulateTvf, "JOIN"),
        [
            "+I[2020-10-10T00:00, 2020-10-10T00:00:05, a, L1, 1, R1, 5]",
            "+I[2020-10-10T00:00, 2020-10-10T00:00:05, a, L7, 5, R1, 5]",
            .. HopAndCumulateCommon,
        ],
        [
            "+I[2020-10-10T00:00:30, 2020-10-10T00:00:35, b, L12, 1, R33, 1]",
            "+I[2020-10-10T00:00:30, 2020-10-10T00:00:40, b, L12, 1, R33, 1]",
            "+I[2020-10-10T00:00:40, 2020-10-10T00:00:45, c, L43, 12, R42, 11]",
            "+I[2020-10-10T00:00:40, 2020-10-10T00:00:50, c, L43, 12, R42, 11]",
        ]);
}
