using Apache.Arrow;
using StreamSql.Execution.Aggregates;
using StreamSql.Execution.Batches;
using StreamSql.Execution.State.Groups;
using StreamSql.Execution.Tests.Harness;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Tests.State;

public sealed class GroupTableModelTests
{
    [Theory]
    [InlineData("hashmap", 100000)]
    [InlineData("rocksdb", 100000)]
    [InlineData("rocksdb", 16)]
    public void Random_inserts_and_removes_match_a_dictionary(string type, int cache)
    {
        using var backend = type == "hashmap" ? StateTestSupport.Create("hashmap", false, new(0, 127))
            : new StreamSql.Execution.State.RocksDb.RocksDbKeyedStateBackend(new(0, 127), 128, StateTestSupport.TempDirectory("gt"), false, null, cache);
        var table = backend.GetGroupTable("t", new GroupTableSpec([SqlType.BigInt]));
        var count = table.AddColumn(new AccumulatorSpec(AggregateFunction.Count, [], SqlType.BigInt, Retracting: true).Create);
        var model = new Dictionary<long, long>();
        var random = new Random(3);
        int[] keyColumns = [0];
        for (int round = 0; round < 200; round++)
        {
            var rows = new List<(long?, long?, RowKind)>();
            for (int i = 0; i < 50; i++) rows.Add((random.Next(300), 0, RowKind.Insert));
            var batch = TestBatches.KeyValues(rows);
            var groups = table.Resolve(batch.Data, keyColumns);
            var before = (Int64Array)count.Evaluate(groups.Touched);
            var keys = (Int64Array)table.KeyColumns(groups.Touched)[0];
            for (int t = 0; t < groups.TouchedCount; t++)
            {
                long k = keys.GetValue(t)!.Value;
                Assert.Equal(model.GetValueOrDefault(k), before.GetValue(t));
                Assert.Equal(!model.ContainsKey(k), groups.TouchedIsNew[t]);
            }
            count.Update([], groups.Groups, default);
            var keyArray = (Int64Array)batch.Column(0);
            for (int i = 0; i < batch.Length; i++) model[keyArray.GetValue(i)!.Value] = model.GetValueOrDefault(keyArray.GetValue(i)!.Value) + 1;
            // remove a random half of the touched keys
            var touched = groups.Touched.ToArray();
            foreach (var (g, t) in touched.Select((g, t) => (g, t)))
            {
                if (random.Next(2) == 0) continue;
                model.Remove(keys.GetValue(t)!.Value);
                table.Remove(g);
            }
        }
    }

    [Theory]
    [InlineData("hashmap")]
    [InlineData("rocksdb")]
    public void Integer_keys_with_nulls_and_extremes_find_their_groups(string type)
    {
        using var backend = type == "hashmap" ? StateTestSupport.Create("hashmap", false, new(0, 127))
            : new StreamSql.Execution.State.RocksDb.RocksDbKeyedStateBackend(new(0, 127), 128, StateTestSupport.TempDirectory("gt"), false, null, 4);
        var table = backend.GetGroupTable("t", new GroupTableSpec([SqlType.BigInt]));
        var count = table.AddColumn(new AccumulatorSpec(AggregateFunction.Count, [], SqlType.BigInt, Retracting: true).Create);
        long?[] distinct = [null, 0, -1, 1, 63, -64, 64, 127, 128, long.MinValue, long.MaxValue, long.MinValue + 1, 1L << 40, -(1L << 40)];
        var model = new Dictionary<string, long>();
        var random = new Random(5);
        int[] keyColumns = [0];
        var serializer = new StreamSql.Execution.State.KeySerializer(keyColumns);
        for (int round = 0; round < 40; round++)
        {
            var rows = new List<(long?, long?, RowKind)>();
            for (int i = 0; i < 20; i++) rows.Add((distinct[random.Next(distinct.Length)], 0, RowKind.Insert));
            var batch = TestBatches.KeyValues(rows);
            var groups = table.Resolve(batch.Data, keyColumns);
            var before = (Int64Array)count.Evaluate(groups.Touched);
            var keys = (Int64Array)table.KeyColumns(groups.Touched)[0];
            for (int t = 0; t < groups.TouchedCount; t++)
            {
                long? k = keys.GetValue(t);
                Assert.Equal(rows[groups.TouchedFirstRows[t]].Item1, k);
                Assert.Equal(model.GetValueOrDefault(Name(k)), before.GetValue(t));
                Assert.Equal(!model.ContainsKey(Name(k)), groups.TouchedIsNew[t]);
            }
            count.Update([], groups.Groups, default);
            foreach (var row in rows) model[Name(row.Item1)] = model.GetValueOrDefault(Name(row.Item1)) + 1;
            // The byte API finds the same groups from keys serialized as other operators serialize them.
            for (int i = 0; i < batch.Length; i++)
            {
                var key = serializer.Serialize(batch.Data, i);
                int keyGroup = StreamSql.Execution.Runtime.KeyGroups.KeyGroupOf(HashOf(rows[i].Item1), 128);
                Assert.Equal(groups.Groups[i], table.Find(key, keyGroup));
            }
        }
        Assert.Equal(distinct.Length, model.Count);
    }

