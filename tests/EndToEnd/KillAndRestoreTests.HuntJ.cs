using System.Globalization;

namespace StreamSql.EndToEnd;

/// <summary>Kill -9 and resume of a daily TUMBLE over a TIMESTAMP_LTZ rowtime in Asia/Shanghai (windows aligned on the
/// zone's midnight, 16:00 UTC), as the Flink time-zone documentation scripts it.</summary>
public sealed partial class KillAndRestoreMoreTests
{
    /// <summary>Row id at id * 10 minutes of event time, key id % 3, 144 rows a day: the daily window rows of the killed and
    /// restored runs equal an uninterrupted run's (window bounds on Shanghai's wall clock, window_time the instant of the
    /// end minus 1 ms written in UTC), each exactly once.</summary>
    [Theory]
    [InlineData("hashmap", "1,2,1")]
    [InlineData("rocksdb", "2,1,2")]
    public async Task Daily_tumble_over_a_timestamp_ltz_in_shanghai_killed_and_restored_commits_every_day_exactly_once(string backend, string parallelisms)
    {
        const int Rows = 8_000;
        const long Minute = 60_000, Day = 86_400_000, Shanghai = 8 * 3_600_000;
        var perRun = ParallelismsOf(parallelisms);
        void Script(int run) => WriteScript(Settings(backend, ParallelismOfRun(perRun, run)) + "SET 'table.local-time-zone' = 'Asia/Shanghai';\n",
            "CREATE TABLE src (id BIGINT, k AS CAST(id % 3 AS INT), ts_ltz AS TO_TIMESTAMP_LTZ(id * 600000, 3), "
            + "WATERMARK FOR ts_ltz AS ts_ltz - INTERVAL '1' MINUTE) "
            + $"WITH ('connector' = 'datagen', 'rows-per-second' = '1500', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '{Rows}');",
            "CREATE TABLE out (k INT, window_start TIMESTAMP(3), window_end TIMESTAMP(3), window_time TIMESTAMP_LTZ(3), n BIGINT, total BIGINT) "
            + "WITH ('connector' = 'filesystem', 'path' = '" + Out + "', 'format' = 'csv');",
            "INSERT INTO out SELECT k, window_start, window_end, window_time, COUNT(*), SUM(id) "
            + "FROM TABLE(TUMBLE(TABLE src, DESCRIPTOR(ts_ltz), INTERVAL '1' DAY)) GROUP BY k, window_start, window_end, window_time;");
        var days = new SortedDictionary<(long K, long Start), (long N, long Sum)>();
        for (long id = 1; id <= Rows; id++)
        {
            long wall = id * 10 * Minute + Shanghai, start = wall - wall % Day;
            var (n, sum) = days.GetValueOrDefault((id % 3, start));
            days[(id % 3, start)] = (n + 1, sum + id);
        }
        static string Wall(long ms) => DateTime.UnixEpoch.AddMilliseconds(ms).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        var expected = days.Select(d => string.Create(CultureInfo.InvariantCulture,
            $"{d.Key.K},\"{Wall(d.Key.Start)}\",\"{Wall(d.Key.Start + Day)}\","
            + $"\"{DateTime.UnixEpoch.AddMilliseconds(d.Key.Start + Day - Shanghai - 1).ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture)}Z\","
            + $"{d.Value.N},{d.Value.Sum}")).ToList();
        await KillRestartAndFinishAsync(kills: perRun.Length - 1, expected, maxDelayMs: 400, beforeRun: Script, lastKillAfterOutput: true);
    }
}
