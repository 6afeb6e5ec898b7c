using Apache.Arrow;
using StreamSql.Execution.Aggregates;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Checkpointing;
using StreamSql.Execution.State;
using StreamSql.Execution.State.Groups;
using StreamSql.Execution.State.RocksDb;
using StreamSql.Execution.Tests.Harness;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Tests.State;

/// <summary>
/// A rocksdb group table whose in-memory cache is far smaller than its groups: every batch evicts (writing back only the
/// changed groups it evicts) and reloads groups with a sorted multi-get. Checked against a dictionary after every batch of
/// inserts and retractions, across checkpoints (which flush the cache), and restored at another parallelism into either
/// backend.
/// </summary>
public sealed class GroupTableSpillTests
{
    private const int Keys = 400;
    private static readonly int[] KeyColumns = [0];

    [Theory]
    [InlineData(4)]
    [InlineData(16)]
    [InlineData(100)]
    public void A_tiny_cache_over_random_inserts_and_retractions_matches_a_dictionary(int cache)
    {
        var model = new Dictionary<long, (long Count, long Sum)>();
        var random = new Random(cache);
        var storage = StateTestSupport.MemoryStorage();
        using var backend = new RocksDbKeyedStateBackend(new(0, 127), StateTestSupport.MaxParallelism, StateTestSupport.TempDirectory("spill"), false,
            null, cache);
        var (table, count, sum) = Declare(backend);
        for (int round = 0; round < 150; round++)
        {
            ApplyRandomBatch(table, count, sum, model, random);
            Assert.True(table.Count <= Math.Max(16, cache) + 64, $"the cache holds {table.Count} groups");
            if (round % 50 == 49)
                StateTestSupport.Checkpoint(storage, round, [backend]);
        }
        AssertTableHolds(table, count, sum, model, new(0, 127));
    }

    [Theory]
    [InlineData("rocksdb", 2)]
    [InlineData("rocksdb", 3)]
    [InlineData("hashmap", 2)]
    public void A_checkpoint_of_spilled_groups_restores_at_another_parallelism(string restoredType, int parallelism)
    {
        var model = new Dictionary<long, (long Count, long Sum)>();
        var random = new Random(parallelism);
        var storage = StateTestSupport.MemoryStorage();
        CompletedCheckpoint checkpoint;
        using (var backend = new RocksDbKeyedStateBackend(new(0, 127), StateTestSupport.MaxParallelism, StateTestSupport.TempDirectory("spill"), false,
            null, 8))
        {
            var (table, count, sum) = Declare(backend);
            for (int round = 0; round < 60; round++) ApplyRandomBatch(table, count, sum, model, random);
            checkpoint = StateTestSupport.Checkpoint(storage, 1, [backend]);
            // Changes after the checkpoint are not in it.
            ApplyRandomBatch(table, count, sum, new Dictionary<long, (long, long)>(model), random);
        }
        var restored = StateTestSupport.Restore(restoredType, false, checkpoint, parallelism);
        try
        {
            foreach (var backend in restored)
            {
                var (table, count, sum) = Declare(backend);
                var owned = model.Where(e => backend.KeyGroupRange.Contains(KeyGroupOf(e.Key))).ToDictionary();
                AssertTableHolds(table, count, sum, owned, backend.KeyGroupRange);
                // The restored table goes on: more batches of its own keys still match.
                var keys = owned.Keys.ToArray();
                var ownRandom = new Random(7);
                for (int round = 0; round < 20 && keys.Length > 0; round++)
                    ApplyRandomBatch(table, count, sum, owned, ownRandom, keys);
                AssertTableHolds(table, count, sum, owned, backend.KeyGroupRange);
            }
        }
        finally
        {
            StateTestSupport.DisposeAll(restored);
        }
    }

    private static (GroupTable Table, IGroupsAccumulator Count, IGroupsAccumulator Sum) Declare(IKeyedStateBackend backend)
    {
        var table = backend.GetGroupTable("t", new GroupTableSpec([SqlType.BigInt]));
        var count = table.AddColumn(new AccumulatorSpec(AggregateFunction.Count, [], SqlType.BigInt, Retracting: true).Create);
        var sum = table.AddColumn(new AccumulatorSpec(AggregateFunction.Sum, [SqlType.BigInt], SqlType.BigInt, Retracting: true).Create);
        return (table, count, sum);
    }

