using Apache.Arrow;
using StreamSql.Execution.Aggregates;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Runtime;
using StreamSql.Execution.State;
using StreamSql.Execution.State.Groups;
using StreamSql.Execution.State.RocksDb;
using StreamSql.Execution.Tests.Harness;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Tests.State;

/// <summary>
/// A batch keyed by integer columns whose rows repeat few keys resolves each distinct key once
/// (<see cref="DistinctIntegerKeys"/>): every row still gets its key's group, the touched groups come in order of their
/// first rows with the right "new" flags, new keys are stored as <see cref="KeySerializer"/> serializes them (the byte API
/// finds them), and a probe creates nothing and leaves unselected rows out. Batches of mostly distinct keys (which switch
/// the table to row-by-row resolution for a while) are mixed in.
/// </summary>
public sealed class GroupTableDistinctKeyTests
{
    private static readonly long?[] Pool = [null, 0, -1, 1, 63, -64, 64, 127, 128, long.MinValue, long.MaxValue, 1L << 40, -(1L << 40), 1000, 1100];

    [Theory]
    [InlineData("hashmap", 1)]
    [InlineData("hashmap", 2)]
    [InlineData("rocksdb", 1)]
    [InlineData("rocksdb", 2)]
    public void Rows_of_repeated_keys_get_their_keys_groups(string backendType, int keyCount)
    {
        using var backend = backendType == "hashmap" ? StateTestSupport.Create("hashmap", false, new(0, 127))
            : new RocksDbKeyedStateBackend(new(0, 127), 128, StateTestSupport.TempDirectory("distinct"), false, null, 16);
        var table = backend.GetGroupTable("t", new GroupTableSpec(Enumerable.Repeat(SqlType.BigInt, keyCount).ToArray()));
        var count = table.AddColumn(new AccumulatorSpec(AggregateFunction.Count, [], SqlType.BigInt, Retracting: true).Create);
        int[] keyColumns = keyCount == 1 ? [0] : [0, 1];
        var serializer = new KeySerializer(keyColumns);
        var model = new Dictionary<(long?, long?), long>();
        var random = new Random(11);
        long fresh = 1L << 50;
        for (int round = 0; round < 80; round++)
        {
            bool distinctRound = round % 9 == 4;
            int rows = 64 + random.Next(400);
            var list = new List<(long?, long?, RowKind)>();
            for (int i = 0; i < rows; i++)
            {
                long? k = distinctRound ? fresh++ : Pool[random.Next(Pool.Length)];
                long? v = keyCount == 1 ? random.Next(1000) : Pool[random.Next(4)];
                list.Add((k, v, RowKind.Insert));
            }
            var batch = TestBatches.KeyValues(list).Data;
            (long?, long?) KeyOf(int row) => (list[row].Item1, keyCount == 1 ? null : list[row].Item2);

            var groups = table.Resolve(batch, keyColumns);
            var before = (Int64Array)count.Evaluate(groups.Touched);
            var decoded = table.KeyColumns(groups.Touched);
            var firstRowOf = new Dictionary<(long?, long?), int>();
            var groupOf = new Dictionary<(long?, long?), int>();
            for (int i = 0; i < rows; i++)
            {
                firstRowOf.TryAdd(KeyOf(i), i);
                if (groupOf.TryGetValue(KeyOf(i), out int g)) Assert.Equal(g, groups.Groups[i]);
                else groupOf[KeyOf(i)] = groups.Groups[i];
            }
            Assert.Equal(groupOf.Count, groupOf.Values.Distinct().Count());
            Assert.Equal(firstRowOf.Values.Order().ToArray(), groups.TouchedFirstRows.ToArray());
            for (int t = 0; t < groups.TouchedCount; t++)
            {
                var key = KeyOf(groups.TouchedFirstRows[t]);
                Assert.Equal(groupOf[key], groups.Touched[t]);
                Assert.Equal(key.Item1, ((Int64Array)decoded[0]).GetValue(t));
                if (keyCount == 2) Assert.Equal(key.Item2, ((Int64Array)decoded[1]).GetValue(t));
                Assert.Equal(model.GetValueOrDefault(key), before.GetValue(t));
                Assert.Equal(!model.ContainsKey(key), groups.TouchedIsNew[t]);
            }
            count.Update([], groups.Groups, default);
            for (int i = 0; i < rows; i++) model[KeyOf(i)] = model.GetValueOrDefault(KeyOf(i)) + 1;

            // The byte API finds the same groups from keys serialized as other operators serialize them.
            var hashes = new int[rows];
            KeyGroups.HashKeys(batch, keyColumns, hashes);
            var resolved = groups.Groups.ToArray();
            for (int i = 0; i < rows; i += 7)
            {
                int keyGroup = KeyGroups.KeyGroupOf(hashes[i], 128);
                Assert.Equal(resolved[i], table.Find(serializer.Serialize(batch, i), keyGroup));
                // Filed in the key group the exchange sends the key to (snapshots and restores at other parallelisms rely on it).
                Assert.Equal(keyGroup, table.KeyGroupOf(resolved[i]));
            }

            // Forget a few keys, so later batches create them again.
            foreach (var (key, g) in groupOf)
            {
                if (random.Next(5) != 0 || !table.IsLive(g)) continue;
                table.Remove(g);
                model.Remove(key);
            }
        }
    }

    [Fact]
    public void Probing_repeated_keys_creates_no_group_and_skips_unselected_rows()
    {
        using var backend = StateTestSupport.Create("hashmap", false, new(0, 127));
        var table = backend.GetGroupTable("t", new GroupTableSpec([SqlType.BigInt]));
        table.AddColumn(new AccumulatorSpec(AggregateFunction.Count, [], SqlType.BigInt, Retracting: true).Create);
        int[] keyColumns = [0];
        var held = TestBatches.KeyValues(Enumerable.Range(0, 10).Select(k => ((long?)(2 * k), (long?)0, RowKind.Insert)).ToList()).Data;
        var heldGroups = table.Resolve(held, keyColumns).Groups.ToArray();

        var rows = Enumerable.Range(0, 300).Select(i => ((long?)(i % 20), (long?)0, RowKind.Insert)).ToList();
        var selection = Enumerable.Range(0, 300).Select(i => i % 3 != 0).ToArray();
        var probed = table.Probe(TestBatches.KeyValues(rows).Data, keyColumns, default, selection);
        for (int i = 0; i < rows.Count; i++)
        {
            long key = rows[i].Item1!.Value;
            int expected = !selection[i] || key % 2 == 1 ? -1 : heldGroups[key / 2];
            Assert.Equal(expected, probed.Groups[i]);
        }
        Assert.All(probed.TouchedIsNew.ToArray(), Assert.False);
        Assert.Equal(10, probed.TouchedCount);
        Assert.Equal(10, table.Count);
    }
}
