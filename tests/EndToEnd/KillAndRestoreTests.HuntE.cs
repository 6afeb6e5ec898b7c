using System.Globalization;
using StreamSql.Soak.Output;

namespace StreamSql.EndToEnd;

/// <summary>Kill -9 and resume of time-based operators the other kill tests do not reach: CUMULATE windows, MATCH_RECOGNIZE,
/// a cascading window aggregation (the second TUMBLE over the first level's window_time), and a script that starts from a
/// savepoint named with <c>SET 'execution.savepoint.path'</c> and is then resumed after crashes with
/// <c>--from-latest-checkpoint</c>, as Flink users script it (checkpoints in <c>execution.checkpointing.dir</c>).</summary>
public sealed partial class KillAndRestoreMoreTests
{

    /// <summary>CUMULATE (1 s steps of a 3 s period) per key: COUNT, SUM, MAX of every step, killed twice and restored at other
    /// parallelisms; every step row exactly once with an uninterrupted run's values.</summary>
    [Theory]
    [InlineData("hashmap", "1,2,1")]
    [InlineData("rocksdb", "2,1,3")]
    public async Task Cumulate_window_aggregation_killed_and_restored_commits_every_step_exactly_once(string backend, string parallelisms)
    {
        const int Rows = 6_000;
        var perRun = ParallelismsOf(parallelisms);
        void Script(int run) => WriteScript(Settings(backend, ParallelismOfRun(perRun, run)),
            EventSource(Rows, 800),
            "CREATE TABLE out (k INT, ws TIMESTAMP(3), we TIMESTAMP(3), n BIGINT, s BIGINT, mx BIGINT) WITH ('connector' = 'filesystem', 'path' = '" + Out + "', 'format' = 'csv');",
            "INSERT INTO out SELECT k, window_start, window_end, COUNT(*), SUM(id), MAX(id) "
            + "FROM TABLE(CUMULATE(TABLE src, DESCRIPTOR(ts), INTERVAL '1' SECOND, INTERVAL '3' SECOND)) GROUP BY k, window_start, window_end;");
        var steps = new SortedDictionary<(long K, long Start, long End), (long N, long Sum, long Max)>();
        for (long id = 1; id <= Rows; id++)
        {
            long ts = id * 10, start = ts / 3000 * 3000;
            for (long end = start + 1000; end <= start + 3000; end += 1000)
            {
                if (ts >= end) continue;
                var (n, sum, max) = steps.GetValueOrDefault((id % 5, start, end));
                steps[(id % 5, start, end)] = (n + 1, sum + id, Math.Max(max, id));
            }
        }
        var expected = steps.Select(s => string.Create(CultureInfo.InvariantCulture,
            $"{s.Key.K},{SessionTime(s.Key.Start)},{SessionTime(s.Key.End)},{s.Value.N},{s.Value.Sum},{s.Value.Max}")).ToList();
        await KillRestartAndFinishAsync(kills: perRun.Length - 1, expected, maxDelayMs: 600, beforeRun: Script, lastKillAfterOutput: true);
    }

    /// <summary>MATCH_RECOGNIZE per key (a multiple of 7 followed by three rows that are not), killed twice and restored at other
    /// parallelisms: the partial matches (NFA state) and the rows buffered for event-time order are restored, and every
    /// match is committed exactly once.</summary>
    [Theory]
    [InlineData("hashmap", "2,1,2")]
    public async Task Match_recognize_killed_and_restored_commits_every_match_exactly_once(string backend, string parallelisms)
    {
        const int Rows = 6_000;
        var perRun = ParallelismsOf(parallelisms);
        void Script(int run) => WriteScript(Settings(backend, ParallelismOfRun(perRun, run)),
            EventSource(Rows, 800),
            "CREATE TABLE out (k INT, sid BIGINT, eid BIGINT, n BIGINT) WITH ('connector' = 'filesystem', 'path' = '" + Out + "', 'format' = 'csv');",
            "INSERT INTO out SELECT * FROM src MATCH_RECOGNIZE (PARTITION BY k ORDER BY ts "
            + "MEASURES FIRST(A.id) AS sid, LAST(B.id) AS eid, COUNT(B.id) AS n ONE ROW PER MATCH AFTER MATCH SKIP PAST LAST ROW "
            + "PATTERN (A B{3}) DEFINE A AS MOD(A.id, 7) = 0, B AS MOD(B.id, 7) <> 0);");
        var expected = new List<string>();
        for (int k = 0; k < 5; k++)
        {
            var ids = Enumerable.Range(1, Rows).Where(i => i % 5 == k).ToList();
            for (int j = 0; j + 3 < ids.Count;)
            {
                if (ids[j] % 7 == 0 && ids.Skip(j + 1).Take(3).All(i => i % 7 != 0))
                {
                    expected.Add(string.Create(CultureInfo.InvariantCulture, $"{k},{ids[j]},{ids[j + 3]},3"));
                    j += 4;
                }
                else
                {
                    j++;
                }
            }
        }
        await KillRestartAndFinishAsync(kills: perRun.Length - 1, expected, maxDelayMs: 600, beforeRun: Script, lastKillAfterOutput: true);
    }

