using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using StreamSql.Soak.Output;

namespace StreamSql.EndToEnd;

/// <summary>Kill -9 and resume of updating queries (GROUP BY, Top-N with the rank number, keep-last deduplication) into a
/// filesystem sink whose format is a changelog format (debezium-json, canal-json, maxwell-json), as Flink's
/// FileSystemTableSink takes them: every change is a message, an update written as a delete and an insert. The committed
/// messages of all runs must be exactly the changelog of an uninterrupted run (no change lost, none committed twice), in
/// Flink's message format, and replayed in file order per key they must end in the batch answer.</summary>
public sealed partial class KillAndRestoreMoreTests
{
    private const int ChangelogRows = 9_000, ChangelogKeys = 37;

    /// <summary>
    /// GROUP BY: per key id % 37 a COUNT and SUM that step by one row at a time (Flink without mini-batch emits -U/+U per
    /// input row). Top-3 with the rank number by a score that is a permutation of the ids (7919 and 9001 are prime): a
    /// rank's occupant changes only when a better row arrives, each change a -U of the old occupant and a +U of the new.
    /// Without the rank number a row entering the top is inserted and the one it pushes out deleted, keyed by both columns.
    /// Keep-last deduplication on processing time: every row replaces its key's previous one (part files rolled at 2 kB, so
    /// a key's messages of one checkpoint span several files). The sink runs at the
    /// query's parallelism behind its keyed operator (forward), so a key's messages are in one subtask's files in order.
    /// The source reads at parallelism 1 ('scan.parallelism'), so each key's rows arrive in id order and the changelog is
    /// the one an uninterrupted run writes, message for message (two source subtasks would interleave a key's rows at
    /// their own pace, and the intermediate sums and ranks would depend on it, in Flink too). Partitioned (by key % 4, the
    /// partition column left out of the messages, as Flink's partition computer projects it away), each message goes into
    /// its row's partition directory.
    /// </summary>
    [Theory]
    [InlineData("groupby", "debezium-json", "hashmap", "1,2,1")]
    [InlineData("groupby", "canal-json", "rocksdb", "2,1,3")]
    [InlineData("topn", "canal-json", "hashmap", "2,1,2")]
    [InlineData("topn", "debezium-json", "rocksdb", "1,3,2")]
    [InlineData("dedup", "maxwell-json", "rocksdb", "2,1,2")]
    [InlineData("groupby-partitioned", "debezium-json", "rocksdb", "2,3,1")]
    [InlineData("topn-norank", "maxwell-json", "hashmap", "1,2,3")]
    [InlineData("topn-variable", "debezium-json", "rocksdb", "2,1,3")]
    [InlineData("topn-variable", "canal-json", "hashmap", "1,3,2")]
    public async Task Updating_query_into_a_changelog_format_file_sink_killed_and_restored_commits_every_change_exactly_once(string query, string format,
        string backend, string parallelisms)
    {
        var perRun = ParallelismsOf(parallelisms);
        bool partitioned = query.EndsWith("-partitioned", StringComparison.Ordinal);
        string[] columns = query switch
        {
            "groupby" or "groupby-partitioned" => ["k", "n", "total"],
            "topn" or "topn-variable" => ["k", "rn", "id"],
            _ => ["k", "id"],
        };
        string insert = query switch
        {
            "topn-norank" => $"INSERT INTO out SELECT k, id FROM (SELECT MOD(id, {ChangelogKeys}) AS k, id, ROW_NUMBER() OVER (PARTITION BY MOD(id, {ChangelogKeys}) "
                + "ORDER BY MOD(id * 7919, 9001) DESC) AS rn FROM src) WHERE rn <= 3;",
            "groupby-partitioned" => $"INSERT INTO out SELECT MOD(id, {ChangelogKeys}), COUNT(*), SUM(id), MOD(MOD(id, {ChangelogKeys}), 4) FROM src GROUP BY MOD(id, {ChangelogKeys});",
            "groupby" => $"INSERT INTO out SELECT MOD(id, {ChangelogKeys}), COUNT(*), SUM(id) FROM src GROUP BY MOD(id, {ChangelogKeys});",
            "topn" => $"INSERT INTO out SELECT k, rn, id FROM (SELECT MOD(id, {ChangelogKeys}) AS k, id, ROW_NUMBER() OVER (PARTITION BY MOD(id, {ChangelogKeys}) "
                + "ORDER BY MOD(id * 7919, 9001) DESC) AS rn FROM src) WHERE rn <= 3;",
            // Flink's VariableRankRange: each key keeps as many rows as n was in its first row (its smallest id).
            "topn-variable" => $"INSERT INTO out SELECT k, rn, id FROM (SELECT k, id, n, ROW_NUMBER() OVER (PARTITION BY k "
                + $"ORDER BY MOD(id * 7919, 9001) DESC) AS rn FROM (SELECT MOD(id, {ChangelogKeys}) AS k, id, MOD(id, 4) + 1 AS n FROM src)) WHERE rn <= n;",
            _ => $"INSERT INTO out SELECT k, id FROM (SELECT MOD(id, {ChangelogKeys}) AS k, id, ROW_NUMBER() OVER (PARTITION BY MOD(id, {ChangelogKeys}) "
                + "ORDER BY p DESC) AS rn FROM src) WHERE rn = 1;",
        };
        void Script(int run) => WriteScript(Settings(backend, ParallelismOfRun(perRun, run)),
            $"CREATE TABLE src (id BIGINT, p AS PROCTIME()) WITH ('connector' = 'datagen', 'rows-per-second' = '2000', 'scan.parallelism' = '1', "
            + $"'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '{ChangelogRows}');",
            $"CREATE TABLE out ({string.Join(", ", columns.Select(c => c + " BIGINT"))}{(partitioned ? ", bucket BIGINT) PARTITIONED BY (bucket" : "")}) "
            + $"WITH ('connector' = 'filesystem', 'path' = '{Out}', 'format' = '{format}'{(query == "dedup" ? ", 'sink.rolling-policy.file-size' = '2kb'" : "")});",
            insert);

        var changes = query switch
        {
            "groupby" or "groupby-partitioned" => GroupByChangelog(),
            "topn" => TopNChangelog(_ => 3),
            "topn-variable" => TopNChangelog(VariableTopNLimit),
            "topn-norank" => TopNWithoutRankChangelog(),
            _ => KeepLastChangelog(),
        };
        var expected = changes.Select(c => ChangeMessage(format, c.Insert, columns, c.Row.Select(v => v.ToString(CultureInfo.InvariantCulture)).ToList())).ToList();
        await KillRestartAndFinishAsync(kills: perRun.Length - 1, expected, maxDelayMs: 400, beforeRun: Script, lastKillAfterOutput: true,
            readOutput: CommittedInFileOrder);

        AssertReplayEndsInBatchAnswer(format, keyWidth: query.StartsWith("topn", StringComparison.Ordinal) ? 2 : 1, query switch
        {
            "topn-norank" => $"SELECT k || ',' || i FROM (SELECT i % {ChangelogKeys} AS k, i, row_number() OVER (PARTITION BY i % {ChangelogKeys} "
                + $"ORDER BY (i * 7919) % 9001 DESC) AS rn FROM range(1, {ChangelogRows + 1}) t(i)) WHERE rn <= 3",
            "groupby" or "groupby-partitioned" => $"SELECT (i % {ChangelogKeys}) || ',' || count(*) || ',' || sum(i) FROM range(1, {ChangelogRows + 1}) t(i) GROUP BY i % {ChangelogKeys}",
            "topn" => $"SELECT k || ',' || rn || ',' || i FROM (SELECT i % {ChangelogKeys} AS k, i, row_number() OVER (PARTITION BY i % {ChangelogKeys} "
                + $"ORDER BY (i * 7919) % 9001 DESC) AS rn FROM range(1, {ChangelogRows + 1}) t(i)) WHERE rn <= 3",
            "topn-variable" => $"SELECT k || ',' || rn || ',' || i FROM (SELECT i % {ChangelogKeys} AS k, i, row_number() OVER (PARTITION BY i % {ChangelogKeys} "
                + $"ORDER BY (i * 7919) % 9001 DESC) AS rn, first_value(i % 4 + 1) OVER (PARTITION BY i % {ChangelogKeys} ORDER BY i) AS n "
                + $"FROM range(1, {ChangelogRows + 1}) t(i)) WHERE rn <= n",
            _ => $"SELECT (i % {ChangelogKeys}) || ',' || max(i) FROM range(1, {ChangelogRows + 1}) t(i) GROUP BY i % {ChangelogKeys}",
        });
    }

