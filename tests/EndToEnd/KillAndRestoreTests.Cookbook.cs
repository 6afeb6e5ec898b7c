using System.Globalization;

namespace StreamSql.EndToEnd;

/// <summary>Kill -9 and resume of the stateful shapes of ververica/flink-sql-cookbook that the other kill tests do not
/// reach (their scenarios are tests/EndToEnd/scenarios/cookbook_*.sql): the chained legacy windows of
/// aggregations-and-analytics/07 (a TUMBLE_ROWTIME feeding a second TUMBLE group window), the LAG trend of 12_lag and the
/// window Top-N over a window aggregation of 11_window_top_n, over a paced event-time datagen sequence (row id at
/// id * 10 ms, key id % 5), killed twice and restored at other parallelisms; expected rows computed here.</summary>
public sealed partial class KillAndRestoreMoreTests
{
    /// <summary>07_chained_windows: 1 s legacy TUMBLE (TUMBLE_START, TUMBLE_ROWTIME) and a 5 s legacy TUMBLE over its
    /// TUMBLE_ROWTIME, both levels' SUM/COUNT averages in one sink (UNION ALL in place of the recipe's statement set).</summary>
    [Theory]
    [InlineData("hashmap", "1,2,1")]
    [InlineData("rocksdb", "2,1,3")]
    public async Task Cookbook_chained_legacy_windows_killed_and_restored_commit_every_window_exactly_once(string backend, string parallelisms)
    {
        const int Rows = 6_000;
        var perRun = ParallelismsOf(parallelisms);
        void Script(int run) => WriteScript(Settings(backend, ParallelismOfRun(perRun, run)),
            EventSource(Rows, 800),
            "CREATE TEMPORARY VIEW w1 AS SELECT TUMBLE_START(ts, INTERVAL '1' SECOND) AS window_start, TUMBLE_ROWTIME(ts, INTERVAL '1' SECOND) AS window_end, "
            + "SUM(id) AS total_size, COUNT(*) AS num_requests FROM src GROUP BY TUMBLE(ts, INTERVAL '1' SECOND);",
            "CREATE TEMPORARY VIEW w5 AS SELECT TUMBLE_START(window_end, INTERVAL '5' SECOND) AS window_start, TUMBLE_ROWTIME(window_end, INTERVAL '5' SECOND) AS window_end, "
            + "SUM(total_size) AS total_size, SUM(num_requests) AS num_requests FROM w1 GROUP BY TUMBLE(window_end, INTERVAL '5' SECOND);",
            "CREATE TABLE out (lvl STRING, window_start TIMESTAMP(3), window_end TIMESTAMP(3), avg_size BIGINT) WITH ('connector' = 'filesystem', 'path' = '" + Out + "', 'format' = 'csv');",
            "INSERT INTO out SELECT '1s', window_start, window_end, total_size / num_requests FROM w1 "
            + "UNION ALL SELECT '5s', window_start, window_end, total_size / num_requests FROM w5;");
        var expected = new List<string>();
        foreach (long size in new long[] { 1000, 5000 })
        {
            var windows = new SortedDictionary<long, (long Sum, long Count)>();
            for (long id = 1; id <= Rows; id++)
            {
                long start = id * 10 / size * size;
                var (sum, count) = windows.GetValueOrDefault(start);
                windows[start] = (sum + id, count + 1);
            }
            foreach (var (start, (sum, count)) in windows)
                expected.Add(string.Create(CultureInfo.InvariantCulture, $"{(size == 1000 ? "1s" : "5s")},{SessionTime(start)},{SessionTime(start + size - 1)},{sum / count}"));
        }
        await KillRestartAndFinishAsync(kills: perRun.Length - 1, expected, maxDelayMs: 600, beforeRun: Script, lastKillAfterOutput: true);
    }

