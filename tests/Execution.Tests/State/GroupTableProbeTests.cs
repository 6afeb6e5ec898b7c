using StreamSql.Execution.Batches;
using StreamSql.Execution.Operators.Join;
using StreamSql.Execution.State;
using StreamSql.Execution.State.Groups;
using StreamSql.Execution.State.RocksDb;
using StreamSql.Execution.Tests.Harness;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Tests.State;

/// <summary>
/// <see cref="GroupTable.Probe"/> (a join looking up the other side's rows) finds the groups the table holds and creates
/// none for keys it lacks; a rocksdb table whose groups were evicted to RocksDB still finds them.
/// </summary>
public sealed class GroupTableProbeTests
{
    private static readonly int[] KeyColumns = [0];

    [Theory]
    [InlineData("hashmap", 0)]
    [InlineData("rocksdb", 4)]
    public void Probing_finds_held_keys_and_adds_no_group_for_others(string backend, int cache)
    {
        using var state = backend == "rocksdb"
            ? new RocksDbKeyedStateBackend(new(0, 127), StateTestSupport.MaxParallelism, StateTestSupport.TempDirectory("probe"), false, null, cache)
            : StateTestSupport.Create(backend, false, new(0, 127));
        var table = state.GetGroupTable("t", new GroupTableSpec([SqlType.BigInt]));
        var records = table.AddColumn(epoch => new JoinRecords(epoch, outer: false, appendOnly: true));
        // Even keys are held, each with its key as its row.
        var held = TestBatches.KeyValues(Enumerable.Range(0, 50).Select(k => ((long?)(2 * k), (long?)0, RowKind.Insert)).ToList()).Data;
        var stored = table.Resolve(held, KeyColumns);
        for (int i = 0; i < held.Length; i++) records.Add(stored.Groups[i], BitConverter.GetBytes(2L * i), 1, 0);

        var probe = TestBatches.KeyValues(Enumerable.Range(0, 100).Select(k => ((long?)k, (long?)0, RowKind.Insert)).ToList()).Data;
        var found = table.Probe(probe, KeyColumns).Groups.ToArray();
        for (int k = 0; k < 100; k++)
        {
            if (k % 2 == 1)
            {
                if (backend == "hashmap") Assert.Equal(-1, found[k]);
                else Assert.True(found[k] < 0 || records.IsEmpty(found[k]), $"key {k} was never stored but probing found rows");
                continue;
            }
            Assert.True(found[k] >= 0, $"key {k} is held but probing did not find it");
            Assert.Equal(BitConverter.GetBytes((long)k), records.Row(records.First(found[k])).ToArray());
        }
        if (backend == "hashmap") Assert.Equal(50, table.Count);
    }
}
