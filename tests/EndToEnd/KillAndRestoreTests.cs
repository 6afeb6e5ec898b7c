using System.Globalization;
using System.Text;
using StreamSql.EndToEnd.Runner;
using StreamSql.Soak.Output;
using StreamSql.Soak.Processes;
using StreamSql.Soak.Rounds;
using Xunit.Abstractions;

namespace StreamSql.EndToEnd;

/// <summary>
/// Exactly-once across crashes, the way a user meets it: <c>streamsql -f job.sql</c> runs as a separate process with
/// periodic checkpoints into a filesystem sink, is killed with SIGKILL at random moments and restarted each time with
/// <c>--from-latest-checkpoint</c>; the last run finishes, and the committed (visible) output must equal an
/// uninterrupted run's: every row exactly once. Also stop-with-savepoint on SIGTERM and resume with
/// <c>--from-savepoint</c>, and the fallback to the previous checkpoint when the newest one is corrupt.
/// The random kill moments come from one seed per test run, printed in the test output and in every failure message;
/// <c>STREAMSQL_KILL_SEED=&lt;n&gt;</c> replays a run's moments.
/// </summary>
public sealed partial class KillAndRestoreTests(ITestOutputHelper output) : KillAndRestoreHarness(output)
{
    [Fact]
    public async Task Datagen_sequence_killed_five_times_commits_every_row_exactly_once()
    {
        const int Rows = 18_000;
        WriteScript(Settings("hashmap", parallelism: 1),
            Datagen(Rows, rowsPerSecond: 2_000),
            "CREATE TABLE out (id BIGINT) WITH ('connector' = 'filesystem', 'path' = '" + Out + "', 'format' = 'csv');",
            "INSERT INTO out SELECT id FROM src;");
        await KillRestartAndFinishAsync(kills: 5, Sequence(Rows), maxDelayMs: 500);
    }

    /// <summary>Parquet part files (closed at every checkpoint) from two subtasks, and a partitioned parquet table with
    /// success files in the same statement set: after five SIGKILLs and restores, DuckDB reads every row exactly once from
    /// the committed files of each.</summary>
    [Fact]
    public async Task Parquet_and_partitioned_parquet_sinks_killed_five_times_commit_every_row_exactly_once()
    {
        const int Rows = 18_000;
        var partitioned = Path.Combine(_scratch, "partitioned");
        WriteScript(Settings("hashmap", parallelism: 2),
            Datagen(Rows, rowsPerSecond: 2_000),
            "CREATE TABLE out (id BIGINT, name STRING, price DECIMAL(10, 2)) WITH ('connector' = 'filesystem', 'path' = '" + Out + "', "
            + "'format' = 'parquet', 'parquet.compression' = 'zstd');",
            "CREATE TABLE parts (id BIGINT, dt STRING) PARTITIONED BY (dt) WITH ('connector' = 'filesystem', 'path' = '" + partitioned + "', "
            + "'format' = 'parquet', 'sink.partition-commit.policy.kind' = 'success-file');",
            "EXECUTE STATEMENT SET BEGIN",
            "INSERT INTO out SELECT id, CONCAT('n', CAST(id AS STRING)), CAST(CAST(id AS DECIMAL(10, 2)) / 4 AS DECIMAL(10, 2)) FROM src;",
            "INSERT INTO parts SELECT id, CONCAT('2026-12-0', CAST(id % 5 AS STRING)) FROM src;",
            "END;");
        var expected = Enumerable.Range(1, Rows).Select(i => string.Create(CultureInfo.InvariantCulture, $"{i},n{i},{i / 4m:0.00}")).ToList();
        await KillRestartAndFinishAsync(kills: 5, expected, maxDelayMs: 500,
            readOutput: dir => ParquetOutput.Read($"SELECT id || ',' || name || ',' || price FROM read_parquet('{dir}/**/part-*')"));
        var diff = CommittedOutput.CompareExactlyOnce(
            Enumerable.Range(1, Rows).Select(i => string.Create(CultureInfo.InvariantCulture, $"{i},2026-12-0{i % 5}")).ToList(),
            ParquetOutput.Read($"SELECT id || ',' || dt FROM read_parquet('{partitioned}/**/part-*', hive_partitioning = true)"));
        Assert.True(diff is null, Report("partitioned table: " + diff));
        for (int d = 0; d < 5; d++) Assert.True(File.Exists(Path.Combine(partitioned, $"dt=2026-12-0{d}", "_SUCCESS")), Report($"no _SUCCESS in dt=2026-12-0{d}"));
    }

    [Fact]
    public async Task Datagen_at_parallelism_two_on_rocksdb_killed_five_times_commits_every_row_exactly_once()
    {
        const int Rows = 18_000;
        WriteScript(Settings("rocksdb", parallelism: 2),
            Datagen(Rows, rowsPerSecond: 2_000),
            "CREATE TABLE out (id BIGINT) WITH ('connector' = 'filesystem', 'path' = '" + Out + "', 'format' = 'csv');",
            "INSERT INTO out SELECT id FROM src;");
        await KillRestartAndFinishAsync(kills: 5, Sequence(Rows), maxDelayMs: 500);
    }

    [Fact]
    public async Task Nested_rows_arrays_and_maps_into_a_json_sink_killed_three_times_commit_every_row_exactly_once()
    {
        // Nested columns made by the constructors cross the checkpointed filesystem sink (pending files in its state).
        const int Rows = 12_000;
        WriteScript(Settings("hashmap", parallelism: 2),
            Datagen(Rows, rowsPerSecond: 2_000),
            "CREATE TABLE out (id BIGINT, r ROW<n BIGINT, s STRING>, l ARRAY<BIGINT>, m MAP<STRING, BIGINT>) "
            + "WITH ('connector' = 'filesystem', 'path' = '" + Out + "', 'format' = 'json');",
            "INSERT INTO out SELECT id, ROW(id, CAST(id AS STRING)), ARRAY[id, id * 2], MAP['k', id] FROM src WHERE ARRAY[id, 1][1] % 3 <> 0;");
        var expected = Enumerable.Range(1, Rows).Where(i => i % 3 != 0)
            .Select(i => string.Create(CultureInfo.InvariantCulture, $"{{\"id\":{i},\"r\":{{\"n\":{i},\"s\":\"{i}\"}},\"l\":[{i},{2 * i}],\"m\":{{\"k\":{i}}}}}"))
            .ToList();
        await KillRestartAndFinishAsync(kills: 3, expected, maxDelayMs: 500);
    }