    /// <summary>12_lag: LAG(v, 1) OVER (PARTITION BY k ORDER BY ts) in a CTE and the recipe's CASE trend, v a value that goes
    /// up and down; the previous value per key survives the kills and rescaling.</summary>
    [Theory]
    [InlineData("hashmap", "2,1,2")]
    [InlineData("rocksdb", "1,3,2")]
    public async Task Cookbook_lag_trend_killed_and_restored_commits_every_row_exactly_once(string backend, string parallelisms)
    {
        const int Rows = 6_000;
        var perRun = ParallelismsOf(parallelisms);
        void Script(int run) => WriteScript(Settings(backend, ParallelismOfRun(perRun, run)),
            EventSource(Rows, 800),
            "CREATE TABLE out (k INT, id BIGINT, v BIGINT, previous_value BIGINT, trend STRING) WITH ('connector' = 'filesystem', 'path' = '" + Out + "', 'format' = 'csv');",
            "INSERT INTO out WITH current_and_previous AS (SELECT k, id, id * 7919 % 101 AS v, LAG(id * 7919 % 101, 1) OVER (PARTITION BY k ORDER BY ts) AS previous_value FROM src) "
            + "SELECT *, CASE WHEN v > previous_value THEN 'up' WHEN v < previous_value THEN 'down' ELSE '=' END AS trend FROM current_and_previous;");
        var expected = new List<string>();
        for (long id = 1; id <= Rows; id++)
        {
            long v = id * 7919 % 101;
            long? previous = id > 5 ? (id - 5) * 7919 % 101 : null;
            string trend = previous is null ? "=" : v > previous ? "up" : v < previous ? "down" : "=";
            expected.Add(string.Create(CultureInfo.InvariantCulture, $"{id % 5},{id},{v},{previous?.ToString(CultureInfo.InvariantCulture) ?? ""},{trend}"));
        }
        await KillRestartAndFinishAsync(kills: perRun.Length - 1, expected, maxDelayMs: 600, beforeRun: Script, lastKillAfterOutput: true);
    }

    /// <summary>11_window_top_n: the top 3 keys by SUM per 1 s TUMBLE window (ROW_NUMBER over the window aggregation's
    /// window_start, window_end), the window aggregation's and the window rank's state restored across the kills.</summary>
    [Theory]
    [InlineData("hashmap", "1,2,1")]
    [InlineData("rocksdb", "2,1,3")]
    public async Task Cookbook_window_top_n_over_a_window_aggregation_killed_and_restored_commits_every_rank_exactly_once(string backend, string parallelisms)
    {
        const int Rows = 6_000;
        var perRun = ParallelismsOf(parallelisms);
        void Script(int run) => WriteScript(Settings(backend, ParallelismOfRun(perRun, run)),
            EventSource(Rows, 800),
            "CREATE TABLE out (window_start TIMESTAMP(3), window_end TIMESTAMP(3), k INT, price BIGINT, cnt BIGINT, rownum BIGINT) WITH ('connector' = 'filesystem', 'path' = '" + Out + "', 'format' = 'csv');",
            "INSERT INTO out SELECT * FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY price DESC) AS rownum FROM ("
            + "SELECT window_start, window_end, k, SUM(id * 7919 % 1000) AS price, COUNT(*) AS cnt FROM TABLE(TUMBLE(TABLE src, DESCRIPTOR(ts), INTERVAL '1' SECOND)) "
            + "GROUP BY window_start, window_end, k)) WHERE rownum <= 3;");
        var sums = new SortedDictionary<(long Start, long K), (long Sum, long Count)>();
        for (long id = 1; id <= Rows; id++)
        {
            var key = (id * 10 / 1000 * 1000, id % 5);
            var (sum, count) = sums.GetValueOrDefault(key);
            sums[key] = (sum + id * 7919 % 1000, count + 1);
        }
        var expected = new List<string>();
        foreach (var window in sums.GroupBy(s => s.Key.Start))
        {
            var ranked = window.OrderByDescending(s => s.Value.Sum).ToList();
            // Equal sums would make the rank order depend on arrival; the data has none in a window's top 4.
            if (ranked.Count > 3 && ranked[2].Value.Sum == ranked[3].Value.Sum) throw new InvalidOperationException("tie at rank 3");
            for (int r = 0; r < Math.Min(3, ranked.Count); r++)
            {
                if (r > 0 && ranked[r].Value.Sum == ranked[r - 1].Value.Sum) throw new InvalidOperationException("tie in the top 3");
                expected.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{SessionTime(window.Key)},{SessionTime(window.Key + 1000)},{ranked[r].Key.K},{ranked[r].Value.Sum},{ranked[r].Value.Count},{r + 1}"));
            }
        }
        await KillRestartAndFinishAsync(kills: perRun.Length - 1, expected, maxDelayMs: 600, beforeRun: Script, lastKillAfterOutput: true);
    }

