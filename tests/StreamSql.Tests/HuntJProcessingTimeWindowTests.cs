namespace StreamSql.Tests;

/// <summary>
/// A processing-time window's time attribute (TUMBLE_PROCTIME, window_time of a window TVF aggregation) in a session time
/// zone: as Flink's, processing time has millisecond precision (<c>System.currentTimeMillis()</c>), so the TIMESTAMP_LTZ(3)
/// value carries no microseconds, whatever a sink or a cast to TIMESTAMP(6) shows of it.
/// </summary>
public sealed class HuntJProcessingTimeWindowTests
{
    [Theory]
    [InlineData("SELECT TUMBLE_PROCTIME(pt, INTERVAL '0.2' SECOND) AS wt FROM src GROUP BY TUMBLE(pt, INTERVAL '0.2' SECOND)")]
    [InlineData("SELECT window_time AS wt FROM TABLE(TUMBLE(TABLE src, DESCRIPTOR(pt), INTERVAL '0.2' SECOND)) GROUP BY window_start, window_end, window_time")]
    public async Task The_window_proctime_has_millisecond_precision(string windows)
    {
        await using var env = Sessions.Create(null, [("table.local-time-zone", "Asia/Shanghai")]);
        env.ExecuteSql("CREATE TABLE src (id BIGINT, pt AS PROCTIME()) WITH ('connector' = 'datagen', 'rows-per-second' = '200')");
        await using var result = await Task.Run(() => env.Query($"SELECT CAST(CAST(wt AS TIMESTAMP(6)) AS STRING) FROM ({windows})"));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var rows = result.ReadRowsAsync(timeout.Token).GetAsyncEnumerator(timeout.Token);
        for (int i = 0; i < 3; i++)
        {
            Assert.True(await rows.MoveNextAsync(), "no processing-time window fired");
            Assert.Matches(@"^\+I\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}000\]$", rows.Current.ToString());
        }
        await result.CancelAsync();
    }
}