    /// <summary>Flink's cascading window aggregation (window-agg docs): 1 s TUMBLE per key keeping window_time as the time
    /// attribute, then a 3 s TUMBLE over it, killed twice: both levels' window state and timers are restored.</summary>
    [Fact]
    public async Task Cascading_window_aggregation_killed_and_restored_commits_every_window_exactly_once()
    {
        const int Rows = 6_000;
        var perRun = ParallelismsOf("1,2,1");
        void Script(int run) => WriteScript(Settings("hashmap", ParallelismOfRun(perRun, run)),
            EventSource(Rows, 800),
            "CREATE VIEW per_second AS SELECT k, window_start AS s_start, window_end AS s_end, window_time AS rt, COUNT(*) AS n, SUM(id) AS s "
            + "FROM TABLE(TUMBLE(TABLE src, DESCRIPTOR(ts), INTERVAL '1' SECOND)) GROUP BY k, window_start, window_end, window_time;",
            "CREATE TABLE out (k INT, ws TIMESTAMP(3), we TIMESTAMP(3), n BIGINT, s BIGINT, parts BIGINT) WITH ('connector' = 'filesystem', 'path' = '" + Out + "', 'format' = 'csv');",
            "INSERT INTO out SELECT k, window_start, window_end, SUM(n), SUM(s), COUNT(*) "
            + "FROM TABLE(TUMBLE(TABLE per_second, DESCRIPTOR(rt), INTERVAL '3' SECOND)) GROUP BY k, window_start, window_end;");
        var windows = new SortedDictionary<(long K, long Start), (long N, long Sum, HashSet<long> Seconds)>();
        for (long id = 1; id <= Rows; id++)
        {
            long ts = id * 10, start = ts / 3000 * 3000;
            if (!windows.TryGetValue((id % 5, start), out var w)) windows[(id % 5, start)] = w = (0, 0, new HashSet<long>());
            w.Seconds.Add(ts / 1000);
            windows[(id % 5, start)] = (w.N + 1, w.Sum + id, w.Seconds);
        }
        var expected = windows.Select(w => string.Create(CultureInfo.InvariantCulture,
            $"{w.Key.K},{SessionTime(w.Key.Start)},{SessionTime(w.Key.Start + 3000)},{w.Value.N},{w.Value.Sum},{w.Value.Seconds.Count}")).ToList();
        await KillRestartAndFinishAsync(kills: perRun.Length - 1, expected, maxDelayMs: 600, beforeRun: Script, lastKillAfterOutput: true);
    }

    /// <summary>A job stopped with a savepoint (SIGTERM), then started from it by <c>SET 'execution.savepoint.path'</c> in the
    /// script and killed twice, each run resumed with <c>--from-latest-checkpoint</c> (the restored job's own checkpoints win
    /// over the savepoint the script names): a HOP window aggregation commits every window exactly once.</summary>
    [Fact]
    public async Task Savepoint_path_set_in_the_script_then_killed_twice_resumes_from_the_newest_checkpoint_exactly_once()
    {
        const int Rows = 6_000;
        string[] Job() =>
        [
            Settings("hashmap", parallelism: 2, savepoints: true).Replace("state.checkpoints.dir", "execution.checkpointing.dir", StringComparison.Ordinal),
            EventSource(Rows, 800),
            "CREATE TABLE out (k INT, ws TIMESTAMP(3), we TIMESTAMP(3), n BIGINT, s BIGINT) WITH ('connector' = 'filesystem', 'path' = '" + Out + "', 'format' = 'csv');",
            "INSERT INTO out SELECT k, window_start, window_end, COUNT(*), SUM(id) "
            + "FROM TABLE(HOP(TABLE src, DESCRIPTOR(ts), INTERVAL '1' SECOND, INTERVAL '2' SECOND)) GROUP BY k, window_start, window_end;",
        ];
        WriteScript(Job());
        string savepoint;
        using (var first = StartShell())
        {
            if (!await first.WaitForSubmissionAsync(SubmitTimeout)) Fail("the first run did not submit its job", first);
            while (!first.HasExited && CommittedOutput.Read(Out).Count == 0)
            {
                if (first.Elapsed > SubmitTimeout) Fail("the first run committed nothing", first);
                await Task.Delay(10);
            }
            if (first.HasExited) Fail("the first run ended before SIGTERM: the job is too short", first);
            first.Terminate();
            await first.WaitForExitAsync(FinishTimeout);
            var savepoints = Snapshots.CompletedSavepoints();
            Log($"SIGTERM after {CommittedOutput.Read(Out).Count} committed rows: savepoints [{string.Join(", ", savepoints)}]");
            if (savepoints.Count != 1) Fail($"expected one savepoint after SIGTERM, found {savepoints.Count}", first);
            savepoint = savepoints[0];
        }
        var windows = new SortedDictionary<(long K, long End), (long N, long Sum)>();
        for (long id = 1; id <= Rows; id++)
        {
            long firstEnd = id * 10 / 1000 + 1;
            for (long end = firstEnd; end < firstEnd + 2; end++)
            {
                var (n, sum) = windows.GetValueOrDefault((id % 5, end));
                windows[(id % 5, end)] = (n + 1, sum + id);
            }
        }
        var expected = windows.Select(w => string.Create(CultureInfo.InvariantCulture,
            $"{w.Key.K},{SessionTime((w.Key.End - 2) * 1000)},{SessionTime(w.Key.End * 1000)},{w.Value.N},{w.Value.Sum}")).ToList();
        await KillRestartAndFinishAsync(kills: 2, expected, maxDelayMs: 600,
            beforeRun: _ => WriteScript([$"SET 'execution.savepoint.path' = '{savepoint}';", .. Job()]), lastKillAfterOutput: true);
    }
}