    /// <summary>05_top_n: each key's top 2 "spells" by COUNT(*) DESC over a GROUP BY, the rank number not selected: Flink's
    /// UpdateFastStrategy (a spell in the top updated is one -U/+U of it; one entering a full top pushes the last out, -D,
    /// then +I), into a changelog format file, the source at 'scan.parallelism' 1 so the changelog is an uninterrupted
    /// run's message for message when every run is at parallelism 1 (computed here as UpdatableTopNFunction emits it). At
    /// other parallelisms the GROUP BY's subtasks interleave a key's spells at their own pace, so equal (low) counts rank by
    /// arrival (in Flink too): then the messages of counts from 20 on, when the two leading spells are far apart and only
    /// update themselves, must each be there exactly once. Replayed, the messages end in DuckDB's answer.</summary>
    [Theory]
    [InlineData("debezium-json", "hashmap", "1,1,1")]
    [InlineData("maxwell-json", "rocksdb", "1,1,1")]
    [InlineData("canal-json", "rocksdb", "2,1,3")]
    [InlineData("debezium-json", "hashmap", "1,2,1")]
    public async Task Cookbook_top_n_over_a_count_killed_and_restored_commits_flinks_update_fast_changelog_exactly_once(string format, string backend, string parallelisms)
    {
        const int Rows = 9_000, Keys = 7;
        var perRun = ParallelismsOf(parallelisms);
        string[] columns = ["k", "spell", "times_cast"];
        const string Spell = "CASE WHEN MOD(id, 10) < 5 THEN 0 WHEN MOD(id, 10) < 8 THEN 1 ELSE 2 END";
        void Script(int run) => WriteScript(Settings(backend, ParallelismOfRun(perRun, run)),
            "CREATE TABLE src (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '2000', 'scan.parallelism' = '1', "
            + $"'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '{Rows}');",
            $"CREATE TABLE out (k BIGINT, spell BIGINT, times_cast BIGINT) WITH ('connector' = 'filesystem', 'path' = '{Out}', 'format' = '{format}');",
            "INSERT INTO out SELECT k, spell, times_cast FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY k ORDER BY times_cast DESC) AS row_num "
            + $"FROM (SELECT MOD(id, {Keys}) AS k, {Spell} AS spell, COUNT(*) AS times_cast FROM src GROUP BY MOD(id, {Keys}), {Spell})) WHERE row_num <= 2;");

        var counts = new Dictionary<(long K, long S), long>();
        var tops = new Dictionary<long, List<(long S, long N)>>();
        var changes = new List<(bool Insert, long[] Row)>();
        for (long id = 1; id <= Rows; id++)
        {
            long k = id % Keys, s = id % 10 < 5 ? 0 : id % 10 < 8 ? 1 : 2;
            long n = counts[(k, s)] = counts.GetValueOrDefault((k, s)) + 1;
            if (!tops.TryGetValue(k, out var top)) tops[k] = top = [];
            int at = top.FindIndex(e => e.S == s);
            if (at >= 0)
            {
                changes.Add((false, [k, s, top[at].N]));
                changes.Add((true, [k, s, n]));
                top.RemoveAt(at);
                PlaceAfterEqual(top, (s, n));
            }
            else if (top.Count < 2 || n > top[^1].N)
            {
                PlaceAfterEqual(top, (s, n));
                if (top.Count > 2)
                {
                    var pushed = top[^1];
                    top.RemoveAt(top.Count - 1);
                    changes.Add((false, [k, pushed.S, pushed.N]));
                }
                changes.Add((true, [k, s, n]));
            }
        }
        bool exact = perRun.All(p => p == 1);
        const int Settled = 20;
        var expected = changes.Where(c => exact || c.Row[2] >= Settled)
            .Select(c => ChangeMessage(format, c.Insert, columns, c.Row.Select(v => v.ToString(CultureInfo.InvariantCulture)).ToList())).ToList();
        await KillRestartAndFinishAsync(kills: perRun.Length - 1, expected, maxDelayMs: 400, beforeRun: Script, lastKillAfterOutput: true,
            readOutput: exact ? CommittedInFileOrder : directory => CommittedInFileOrder(directory)
                .Where(line => long.Parse(ParseChangeMessage(format, line).Row.Split(',')[2], CultureInfo.InvariantCulture) >= Settled).ToList());
        AssertReplayEndsInBatchAnswer(format, keyWidth: 2, $"SELECT k || ',' || s || ',' || n FROM (SELECT k, s, n, row_number() OVER (PARTITION BY k ORDER BY n DESC) AS rn "
            + $"FROM (SELECT i % {Keys} AS k, CASE WHEN i % 10 < 5 THEN 0 WHEN i % 10 < 8 THEN 1 ELSE 2 END AS s, count(*) AS n FROM range(1, {Rows + 1}) t(i) GROUP BY ALL)) WHERE rn <= 2");

        // A row goes after the rows of its count or more (Flink's TopNBuffer: after the equal sort keys already there).
        static void PlaceAfterEqual(List<(long S, long N)> top, (long S, long N) entry)
        {
            int i = 0;
            while (i < top.Count && top[i].N >= entry.N) i++;
            top.Insert(i, entry);
        }
    }
}