    /// <summary>
    /// The same with sources at the job's parallelism, as a user writes them: two source subtasks interleave a key's rows at
    /// their own pace, so the intermediate values differ from run to run (in Flink too) and the judgement is per key. A
    /// GROUP BY's COUNT must step by one through 1..n in the committed inserts of each key and its deletes by one through
    /// 1..n-1 (a replayed update repeats a count, a lost one skips it). A LEFT join of the ids with a slower source of their
    /// halves into the sink directly: an even id's row first padded with NULL is deleted when its half arrives; apart from
    /// those padded messages the joined and the odd (forever padded) rows are inserted exactly once each. Replayed in file
    /// order both end in DuckDB's batch answer. Once into a sink with a primary key at another parallelism
    /// ('sink.parallelism'), which Flink feeds by the key.
    /// </summary>
    [Theory]
    [InlineData("groupby", "debezium-json", "rocksdb", "2,1,2")]
    [InlineData("groupby", "maxwell-json", "hashmap", "1,3,2")]
    [InlineData("groupby-keyed-sink", "canal-json", "rocksdb", "2,1,2")]
    [InlineData("leftjoin", "canal-json", "hashmap", "2,1,2")]
    [InlineData("leftjoin", "debezium-json", "rocksdb", "1,2,1")]
    public async Task Updating_query_over_parallel_sources_into_a_changelog_format_file_sink_killed_and_restored_steps_each_key_exactly_once(
        string query, string format, string backend, string parallelisms)
    {
        var perRun = ParallelismsOf(parallelisms);
        bool groupBy = query.StartsWith("groupby", StringComparison.Ordinal);
        string[] columns = groupBy ? ["k", "n", "total"] : ["id", "h"];
        // A sink of its own parallelism with a primary key: Flink shuffles the changes to it by the key, so a key's changes
        // still go to one subtask in order.
        string sinkKey = query == "groupby-keyed-sink" ? ", PRIMARY KEY (k) NOT ENFORCED" : "";
        string sinkParallelism = query == "groupby-keyed-sink" ? ", 'sink.parallelism' = '3'" : "";
        void Script(int run) => WriteScript(Settings(backend, ParallelismOfRun(perRun, run)),
            Datagen(ChangelogRows, rowsPerSecond: 2_000),
            $"CREATE TABLE halves (h BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '700', 'fields.h.kind' = 'sequence', "
            + $"'fields.h.start' = '1', 'fields.h.end' = '{ChangelogRows / 2}');",
            $"CREATE TABLE out ({string.Join(", ", columns.Select(c => c + " BIGINT"))}{sinkKey}) "
            + $"WITH ('connector' = 'filesystem', 'path' = '{Out}', 'format' = '{format}'{sinkParallelism});",
            groupBy
                ? $"INSERT INTO out SELECT MOD(id, {ChangelogKeys}), COUNT(*), SUM(id) FROM src GROUP BY MOD(id, {ChangelogKeys});"
                : "INSERT INTO out SELECT src.id, halves.h FROM src LEFT JOIN halves ON src.id = halves.h * 2;");

        // What each committed message says once the run-dependent part is left out: a GROUP BY's key, count and operation
        // (not the sum); a join's messages but the padded rows of even ids (padded, then deleted, or joined at once).
        List<string> Judged(string directory) => CommittedInFileOrder(directory)
            .Select(line => (Line: line, Change: ParseChangeMessage(format, line)))
            .Where(m => groupBy || !(m.Change.Row.EndsWith(",null", StringComparison.Ordinal) && long.Parse(m.Change.Row.Split(',')[0], CultureInfo.InvariantCulture) % 2 == 0))
            .Select(m => groupBy
                ? string.Join(",", m.Change.Row.Split(',').Take(2)) + (m.Change.Insert ? " insert" : " delete")
                : m.Line)
            .ToList();
        var expected = new List<string>();
        if (groupBy)
        {
            foreach (var key in Enumerable.Range(0, ChangelogKeys))
            {
                int count = Enumerable.Range(1, ChangelogRows).Count(i => i % ChangelogKeys == key);
                for (int n = 1; n <= count; n++)
                {
                    expected.Add(string.Create(CultureInfo.InvariantCulture, $"{key},{n} insert"));
                    if (n < count) expected.Add(string.Create(CultureInfo.InvariantCulture, $"{key},{n} delete"));
                }
            }
        }
        else
        {
            expected.AddRange(Enumerable.Range(1, ChangelogRows).Select(i => ChangeMessage(format, true, columns,
                [i.ToString(CultureInfo.InvariantCulture), i % 2 == 0 ? (i / 2).ToString(CultureInfo.InvariantCulture) : "null"])));
        }
        await KillRestartAndFinishAsync(kills: perRun.Length - 1, expected, maxDelayMs: 400, beforeRun: Script, lastKillAfterOutput: true,
            readOutput: Judged);
        AssertReplayEndsInBatchAnswer(format, keyWidth: 1, groupBy
            ? $"SELECT (i % {ChangelogKeys}) || ',' || count(*) || ',' || sum(i) FROM range(1, {ChangelogRows + 1}) t(i) GROUP BY i % {ChangelogKeys}"
            : $"SELECT i || ',' || CASE WHEN i % 2 = 0 THEN CAST(i // 2 AS VARCHAR) ELSE 'null' END FROM range(1, {ChangelogRows + 1}) t(i)");
    }

