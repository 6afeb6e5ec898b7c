namespace StreamSql.Tests.HuntT;

/// <summary>Flink's <c>MatchRecognizeTestPrograms</c>: MATCH_RECOGNIZE on processing and event time, every AFTER MATCH
/// SKIP strategy, stopped with a savepoint and restored (partial matches and buffered rows live in the savepoint).</summary>
public sealed class MatchRecognizeRestoreTests : IDisposable
{
    private readonly string _dir = StateFixtures.TempDirectory();

    public void Dispose() => StateFixtures.Delete(_dir);

    [Fact]
    public async Task Match_simple()
    {
        string[] columns = ["id", "name"];
        var source = new RestoreSource("MyTable", "id bigint, name varchar, proctime as PROCTIME()",
            RestoreSource.Rows(columns, [1L, "a"], [2L, "z"], [3L, "b"], [4L, "c"], [5L, "d"], [6L, "a"], [7L, "b"], [8L, "c"], [9L, "a"], [10L, "b"]),
            RestoreSource.Rows(columns, [11L, "c"]));
        await RestoreProgramRunner.RunAsync(new RestoreProgram("match-simple", [source], "a bigint, b bigint, c bigint",
            "insert into MySink SELECT T.aid, T.bid, T.cid\n"
            + "     FROM MyTable MATCH_RECOGNIZE (\n"
            + "             ORDER BY proctime\n"
            + "             MEASURES\n"
            + "             `A\"`.id AS aid,\n"
            + "             l.id AS bid,\n"
            + "             C.id AS cid\n"
            + "             PATTERN (`A\"` l C)\n"
            + "             DEFINE\n"
            + "                 `A\"` AS name = 'a',\n"
            + "                 l AS name = 'b',\n"
            + "                 C AS name = 'c'\n"
            + "     ) AS T",
            ["+I[6, 7, 8]"], ["+I[9, 10, 11]"]) { SinkName = "MySink" }, _dir);
    }

    [Fact]
    public async Task Match_complex()
    {
        string[] columns = ["symbol", "tstamp", "price", "tax"];
        var source = new RestoreSource("MyTable", "symbol string, tstamp bigint, price int, tax int, proctime as PROCTIME()",
            RestoreSource.Rows(columns, ["ACME", 1L, 19, 1], ["BETA", 2L, 18, 1], ["ACME", 3L, 17, 2], ["ACME", 4L, 13, 3],
                ["BETA", 5L, 16, 2], ["ACME", 6L, 20, 4]),
            RestoreSource.Rows(columns, ["BETA", 7L, 22, 4]));
        await RestoreProgramRunner.RunAsync(new RestoreProgram("match-complex", [source], "somestring string, a bigint, b bigint, c bigint",
            "insert into MySink SELECT * FROM MyTable MATCH_RECOGNIZE (\n"
            + "  PARTITION BY symbol\n"
            + "  ORDER BY proctime\n"
            + "  MEASURES\n"
            + "    FIRST(DOWN.price) as first,\n"
            + "    LAST(DOWN.price) as last,\n"
            + "    FIRST(DOWN.price, 5) as nullPrice\n"
            + "  ONE ROW PER MATCH\n"
            + "  AFTER MATCH SKIP PAST LAST ROW\n"
            + "  PATTERN (DOWN{2,} UP)\n"
            + "  DEFINE\n"
            + "    DOWN AS price < LAST(DOWN.price, 1) OR LAST(DOWN.price, 1) IS NULL,\n"
            + "    UP AS price > LAST(DOWN.price)\n"
            + ") AS T",
            ["+I[ACME, 19, 13, null]"], ["+I[BETA, 18, 16, null]"]) { SinkName = "MySink" }, _dir);
    }

    private static readonly string[] EventColumns = ["ts", "price", "sequence_num"];

    private static readonly RestoreSource EventTimeSource = new("MyEventTimeTable",
        "ts STRING, price INT, sequence_num INT, `rowtime` AS TO_TIMESTAMP(`ts`), `proctime` AS PROCTIME(), "
        + "WATERMARK for `rowtime` AS `rowtime` - INTERVAL '2' SECOND",
        RestoreSource.Rows(EventColumns,
            ["2020-10-10 00:00:01", 10, 3],
            ["2020-10-10 00:00:01", 8, 2],
            ["2020-10-10 00:00:01", 9, 1],
            ["2020-10-10 00:00:04", 7, 4],
            ["2020-10-10 00:00:07", 8, 5],
            ["2020-10-10 00:00:06", 5, 6], // out of order, within the 2 s watermark delay
            ["2020-10-10 00:00:12", 3, 7],
            ["2020-10-10 00:00:08", 4, 8], // late
            ["2020-10-10 00:00:16", 4, 9],
            ["2020-10-10 00:00:32", 7, 10],
            ["2020-10-10 00:00:34", 5, 11]),
        RestoreSource.Rows(EventColumns,
            ["2020-10-10 00:00:33", 9, 12],
            ["2020-10-10 00:00:41", 3, 13],
            ["2020-10-10 00:00:42", 11, 16],
            ["2020-10-10 00:00:43", 12, 15],
            ["2020-10-10 00:00:44", 13, 14]));

