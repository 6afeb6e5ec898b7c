namespace StreamSql.Tests.HuntT;

/// <summary>Flink's <c>OverWindowTestPrograms</c>, stopped with a savepoint and restored.</summary>
public sealed class OverWindowRestoreTests : IDisposable
{
    private readonly string _dir = StateFixtures.TempDirectory();

    public void Dispose() => StateFixtures.Delete(_dir);

    [Fact]
    public Task Over_aggregate_lag() => RestoreProgramRunner.RunAsync(new RestoreProgram("over-aggregate-lag",
        [new RestoreSource("t", "ts STRING, b MAP<DOUBLE, DOUBLE>, `r_time` AS TO_TIMESTAMP(`ts`), WATERMARK for `r_time` AS `r_time`",
            RestoreSource.Rows(["ts", "b"], ["2020-04-15 08:00:05", new Dictionary<string, double> { ["42.0"] = 42.0 }]),
            RestoreSource.Rows(["ts", "b"], ["2020-04-15 08:00:06", new Dictionary<string, double> { ["42.1"] = 42.1 }]))],
        "ts STRING, b MAP<DOUBLE, DOUBLE>",
        "INSERT INTO sink_t SELECT ts, LAG(b, 1) over (order by r_time) AS bLag FROM t",
        ["+I[2020-04-15 08:00:05, null]"], ["+I[2020-04-15 08:00:06, {42.0=42.0}]"]), _dir);
}