    /// <summary>
    /// CDC in, CDC out: debezium-json files of inserts, updates (some moving a row to another category) and deletes arrive
    /// one by one in a directory the filesystem source monitors; a GROUP BY per category writes canal-json. Killed three
    /// times and restored (parallelism 1, so the changelog is the uninterrupted run's: the test computes it as Flink's
    /// group aggregation emits it, an update of the source as a retraction then an accumulation, a group emptied by a
    /// retraction deleted, an unchanged result not emitted); the last run is stopped once every change is committed.
    /// Replayed in file order it ends in DuckDB's GROUP BY of the rows the input leaves.
    /// </summary>
    [Fact]
    public async Task Debezium_files_arriving_in_a_monitored_directory_aggregated_into_canal_json_killed_three_times_commit_every_change_exactly_once()
    {
        const int Files = 30, MessagesPerFile = 300;
        var input = Path.Combine(_scratch, "input");
        Directory.CreateDirectory(input);
        var random = new Random(7);
        var rows = new SortedDictionary<long, (string Cat, long V)>();
        var groups = new Dictionary<string, (long N, long Total)>(StringComparer.Ordinal);
        var expected = new List<string>();
        string[] columns = ["cat", "n", "total"];
        void Emit(bool insert, string cat, (long N, long Total) g) =>
            expected.Add(ChangeMessage("canal-json", insert, columns, ["\"" + cat + "\"", g.N.ToString(CultureInfo.InvariantCulture), g.Total.ToString(CultureInfo.InvariantCulture)]));
        void Accumulate(string cat, long v, int sign)
        {
            bool had = groups.TryGetValue(cat, out var old);
            var now = (N: old.N + sign, Total: old.Total + sign * v);
            if (now.N == 0)
            {
                groups.Remove(cat);
                Emit(false, cat, old);
                return;
            }
            groups[cat] = now;
            if (had && now == old) return;
            if (had) Emit(false, cat, old);
            Emit(true, cat, now);
        }
        static string Image(long id, string cat, long v) => string.Create(CultureInfo.InvariantCulture, $"{{\"id\":{id},\"cat\":\"{cat}\",\"v\":{v}}}");
        var contents = new List<string>();
        long nextId = 1;
        for (int f = 0; f < Files; f++)
        {
            var text = new System.Text.StringBuilder();
            for (int m = 0; m < MessagesPerFile; m++)
            {
                double r = random.NextDouble();
                if (r < 0.5 || rows.Count == 0)
                {
                    long id = nextId++;
                    var row = ("c" + random.Next(7).ToString(CultureInfo.InvariantCulture), (long)random.Next(100));
                    rows[id] = row;
                    text.Append(CultureInfo.InvariantCulture, $"{{\"before\":null,\"after\":{Image(id, row.Item1, row.Item2)},\"op\":\"c\"}}\n");
                    Accumulate(row.Item1, row.Item2, +1);
                    continue;
                }
                long pick = rows.Keys.ElementAt(random.Next(rows.Count));
                var old = rows[pick];
                if (r < 0.85)
                {
                    var now = ("c" + random.Next(7).ToString(CultureInfo.InvariantCulture), (long)random.Next(100));
                    rows[pick] = now;
                    text.Append(CultureInfo.InvariantCulture,
                        $"{{\"before\":{Image(pick, old.Cat, old.V)},\"after\":{Image(pick, now.Item1, now.Item2)},\"op\":\"u\"}}\n");
                    Accumulate(old.Cat, old.V, -1);
                    Accumulate(now.Item1, now.Item2, +1);
                }
                else
                {
                    rows.Remove(pick);
                    text.Append(CultureInfo.InvariantCulture, $"{{\"before\":{Image(pick, old.Cat, old.V)},\"after\":null,\"op\":\"d\"}}\n");
                    Accumulate(old.Cat, old.V, -1);
                }
            }
            contents.Add(text.ToString());
        }
        var remaining = Path.Combine(_scratch, "remaining.csv");
        File.WriteAllLines(remaining, rows.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Key},{r.Value.Cat},{r.Value.V}")));

        WriteScript(Settings("rocksdb", parallelism: 1),
            $"CREATE TABLE orders (id BIGINT, cat STRING, v BIGINT) WITH ('connector' = 'filesystem', 'path' = '{input}', 'format' = 'debezium-json', "
            + "'source.monitor-interval' = '100ms');",
            $"CREATE TABLE out (cat STRING, n BIGINT, total BIGINT) WITH ('connector' = 'filesystem', 'path' = '{Out}', 'format' = 'canal-json');",
            "INSERT INTO out SELECT cat, COUNT(*), SUM(v) FROM orders GROUP BY cat;");
        var finalRun = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var feeding = Task.Run(async () =>
        {
            for (int f = 0; f < Files; f++)
            {
                if (f == Files - 1) await finalRun.Task;
                var hidden = Path.Combine(input, $".changes-{f:D3}.json.tmp");
                await File.WriteAllTextAsync(hidden, contents[f]);
                File.Move(hidden, Path.Combine(input, $"changes-{f:D3}.json"));
                await Task.Delay(250);
            }
        });
        await KillRestartAndFinishAsync(kills: 3, expected, maxDelayMs: 400, feeding, finalRun, readOutput: CommittedInFileOrder);
        AssertReplayEndsInBatchAnswer("canal-json", keyWidth: 1,
            $"SELECT '\"' || cat || '\",' || count(*) || ',' || sum(v) FROM read_csv('{remaining}', header = false, columns = {{'id': 'BIGINT', 'cat': 'VARCHAR', 'v': 'BIGINT'}}) GROUP BY cat");
    }

