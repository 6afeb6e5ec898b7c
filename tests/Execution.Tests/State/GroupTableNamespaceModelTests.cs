using Apache.Arrow;
using StreamSql.Execution.Aggregates;
using StreamSql.Execution.Batches;
using StreamSql.Execution.State.Groups;
using StreamSql.Execution.Tests.Harness;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Tests.State;

public sealed class GroupTableNamespaceModelTests
{
    /// <summary>Window state: groups filed under a few namespaces (window ends), the oldest removed now and then — while
    /// another is open (group by group) or as the only one (the whole index emptied at once) — must match a dictionary of
    /// (namespace, key) counts, with new groups after each removal and a checkpoint taken just before some removals.</summary>
    [Theory]
    [InlineData("hashmap")]
    [InlineData("rocksdb")]
    public void Namespaces_removed_alone_or_beside_others_match_a_dictionary(string type)
    {
        using var backend = type == "hashmap" ? StateTestSupport.Create("hashmap", false, new(0, 127))
            : new StreamSql.Execution.State.RocksDb.RocksDbKeyedStateBackend(new(0, 127), 128, StateTestSupport.TempDirectory("gt"), false, null, 64);
        var table = backend.GetGroupTable("t", new GroupTableSpec([SqlType.BigInt], Namespaced: true));
        var count = table.AddColumn(new AccumulatorSpec(AggregateFunction.Count, [], SqlType.BigInt, Retracting: true).Create);
        var model = new SortedDictionary<long, Dictionary<long, long>>();
        var storage = StateTestSupport.MemoryStorage();
        var random = new Random(7);
        int[] keyColumns = [0];
        long newest = 0;
        for (int round = 0; round < 300; round++)
        {
            if (model.Count == 0 || random.Next(4) == 0) model.TryAdd(++newest, new Dictionary<long, long>());
            long ns = model.Keys.ElementAt(random.Next(model.Count));
            var rows = new List<(long?, long?, RowKind)>();
            for (int i = 0; i < 1 + random.Next(60); i++) rows.Add((random.Next(200), 0, RowKind.Insert));
            var batch = TestBatches.KeyValues(rows);
            var groups = table.Resolve(batch.Data, keyColumns, ns);
            var before = (Int64Array)count.Evaluate(groups.Touched);
            var keys = (Int64Array)table.KeyColumns(groups.Touched)[0];
            for (int t = 0; t < groups.TouchedCount; t++)
            {
                long k = keys.GetValue(t)!.Value;
                Assert.Equal(model[ns].GetValueOrDefault(k), before.GetValue(t));
                Assert.Equal(!model[ns].ContainsKey(k), groups.TouchedIsNew[t]);
            }
            count.Update([], groups.Groups, default);
            foreach (var row in rows) model[ns][row.Item1!.Value] = model[ns].GetValueOrDefault(row.Item1!.Value) + 1;

            if (random.Next(3) != 0) continue;
            if (random.Next(4) == 0) StateTestSupport.Checkpoint(storage, round, [backend]);
            long oldest = model.Keys.First();
            table.RemoveNamespace(oldest);
            model.Remove(oldest);
            Assert.Equal(0, table.GroupsOf(oldest).Length);
            foreach (var (open, counts) in model)
            {
                var live = table.GroupsOf(open).ToArray();
                var liveKeys = (Int64Array)table.KeyColumns(live)[0];
                var liveCounts = (Int64Array)count.Evaluate(live);
                Assert.Equal(counts.Count, live.Length);
                for (int g = 0; g < live.Length; g++) Assert.Equal(counts[liveKeys.GetValue(g)!.Value], liveCounts.GetValue(g));
            }
            if (type == "hashmap") Assert.Equal(model.Values.Sum(c => c.Count), table.Count);
        }
    }
}
