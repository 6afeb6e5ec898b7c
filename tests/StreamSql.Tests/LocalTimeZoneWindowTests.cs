namespace StreamSql.Tests;

/// <summary>
/// Windows over a TIMESTAMP_LTZ time attribute in a session time zone other than UTC (Asia/Shanghai, UTC+8), as Flink's
/// FLIP-162: windows are aligned on the zone's wall clock (a day window starts at local midnight); window_start and
/// window_end are TIMESTAMP(3) holding that wall time; window_time is a TIMESTAMP_LTZ(3), the instant of window_end minus
/// 1 ms; a window fires when the watermark passes that instant. Every way a window is planned is checked: the window
/// table function alone, its aggregation in one or two phases, an aggregation reading the columns it carries, the legacy
/// GROUP BY TUMBLE, SESSION, and a window Top-N.
/// </summary>
public sealed class LocalTimeZoneWindowTests : IDisposable
{
    private readonly string _dir = StateFixtures.TempDirectory();

    public void Dispose() => StateFixtures.Delete(_dir);

    // 2023-11-14 22:13:20 UTC = 11-15 06:13:20 in Shanghai; 11-15 12:06:40 UTC = 20:06:40; 11-15 23:13:20 UTC = 11-16 07:13:20.
    private static readonly string[] Rows = ["1,1700000000000", "2,1700050000000", "3,1700090000000"];

    private StreamSqlEnvironment Session(string path, bool monitored, params (string, string)[] settings)
    {
        var env = Sessions.Create(null, [("table.local-time-zone", "Asia/Shanghai"), .. settings]);
        string monitor = monitored ? ", 'source.monitor-interval' = '50ms'" : "";
        env.ExecuteSql("CREATE TABLE e (id INT, ms BIGINT, ts AS TO_TIMESTAMP_LTZ(ms, 3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) "
            + $"WITH ('connector' = 'filesystem', 'path' = '{path}', 'format' = 'csv'{monitor})");
        return env;
    }

    private const string Day = "TABLE(TUMBLE(TABLE e, DESCRIPTOR(ts), INTERVAL '1' DAY))";
    private const string Bounds = "CAST(window_start AS STRING), CAST(window_end AS STRING), CAST(window_time AS STRING)";