    [Fact]
    public void Keys_are_found_after_removals_compact_the_entries()
    {
        // Removing most of 200,000 keys leaves over 1 MB of dead entries: the index copies the live ones into a new
        // arena and refiles its slots under their new addresses (more than once here).
        using var backend = StateTestSupport.Create("hashmap", false, new(0, 127));
        var table = backend.GetGroupTable("t", new GroupTableSpec([SqlType.BigInt]));
        var count = table.AddColumn(new AccumulatorSpec(AggregateFunction.Count, [], SqlType.BigInt, Retracting: true).Create);
        int[] keyColumns = [0];
        var kept = new List<long>();
        var removed = new List<long>();
        for (int round = 0; round < 200; round++)
        {
            var rows = Enumerable.Range(0, 1000).Select(i => ((long?)(round * 1000L + i) * 7919, (long?)0, RowKind.Insert)).ToList();
            var groups = table.Resolve(TestBatches.KeyValues(rows).Data, keyColumns);
            Assert.All(groups.TouchedIsNew.ToArray(), Assert.True);
            count.Update([], groups.Groups, default);
            for (int i = 0; i < rows.Count; i++)
            {
                long key = rows[i].Item1!.Value;
                if (i % 10 == 0) kept.Add(key);
                else
                {
                    table.Remove(groups.Groups[i]);
                    removed.Add(key);
                }
            }
        }
        Assert.Equal(kept.Count, table.Count);
        var keptGroups = table.Resolve(TestBatches.KeyValues(kept.Select(k => ((long?)k, (long?)0, RowKind.Insert)).ToList()).Data, keyColumns);
        Assert.All(keptGroups.TouchedIsNew.ToArray(), Assert.False);
        Assert.All(((Int64Array)count.Evaluate(keptGroups.Touched)).ToList(), c => Assert.Equal(1, c));
        Assert.Equal(kept, ((Int64Array)table.KeyColumns(keptGroups.Touched)[0]).Select(k => k!.Value));
        var again = table.Resolve(TestBatches.KeyValues(removed.Take(5000).Select(k => ((long?)k, (long?)0, RowKind.Insert)).ToList()).Data, keyColumns);
        Assert.All(again.TouchedIsNew.ToArray(), Assert.True);
        Assert.Equal(kept.Count + 5000, table.Count);
    }

    private static string Name(long? key) => key?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "NULL";

    private static int HashOf(long? key)
    {
        var column = new Int64Array.Builder();
        if (key is { } k) column.Append(k);
        else column.AppendNull();
        var hashes = new int[1];
        ColumnHasher.Accumulate(column.Build(), hashes);
        return hashes[0];
    }
}
