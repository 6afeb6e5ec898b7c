namespace StreamSql.Tests.HuntT;

/// <summary>Flink's <c>MiniBatchAssignerTestPrograms</c> (mini-batch on, 1 s, 5 rows): a window join on event time and a
/// COUNT(DISTINCT) group aggregation on processing time whose mini-batch folds a key's changes, stopped with a savepoint
/// and restored.</summary>
public sealed class MiniBatchAssignerRestoreTests : IDisposable
{
    private readonly string _dir = StateFixtures.TempDirectory();

    public void Dispose() => StateFixtures.Delete(_dir);

    private static readonly (string, string)[] MiniBatch =
    [
        ("table.exec.mini-batch.enabled", "true"),
        ("table.exec.mini-batch.allow-latency", "1 s"),
        ("table.exec.mini-batch.size", "5"),
    ];

    [Fact]
    public Task Mini_batch_assigner_row_time()
    {
        string[] columns = ["ts", "id", "num", "name"];
        const string Schema = "ts STRING, id STRING, num INT, name STRING, row_time AS TO_TIMESTAMP(`ts`), "
            + "WATERMARK for `row_time` AS `row_time` - INTERVAL '1' SECOND";
        var one = new RestoreSource("source_one_t", Schema,
            RestoreSource.Rows(columns, ["2020-10-10 00:00:01", "L1", 1, "a"], ["2020-10-10 00:00:02", "L2", 2, "c"], ["2020-10-10 00:00:03", "L3", 2, "x"]),
            RestoreSource.Rows(columns, ["2020-10-10 00:00:41", "L41", 10, "a"], ["2020-10-10 00:00:42", "L42", 11, "c"]));
        var two = new RestoreSource("source_two_t", Schema,
            RestoreSource.Rows(columns, ["2020-10-10 00:00:01", "R1", 5, "a"], ["2020-10-10 00:00:02", "R2", 7, "b"], ["2020-10-10 00:00:03", "R3", 7, "f"]),
            RestoreSource.Rows(columns, ["2020-10-10 00:00:41", "R41", 10, "y"], ["2020-10-10 00:00:42", "R42", 11, "c"]));
        return RestoreProgramRunner.RunAsync(new RestoreProgram("mini-batch-assigner-row-time", [one, two],
            "window_start TIMESTAMP(3), window_end TIMESTAMP(3), name STRING, L_id STRING, L_num INT, R_id STRING, R_num INT",
            "INSERT INTO sink_t SELECT\nL.window_start AS window_start,\nL.window_end AS window_end,\nL.name AS name,\nL.id AS L_id,\n"
            + "L.num AS L_num,\nR.id AS R_id,\nR.num AS R_num\nFROM\n(\n"
            + "    SELECT * FROM TABLE(TUMBLE(TABLE source_one_t, DESCRIPTOR(row_time), INTERVAL '1' SECOND))\n) L\nJOIN\n(\n"
            + "    SELECT * FROM TABLE(TUMBLE(TABLE source_two_t, DESCRIPTOR(row_time), INTERVAL '1' SECOND))\n) R\n"
            + "ON L.name = R.name\nAND L.window_start = R.window_start\nAND L.window_end = R.window_end",
            ["+I[2020-10-10T00:00:01, 2020-10-10T00:00:02, a, L1, 1, R1, 5]"],
            ["+I[2020-10-10T00:00:42, 2020-10-10T00:00:43, c, L42, 11, R42, 11]"]) { Config = MiniBatch }, _dir);
    }

    [Fact]
    public Task Mini_batch_assigner_proc_time()
    {
        string[] columns = ["a", "b", "c"];
        return RestoreProgramRunner.RunAsync(new RestoreProgram("mini-batch-assigner-proc-time",
            [new RestoreSource("source_t", "a INT, b BIGINT, c VARCHAR",
                RestoreSource.Rows(columns, [1, 1L, "hi"], [2, 2L, "hello"], [3, 2L, "hello world"]),
                RestoreSource.Rows(columns, [3, 2L, "foo"], [4, 4L, "bar"], [5, 2L, "foo bar"]))],
            "b BIGINT, a BIGINT",
            "INSERT INTO sink_t\n     SELECT\n         b,\n         COUNT(DISTINCT a) AS a\n     FROM source_t\n     GROUP BY b",
            ["+I[1, 1]", "+I[2, 2]"], ["-U[2, 2]", "+U[2, 3]", "+I[4, 1]"]) { Config = MiniBatch }, _dir);
    }
}
