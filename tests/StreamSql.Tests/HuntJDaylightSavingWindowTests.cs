namespace StreamSql.Tests;

/// <summary>
/// Hour windows over a TIMESTAMP_LTZ time attribute in America/Los_Angeles on the day clocks skip 02:00-03:00
/// (2021-03-14). As Flink's <c>TimeWindowUtil.toEpochMillsForTimer</c>, the window [01:00, 02:00) fires when the watermark
/// passes 01:59:59.999 PST (09:59:59.999 UTC), its last instant; it must not fire an hour early (when the watermark reaches
/// 01:00 PST) and drop the rest of its hour as late.
/// </summary>
public sealed class HuntJDaylightSavingWindowTests : IDisposable
{
    private readonly string _dir = StateFixtures.TempDirectory();

    public void Dispose() => StateFixtures.Delete(_dir);

    // 2021-03-14 00:00 PST, 01:00 PST; then 01:30 PST and 03:00 PDT (the hour after 01:59:59 PST).
    private static readonly string[] First = ["a,1615708800000", "b,1615712400000"];
    private static readonly string[] Second = ["b2,1615714200000", "c,1615716000000"];

    [Theory]
    [InlineData("TWO_PHASE")]
    [InlineData("ONE_PHASE")]
    public async Task The_hour_before_the_skipped_hour_fires_at_its_last_instant_with_all_its_rows(string phases)
    {
        string input = Path.Combine(_dir, "live");
        Directory.CreateDirectory(input);
        File.WriteAllLines(Path.Combine(input, "a.csv"), First);
        await using var env = Sessions.Create(null, [("table.local-time-zone", "America/Los_Angeles"), ("table.optimizer.agg-phase-strategy", phases)]);
        env.ExecuteSql("CREATE TABLE e (id STRING, ms BIGINT, ts AS TO_TIMESTAMP_LTZ(ms, 3), WATERMARK FOR ts AS ts) "
            + $"WITH ('connector' = 'filesystem', 'path' = '{input}', 'format' = 'csv', 'source.monitor-interval' = '50ms')");
        await using var result = await Task.Run(() => env.Query("SELECT CAST(window_start AS STRING), CAST(window_end AS STRING), "
            + "CAST(window_time AS STRING), COUNT(*), MAX(id) FROM TABLE(TUMBLE(TABLE e, DESCRIPTOR(ts), INTERVAL '1' HOUR)) "
            + "GROUP BY window_start, window_end, window_time"));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var rows = result.ReadRowsAsync(timeout.Token).GetAsyncEnumerator(timeout.Token);
        Assert.True(await rows.MoveNextAsync(), "the first hour's window did not fire");
        Assert.Equal("+I[2021-03-14 00:00:00.000, 2021-03-14 01:00:00.000, 2021-03-14 00:59:59.999, 1, a]", rows.Current.ToString());

        // Written under a hidden name, then renamed: a monitored directory reads each file once, as soon as it sees it.
        File.WriteAllLines(Path.Combine(input, "_b.csv"), Second);
        File.Move(Path.Combine(input, "_b.csv"), Path.Combine(input, "b.csv"));
        Assert.True(await rows.MoveNextAsync(), "the second hour's window did not fire");
        Assert.Equal("+I[2021-03-14 01:00:00.000, 2021-03-14 02:00:00.000, 2021-03-14 01:59:59.999, 2, b2]", rows.Current.ToString());
        await result.CancelAsync();
    }
}