    private static string EventTimeSql(string orderBy) =>
        "insert into MySink SELECT * FROM MyEventTimeTable MATCH_RECOGNIZE (\n"
        + $"   {orderBy}\n"
        + "  MEASURES\n"
        + "    FIRST(DOWN.price) as first,\n"
        + "    LAST(DOWN.price) as last,\n"
        + "    UP.price as up\n"
        + "  ONE ROW PER MATCH\n"
        + "  AFTER MATCH SKIP PAST LAST ROW\n"
        + "  PATTERN (DOWN{2,} UP)\n"
        + "  DEFINE\n"
        + "    DOWN AS price < LAST(DOWN.price, 1) OR LAST(DOWN.price, 1) IS NULL,\n"
        + "    UP AS price > LAST(DOWN.price)\n"
        + ") AS T";

    [Fact]
    public async Task Match_order_by_event_time() =>
        await RestoreProgramRunner.RunAsync(new RestoreProgram("match-order-by-event-time", [EventTimeSource],
            "first bigint, last bigint, up bigint", EventTimeSql("ORDER BY rowtime"),
            ["+I[10, 8, 9]", "+I[7, 5, 8]"], ["+I[9, 3, 11]"]) { SinkName = "MySink" }, _dir);

    [Fact]
    public async Task Match_order_by_int_column() =>
        await RestoreProgramRunner.RunAsync(new RestoreProgram("match-order-by-int-column", [EventTimeSource],
            "first bigint, last bigint, up bigint", EventTimeSql("ORDER BY rowtime, sequence_num"),
            ["+I[9, 8, 10]", "+I[7, 5, 8]"], ["+I[9, 3, 11]"]) { SinkName = "MySink" }, _dir);

    public static TheoryData<string, string, string[], string[]> SkipPrograms => new()
    {
        { "match-skip-to-first", "AFTER MATCH SKIP TO FIRST B", ["+I[1, 100, 106]", "+I[1, 105, 107]", "+I[1, 101, 101]"], ["+I[1, 100, 111]"] },
        { "match-skip-to-last", "AFTER MATCH SKIP TO LAST B", ["+I[1, 100, 106]", "+I[1, 105, 107]", "+I[1, 101, 101]"], ["+I[1, 100, 111]"] },
        {
            "match-skip-to-next-row", "AFTER MATCH SKIP TO NEXT ROW",
            ["+I[1, 100, 106]", "+I[1, 102, 106]", "+I[1, 104, 106]", "+I[1, 106, 106]", "+I[1, 105, 107]", "+I[1, 107, 107]", "+I[1, 101, 101]"],
            ["+I[1, 100, 111]", "+I[1, 110, 111]", "+I[1, 111, 111]"]
        },
        { "match-skip-past-last-row", "AFTER MATCH SKIP PAST LAST ROW", ["+I[1, 100, 106]", "+I[1, 107, 107]"], ["+I[1, 100, 111]"] },
    };

    [Theory]
    [MemberData(nameof(SkipPrograms))]
    public async Task Match_skip(string name, string skip, string[] before, string[] after)
    {
        string[] columns = ["vehicle_id", "engine_temperature"];
        var source = new RestoreSource("MyTable", "  vehicle_id bigint,\n  engine_temperature int,\n  proctime as PROCTIME()",
            RestoreSource.Rows(columns, [1L, 100], [1L, 102], [1L, 104], [1L, 106], [1L, 105], [1L, 107], [1L, 101], [1L, 100]),
            RestoreSource.Rows(columns, [1L, 110], [1L, 111], [1L, 99]));
        await RestoreProgramRunner.RunAsync(new RestoreProgram(name, [source], "  vehicle_id bigint,\n  Initial_Temp int,\n  Final_Temp int\n",
            "insert into MySink SELECT * FROM\n MyTable\n   MATCH_RECOGNIZE(\n   PARTITION BY vehicle_id\n   ORDER BY `proctime`\n"
            + "   MEASURES \n       FIRST(A.engine_temperature) as Initial_Temp,\n       LAST(A.engine_temperature) as Final_Temp\n"
            + $"   ONE ROW PER MATCH\n   {skip}\n   PATTERN (A+ B)\n   DEFINE\n"
            + "       A as LAST(A.engine_temperature,1) is NULL OR A.engine_temperature > LAST(A.engine_temperature,1),\n"
            + "       B as B.engine_temperature < LAST(A.engine_temperature)\n   )MR",
            before, after) { SinkName = "MySink" }, _dir);
    }
}
