using System.Globalization;

namespace StreamSql.EndToEnd;

/// <summary>Kill -9 and resume of event-time jobs whose answer depends on the order in which the source subtasks emit their
/// rows: late rows at parallelism 2 and a temporal join against a deduplicated (versioned) view. Flink's datagen deals a
/// sequence out to its subtasks (subtask s of P: start + s, start + s + P, ...), so the subtasks' event times stay abreast;
/// the expected rows assume that, and a restore at another parallelism must keep it so.</summary>
public sealed partial class KillAndRestoreMoreTests
{
    /// <summary>
    /// Every 100th row after row 3000 is 20 s late (its window fired long ago, whatever subtask reads it): a TUMBLE window
    /// count and an interval join drop it, as Flink does, at parallelism 2 and after restores at 1 and 2.
    /// </summary>
    [Theory]
    [InlineData("hashmap", "2,1,2")]
    [InlineData("rocksdb", "2,2,1")]
    public async Task Late_rows_at_parallelism_two_killed_and_restored_are_dropped_as_in_an_uninterrupted_run(string backend, string parallelisms)
    {
        const int Rows = 8_000;
        static bool Late(long id) => id % 100 == 50 && id > 3_000;
        var perRun = ParallelismsOf(parallelisms);
        void Script(int run) => WriteScript(Settings(backend, ParallelismOfRun(perRun, run)),
            "CREATE TABLE a (id BIGINT, ts AS CAST(TO_TIMESTAMP_LTZ(id * 10 - CASE WHEN MOD(id, 100) = 50 AND id > 3000 THEN 20000 ELSE 0 END, 3) AS TIMESTAMP(3)), "
            + "WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) "
            + $"WITH ('connector' = 'datagen', 'rows-per-second' = '2000', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '{Rows}');",
            "CREATE TABLE b (id BIGINT, ts AS CAST(TO_TIMESTAMP_LTZ(id * 10, 3) AS TIMESTAMP(3)), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) "
            + $"WITH ('connector' = 'datagen', 'rows-per-second' = '2000', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '{Rows}');",
            "CREATE TABLE out (kind STRING, x BIGINT, y BIGINT, z BIGINT) WITH ('connector' = 'filesystem', 'path' = '" + Out + "', 'format' = 'csv');",
            "EXECUTE STATEMENT SET BEGIN",
            "INSERT INTO out SELECT 'w', UNIX_TIMESTAMP(CAST(window_start AS STRING)), COUNT(*), SUM(id) "
            + "FROM TABLE(TUMBLE(TABLE a, DESCRIPTOR(ts), INTERVAL '1' SECOND)) GROUP BY window_start, window_end;",
            "INSERT INTO out SELECT 'j', a.id, b.id, 0 FROM a JOIN b ON a.id = b.id + 30 AND a.ts BETWEEN b.ts AND b.ts + INTERVAL '0.5' SECOND;",
            "END;");
        var windows = new SortedDictionary<long, (long N, long Sum)>();
        var expected = new List<string>();
        for (long id = 1; id <= Rows; id++)
        {
            if (Late(id)) continue;
            var (n, sum) = windows.GetValueOrDefault(id * 10 / 1000);
            windows[id * 10 / 1000] = (n + 1, sum + id);
            if (id > 30) expected.Add(string.Create(CultureInfo.InvariantCulture, $"j,{id},{id - 30},0"));
        }
        expected.AddRange(windows.Select(w => string.Create(CultureInfo.InvariantCulture, $"w,{w.Key},{w.Value.N},{w.Value.Sum}")));
        await KillRestartAndFinishAsync(kills: perRun.Length - 1, expected, maxDelayMs: 400, beforeRun: Script, lastKillAfterOutput: true);
    }

    /// <summary>
    /// An event-time temporal join against Flink's versioned view (a rowtime keep-last deduplication of an append-only
    /// table by its key), killed twice, at parallelism 2 and restored at 1 and 2: each order joins the rate version of its
    /// key current at its time (the rate 10 ids back), none older.
    /// </summary>
    [Theory]
    [InlineData("hashmap", "2,1,2")]
    public async Task Temporal_join_against_a_deduplicated_versioned_view_killed_and_restored_joins_the_current_version(string backend, string parallelisms)
    {
        const int Rows = 8_000;
        var perRun = ParallelismsOf(parallelisms);
        void Script(int run) => WriteScript(Settings(backend, ParallelismOfRun(perRun, run)),
            "CREATE TABLE rates (id BIGINT, cur AS id % 10, ts AS CAST(TO_TIMESTAMP_LTZ(id * 10, 3) AS TIMESTAMP(3)), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) "
            + $"WITH ('connector' = 'datagen', 'rows-per-second' = '1500', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '{Rows}');",
            "CREATE TABLE orders (oid BIGINT, cur AS oid % 10, ts AS CAST(TO_TIMESTAMP_LTZ(oid * 10 - 25, 3) AS TIMESTAMP(3)), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) "
            + $"WITH ('connector' = 'datagen', 'rows-per-second' = '2000', 'fields.oid.kind' = 'sequence', 'fields.oid.start' = '1', 'fields.oid.end' = '{Rows}');",
            "CREATE VIEW versioned AS SELECT cur, id, ts FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY cur ORDER BY ts DESC) AS rn FROM rates) WHERE rn = 1;",
            "CREATE TABLE out (oid BIGINT, rid BIGINT) WITH ('connector' = 'filesystem', 'path' = '" + Out + "', 'format' = 'csv');",
            "INSERT INTO out SELECT o.oid, COALESCE(v.id, -1) FROM orders o LEFT JOIN versioned FOR SYSTEM_TIME AS OF o.ts AS v ON o.cur = v.cur;");
        // Order i at i * 10 - 25 ms: the newest rate of its key at or before then is i - 10 (at (i - 10) * 10 ms).
        var expected = Enumerable.Range(1, Rows).Select(i => string.Create(CultureInfo.InvariantCulture, $"{i},{(i > 10 ? i - 10 : -1)}")).ToList();
        await KillRestartAndFinishAsync(kills: perRun.Length - 1, expected, maxDelayMs: 400, beforeRun: Script, lastKillAfterOutput: true);
    }
}
