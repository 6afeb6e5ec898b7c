using System.Globalization;

namespace StreamSql.EndToEnd;

/// <summary>Kill -9 and resume of the stateful operators the other kill tests do not reach: MATCH_RECOGNIZE with a greedy
/// quantifier and WITHIN, window deduplication (keep first, keep last) beside CUMULATE, and the legacy group windows
/// (GROUP BY TUMBLE / HOP / SESSION with their _START and _END functions). Each is killed and restored at other
/// parallelisms on both backends, and once stopped with <c>STOP JOB ... WITH SAVEPOINT</c> from a second script and
/// resumed by <c>SET 'execution.savepoint.path'</c>; the expected rows are computed here.</summary>
public sealed partial class KillAndRestoreTests
{
    /// <summary>
    /// MATCH_RECOGNIZE per key id % 5 (a row at id * 10 ms, so a key's rows are 50 ms apart): a multiple of 11, then at
    /// least two rows that are multiples of neither 11 nor 13 (greedy <c>B{2,}</c>), then a multiple of 13, all within
    /// 0.98 s. Every row is exactly one of A, B or C, so a match is the run of Bs after an A that a C ends before the next A
    /// and before the time runs out. The partial matches, their timers and the rows buffered for event-time order are
    /// restored and rescaled; every match is committed exactly once.
    /// </summary>
    [Theory]
    [InlineData("rocksdb", "1,3,2", 0)]
    [InlineData("hashmap", "2,1,2", 2)]
    public async Task Match_recognize_with_a_quantifier_and_within_killed_and_restored_commits_every_match_exactly_once(string backend,
        string parallelisms, int savepointStopRun)
    {
        const int WithinMs = 980;
        int rows = RowsFor(6_000, savepointStopRun);
        var perRun = ParallelismsOf(parallelisms);
        void Script(int run) => WriteScript(Settings(backend, ParallelismOfRun(perRun, run)),
            EventSource(rows, 800),
            "CREATE TABLE out (k INT, aid BIGINT, nb BIGINT, lb BIGINT, cid BIGINT) WITH ('connector' = 'filesystem', 'path' = '" + Out + "', 'format' = 'csv');",
            "INSERT INTO out SELECT * FROM src MATCH_RECOGNIZE (PARTITION BY k ORDER BY ts "
            + "MEASURES A.id AS aid, COUNT(B.id) AS nb, LAST(B.id) AS lb, C.id AS cid ONE ROW PER MATCH AFTER MATCH SKIP PAST LAST ROW "
            + "PATTERN (A B{2,} C) WITHIN INTERVAL '0.98' SECOND "
            + "DEFINE A AS MOD(A.id, 11) = 0, B AS MOD(B.id, 11) <> 0 AND MOD(B.id, 13) <> 0, C AS MOD(C.id, 13) = 0 AND MOD(C.id, 11) <> 0);");
        static char Class(long id) => id % 11 == 0 ? 'A' : id % 13 == 0 ? 'C' : 'B';
        var expected = new List<string>();
        for (int k = 0; k < 5; k++)
        {
            var ids = Enumerable.Range(1, rows).Where(i => i % 5 == k).Select(i => (long)i).ToList();
            for (int a = 0; a < ids.Count; a++)
            {
                if (Class(ids[a]) != 'A') continue;
                int i = a + 1;
                while (i < ids.Count && Class(ids[i]) == 'B') i++;
                int bs = i - a - 1;
                if (i < ids.Count && Class(ids[i]) == 'C' && bs >= 2 && (ids[i] - ids[a]) * 10 < WithinMs)
                    expected.Add(string.Create(CultureInfo.InvariantCulture, $"{k},{ids[a]},{bs},{ids[i - 1]},{ids[i]}"));
            }
        }
        await KillRestartAndFinishAsync(kills: perRun.Length, expected, maxDelayMs: 600, beforeRun: Script, lastKillAfterOutput: true,
            savepointStopRun: savepointStopRun);
    }

