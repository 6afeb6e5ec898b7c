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
}
