using System.Globalization;
using StreamSql.Tests.Approx;

namespace StreamSql.EndToEnd;

/// <summary>Kill -9 and resume of a HOP window aggregation with APPROX_COUNT_DISTINCT: the slices' HyperLogLog sketches are
/// checkpointed, restored (rescaled to another parallelism, on both backends) and merged when the windows fire.</summary>
public sealed partial class KillAndRestoreMoreTests
{
    /// <summary>Row id at id * 10 ms of event time, key id % 7, score id * 7919 % 1000 (repeating; an INT, as Calcite types a
    /// MOD by its divisor, so hashed as an int): every window row of the
    /// killed and restored runs is committed exactly once, with the estimate an independent sketch gives for the distinct
    /// scores of its key and window (and the exact count beside it).</summary>
    [Theory]
    [InlineData("hashmap", "1,2,1")]
    [InlineData("rocksdb", "2,1,2")]
    public async Task Approx_count_distinct_in_hop_windows_killed_and_restored_commits_every_window_exactly_once(string backend, string parallelisms)
    {
        const int Rows = 8_000;
        const int Size = 3;
        var perRun = ParallelismsOf(parallelisms);
        void Script(int run) => WriteScript(Settings(backend, ParallelismOfRun(perRun, run)),
            "CREATE TABLE src (id BIGINT, ts AS CAST(TO_TIMESTAMP_LTZ(id * 10, 3) AS TIMESTAMP(3)), score AS id * 7919 % 1000, "
            + "WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) "
            + $"WITH ('connector' = 'datagen', 'rows-per-second' = '2000', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '{Rows}');",
            "CREATE TABLE out (k BIGINT, window_start TIMESTAMP(3), window_end TIMESTAMP(3), approx BIGINT, exact BIGINT) "
            + "WITH ('connector' = 'filesystem', 'path' = '" + Out + "', 'format' = 'csv');",
            "INSERT INTO out SELECT CAST(id % 7 AS BIGINT), window_start, window_end, APPROX_COUNT_DISTINCT(score), COUNT(DISTINCT score) "
            + $"FROM TABLE(HOP(TABLE src, DESCRIPTOR(ts), INTERVAL '1' SECOND, INTERVAL '{Size}' SECOND)) GROUP BY CAST(id % 7 AS BIGINT), window_start, window_end;");
        var windows = new SortedDictionary<(long Key, long End), HashSet<long>>();
        for (long id = 1; id <= Rows; id++)
        {
            long firstEnd = id * 10 / 1000 + 1;
            for (long end = firstEnd; end < firstEnd + Size; end++)
            {
                if (!windows.TryGetValue((id % 7, end), out var scores)) windows[(id % 7, end)] = scores = new();
                scores.Add(id * 7919 % 1000);
            }
        }
        static string Time(long seconds) => CsvTimestamp(DateTime.UnixEpoch.AddSeconds(seconds).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
        long Estimate(HashSet<long> scores)
        {
            var sketch = new ReferenceHyperLogLog();
            foreach (long s in scores) sketch.AddInt((int)s);
            return sketch.Estimate();
        }
        var expected = windows.Select(w => string.Create(CultureInfo.InvariantCulture,
            $"{w.Key.Key},{Time(w.Key.End - Size)},{Time(w.Key.End)},{Estimate(w.Value)},{w.Value.Count}")).ToList();
        await KillRestartAndFinishAsync(kills: perRun.Length - 1, expected, maxDelayMs: 400, beforeRun: Script, lastKillAfterOutput: true);
    }
}
