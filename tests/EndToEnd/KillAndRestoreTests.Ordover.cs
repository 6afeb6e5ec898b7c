using System.Globalization;

namespace StreamSql.EndToEnd;

/// <summary>Kill -9 and resume of an OVER ordered by a column that is not a time attribute (Flink 2.1's
/// NonTimeRangeUnboundedPrecedingFunction): each partition's rows, kept sorted by the order column, are restored at other
/// parallelisms, and the changelog committed is exactly an uninterrupted run's.</summary>
public sealed partial class KillAndRestoreMoreTests
{
    /// <summary>
    /// <c>SUM(x) OVER (PARTITION BY k ORDER BY v)</c> over a datagen sequence whose v = id * 7919 % 500 jumps about (rows
    /// land before others, some among peers of equal v), x = 1 for every 8th id and 0 otherwise (a 0 leaves every later sum
    /// as it was: the row alone is emitted), into a changelog format file. The source runs at 'scan.parallelism' 1, so each
    /// partition sees its rows in id order and the changelog is the same at any parallelism: computed here as Flink's
    /// function emits it, every message must be committed exactly once; replayed, they end in DuckDB's window function.
    /// </summary>
    [Theory]
    [InlineData("debezium-json", "hashmap", "1,2,1")]
    [InlineData("canal-json", "rocksdb", "2,1,3")]
    public async Task Ordover_non_time_over_killed_and_restored_commits_flinks_changelog_exactly_once(string format, string backend, string parallelisms)
    {
        const int Rows = 2_000, Keys = 10;
        var perRun = ParallelismsOf(parallelisms);
        string[] columns = ["k", "id", "v", "total"];
        void Script(int run) => WriteScript(Settings(backend, ParallelismOfRun(perRun, run)),
            "CREATE TABLE src (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '800', 'scan.parallelism' = '1', "
            + $"'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '{Rows}');",
            $"CREATE TABLE out (k BIGINT, id BIGINT, v BIGINT, total INT) WITH ('connector' = 'filesystem', 'path' = '{Out}', 'format' = '{format}');",
            $"INSERT INTO out SELECT k, id, v, SUM(x) OVER (PARTITION BY k ORDER BY v) FROM (SELECT MOD(id, {Keys}) AS k, id, id * 7919 % 500 AS v, "
            + "CASE WHEN MOD(id, 8) = 0 THEN 1 ELSE 0 END AS x FROM src);");

        var partitions = new Dictionary<long, List<(long V, long Id, int X)>>();
        var changes = new List<(bool Insert, long[] Row)>();
        for (long id = 1; id <= Rows; id++)
        {
            long k = id % Keys, v = id * 7919 % 500;
            int x = id % 8 == 0 ? 1 : 0;
            if (!partitions.TryGetValue(k, out var rows)) partitions[k] = rows = [];
            var before = GroupSums(rows);
            int p = 0;
            while (p < rows.Count && rows[p].V <= v) p++;
            rows.Insert(p, (v, id, x));
            var after = GroupSums(rows);
            int group = GroupOf(rows, p);
            bool amongPeers = p > 0 && rows[p - 1].V == v;
            int next = amongPeers ? group + 1 : group + 1, shift = amongPeers ? 0 : 1;
            if (amongPeers && before[group] != after[group])
                for (int i = 0; i < p; i++)
                    if (rows[i].V == v) Update(rows[i], before[group], after[group]);
            changes.Add((true, [k, id, v, after[group]]));
            if (amongPeers && before[group] == after[group]) continue;
            for (int g = next; g < after.Count; g++)
            {
                if (before[g - shift] == after[g]) break;
                foreach (var row in rows.Where(r => GroupOf(rows, rows.IndexOf(r)) == g)) Update(row, before[g - shift], after[g]);
            }

            void Update((long V, long Id, int X) row, long old, long now)
            {
                changes.Add((false, [k, row.Id, row.V, old]));
                changes.Add((true, [k, row.Id, row.V, now]));
            }
        }
        var expected = changes.Select(c => ChangeMessage(format, c.Insert, columns, c.Row.Select(v => v.ToString(CultureInfo.InvariantCulture)).ToList())).ToList();
        await KillRestartAndFinishAsync(kills: perRun.Length - 1, expected, maxDelayMs: 400, beforeRun: Script, lastKillAfterOutput: true,
            readOutput: CommittedInFileOrder);
        AssertReplayEndsInBatchAnswer(format, keyWidth: 2, $"SELECT k || ',' || id || ',' || v || ',' || total FROM (SELECT i % {Keys} AS k, i AS id, i * 7919 % 500 AS v, "
            + $"SUM(CASE WHEN i % 8 = 0 THEN 1 ELSE 0 END) OVER (PARTITION BY i % {Keys} ORDER BY i * 7919 % 500) AS total FROM range(1, {Rows + 1}) t(i))");

        // The running sum after each set of peers (equal v), in order.
        static List<long> GroupSums(List<(long V, long Id, int X)> rows)
        {
            var sums = new List<long>();
            long sum = 0;
            for (int i = 0; i < rows.Count; i++)
            {
                sum += rows[i].X;
                if (i + 1 == rows.Count || rows[i + 1].V != rows[i].V) sums.Add(sum);
            }
            return sums;
        }

        static int GroupOf(List<(long V, long Id, int X)> rows, int index)
        {
            int group = 0;
            for (int i = 1; i <= index; i++)
                if (rows[i].V != rows[i - 1].V) group++;
            return group;
        }
    }
}
