using StreamSql.Execution.Batches;

namespace StreamSql.Execution.Tests.Harness;

/// <summary>
/// The state tier under a keyed GROUP BY operator (<see cref="KeyedCountSumOperator"/>), through the operator test harness:
/// the exact changelog of every batch, across checkpoints restored at another parallelism and on another backend, against a
/// model computed here (a dictionary of (count, sum) per key).
/// </summary>
public sealed class GroupAggregateRescaleTests
{
    public static TheoryData<string, string, string> BackendChains => new()
    {
        { "hashmap", "hashmap", "hashmap" },
        { "rocksdb", "rocksdb", "rocksdb" },
        { "rocksdb-incremental", "rocksdb-incremental", "rocksdb-incremental" },
        { "hashmap", "rocksdb", "hashmap" },
        { "rocksdb", "hashmap", "rocksdb-incremental" },
        { "rocksdb-small-cache", "rocksdb-small-cache", "hashmap" },
    };

    internal static HarnessBackend Backend(string name) => name switch
    {
        "hashmap" => HarnessBackend.HashMap,
        "rocksdb" => HarnessBackend.RocksDb,
        "rocksdb-incremental" => HarnessBackend.RocksDbIncremental,
        "rocksdb-small-cache" => new HarnessBackend("rocksdb", GroupCacheSize: 16),
        _ => throw new ArgumentException(name),
    };

    /// <summary>p=1 → checkpoint → p=3 → checkpoint → p=2, each phase's changelog exact.</summary>
    [Theory, MemberData(nameof(BackendChains))]
    public async Task Count_and_sum_survive_rescale_1_to_3_to_2(string first, string second, string third)
    {
        var model = new Model();
        var checkpoints = new HarnessCheckpoints();
        var random = new Random(42);

        var phase1 = await OpenAll(Backend(first), 1, null);
        await Feed(phase1, model, NextBatch(random, model, 400, keys: 120, retractShare: 0));
        await Feed(phase1, model, NextBatch(random, model, 300, keys: 150, retractShare: 0.3));
        var chk1 = await checkpoints.SnapshotAsync(1, phase1);
        await DisposeAll(phase1);

        var phase2 = await OpenAll(Backend(second), 3, chk1);
        for (int b = 0; b < 3; b++) await Feed(phase2, model, NextBatch(random, model, 250, keys: 200, retractShare: 0.4));
        var chk2 = await checkpoints.SnapshotAsync(2, phase2, savepoint: true);
        await DisposeAll(phase2);

        var phase3 = await OpenAll(Backend(third), 2, chk2);
        for (int b = 0; b < 3; b++) await Feed(phase3, model, NextBatch(random, model, 250, keys: 220, retractShare: 0.5));
        // Retract everything that is left: every key ends with -D and no group remains.
        await Feed(phase3, model, model.RetractAll());
        foreach (var h in phase3)
        {
            var op = (KeyedCountSumOperator)h.Operator;
            Assert.Equal(0, op.Table.Count);
        }
        await DisposeAll(phase3);
    }

    /// <summary>A restored subtask holds exactly its key groups' keys (none lost, none duplicated across subtasks).</summary>
    [Theory]
    [InlineData("hashmap", 3, 2)]
    [InlineData("rocksdb", 1, 3)]
    [InlineData("rocksdb-incremental", 3, 1)]
    public async Task Restored_subtasks_split_the_keys_by_key_group(string backend, int before, int after)
    {
        var model = new Model();
        var checkpoints = new HarnessCheckpoints();
        var random = new Random(7);
        var harnesses = await OpenAll(Backend(backend), before, null);
        await Feed(harnesses, model, NextBatch(random, model, 1000, keys: 500, retractShare: 0));
        var chk = await checkpoints.SnapshotAsync(1, harnesses);
        await DisposeAll(harnesses);

        var restored = await OpenAll(Backend(backend), after, chk);
        // Adding 0 to every key once emits -U/+U for exactly the keys that exist: all of them, each in one subtask.
        var touch = new List<(long?, long?, RowKind)>();
        foreach (var key in model.Keys) touch.Add((key, 1000, RowKind.Insert));
        await Feed(restored, model, TestBatches.KeyValues(touch));
        await DisposeAll(restored);
    }

    internal static async Task<OperatorTestHarness[]> OpenAll(HarnessBackend backend, int parallelism, HarnessCheckpoint? restoreFrom)
    {
        var harnesses = new OperatorTestHarness[parallelism];
        for (int s = 0; s < parallelism; s++)
            harnesses[s] = await OperatorTestHarness.OpenAsync(new KeyedCountSumOperator(), backend, s, parallelism, restoreFrom: restoreFrom);
        return harnesses;
    }

    internal static async Task DisposeAll(IEnumerable<OperatorTestHarness> harnesses)
    {
        foreach (var h in harnesses) await h.DisposeAsync();
    }