    /// <summary>
    /// One statement set: Flink's window deduplication keeping the first row of each TUMBLE window per key (ORDER BY the
    /// rowtime ASC) and the last row of each HOP window per key (DESC), and a CUMULATE aggregation, all per key id % 5.
    /// Killed and restored at other parallelisms (the dedup buffers and the cumulating slices rescale by key group); every
    /// row of the three exactly once.
    /// </summary>
    [Theory]
    [InlineData("rocksdb", "2,1,3", 0)]
    [InlineData("hashmap", "1,2,2", 2)]
    public async Task Window_deduplication_and_cumulate_killed_and_restored_commit_every_row_exactly_once(string backend, string parallelisms,
        int savepointStopRun)
    {
        int rows = RowsFor(6_000, savepointStopRun);
        var perRun = ParallelismsOf(parallelisms);
        void Script(int run) => WriteScript(Settings(backend, ParallelismOfRun(perRun, run)),
            EventSource(rows, 800),
            "CREATE TABLE out (kind STRING, k INT, ws TIMESTAMP(3), we TIMESTAMP(3), a BIGINT, b BIGINT) WITH ('connector' = 'filesystem', 'path' = '" + Out + "', 'format' = 'csv');",
            "EXECUTE STATEMENT SET BEGIN",
            "INSERT INTO out SELECT 'first', k, window_start, window_end, id, 0 FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end, k "
            + "ORDER BY ts ASC) AS rn FROM TABLE(TUMBLE(TABLE src, DESCRIPTOR(ts), INTERVAL '1' SECOND))) WHERE rn <= 1;",
            "INSERT INTO out SELECT 'last', k, window_start, window_end, id, 0 FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end, k "
            + "ORDER BY ts DESC) AS rn FROM TABLE(HOP(TABLE src, DESCRIPTOR(ts), INTERVAL '1' SECOND, INTERVAL '2' SECOND))) WHERE rn = 1;",
            "INSERT INTO out SELECT 'cum', k, window_start, window_end, COUNT(*), SUM(id) "
            + "FROM TABLE(CUMULATE(TABLE src, DESCRIPTOR(ts), INTERVAL '1' SECOND, INTERVAL '3' SECOND)) GROUP BY k, window_start, window_end;",
            "END;");
        var first = new SortedDictionary<(long K, long Start), long>();
        var last = new SortedDictionary<(long K, long Start), long>();
        var cumulative = new SortedDictionary<(long K, long Start, long End), (long N, long Sum)>();
        for (long id = 1; id <= rows; id++)
        {
            long ts = id * 10, k = id % 5;
            first.TryAdd((k, ts / 1000 * 1000), id);
            // Flink's HOP windows start before the epoch too ([-1 s, 1 s) holds the first rows).
            for (long start = ts / 1000 * 1000 - 1000; start <= ts; start += 1000) last[(k, start)] = id;
            long period = ts / 3000 * 3000;
            for (long end = period + 1000; end <= period + 3000; end += 1000)
            {
                if (ts >= end) continue;
                var (n, sum) = cumulative.GetValueOrDefault((k, period, end));
                cumulative[(k, period, end)] = (n + 1, sum + id);
            }
        }
        string Row(string kind, long k, long start, long end, long a, long b) =>
            string.Create(CultureInfo.InvariantCulture, $"{kind},{k},{SessionTime(start)},{SessionTime(end)},{a},{b}");
        var expected = first.Select(f => Row("first", f.Key.K, f.Key.Start, f.Key.Start + 1000, f.Value, 0))
            .Concat(last.Select(l => Row("last", l.Key.K, l.Key.Start, l.Key.Start + 2000, l.Value, 0)))
            .Concat(cumulative.Select(c => Row("cum", c.Key.K, c.Key.Start, c.Key.End, c.Value.N, c.Value.Sum)))
            .ToList();
        await KillRestartAndFinishAsync(kills: perRun.Length, expected, maxDelayMs: 600, beforeRun: Script, lastKillAfterOutput: true,
            savepointStopRun: savepointStopRun);
    }