    [Fact]
    public async Task Csv_files_arriving_in_a_monitored_directory_with_filter_and_projection_killed_five_times_commit_every_row_exactly_once()
    {
        // An unpaced csv source finishes too soon to be killed five times on a fast machine, so the files arrive one by
        // one (40 files of 5k lines, one every 250 ms) in a directory the source monitors, read by two subtasks; the
        // last run is stopped once every expected row is committed (plus two checkpoint intervals for late duplicates).
        const int Files = 40, LinesPerFile = 5_000;
        var input = Path.Combine(_scratch, "input");
        Directory.CreateDirectory(input);
        var expected = new List<string>();
        var contents = new List<string>();
        for (int f = 0; f < Files; f++)
        {
            var text = new StringBuilder();
            for (int i = f * LinesPerFile + 1; i <= (f + 1) * LinesPerFile; i++)
            {
                int amount = (int)(i * 7919L % 1000);
                var name = "user" + (i % 97).ToString(CultureInfo.InvariantCulture);
                text.Append(CultureInfo.InvariantCulture, $"{i},{name},{amount}\n");
                if (amount < 500) expected.Add(string.Create(CultureInfo.InvariantCulture, $"{i},{name.ToUpperInvariant()},{amount * 2}"));
            }
            contents.Add(text.ToString());
        }
        WriteScript(Settings("hashmap", parallelism: 2),
            $"CREATE TABLE src (id BIGINT, name STRING, amount INT) WITH ('connector' = 'filesystem', 'path' = '{input}', 'format' = 'csv', "
            + "'source.monitor-interval' = '100ms');",
            "CREATE TABLE out (id BIGINT, tag STRING, doubled INT) WITH ('connector' = 'filesystem', 'path' = '" + Out + "', 'format' = 'csv');",
            "INSERT INTO out SELECT id, UPPER(name), amount * 2 FROM src WHERE amount < 500;");
        // The last file arrives only once the final run starts, so the kills land mid-job however slow the machine is.
        var finalRun = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var feeding = Task.Run(async () =>
        {
            for (int f = 0; f < Files; f++)
            {
                if (f == Files - 1) await finalRun.Task;
                // Written under a hidden name, then renamed: the source never sees half a file.
                var hidden = Path.Combine(input, $".part-{f:D3}.csv.tmp");
                await File.WriteAllTextAsync(hidden, contents[f]);
                File.Move(hidden, Path.Combine(input, $"part-{f:D3}.csv"));
                await Task.Delay(250);
            }
        });
        await KillRestartAndFinishAsync(kills: 5, expected, maxDelayMs: 300, feeding, finalRun);
    }

    /// <summary>
    /// A window aggregation (per key and TUMBLE or HOP window: COUNT, SUM, MIN) over a paced datagen sequence with an
    /// event-time column, killed twice and restarted each time at the next parallelism of <paramref name="parallelisms"/>
    /// (so the window state and its timers are restored at p=1, at p=2 and rescaled): every window row is committed exactly
    /// once with the values of an uninterrupted run.
    /// </summary>
    [Theory]
    [InlineData("tumble", "hashmap", "1,2,1")]
    [InlineData("tumble", "rocksdb", "2,2,1")]
    [InlineData("hop", "hashmap", "1,1,2")]
    [InlineData("hop", "rocksdb", "2,1,2")]
    public async Task Window_aggregation_killed_and_restored_at_other_parallelisms_commits_every_window_exactly_once(string window, string backend,
        string parallelisms)
    {
        const int Rows = 8_000;
        var perRun = ParallelismsOf(parallelisms);
        string tvf = window == "tumble" ? "TUMBLE(TABLE src, DESCRIPTOR(ts), INTERVAL '1' SECOND)"
            : "HOP(TABLE src, DESCRIPTOR(ts), INTERVAL '1' SECOND, INTERVAL '3' SECOND)";
        void Script(int run) => WriteScript(Settings(backend, ParallelismOfRun(perRun, run)),
            // 100 rows per second of event time, in order: nothing is late.
            "CREATE TABLE src (id BIGINT, ts AS CAST(TO_TIMESTAMP_LTZ(id * 10, 3) AS TIMESTAMP(3)), k AS id % 3, score AS id * 7919 % 1000, "
            + "WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) "
            + $"WITH ('connector' = 'datagen', 'rows-per-second' = '2000', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '{Rows}');",
            "CREATE TABLE out (k BIGINT, window_start TIMESTAMP(3), window_end TIMESTAMP(3), n BIGINT, total BIGINT, lo BIGINT) "
            + "WITH ('connector' = 'filesystem', 'path' = '" + Out + "', 'format' = 'csv');",
            "INSERT INTO out SELECT CAST(id % 7 AS BIGINT), window_start, window_end, COUNT(*), SUM(id), MIN(id) "
            + $"FROM TABLE({tvf}) GROUP BY CAST(id % 7 AS BIGINT), window_start, window_end;");
        await KillRestartAndFinishAsync(kills: perRun.Length - 1, ExpectedWindows(Rows, window == "tumble" ? 1 : 3), maxDelayMs: 400, beforeRun: Script,
            lastKillAfterOutput: true);
    }