    /// <summary>A change of an uninterrupted run: insert (+I, +U) or delete (-U, -D) of a row of BIGINT values.</summary>
    private readonly record struct Change(bool Insert, long[] Row);

    private static List<Change> GroupByChangelog()
    {
        var changes = new List<Change>();
        var state = new Dictionary<long, (long N, long Sum)>();
        for (long id = 1; id <= ChangelogRows; id++)
        {
            long k = id % ChangelogKeys;
            if (state.TryGetValue(k, out var old)) changes.Add(new Change(false, [k, old.N, old.Sum]));
            var now = (old.N + 1, old.Sum + id);
            state[k] = now;
            changes.Add(new Change(true, [k, now.Item1, now.Item2]));
        }
        return changes;
    }

    /// <summary>The rank end of key <paramref name="k"/> in "topn-variable": n = id % 4 + 1 of its first (smallest) id.</summary>
    private static int VariableTopNLimit(long k) => (int)((k == 0 ? ChangelogKeys : k) % 4 + 1);

    private static List<Change> TopNChangelog(Func<long, int> limitOf)
    {
        var changes = new List<Change>();
        var tops = new Dictionary<long, List<long>>();
        static long Score(long id) => id * 7919 % 9001;
        for (long id = 1; id <= ChangelogRows; id++)
        {
            long k = id % ChangelogKeys;
            var old = tops.TryGetValue(k, out var list) ? list : [];
            var now = old.Append(id).OrderByDescending(Score).Take(limitOf(k)).ToList();
            tops[k] = now;
            for (int r = 0; r < now.Count; r++)
            {
                if (r < old.Count && old[r] == now[r]) continue;
                if (r < old.Count) changes.Add(new Change(false, [k, r + 1, old[r]]));
                changes.Add(new Change(true, [k, r + 1, now[r]]));
            }
        }
        return changes;
    }