    public static TheoryData<string, string, string[]> Queries => new()
    {
        { "window table function", $"SELECT id, {Bounds} FROM {Day}", [
            "+I[1, 2023-11-15 00:00:00.000, 2023-11-16 00:00:00.000, 2023-11-15 23:59:59.999]",
            "+I[2, 2023-11-15 00:00:00.000, 2023-11-16 00:00:00.000, 2023-11-15 23:59:59.999]",
            "+I[3, 2023-11-16 00:00:00.000, 2023-11-17 00:00:00.000, 2023-11-16 23:59:59.999]"] },
        { "window aggregation", $"SELECT {Bounds}, COUNT(*) FROM {Day} GROUP BY window_start, window_end, window_time", [
            "+I[2023-11-15 00:00:00.000, 2023-11-16 00:00:00.000, 2023-11-15 23:59:59.999, 2]",
            "+I[2023-11-16 00:00:00.000, 2023-11-17 00:00:00.000, 2023-11-16 23:59:59.999, 1]"] },
        { "aggregation of the carried window", $"SELECT CAST(window_start AS STRING), CAST(window_end AS STRING), CAST(MAX(window_time) AS STRING), COUNT(*) FROM {Day} GROUP BY window_start, window_end", [
            "+I[2023-11-15 00:00:00.000, 2023-11-16 00:00:00.000, 2023-11-15 23:59:59.999, 2]",
            "+I[2023-11-16 00:00:00.000, 2023-11-17 00:00:00.000, 2023-11-16 23:59:59.999, 1]"] },
        { "legacy group window", "SELECT CAST(TUMBLE_START(ts, INTERVAL '1' DAY) AS STRING), CAST(TUMBLE_END(ts, INTERVAL '1' DAY) AS STRING), "
            + "CAST(TUMBLE_ROWTIME(ts, INTERVAL '1' DAY) AS STRING), COUNT(*) FROM e GROUP BY TUMBLE(ts, INTERVAL '1' DAY)", [
            "+I[2023-11-15 00:00:00.000, 2023-11-16 00:00:00.000, 2023-11-15 23:59:59.999, 2]",
            "+I[2023-11-16 00:00:00.000, 2023-11-17 00:00:00.000, 2023-11-16 23:59:59.999, 1]"] },
        { "session window", "SELECT CAST(window_start AS STRING), CAST(window_end AS STRING), CAST(window_time AS STRING), COUNT(*) "
            + "FROM TABLE(SESSION(TABLE e, DESCRIPTOR(ts), INTERVAL '1' HOUR)) GROUP BY window_start, window_end, window_time", [
            "+I[2023-11-15 06:13:20.000, 2023-11-15 07:13:20.000, 2023-11-15 07:13:19.999, 1]",
            "+I[2023-11-15 20:06:40.000, 2023-11-15 21:06:40.000, 2023-11-15 21:06:39.999, 1]",
            "+I[2023-11-16 07:13:20.000, 2023-11-16 08:13:20.000, 2023-11-16 08:13:19.999, 1]"] },
        { "window Top-N", $"SELECT id, CAST(window_start AS STRING), CAST(window_end AS STRING) FROM (SELECT *, ROW_NUMBER() OVER "
            + $"(PARTITION BY window_start, window_end ORDER BY ms DESC) AS rn FROM {Day}) WHERE rn = 1", [
            "+I[2, 2023-11-15 00:00:00.000, 2023-11-16 00:00:00.000]",
            "+I[3, 2023-11-16 00:00:00.000, 2023-11-17 00:00:00.000]"] },
        { "window join", $"SELECT L.id, R.id, CAST(L.window_start AS STRING), CAST(R.window_end AS STRING) FROM (SELECT * FROM {Day}) L "
            + $"JOIN (SELECT * FROM {Day}) R ON L.window_start = R.window_start AND L.window_end = R.window_end", [
            "+I[1, 1, 2023-11-15 00:00:00.000, 2023-11-16 00:00:00.000]",
            "+I[1, 2, 2023-11-15 00:00:00.000, 2023-11-16 00:00:00.000]",
            "+I[2, 1, 2023-11-15 00:00:00.000, 2023-11-16 00:00:00.000]",
            "+I[2, 2, 2023-11-15 00:00:00.000, 2023-11-16 00:00:00.000]",
            "+I[3, 3, 2023-11-16 00:00:00.000, 2023-11-17 00:00:00.000]"] },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Window_bounds_are_local_wall_time_and_window_time_the_instant(string shape, string sql, string[] expected)
    {
        string input = Path.Combine(_dir, "in.csv");
        File.WriteAllLines(input, Rows);
        await using var env = Session(input, monitored: false);
        await using var result = await Task.Run(() => env.Query(sql));
        var rows = new List<string>();
        await foreach (var row in result.ReadRowsAsync()) rows.Add(row.ToString()!);
        rows.Sort(StringComparer.Ordinal);
        Assert.True(expected.SequenceEqual(rows), $"{shape}: {string.Join(" ", rows)}");
    }

    /// <summary>On an input that never ends, the first day's window fires once the watermark passes its end's instant
    /// (11-15 16:00 UTC), not when it passes the wall time read as UTC (eight hours later).</summary>
    [Theory]
    [InlineData("TWO_PHASE")]
    [InlineData("ONE_PHASE")]
    public async Task A_window_fires_when_the_watermark_passes_the_instant_of_its_end(string phases)
    {
        string input = Path.Combine(_dir, "live");
        Directory.CreateDirectory(input);
        File.WriteAllLines(Path.Combine(input, "a.csv"), Rows);
        await using var env = Session(input, monitored: true, ("table.optimizer.agg-phase-strategy", phases));
        await using var result = await Task.Run(() => env.Query($"SELECT {Bounds}, COUNT(*) FROM {Day} GROUP BY window_start, window_end, window_time"));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var rows = result.ReadRowsAsync(timeout.Token).GetAsyncEnumerator(timeout.Token);
        Assert.True(await rows.MoveNextAsync(), "no window fired");
        Assert.Equal("+I[2023-11-15 00:00:00.000, 2023-11-16 00:00:00.000, 2023-11-15 23:59:59.999, 2]", rows.Current.ToString());
        await result.CancelAsync();
    }

    /// <summary>A window join fires a day's window at its end's instant too.</summary>
    [Fact]
    public async Task A_window_join_fires_when_the_watermark_passes_the_instant_of_its_end()
    {
        string input = Path.Combine(_dir, "live");
        Directory.CreateDirectory(input);
        File.WriteAllLines(Path.Combine(input, "a.csv"), Rows);
        await using var env = Session(input, monitored: true);
        await using var result = await Task.Run(() => env.Query($"SELECT L.id, R.id, CAST(L.window_end AS STRING) FROM (SELECT * FROM {Day}) L "
            + $"JOIN (SELECT * FROM {Day}) R ON L.id = R.id AND L.window_start = R.window_start AND L.window_end = R.window_end"));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var rows = result.ReadRowsAsync(timeout.Token).GetAsyncEnumerator(timeout.Token);
        var fired = new List<string>();
        for (int i = 0; i < 2; i++)
        {
            Assert.True(await rows.MoveNextAsync(), "the first day's window did not fire");
            fired.Add(rows.Current.ToString()!);
        }
        fired.Sort(StringComparer.Ordinal);
        Assert.Equal(["+I[1, 1, 2023-11-16 00:00:00.000]", "+I[2, 2, 2023-11-16 00:00:00.000]"], fired);
        await result.CancelAsync();
    }
}