    /// <summary>Feeds a batch through the exchange split and asserts the emitted changelog equals the model's.</summary>
    private static async Task Feed(OperatorTestHarness[] harnesses, Model model, Batch batch)
    {
        var parts = TestBatches.Partition(batch, harnesses.Length);
        var actual = new List<string>();
        for (int s = 0; s < harnesses.Length; s++)
        {
            harnesses[s].ClearOutput();
            if (parts[s].Length > 0) await harnesses[s].ProcessBatchAsync(parts[s]);
            actual.AddRange(harnesses[s].OutputRows);
        }
        var modelBefore = string.Join(" ", model.LiveRows().Select(r => $"{r.Item1}:{r.Item2}"));
        var expected = model.Apply(batch);
        actual.Sort(StringComparer.Ordinal);
        expected.Sort(StringComparer.Ordinal);
        var missing = expected.Except(actual).ToList();
        var extra = actual.Except(expected).ToList();
        if (missing.Count > 0 || extra.Count > 0)
        {
            string key = missing.Concat(extra).First();
            key = key[3..key.IndexOf(',')];
            var rows = OperatorTestHarness.Format(batch).Where(r => r.Contains("[" + key + ",")).ToList();
            var before = modelBefore.Split(' ').Where(r => r.StartsWith(key + ":")).ToList();
            Assert.Fail($"missing: {string.Join(" ", missing.Take(10))}\nextra: {string.Join(" ", extra.Take(10))}\nkey {key} rows: {string.Join(" ", rows)}\nmodel before: {string.Join(" ", before)}");
        }
    }

    /// <summary>Random rows: inserts of keys in [0, keys) (some NULL values), and retractions of rows the model holds.</summary>
    private static Batch NextBatch(Random random, Model model, int rows, int keys, double retractShare)
    {
        var list = new List<(long?, long?, RowKind)>();
        var live = model.LiveRows();
        for (int i = 0; i < rows; i++)
        {
            if (live.Count > 0 && random.NextDouble() < retractShare)
            {
                int pick = random.Next(live.Count);
                var (k, v) = live[pick];
                live.RemoveAt(pick);
                list.Add((k, v, random.Next(2) == 0 ? RowKind.Delete : RowKind.UpdateBefore));
                continue;
            }
            long key = random.Next(keys);
            long? value = random.Next(10) == 0 ? null : random.Next(-1000, 1000);
            list.Add((key, value, random.Next(3) == 0 ? RowKind.UpdateAfter : RowKind.Insert));
        }
        return TestBatches.KeyValues(list);
    }

    /// <summary>What the operator must emit: per key COUNT(*) and SUM(v) of the rows present, applied a batch at a time.</summary>
    private sealed class Model
    {
        private readonly Dictionary<long, List<long?>> _rows = new();

        public IEnumerable<long> Keys => _rows.Keys;

        public List<(long, long?)> LiveRows()
        {
            var rows = new List<(long, long?)>();
            foreach (var (k, values) in _rows)
                foreach (var v in values) rows.Add((k, v));
            return rows;
        }

        public Batch RetractAll()
        {
            var list = new List<(long?, long?, RowKind)>();
            foreach (var (k, v) in LiveRows()) list.Add((k, v, RowKind.Delete));
            return TestBatches.KeyValues(list);
        }

        public List<string> Apply(Batch batch)
        {
            var before = new Dictionary<long, (long Count, long? Sum)>();
            var order = new List<long>();
            var keys = (Apache.Arrow.Int64Array)batch.Column(0);
            var values = (Apache.Arrow.Int64Array)batch.Column(1);
            for (int i = 0; i < batch.Length; i++)
            {
                long k = keys.GetValue(i)!.Value;
                if (!before.ContainsKey(k))
                {
                    before[k] = Result(k);
                    order.Add(k);
                }
                var v = values.GetValue(i);
                if (batch.KindAt(i).IsRetraction())
                {
                    var list = _rows[k];
                    list.Remove(v);
                    if (list.Count == 0) _rows.Remove(k);
                }
                else
                {
                    if (!_rows.TryGetValue(k, out var list)) _rows[k] = list = new List<long?>();
                    list.Add(v);
                }
            }
            var changes = new List<string>();
            foreach (long k in order)
            {
                var (c0, s0) = before[k];
                var (c1, s1) = Result(k);
                string Row(string kind, long c, long? s) => $"{kind}[{k}, {c}, {(s is long x ? x.ToString(System.Globalization.CultureInfo.InvariantCulture) : "null")}]";
                if (c1 == 0)
                {
                    if (c0 > 0) changes.Add(Row("-D", c0, s0));
                }
                else if (c0 == 0) changes.Add(Row("+I", c1, s1));
                else if (c0 != c1 || s0 != s1)
                {
                    changes.Add(Row("-U", c0, s0));
                    changes.Add(Row("+U", c1, s1));
                }
            }
            return changes;
        }

        private (long Count, long? Sum) Result(long k)
        {
            if (!_rows.TryGetValue(k, out var list)) return (0, null);
            long? sum = null;
            foreach (var v in list)
                if (v is long x) sum = (sum ?? 0) + x;
            return (list.Count, sum);
        }
    }
}