    /// <summary>
    /// The legacy group windows in one statement set: <c>GROUP BY k, TUMBLE(ts, 1 s)</c> with TUMBLE_START/TUMBLE_END,
    /// <c>HOP(ts, 1 s, 3 s)</c> with HOP_START/HOP_END and <c>SESSION(ts, 1 s)</c> with SESSION_START/SESSION_END, per key
    /// id % 7, over rows whose event time jumps 2 s after every 500 (so each key has one session per block). Killed and
    /// restored at other parallelisms; every window row of the three exactly once.
    /// </summary>
    [Theory]
    [InlineData("hashmap", "1,2,1", 0)]
    [InlineData("rocksdb", "2,1,2", 2)]
    public async Task Legacy_group_windows_killed_and_restored_commit_every_window_exactly_once(string backend, string parallelisms, int savepointStopRun)
    {
        int rows = RowsFor(8_000, savepointStopRun);
        var perRun = ParallelismsOf(parallelisms);
        static string Legacy(string kind, string window) =>
            $"INSERT INTO out SELECT '{kind}', CAST(id % 7 AS BIGINT), {window}_START({Args(kind)}), {window}_END({Args(kind)}), COUNT(*), SUM(id), MIN(id) "
            + $"FROM src GROUP BY CAST(id % 7 AS BIGINT), {window}({Args(kind)});";
        static string Args(string kind) => kind switch
        {
            "T" => "ts, INTERVAL '1' SECOND",
            "H" => "ts, INTERVAL '1' SECOND, INTERVAL '3' SECOND",
            _ => "ts, INTERVAL '1' SECOND",
        };
        void Script(int run) => WriteScript(Settings(backend, ParallelismOfRun(perRun, run)),
            // Row id at id * 10 ms plus 2 s per 500 rows before it: in order, nothing is late.
            "CREATE TABLE src (id BIGINT, ts AS CAST(TO_TIMESTAMP_LTZ(id * 10 + (id - 1 - MOD(id - 1, 500)) * 4, 3) AS TIMESTAMP(3)), "
            + "WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) "
            + $"WITH ('connector' = 'datagen', 'rows-per-second' = '1000', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '{rows}');",
            "CREATE TABLE out (kind STRING, k BIGINT, ws TIMESTAMP(3), we TIMESTAMP(3), n BIGINT, total BIGINT, lo BIGINT) "
            + "WITH ('connector' = 'filesystem', 'path' = '" + Out + "', 'format' = 'csv');",
            "EXECUTE STATEMENT SET BEGIN",
            Legacy("T", "TUMBLE"),
            Legacy("H", "HOP"),
            Legacy("S", "SESSION"),
            "END;");
        var windows = new SortedDictionary<(string Kind, long K, long Start), (long N, long Sum, long Min)>();
        void Add(string kind, long k, long start, long id)
        {
            var (n, sum, min) = windows.GetValueOrDefault((kind, k, start), (0, 0, long.MaxValue));
            windows[(kind, k, start)] = (n + 1, sum + id, Math.Min(min, id));
        }
        for (long id = 1; id <= rows; id++)
        {
            long ts = id * 10 + (id - 1) / 500 * 2000;
            Add("T", id % 7, ts / 1000 * 1000, id);
            for (long start = ts / 1000 * 1000 - 2000; start <= ts; start += 1000) Add("H", id % 7, start, id);
        }
        var expected = windows.Select(w => string.Create(CultureInfo.InvariantCulture,
                $"{w.Key.Kind},{w.Key.K},{SessionTime(w.Key.Start)},{SessionTime(w.Key.Start + (w.Key.Kind == "T" ? 1000 : 3000))},{w.Value.N},{w.Value.Sum},{w.Value.Min}"))
            .Concat(ExpectedSessions(rows).Select(s => "S," + s))
            .ToList();
        await KillRestartAndFinishAsync(kills: perRun.Length, expected, maxDelayMs: 800, beforeRun: Script, lastKillAfterOutput: true,
            savepointStopRun: savepointStopRun);
    }

    /// <summary>The job's rows: a third more when a run is stopped with a savepoint, as the second script that stops it takes a
    /// second or more to start (longer on a loaded machine) while the job goes on, and the run after the stop must still
    /// have input left when it is killed.</summary>
    private static int RowsFor(int rows, int savepointStopRun) => savepointStopRun > 0 ? rows * 4 / 3 : rows;
}