    /// <summary>One batch of inserts and retractions of earlier inserts (as a changelog holds), applied to the table and the
    /// model; a group whose count drops to zero is removed, as the aggregation removes it. Before the update, every touched
    /// group must hold what the model holds.</summary>
    private static void ApplyRandomBatch(GroupTable table, IGroupsAccumulator count, IGroupsAccumulator sum,
        Dictionary<long, (long Count, long Sum)> model, Random random, long[]? keyChoices = null)
    {
        var rows = new List<(long?, long?, RowKind)>();
        var pending = new Dictionary<long, (long Count, long Sum)>(model);
        for (int i = 0; i < 40; i++)
        {
            long key = keyChoices is null ? random.Next(Keys) : keyChoices[random.Next(keyChoices.Length)];
            long value = random.Next(-1000, 1000);
            var state = pending.GetValueOrDefault(key);
            // A retraction takes back one of the group's rows; count and sum only need some row to be there (the model
            // subtracts the same value).
            bool retract = state.Count > 0 && random.Next(3) == 0;
            rows.Add((key, value, retract ? RowKind.Delete : RowKind.Insert));
            pending[key] = retract ? (state.Count - 1, state.Sum - value) : (state.Count + 1, state.Sum + value);
        }
        var batch = TestBatches.KeyValues(rows);
        var groups = table.Resolve(batch.Data, KeyColumns);
        var keys = (Int64Array)table.KeyColumns(groups.Touched)[0];
        var counts = (Int64Array)count.Evaluate(groups.Touched);
        var sums = (Int64Array)sum.Evaluate(groups.Touched);
        for (int t = 0; t < groups.TouchedCount; t++)
        {
            long k = keys.GetValue(t)!.Value;
            Assert.Equal(!model.ContainsKey(k), groups.TouchedIsNew[t]);
            var expected = model.GetValueOrDefault(k);
            Assert.Equal(expected.Count, counts.GetValue(t));
            if (expected.Count > 0) Assert.Equal(expected.Sum, sums.GetValue(t));
        }
        var inserts = rows.Select(r => r.Item3 == RowKind.Insert).ToArray();
        var retractions = rows.Select(r => r.Item3 == RowKind.Delete).ToArray();
        IArrowArray[] values = [batch.Data.Column(1)];
        count.Update(values, groups.Groups, inserts);
        sum.Update(values, groups.Groups, inserts);
        count.Retract(values, groups.Groups, retractions);
        sum.Retract(values, groups.Groups, retractions);
        var after = (Int64Array)count.Evaluate(groups.Touched);
        var emptied = new List<int>();
        for (int t = 0; t < groups.TouchedCount; t++)
            if (after.GetValue(t) == 0) emptied.Add(groups.Touched[t]);
        table.Remove(emptied.ToArray());
        model.Clear();
        foreach (var (k, state) in pending)
            if (state.Count != 0) model[k] = state;
    }

    /// <summary>Every key of the range is found exactly when the model has it, with the model's count and sum.</summary>
    private static void AssertTableHolds(GroupTable table, IGroupsAccumulator count, IGroupsAccumulator sum,
        Dictionary<long, (long Count, long Sum)> model, KeyGroupRange range)
    {
        foreach (var (key, keyGroup) in StateTestSupport.Keys(0, Keys))
        {
            if (!range.Contains(keyGroup)) continue;
            long k = KeyOf(key);
            int g = table.Find(key, keyGroup);
            Assert.Equal(model.ContainsKey(k), g >= 0);
            if (g < 0) continue;
            Assert.Equal(model[k].Count, ((Int64Array)count.Evaluate([g])).GetValue(0));
            Assert.Equal(model[k].Sum, ((Int64Array)sum.Evaluate([g])).GetValue(0));
            table.TrimCache();
        }
    }

    private static readonly Dictionary<long, int> KeyGroups = StateTestSupport.Keys(0, Keys).Select((e, i) => (Key: (long)i, e.KeyGroup))
        .ToDictionary(e => e.Key, e => e.KeyGroup);

    private static readonly Dictionary<string, long> KeysBySerialized = StateTestSupport.Keys(0, Keys).Select((e, i) => (Convert.ToHexString(e.Key), (long)i))
        .ToDictionary(e => e.Item1, e => e.Item2);

    private static int KeyGroupOf(long key) => KeyGroups[key];

    private static long KeyOf(byte[] serialized) => KeysBySerialized[Convert.ToHexString(serialized)];
}