    /// <summary>
    /// A window Top-N (the top 2 rows of each TUMBLE or HOP window per key id % 3 by a scrambled score) killed twice and
    /// restarted at other parallelisms and backends: the buffered top rows of the open windows and their timers are
    /// restored and rescaled, the restored job fires the pending windows, and every ranked row is committed exactly once
    /// into the append-only sink with the values of an uninterrupted run.
    /// </summary>
    [Theory]
    [InlineData("tumble", "hashmap", "1,2,1")]
    [InlineData("hop", "rocksdb", "2,1,2")]
    public async Task Window_top_n_killed_and_restored_at_other_parallelisms_commits_every_ranked_row_exactly_once(string window, string backend,
        string parallelisms)
    {
        const int Rows = 8_000;
        var perRun = ParallelismsOf(parallelisms);
        int size = window == "tumble" ? 1 : 3;
        string tvf = window == "tumble" ? "TUMBLE(TABLE src, DESCRIPTOR(ts), INTERVAL '1' SECOND)"
            : "HOP(TABLE src, DESCRIPTOR(ts), INTERVAL '1' SECOND, INTERVAL '3' SECOND)";
        void Script(int run) => WriteScript(Settings(backend, ParallelismOfRun(perRun, run)),
            // 100 rows per second of event time, in order: nothing is late.
            "CREATE TABLE src (id BIGINT, ts AS CAST(TO_TIMESTAMP_LTZ(id * 10, 3) AS TIMESTAMP(3)), k AS id % 3, score AS id * 7919 % 1000, "
            + "WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) "
            + $"WITH ('connector' = 'datagen', 'rows-per-second' = '2000', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '{Rows}');",
            "CREATE TABLE out (k BIGINT, window_start TIMESTAMP(3), window_end TIMESTAMP(3), id BIGINT, score BIGINT, rn BIGINT) "
            + "WITH ('connector' = 'filesystem', 'path' = '" + Out + "', 'format' = 'csv');",
            "INSERT INTO out SELECT k, window_start, window_end, id, score, rn FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end, k "
            + $"ORDER BY score DESC, id) AS rn FROM TABLE({tvf})) WHERE rn <= 2;");
        var windows = new SortedDictionary<(long Key, long End), List<(long Score, long Id)>>();
        for (long id = 1; id <= Rows; id++)
        {
            long firstEnd = id * 10 / 1000 + 1;
            for (long end = firstEnd; end < firstEnd + size; end++)
            {
                if (!windows.TryGetValue((id % 3, end), out var rows)) windows[(id % 3, end)] = rows = new();
                rows.Add((id * 7919 % 1000, id));
            }
        }
        static string Time(long seconds) => CsvTimestamp(DateTime.UnixEpoch.AddSeconds(seconds).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
        var expected = windows.SelectMany(w => w.Value.OrderByDescending(r => r.Score).ThenBy(r => r.Id).Take(2).Select((r, i) => string.Create(CultureInfo.InvariantCulture,
            $"{w.Key.Key},{Time(w.Key.End - size)},{Time(w.Key.End)},{r.Id},{r.Score},{i + 1}"))).ToList();
        await KillRestartAndFinishAsync(kills: perRun.Length - 1, expected, maxDelayMs: 400, beforeRun: Script, lastKillAfterOutput: true);
    }

    /// <summary>
    /// A window join (a FULL join of two TUMBLE or HOP windowed sources on a key and the window) killed twice and
    /// restarted at other parallelisms and backends: both sides' buffered rows of the open windows and their timers are
    /// restored and rescaled, the restored job fires the pending windows, and every joined and padded row is committed
    /// exactly once into the append-only sink with the values of an uninterrupted run.
    /// </summary>
    [Theory]
    [InlineData("tumble", "hashmap", "1,2,1")]
    [InlineData("hop", "rocksdb", "2,1,2")]
    public async Task Window_join_killed_and_restored_at_other_parallelisms_commits_every_joined_row_exactly_once(string window, string backend,
        string parallelisms)
    {
        const int Rows = 6_000;
        var perRun = ParallelismsOf(parallelisms);
        int size = window == "tumble" ? 1 : 3;
        string Tvf(string table) => window == "tumble" ? $"TUMBLE(TABLE {table}, DESCRIPTOR(ts), INTERVAL '1' SECOND)"
            : $"HOP(TABLE {table}, DESCRIPTOR(ts), INTERVAL '1' SECOND, INTERVAL '3' SECOND)";
        string Source(string table, int modulus) =>
            // 100 rows per second of event time, in order: nothing is late.
            $"CREATE TABLE {table} (id BIGINT, ts AS CAST(TO_TIMESTAMP_LTZ(id * 10, 3) AS TIMESTAMP(3)), k AS id % {modulus}, "
            + "WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) "
            + $"WITH ('connector' = 'datagen', 'rows-per-second' = '2000', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '{Rows}');";
        void Script(int run) => WriteScript(Settings(backend, ParallelismOfRun(perRun, run)),
            Source("lsrc", 100),
            Source("rsrc", 150),
            "CREATE TABLE out (lid BIGINT, rid BIGINT, window_start TIMESTAMP(3), window_end TIMESTAMP(3)) "
            + "WITH ('connector' = 'filesystem', 'path' = '" + Out + "', 'format' = 'csv');",
            "INSERT INTO out SELECT COALESCE(L.id, -1), COALESCE(R.id, -1), COALESCE(L.window_start, R.window_start), COALESCE(L.window_end, R.window_end) "
            + $"FROM (SELECT * FROM TABLE({Tvf("lsrc")})) L FULL JOIN (SELECT * FROM TABLE({Tvf("rsrc")})) R "
            + "ON L.k = R.k AND L.window_start = R.window_start AND L.window_end = R.window_end;");
        // Per window end (s): each side's (key, id).
        var windows = new SortedDictionary<long, (List<(long K, long Id)> Left, List<(long K, long Id)> Right)>();
        for (long id = 1; id <= Rows; id++)
        {
            long firstEnd = id * 10 / 1000 + 1;
            for (long end = firstEnd; end < firstEnd + size; end++)
            {
                if (!windows.TryGetValue(end, out var sides)) windows[end] = sides = (new(), new());
                sides.Left.Add((id % 100, id));
                sides.Right.Add((id % 150, id));
            }
        }
        static string Time(long seconds) => CsvTimestamp(DateTime.UnixEpoch.AddSeconds(seconds).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
        var expected = new List<string>();
        foreach (var (end, (left, right)) in windows)
        {
            string bounds = $"{Time(end - size)},{Time(end)}";
            var rightMatched = new HashSet<long>();
            foreach (var l in left)
            {
                var matches = right.Where(r => r.K == l.K).ToList();
                foreach (var r in matches) expected.Add(string.Create(CultureInfo.InvariantCulture, $"{l.Id},{r.Id},{bounds}"));
                if (matches.Count == 0) expected.Add(string.Create(CultureInfo.InvariantCulture, $"{l.Id},-1,{bounds}"));
                rightMatched.UnionWith(matches.Select(r => r.Id));
            }
            expected.AddRange(right.Where(r => !rightMatched.Contains(r.Id)).Select(r => string.Create(CultureInfo.InvariantCulture, $"-1,{r.Id},{bounds}")));
        }
        await KillRestartAndFinishAsync(kills: perRun.Length - 1, expected, maxDelayMs: 400, beforeRun: Script, lastKillAfterOutput: true);
    }

    /// <summary>
    /// An event-time OVER aggregation (ROWS BETWEEN 3 PRECEDING per key id % 7: COUNT, SUM, MIN), killed twice and restarted
    /// at other parallelisms: the partitions' accumulators, kept frame rows, buffered rows and timers are restored and
    /// rescaled, and every row is committed exactly once with the values of an uninterrupted run.
    /// </summary>
    [Theory]
    [InlineData("hashmap", "1,2,1")]
    [InlineData("rocksdb", "2,1,2")]
    public async Task Over_aggregation_killed_and_restored_at_other_parallelisms_commits_every_row_exactly_once(string backend, string parallelisms)
    {
        const int Rows = 8_000;
        var perRun = ParallelismsOf(parallelisms);
        void Script(int run) => WriteScript(Settings(backend, ParallelismOfRun(perRun, run)),
            // 100 rows per second of event time, in order: nothing is late.
            "CREATE TABLE src (id BIGINT, ts AS CAST(TO_TIMESTAMP_LTZ(id * 10, 3) AS TIMESTAMP(3)), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) "
            + $"WITH ('connector' = 'datagen', 'rows-per-second' = '2000', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '{Rows}');",
            "CREATE TABLE out (id BIGINT, n BIGINT, total BIGINT, lo BIGINT) WITH ('connector' = 'filesystem', 'path' = '" + Out + "', 'format' = 'csv');",
            "INSERT INTO out SELECT id, COUNT(*) OVER w, SUM(id) OVER w, MIN(id) OVER w FROM (SELECT id, ts, id % 7 AS k FROM src) "
            + "WINDOW w AS (PARTITION BY k ORDER BY ts ROWS BETWEEN 3 PRECEDING AND CURRENT ROW);");
        var expected = new List<string>();
        for (long i = 1; i <= Rows; i++)
        {
            var frame = Enumerable.Range(0, 4).Select(j => i - 7 * j).Where(x => x >= 1).ToList();
            expected.Add(string.Create(CultureInfo.InvariantCulture, $"{i},{frame.Count},{frame.Sum()},{frame.Min()}"));
        }
        await KillRestartAndFinishAsync(kills: perRun.Length - 1, expected, maxDelayMs: 400, beforeRun: Script, lastKillAfterOutput: true);
    }

    /// <summary>
    /// An OVER call in a window aggregation's SELECT (a per-key sum of the last three windows' counts, ordered by
    /// window_time) killed twice and restarted at other parallelisms and backends: the window state, the OVER state and
    /// both operators' timers are restored and rescaled, and every window row is committed exactly once with the values of
    /// an uninterrupted run.
    /// </summary>
    [Theory]
    [InlineData("hashmap", "1,2,1")]
    [InlineData("rocksdb", "2,1,2")]
    public async Task Over_window_over_a_window_aggregation_killed_and_restored_commits_every_window_row_exactly_once(string backend, string parallelisms)
    {
        const int Rows = 8_000;
        var perRun = ParallelismsOf(parallelisms);
        void Script(int run) => WriteScript(Settings(backend, ParallelismOfRun(perRun, run)),
            // 100 rows per second of event time, in order: nothing is late.
            "CREATE TABLE src (id BIGINT, ts AS CAST(TO_TIMESTAMP_LTZ(id * 10, 3) AS TIMESTAMP(3)), k AS id % 3, WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) "
            + $"WITH ('connector' = 'datagen', 'rows-per-second' = '2000', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '{Rows}');",
            "CREATE TABLE out (k BIGINT, window_start TIMESTAMP(3), n BIGINT, last3 BIGINT) WITH ('connector' = 'filesystem', 'path' = '" + Out + "', 'format' = 'csv');",
            "INSERT INTO out SELECT k, window_start, COUNT(*), SUM(COUNT(*)) OVER (PARTITION BY k ORDER BY window_time ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) "
            + "FROM TABLE(TUMBLE(TABLE src, DESCRIPTOR(ts), INTERVAL '1' SECOND)) GROUP BY k, window_start, window_end, window_time;");
        var counts = new SortedDictionary<(long Key, long Second), long>();
        for (long id = 1; id <= Rows; id++)
            counts[(id % 3, id * 10 / 1000)] = counts.GetValueOrDefault((id % 3, id * 10 / 1000)) + 1;
        static string Time(long seconds) => CsvTimestamp(DateTime.UnixEpoch.AddSeconds(seconds).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
        var expected = new List<string>();
        foreach (var byKey in counts.GroupBy(c => c.Key.Key))
        {
            var windows = byKey.ToList();
            for (int i = 0; i < windows.Count; i++)
            {
                long last3 = windows.Skip(Math.Max(0, i - 2)).Take(Math.Min(3, i + 1)).Sum(w => w.Value);
                expected.Add(string.Create(CultureInfo.InvariantCulture, $"{byKey.Key},{Time(windows[i].Key.Second)},{windows[i].Value},{last3}"));
            }
        }
        await KillRestartAndFinishAsync(kills: perRun.Length - 1, expected, maxDelayMs: 400, beforeRun: Script, lastKillAfterOutput: true);
    }

    /// <summary>
    /// A regular inner join of two sequences arriving at different rates (the faster side's rows wait in the join's state
    /// for their partners), killed twice and restarted at other parallelisms: both sides' keyed state is restored and
    /// rescaled by key group, and every joined row is committed exactly once.
    /// </summary>
    [Theory]
    [InlineData("hashmap", "1,2,1")]
    [InlineData("rocksdb", "2,1,2")]
    public async Task Regular_join_killed_and_restored_at_other_parallelisms_commits_every_joined_row_exactly_once(string backend, string parallelisms)
    {
        const int Rows = 8_000;
        var perRun = ParallelismsOf(parallelisms);
        void Script(int run) => WriteScript(Settings(backend, ParallelismOfRun(perRun, run)),
            $"CREATE TABLE a (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '2000', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '{Rows}');",
            $"CREATE TABLE b (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '1500', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '{Rows}');",
            "CREATE TABLE out (id BIGINT, other BIGINT) WITH ('connector' = 'filesystem', 'path' = '" + Out + "', 'format' = 'csv');",
            "INSERT INTO out SELECT a.id, b.id * 10 FROM a JOIN b ON a.id = b.id AND b.id * 2 > a.id;");
        var expected = Enumerable.Range(1, Rows).Select(i => string.Create(CultureInfo.InvariantCulture, $"{i},{i * 10L}")).ToList();
        await KillRestartAndFinishAsync(kills: perRun.Length - 1, expected, maxDelayMs: 400, beforeRun: Script);
    }

    /// <summary>
    /// An event-time LEFT interval join into an append-only sink (two sequences at different rates, each row joined with
    /// the other side's rows 200 and 300 ids later under the same id % 100, the last 200 rows padded once their interval has
    /// passed), killed twice and restarted at other parallelisms: the bucketed rows of both sides, their cleanup timers and
    /// the watermark are restored and rescaled, and every joined or padded row is committed exactly once.
    /// </summary>
    [Theory]
    [InlineData("hashmap", "1,2,1")]
    [InlineData("rocksdb", "2,1,2")]
    public async Task Interval_join_killed_and_restored_at_other_parallelisms_commits_every_row_exactly_once(string backend, string parallelisms)
    {
        const int Rows = 8_000;
        var perRun = ParallelismsOf(parallelisms);
        static string Source(string name, int rate) =>
            $"CREATE TABLE {name} (id BIGINT, ts AS CAST(TO_TIMESTAMP_LTZ(id * 10, 3) AS TIMESTAMP(3)), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) "
            + $"WITH ('connector' = 'datagen', 'rows-per-second' = '{rate}', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '{Rows}');";
        void Script(int run) => WriteScript(Settings(backend, ParallelismOfRun(perRun, run)),
            Source("a", 2000),
            Source("b", 1500),
            "CREATE TABLE out (id BIGINT, other BIGINT) WITH ('connector' = 'filesystem', 'path' = '" + Out + "', 'format' = 'csv');",
            "INSERT INTO out SELECT a.id, COALESCE(b.id, -1) FROM a LEFT JOIN b ON a.id % 100 = b.id % 100 AND b.id > a.id + 150 "
            + "AND b.ts BETWEEN a.ts - INTERVAL '3' SECOND AND a.ts + INTERVAL '3' SECOND;");
        // Row i meets rows i + 200 and i + 300 of b (3 s later at most); the last 200 rows meet none and come padded.
        var expected = Enumerable.Range(1, Rows).SelectMany(i => i + 200 > Rows ? [$"{i},-1"]
            : i + 300 > Rows ? [$"{i},{i + 200}"] : new[] { $"{i},{i + 200}", $"{i},{i + 300}" }).ToList();
        await KillRestartAndFinishAsync(kills: perRun.Length - 1, expected, maxDelayMs: 400, beforeRun: Script);
    }

    /// <summary>
    /// An event-time LEFT temporal join (orders at 2000 rows/s, a versioned table keyed by id at 1500 rows/s whose even ids
    /// take effect 5 ms before their order and odd ids 5 ms after it), killed twice and restarted at other parallelisms:
    /// the waiting left rows, the right versions, the pending times and the watermark are restored and rescaled, and every
    /// joined or padded row is committed exactly once.
    /// </summary>
    [Theory]
    [InlineData("hashmap", "1,2,1")]
    [InlineData("rocksdb", "2,1,2")]
    public async Task Temporal_join_killed_and_restored_at_other_parallelisms_commits_every_row_exactly_once(string backend, string parallelisms)
    {
        const int Rows = 8_000;
        var perRun = ParallelismsOf(parallelisms);
        void Script(int run) => WriteScript(Settings(backend, ParallelismOfRun(perRun, run)),
            "CREATE TABLE a (id BIGINT, ts AS CAST(TO_TIMESTAMP_LTZ(id * 10, 3) AS TIMESTAMP(3)), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) "
            + $"WITH ('connector' = 'datagen', 'rows-per-second' = '2000', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '{Rows}');",
            "CREATE TABLE b (id BIGINT, ts AS CAST(TO_TIMESTAMP_LTZ(id * 10 + 10 * (id % 2) - 5, 3) AS TIMESTAMP(3)), "
            + "WATERMARK FOR ts AS ts - INTERVAL '1' SECOND, PRIMARY KEY (id) NOT ENFORCED) "
            + $"WITH ('connector' = 'datagen', 'rows-per-second' = '1500', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '{Rows}');",
            "CREATE TABLE out (id BIGINT, other BIGINT) WITH ('connector' = 'filesystem', 'path' = '" + Out + "', 'format' = 'csv');",
            "INSERT INTO out SELECT a.id, COALESCE(b.id * 10, -1) FROM a LEFT JOIN b FOR SYSTEM_TIME AS OF a.ts ON a.id = b.id;");
        var expected = Enumerable.Range(1, Rows).Select(i => i % 2 == 0 ? $"{i},{i * 10}" : $"{i},-1").ToList();
        await KillRestartAndFinishAsync(kills: perRun.Length - 1, expected, maxDelayMs: 400, beforeRun: Script, lastKillAfterOutput: true);
    }

    /// <summary>
    /// A window aggregation with ROLLUP (per key id % 7 and per window over all keys: COUNT, SUM, MIN), killed twice and
    /// restarted at other parallelisms: the grouping set's id is a key of the restored window state like the regular keys,
    /// and every row of both sets is committed exactly once with the values of an uninterrupted run.
    /// </summary>
    [Theory]
    [InlineData("tumble", "hashmap", "1,2,1")]
    [InlineData("hop", "rocksdb", "2,1,2")]
    public async Task Window_aggregation_with_rollup_killed_and_restored_commits_every_grouping_set_row_exactly_once(string window, string backend,
        string parallelisms)
    {
        const int Rows = 8_000;
        var perRun = ParallelismsOf(parallelisms);
        string source = "TABLE (SELECT CAST(id % 7 AS BIGINT) AS k, id, ts FROM src)";
        string tvf = window == "tumble" ? $"TUMBLE({source}, DESCRIPTOR(ts), INTERVAL '1' SECOND)"
            : $"HOP({source}, DESCRIPTOR(ts), INTERVAL '1' SECOND, INTERVAL '3' SECOND)";
        void Script(int run) => WriteScript(Settings(backend, ParallelismOfRun(perRun, run)),
            "CREATE TABLE src (id BIGINT, ts AS CAST(TO_TIMESTAMP_LTZ(id * 10, 3) AS TIMESTAMP(3)), k AS id % 3, score AS id * 7919 % 1000, "
            + "WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) "
            + $"WITH ('connector' = 'datagen', 'rows-per-second' = '2000', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '{Rows}');",
            "CREATE TABLE out (k BIGINT, window_start TIMESTAMP(3), window_end TIMESTAMP(3), n BIGINT, total BIGINT, lo BIGINT) "
            + "WITH ('connector' = 'filesystem', 'path' = '" + Out + "', 'format' = 'csv');",
            "INSERT INTO out SELECT k, window_start, window_end, COUNT(*), SUM(id), MIN(id) "
            + $"FROM TABLE({tvf}) GROUP BY window_start, window_end, ROLLUP (k);");
        await KillRestartAndFinishAsync(kills: perRun.Length - 1, ExpectedWindows(Rows, window == "tumble" ? 1 : 3, withTotals: true), maxDelayMs: 400,
            beforeRun: Script, lastKillAfterOutput: true);
    }

    /// <summary>
    /// A SESSION window aggregation (1 s gap, per key id % 7: COUNT, SUM, MIN) over a paced datagen sequence (8 s long) whose event time
    /// jumps 2 s after every 500 rows, so each key has one session per block of rows, killed twice and restarted at other
    /// parallelisms and backends: the open sessions (bounds, accumulators, per-key session sets) and their timers are
    /// restored and rescaled, and every session row is committed exactly once with the values of an uninterrupted run.
    /// </summary>
    [Theory]
    [InlineData("hashmap", "1,2,1")]
    [InlineData("rocksdb", "2,1,2")]
    public async Task Session_window_aggregation_killed_and_restored_at_other_parallelisms_commits_every_session_exactly_once(string backend,
        string parallelisms)
    {
        const int Rows = 8_000;
        var perRun = ParallelismsOf(parallelisms);
        void Script(int run) => WriteScript(Settings(backend, ParallelismOfRun(perRun, run)),
            // Row id at id * 10 ms plus 2 s per 500 rows before it: in order, nothing is late.
            "CREATE TABLE src (id BIGINT, ts AS CAST(TO_TIMESTAMP_LTZ(id * 10 + (id - 1 - MOD(id - 1, 500)) * 4, 3) AS TIMESTAMP(3)), "
            + "WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) "
            + $"WITH ('connector' = 'datagen', 'rows-per-second' = '1000', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '{Rows}');",
            "CREATE TABLE out (k BIGINT, window_start TIMESTAMP(3), window_end TIMESTAMP(3), n BIGINT, total BIGINT, lo BIGINT) "
            + "WITH ('connector' = 'filesystem', 'path' = '" + Out + "', 'format' = 'csv');",
            "INSERT INTO out SELECT k, window_start, window_end, COUNT(*), SUM(id), MIN(id) "
            + "FROM TABLE(SESSION(TABLE (SELECT CAST(id % 7 AS BIGINT) AS k, id, ts FROM src) PARTITION BY k, DESCRIPTOR(ts), INTERVAL '1' SECOND)) "
            + "GROUP BY k, window_start, window_end;");
        await KillRestartAndFinishAsync(kills: perRun.Length - 1, ExpectedSessions(Rows), maxDelayMs: 800, beforeRun: Script,
            lastKillAfterOutput: true);
    }

    /// <summary>
    /// A window Top-N over a SESSION window aggregation (1 s gap per key id % 7; all keys' rows share their times, so the 7
    /// sessions of each block of 490 rows share their bounds): the top 2 keys by SUM(id) per window and key parity, killed
    /// twice and restarted at other parallelisms and backends. The rank is keyed and distributed by the parity and the
    /// session's start, so its buffered rows and timers are rescaled by key group; every ranked row is committed exactly
    /// once with the values of an uninterrupted run.
    /// </summary>
    [Theory]
    [InlineData("hashmap", "1,2,1")]
    [InlineData("rocksdb", "2,1,2")]
    public async Task Window_top_n_over_sessions_killed_and_restored_at_other_parallelisms_commits_every_ranked_row_exactly_once(string backend,
        string parallelisms)
    {
        const int Rows = 490 * 16;
        var perRun = ParallelismsOf(parallelisms);
        void Script(int run) => WriteScript(Settings(backend, ParallelismOfRun(perRun, run)),
            // Rows in groups of 7 (one per key) 70 ms apart, 2.45 s more per block of 490 rows: in order, nothing is late.
            "CREATE TABLE src (id BIGINT, ts AS CAST(TO_TIMESTAMP_LTZ((id - 1 - MOD(id - 1, 7)) * 10 + (id - 1 - MOD(id - 1, 490)) * 5, 3) AS TIMESTAMP(3)), "
            + "WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) "
            + $"WITH ('connector' = 'datagen', 'rows-per-second' = '1000', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '{Rows}');",
            "CREATE TABLE out (k BIGINT, window_start TIMESTAMP(3), window_end TIMESTAMP(3), total BIGINT, rn BIGINT) "
            + "WITH ('connector' = 'filesystem', 'path' = '" + Out + "', 'format' = 'csv');",
            "INSERT INTO out SELECT k, window_start, window_end, total, rn FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end, par "
            + "ORDER BY total DESC) AS rn FROM (SELECT k, MOD(k, 2) AS par, window_start, window_end, total FROM (SELECT k, window_start, window_end, SUM(id) AS total "
            + "FROM TABLE(SESSION(TABLE (SELECT CAST(id % 7 AS BIGINT) AS k, id, ts FROM src) PARTITION BY k, DESCRIPTOR(ts), INTERVAL '1' SECOND)) "
            + "GROUP BY k, window_start, window_end))) WHERE rn <= 2;");
        var expected = new List<string>();
        for (long block = 0; block < Rows / 490; block++)
        {
            long start = block * 7350, end = start + 69 * 70 + 1000;
            var totals = Enumerable.Range(0, 7).Select(k => (K: (long)k, Total: Enumerable.Range(1, 490).Select(i => block * 490 + i).Where(id => id % 7 == k).Sum())).ToList();
            foreach (var parity in totals.GroupBy(t => t.K % 2))
                expected.AddRange(parity.OrderByDescending(t => t.Total).Take(2).Select((t, i) => string.Create(CultureInfo.InvariantCulture,
                    $"{t.K},{SessionTime(start)},{SessionTime(end)},{t.Total},{i + 1}")));
        }
        await KillRestartAndFinishAsync(kills: perRun.Length - 1, expected, maxDelayMs: 800, beforeRun: Script, lastKillAfterOutput: true);
    }

    [Theory]
    [InlineData("truncated _metadata")]
    [InlineData("flipped byte in a state file")]
    public async Task A_corrupt_latest_checkpoint_falls_back_to_the_previous_one_naming_the_file(string corruption)
    {
        const int Rows = 7_500;
        WriteScript(Settings("hashmap", parallelism: 1, retained: 2),
            Datagen(Rows, rowsPerSecond: 2_500),
            "CREATE TABLE out (id BIGINT) WITH ('connector' = 'filesystem', 'path' = '" + Out + "', 'format' = 'csv');",
            "INSERT INTO out SELECT id FROM src;");

        using (var run = StartShell("--from-latest-checkpoint"))
        {
            if (!await run.WaitForSubmissionAsync(SubmitTimeout)) Fail("the first run did not submit its job", run);
            while (!run.HasExited && CompletedCheckpoints().Count < 2)
            {
                if (run.Elapsed > SubmitTimeout) Fail("the first run did not complete two checkpoints", run);
                await Task.Delay(10);
            }
            await Task.Delay(_random.Next(0, 200));
            if (run.HasExited) Fail("the first run ended before the kill: the job is too short", run);
            run.Kill();
            await run.WaitForExitAsync(TimeSpan.FromSeconds(10));
        }
        var committedAtKill = CommittedOutput.Read(Out).ToHashSet(StringComparer.Ordinal);
        var checkpoints = CompletedCheckpoints();
        Assert.True(checkpoints.Count >= 2, Report($"expected two retained checkpoints after the kill, found [{string.Join(", ", checkpoints)}]"));
        var newest = CheckpointDirectory(checkpoints[0]);
        var previous = CheckpointDirectory(checkpoints[1]);
        string corrupted;
        if (corruption == "truncated _metadata")
        {
            corrupted = Path.Combine(newest, "_metadata");
            var bytes = File.ReadAllBytes(corrupted);
            File.WriteAllBytes(corrupted, bytes[..(bytes.Length / 2)]);
        }
        else
        {
            corrupted = Directory.GetFiles(newest).Where(f => Path.GetFileName(f) != "_metadata").Order(StringComparer.Ordinal).First();
            var bytes = File.ReadAllBytes(corrupted);
            bytes[bytes.Length / 2] ^= 0x5A;
            File.WriteAllBytes(corrupted, bytes);
        }
        Log($"killed with checkpoints [{string.Join(", ", checkpoints)}] and {committedAtKill.Count} rows committed; corrupted {corrupted} ({corruption})");

        using (var last = StartShell("--from-latest-checkpoint"))
        {
            var exit = await last.WaitForExitAsync(FinishTimeout);
            Log($"restarted run: exit code {exit?.ToString(CultureInfo.InvariantCulture) ?? "(timed out)"} after {Ms(last.Elapsed)}" + RestoreNote(last.Stdout + last.Stderr));
            if (exit != 0) Fail($"the restarted run did not finish cleanly (exit code {exit?.ToString(CultureInfo.InvariantCulture) ?? "none: timed out"})", last);
            // The shell prints its [WARNING] and [INFO] lines on stdout, as Flink's SQL client does.
            var said = last.Stdout + last.Stderr;
            if (!said.Contains(corrupted, StringComparison.Ordinal))
                Fail($"the shell does not name the corrupt file {corrupted}", last);
            if (!said.Contains(previous, StringComparison.Ordinal))
                Fail($"the shell does not say the job was restored from the previous checkpoint {previous}", last);
        }

        // Falling back to an older checkpoint than the newest committed one re-emits what the newest had committed
        // (as in Flink): no row may be missing, and only rows committed before the kill may appear twice.
        var output = CommittedOutput.Read(Out);
        var missing = Sequence(Rows).Except(output, StringComparer.Ordinal).ToList();
        var badDuplicates = CommittedOutput.Duplicates(output).Where(d => !committedAtKill.Contains(d)).ToList();
        if (missing.Count > 0 || badDuplicates.Count > 0 || output.Count > Rows + committedAtKill.Count)
            Fail($"after the fallback: {missing.Count} rows missing ({string.Join(", ", missing.Take(20))}), {badDuplicates.Count} duplicated rows "
                + $"that were not committed before the kill ({string.Join(", ", badDuplicates.Take(20))}), {output.Count} rows in all", null);
        Pass();
    }

    [Fact]
    public async Task Sigterm_stops_with_a_savepoint_and_from_savepoint_resumes_exactly_once()
    {
        const int Rows = 7_500;
        WriteScript(Settings("rocksdb", parallelism: 2, savepoints: true),
            Datagen(Rows, rowsPerSecond: 2_500),
            "CREATE TABLE out (id BIGINT) WITH ('connector' = 'filesystem', 'path' = '" + Out + "', 'format' = 'csv');",
            "INSERT INTO out SELECT id FROM src;");

        string savepoint;
        using (var run = StartShell())
        {
            if (!await run.WaitForSubmissionAsync(SubmitTimeout)) Fail("the first run did not submit its job", run);
            while (!run.HasExited && CompletedCheckpoints().Count < 1)
            {
                if (run.Elapsed > SubmitTimeout) Fail("the first run completed no checkpoint", run);
                await Task.Delay(10);
            }
            await Task.Delay(_random.Next(0, 400));
            if (run.HasExited) Fail("the first run ended before SIGTERM: the job is too short", run);
            run.Terminate();
            var exit = await run.WaitForExitAsync(FinishTimeout);
            var savepoints = Snapshots.CompletedSavepoints();
            Log($"SIGTERM: exit code {exit?.ToString(CultureInfo.InvariantCulture) ?? "(timed out)"}, savepoints [{string.Join(", ", savepoints)}]"
                + RestoreNote(run.Stdout + run.Stderr));
            if (savepoints.Count != 1) Fail($"SIGTERM with 'state.savepoints.dir' set should leave exactly one savepoint, found {savepoints.Count}", run);
            savepoint = savepoints[0];
            if (!(run.Stdout + run.Stderr).Contains(savepoint, StringComparison.Ordinal))
                Fail($"the shell did not tell where the savepoint is ({savepoint})", run);
        }
        // Stop-with-savepoint commits everything up to the savepoint and nothing after it.
        var committed = CommittedOutput.Read(Out);
        Assert.True(CommittedOutput.Duplicates(committed).Count == 0, Report("duplicates after stop-with-savepoint"));
        Assert.True(committed.Count > 0 && committed.Count < Rows, Report($"{committed.Count} rows committed at the savepoint; expected some, not all"));

        using (var resumed = StartShell("--from-savepoint", savepoint))
        {
            var exit = await resumed.WaitForExitAsync(FinishTimeout);
            Log($"resumed run: exit code {exit?.ToString(CultureInfo.InvariantCulture) ?? "(timed out)"} after {Ms(resumed.Elapsed)}" + RestoreNote(resumed.Stdout + resumed.Stderr));
            if (exit != 0) Fail($"the resumed run did not finish cleanly (exit code {exit?.ToString(CultureInfo.InvariantCulture) ?? "none: timed out"})", resumed);
        }
        var diff = CommittedOutput.CompareExactlyOnce(Sequence(Rows), CommittedOutput.Read(Out));
        if (diff is not null) Fail(diff + $"  sink files: {CommittedOutput.Listing(Out)}", null);
        Pass();
    }

    /// <summary>
    /// A GROUP BY job (keyed state in the group table) into an upsert sink (print with a primary key on the group key),
    /// killed three times and restored from its latest checkpoint each time: the changes printed after the checkpoint a
    /// run restores from are printed again (an upsert sink applies them idempotently, as Flink's do), so the last value
    /// printed for every key over all runs must be the exact final COUNT and SUM of an uninterrupted run. The final run
    /// restores at another parallelism (state rescaled by key group).
    /// </summary>
    [Theory]
    [InlineData("hashmap", 1, 2, 37, 0)]
    [InlineData("rocksdb", 2, 1, 37, 0)]
    // A rocksdb group cache of 16 groups for 500 keys: nearly every batch evicts (writing back changed groups) and reloads
    // groups from RocksDB, and every checkpoint flushes the cache; restored at a third parallelism.
    [InlineData("rocksdb", 2, 3, 500, 16)]
    public async Task Group_by_into_an_upsert_sink_killed_three_times_ends_with_exact_results(string backend, int parallelism, int finalParallelism,
        int keys, int groupCache)
    {
        const int Rows = 9_000;
        string[] Script(int p) =>
        [
            Settings(backend, p) + (groupCache > 0 ? $"SET 'state.backend.rocksdb.group-table.cache-size' = '{groupCache}';\n" : ""),
            Datagen(Rows, rowsPerSecond: 2_000),
            "CREATE TABLE out (k BIGINT, n BIGINT, total BIGINT, PRIMARY KEY (k) NOT ENFORCED) WITH ('connector' = 'print');",
            $"INSERT INTO out SELECT MOD(id, {keys}) AS k, COUNT(*), SUM(id) FROM src GROUP BY MOD(id, {keys});",
        ];
        var printed = await KillThreeTimesThenFinishAsync(Script(parallelism), Script(finalParallelism));

        var expected = new Dictionary<long, string>();
        for (long key = 0; key < keys; key++)
        {
            var ids = Enumerable.Range(1, Rows).Where(i => i % keys == key).Select(i => (long)i).ToList();
            expected[key] = string.Create(CultureInfo.InvariantCulture, $"{ids.Count}, {ids.Sum()}");
        }
        AssertLatestPerKey(printed, expected);
        Pass();
    }

    /// <summary>
    /// A LEFT join of the ids with a slower source of their halves (each even id first comes padded with NULL, then is
    /// retracted for its joined row), counted per key by a GROUP BY that consumes the retractions, into an upsert sink;
    /// on rocksdb with a group cache of 8 groups (the aggregate's groups evicted and reloaded all the time), killed three
    /// times and restored, the final run at another parallelism: the last row printed per key must be the exact result.
    /// </summary>
    [Theory]
    [InlineData("rocksdb", 2, 1)]
    [InlineData("hashmap", 1, 2)]
    public async Task Left_join_retractions_into_a_group_by_into_an_upsert_sink_killed_three_times_end_with_exact_results(string backend, int parallelism,
        int finalParallelism)
    {
        const int Rows = 9_000, Keys = 37;
        string[] Script(int p) =>
        [
            Settings(backend, p) + "SET 'state.backend.rocksdb.group-table.cache-size' = '8';\n",
            Datagen(Rows, rowsPerSecond: 2_000),
            $"CREATE TABLE halves (h BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '800', 'fields.h.kind' = 'sequence', 'fields.h.start' = '1', 'fields.h.end' = '{Rows / 2}');",
            "CREATE TABLE out (k BIGINT, n BIGINT, joined BIGINT, total BIGINT, PRIMARY KEY (k) NOT ENFORCED) WITH ('connector' = 'print');",
            $"INSERT INTO out SELECT MOD(src.id, {Keys}), COUNT(*), COUNT(halves.h), SUM(COALESCE(halves.h, 0)) FROM src LEFT JOIN halves ON src.id = halves.h * 2 "
            + $"GROUP BY MOD(src.id, {Keys});",
        ];
        var printed = await KillThreeTimesThenFinishAsync(Script(parallelism), Script(finalParallelism));
        var expected = Enumerable.Range(1, Rows).GroupBy(i => (long)(i % Keys)).ToDictionary(g => g.Key, g => string.Create(CultureInfo.InvariantCulture,
            $"{g.Count()}, {g.Count(i => i % 2 == 0)}, {g.Where(i => i % 2 == 0).Sum(i => (long)i / 2)}"));
        AssertLatestPerKey(printed, expected);
        Pass();
    }

    /// <summary>
    /// A Top-3 with the rank number (its sorted buffers in keyed state) into an upsert sink keyed by partition and rank,
    /// killed three times and restored from the latest checkpoint each time, the final run at another parallelism: the
    /// last row printed for every partition and rank over all runs must be the top three of an uninterrupted run.
    /// </summary>
    [Theory]
    [InlineData("hashmap", 1, 2)]
    [InlineData("rocksdb", 2, 1)]
    public async Task Top_n_into_an_upsert_sink_killed_three_times_ends_with_exact_results(string backend, int parallelism, int finalParallelism)
    {
        const int Rows = 9_000, Keys = 37;
        // 7919 and 9001 are prime: the score of ids 1..9000 is a permutation, so no ties, and it rises and falls with id.
        string[] Script(int p) =>
        [
            Settings(backend, p),
            Datagen(Rows, rowsPerSecond: 2_000),
            "CREATE TABLE out (k BIGINT, rn BIGINT, id BIGINT, PRIMARY KEY (k, rn) NOT ENFORCED) WITH ('connector' = 'print');",
            $"INSERT INTO out SELECT k, rn, id FROM (SELECT MOD(id, {Keys}) AS k, id, ROW_NUMBER() OVER (PARTITION BY MOD(id, {Keys}) "
            + "ORDER BY MOD(id * 7919, 9001) DESC) AS rn FROM src) WHERE rn <= 3;",
        ];
        var printed = await KillThreeTimesThenFinishAsync(Script(parallelism), Script(finalParallelism));

        var latest = new Dictionary<(long, long), long>();
        foreach (var line in LineMatcher.SplitLines(printed))
        {
            var match = System.Text.RegularExpressions.Regex.Match(line, @"^(?:\d+> )?([+-][IUD])\[(-?\d+), (-?\d+), (-?\d+)\]$");
            if (!match.Success) continue;
            var key = (long.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture), long.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture));
            switch (match.Groups[1].Value)
            {
                case "+I" or "+U": latest[key] = long.Parse(match.Groups[4].Value, CultureInfo.InvariantCulture); break;
                case "-D": latest.Remove(key); break;
            }
        }
        var expected = new Dictionary<(long, long), long>();
        for (long k = 0; k < Keys; k++)
        {
            var top = Enumerable.Range(1, Rows).Where(i => i % Keys == k).OrderByDescending(i => (long)i * 7919 % 9001).Take(3).ToList();
            for (int r = 0; r < top.Count; r++) expected[(k, r + 1)] = top[r];
        }
        var wrong = expected.Where(e => !latest.TryGetValue(e.Key, out var v) || v != e.Value)
            .Select(e => $"{e.Key}: expected {e.Value}, last printed {(latest.TryGetValue(e.Key, out var v) ? v.ToString(CultureInfo.InvariantCulture) : "nothing")}").ToList();
        if (wrong.Count > 0 || latest.Count != expected.Count) Fail($"{wrong.Count} ranks end wrong: {string.Join("; ", wrong.Take(10))} ({latest.Count} printed)", null);
        Pass();
    }

    [Fact]
    public async Task Sigterm_ends_an_unthrottled_job_promptly()
    {
        // Nexmark at max speed reads and emits synchronously: the source loop itself must notice the cancellation.
        WriteScript(
            "CREATE TABLE bid (auction BIGINT, price BIGINT) WITH ('connector' = 'nexmark', 'table' = 'bid', "
            + "'events.num' = '2000000000', 'max-emit-speed' = 'true');",
            "CREATE TABLE sink (auction BIGINT) WITH ('connector' = 'blackhole');",
            "INSERT INTO sink SELECT auction FROM bid WHERE price > 100;");
        using var run = StartShell();
        if (!await run.WaitForSubmissionAsync(SubmitTimeout)) Fail("the job was not submitted", run);
        await Task.Delay(300);
        var terminated = run.Elapsed;
        run.Terminate();
        var exit = await run.WaitForExitAsync(TimeSpan.FromSeconds(20));
        var took = run.Elapsed - terminated;
        Log($"SIGTERM: exit code {exit?.ToString(CultureInfo.InvariantCulture) ?? "(none)"} after {Ms(took)}");
        if (exit is null || took > TimeSpan.FromSeconds(5))
            Fail($"the shell took {Ms(took)} to stop after SIGTERM (the job ignored its cancellation until the stop timeout)", run);
        Assert.Equal(SigTermExitCode, exit);
        Pass();
    }

}