    /// <summary>Top-3 without the rank number (Flink's AppendOnlyTopNFunction without row number): a row entering the top
    /// is inserted and the row it pushes out deleted; the rows that stay are not touched.</summary>
    private static List<Change> TopNWithoutRankChangelog()
    {
        var changes = new List<Change>();
        var tops = new Dictionary<long, List<long>>();
        static long Score(long id) => id * 7919 % 9001;
        for (long id = 1; id <= ChangelogRows; id++)
        {
            long k = id % ChangelogKeys;
            var old = tops.TryGetValue(k, out var list) ? list : [];
            var now = old.Append(id).OrderByDescending(Score).ToList();
            if (now.Count > 3)
            {
                if (now[3] == id) continue;
                changes.Add(new Change(false, [k, now[3]]));
                now.RemoveAt(3);
            }
            tops[k] = now;
            changes.Add(new Change(true, [k, id]));
        }
        return changes;
    }

    private static List<Change> KeepLastChangelog()
    {
        var changes = new List<Change>();
        var last = new Dictionary<long, long>();
        for (long id = 1; id <= ChangelogRows; id++)
        {
            long k = id % ChangelogKeys;
            if (last.TryGetValue(k, out var old)) changes.Add(new Change(false, [k, old]));
            last[k] = id;
            changes.Add(new Change(true, [k, id]));
        }
        return changes;
    }

}
