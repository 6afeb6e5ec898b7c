using StreamSql.Execution.Batches;
using StreamSql.Sql.Planner.Physical;
using static StreamSql.Execution.Batches.RowKind;
using static StreamSql.Sql.Planner.Physical.AggregateFunctionKind;

namespace StreamSql.Execution.Tests.Harness;

/// <summary>
/// The GroupAggregate operator's changelog for each construct, batch by batch, as Flink's (MiniBatch)GroupAggFunction
/// emits it for a bundle, across snapshots restored at another parallelism and on the other backend.
/// </summary>
public sealed class GroupAggregateOperatorTests
{
    private static Batch Rows(params (long? K, long? V, RowKind Kind)[] rows) => TestBatches.KeyValues(rows);

    private static async Task<IReadOnlyList<string>> Feed(OperatorTestHarness harness, Batch batch)
    {
        harness.ClearOutput();
        await harness.ProcessBatchAsync(batch);
        return harness.OutputRows.ToList();
    }

    [Fact]
    public async Task Min_max_first_last_over_retractions_move_to_the_next_value_present()
    {
        var op = GroupAggregates.Create([Call(Min, "lo"), Call(Max, "hi"), Call(FirstValue, "first"), Call(LastValue, "last")], retracting: true);
        await using var h = await OperatorTestHarness.OpenAsync(op, HarnessBackend.HashMap);
        Assert.Equal(["+I[1, 3, 7, 5, 7]"], await Feed(h, Rows((1, 5, Insert), (1, 3, Insert), (1, 7, Insert))));
        // The smallest (3) and the last (7) leave: the next smallest is 5, the latest still present is 3... then 5 again.
        Assert.Equal(["-U[1, 3, 7, 5, 7]", "+U[1, 5, 5, 5, 5]"], await Feed(h, Rows((1, 3, UpdateBefore), (1, 7, Delete))));
        Assert.Equal(["-U[1, 5, 5, 5, 5]", "+U[1, 2, 5, 5, 2]"], await Feed(h, Rows((1, 2, UpdateAfter))));
        Assert.Equal(["-D[1, 2, 5, 5, 2]"], await Feed(h, Rows((1, 5, Delete), (1, 2, Delete))));
    }

    [Fact]
    public async Task Min_max_first_last_of_large_batches_of_repeated_keys_equal_a_model()
    {
        // Batches of 150+ rows over a few keys resolve through their distinct keys and fold per key
        // (ValueAccumulator.UpdateByKeys); some batches hold a NULL value (folded row by row, the NULL skipped).
        var op = GroupAggregates.Create([Call(Min, "lo"), Call(Max, "hi"), Call(FirstValue, "first"), Call(LastValue, "last")], retracting: false);
        await using var h = await OperatorTestHarness.OpenAsync(op, HarnessBackend.HashMap);
        var random = new Random(9);
        var model = new Dictionary<long, (long Lo, long Hi, long First, long Last)>();
        for (int b = 0; b < 12; b++)
        {
            var rows = new (long? K, long? V, RowKind Kind)[150 + random.Next(200)];
            for (int r = 0; r < rows.Length; r++)
                rows[r] = (random.Next(25), b % 4 == 3 && r == 7 ? null : random.Next(-1_000, 1_000), Insert);
            var before = new Dictionary<long, (long, long, long, long)>(model);
            foreach (var (k, v, _) in rows)
            {
                if (v is not { } x) continue;
                model[k!.Value] = model.TryGetValue(k.Value, out var o) ? (Math.Min(o.Lo, x), Math.Max(o.Hi, x), o.First, x) : (x, x, x, x);
            }
            var output = await Feed(h, TestBatches.KeyValues(rows));
            var emitted = new Dictionary<long, (long, long, long, long)>();
            foreach (var line in output.Where(l => l.StartsWith("+I") || l.StartsWith("+U")))
            {
                var parts = line[3..^1].Split(", ").Select(long.Parse).ToArray();
                emitted[parts[0]] = (parts[1], parts[2], parts[3], parts[4]);
            }
            // Exactly the keys whose results changed emit their new results.
            var expected = model.Where(e => !before.TryGetValue(e.Key, out var o) || o != e.Value).ToDictionary(e => e.Key, e => e.Value);
            Assert.Equal(expected.OrderBy(e => e.Key), emitted.OrderBy(e => e.Key));
        }
    }

    [Fact]
    public async Task Upsert_output_emits_update_after_only()
    {
        var op = GroupAggregates.Create([GroupAggregates.Count], retracting: false, updateBefore: false);
        await using var h = await OperatorTestHarness.OpenAsync(op, HarnessBackend.HashMap);
        Assert.Equal(["+I[1, 1]", "+I[2, 1]"], await Feed(h, Rows((1, 0, Insert), (2, 0, Insert))));
        Assert.Equal(["+U[2, 3]"], await Feed(h, Rows((2, 0, Insert), (2, 0, Insert))));
    }

    [Fact]
    public async Task A_retraction_of_a_key_without_state_is_dropped()
    {
        var op = GroupAggregates.CountSum();
        await using var h = await OperatorTestHarness.OpenAsync(op, HarnessBackend.HashMap);
        // Key 1's leading retraction has nothing to take back from; its insert after it counts. Key 2 only retracts: nothing.
        Assert.Equal(["+I[1, 1, 4]"], await Feed(h, Rows((1, 9, Delete), (2, 1, UpdateBefore), (1, 4, Insert))));
        Assert.Equal(1, op.Table.Count);
    }

    [Fact]
    public async Task Distinct_counts_a_value_until_its_last_row_is_retracted()
    {
        var op = GroupAggregates.Create([Call(Count, "d", distinct: true), Call(Sum, "s", distinct: true)], retracting: true);
        await using var h = await OperatorTestHarness.OpenAsync(op, HarnessBackend.HashMap);
        Assert.Equal(["+I[1, 2, 5]"], await Feed(h, Rows((1, 2, Insert), (1, 3, Insert), (1, 3, Insert), (1, null, Insert))));
        Assert.Equal([], await Feed(h, Rows((1, 3, Delete))));
        Assert.Equal(["-U[1, 2, 5]", "+U[1, 1, 2]"], await Feed(h, Rows((1, 3, Delete))));
    }

    [Fact]
    public async Task Global_aggregation_has_one_group_and_emits_nothing_before_its_first_row()
    {
        var op = GroupAggregates.Create([GroupAggregates.Count, Call(Sum, "s")], retracting: true, keyed: false);
        await using var h = await OperatorTestHarness.OpenAsync(op, HarnessBackend.HashMap);
        Assert.Equal([], await Feed(h, Rows((1, 1, Delete))));
        Assert.Equal(["+I[2, 3]"], await Feed(h, Rows((1, 1, Insert), (5, 2, Insert))));
        Assert.Equal(["-U[2, 3]", "+U[1, 2]"], await Feed(h, Rows((1, 1, Delete))));
        Assert.Equal(["-D[1, 2]"], await Feed(h, Rows((5, 2, Delete))));
    }

    [Theory]
    [InlineData("hashmap", "rocksdb")]
    [InlineData("rocksdb", "hashmap")]
    public async Task Retracting_min_state_restores_at_another_parallelism_and_backend(string first, string second)
    {
        var checkpoints = new HarnessCheckpoints();
        var one = await OperatorTestHarness.OpenAsync(GroupAggregates.Create([Call(Min, "lo")], retracting: true), GroupAggregateRescaleTests.Backend(first));
        var keys = Enumerable.Range(0, 40).Select(k => ((long?)k, (long?)(k + 10), Insert)).Concat(Enumerable.Range(0, 40).Select(k => ((long?)k, (long?)k, Insert))).ToArray();
        await one.ProcessBatchAsync(Rows(keys));
        var chk = await checkpoints.SnapshotAsync(1, [one]);
        await one.DisposeAsync();

        var restored = new List<string>();
        for (int s = 0; s < 2; s++)
        {
            await using var h = await OperatorTestHarness.OpenAsync(GroupAggregates.Create([Call(Min, "lo")], retracting: true),
                GroupAggregateRescaleTests.Backend(second), s, 2, restoreFrom: chk);
            var part = TestBatches.Partition(Rows(Enumerable.Range(0, 40).Select(k => ((long?)k, (long?)k, Delete)).ToArray()), 2)[s];
            restored.AddRange(await Feed(h, part));
        }
        restored.Sort(StringComparer.Ordinal);
        var expected = Enumerable.Range(0, 40).SelectMany(k => new[] { $"+U[{k}, {k + 10}]", $"-U[{k}, {k}]" }).OrderBy(r => r, StringComparer.Ordinal);
        Assert.Equal(expected, restored);
    }

    [Fact]
    public async Task State_ttl_forgets_keys_not_written_for_that_long_and_emits_unchanged_updates()
    {
        var clock = new ManualClock();
        var op = GroupAggregates.Create([GroupAggregates.Count], retracting: false, ttl: TimeSpan.FromSeconds(10));
        await using var h = await OperatorTestHarness.OpenAsync(op, HarnessBackend.HashMap, clock: clock);
        Assert.Equal(["+I[1, 1]", "+I[2, 1]"], await Feed(h, Rows((1, 0, Insert), (2, 0, Insert))));
        clock.Micros += 6_000_000;
        Assert.Equal(["-U[1, 1]", "+U[1, 2]"], await Feed(h, Rows((1, 0, Insert))));
        clock.Micros += 6_000_000;
        // Key 2 was last written 12 s ago: its state expired and it starts again; key 1 (6 s) lives on.
        Assert.Equal(["+I[2, 1]", "-U[1, 2]", "+U[1, 3]"], await Feed(h, Rows((2, 0, Insert), (1, 0, Insert))));
        clock.Micros += 11_000_000;
        await h.SnapshotAsync(1);
        Assert.Equal(0, op.Table.Count);
    }

    [Fact]
    public async Task State_ttl_removes_expired_keys_held_only_in_rocksdb()
    {
        var clock = new ManualClock();
        var checkpoints = new HarnessCheckpoints();
        var op = GroupAggregates.Create([GroupAggregates.Count], retracting: false, ttl: TimeSpan.FromSeconds(10));
        // A cache of 8 groups: nearly all of the 200 keys live only in RocksDB.
        await using var h = await OperatorTestHarness.OpenAsync(op, HarnessBackend.RocksDb with { GroupCacheSize = 8 }, clock: clock);
        for (int k = 0; k < 200; k += 20)
            await h.ProcessBatchAsync(Rows(Enumerable.Range(k, 20).Select(i => ((long?)i, (long?)0, Insert)).ToArray()));
        clock.Micros += 11_000_000;
        await h.ProcessBatchAsync(Rows((500, 0, Insert)));
        HarnessCheckpoint? last = null;
        // Each checkpoint sweeps an eighth of the key groups.
        for (int c = 1; c <= 8; c++) last = await checkpoints.SnapshotAsync(c, [h]);

        var restoredOp = GroupAggregates.Create([GroupAggregates.Count], retracting: false, ttl: TimeSpan.FromSeconds(10));
        await using var restored = await OperatorTestHarness.OpenAsync(restoredOp, HarnessBackend.HashMap, restoreFrom: last, clock: clock);
        Assert.Equal(["-U[500, 1]", "+U[500, 2]"], await Feed(restored, Rows((500, 0, Insert))));
        // Only key 500, written after the others expired, is left in the checkpoint.
        Assert.Equal(1, restoredOp.Table.Count);
    }

    [Theory]
    [InlineData("hashmap", "rocksdb")]
    [InlineData("rocksdb", "hashmap")]
    public async Task State_ttl_write_times_survive_a_restore_at_another_parallelism(string first, string second)
    {
        var clock = new ManualClock();
        var checkpoints = new HarnessCheckpoints();
        var one = await OperatorTestHarness.OpenAsync(GroupAggregates.Create([GroupAggregates.Count], retracting: false, ttl: TimeSpan.FromSeconds(10)),
            GroupAggregateRescaleTests.Backend(first), clock: clock);
        await one.ProcessBatchAsync(Rows((1, 0, Insert), (2, 0, Insert)));
        clock.Micros += 8_000_000;
        await one.ProcessBatchAsync(Rows((2, 0, Insert)));
        var chk = await checkpoints.SnapshotAsync(1, [one]);
        await one.DisposeAsync();

        clock.Micros += 4_000_000;
        // Key 1 was written 12 s ago (expired: starts again), key 2 4 s ago (counts on).
        var output = new List<string>();
        for (int s = 0; s < 2; s++)
        {
            await using var h = await OperatorTestHarness.OpenAsync(GroupAggregates.Create([GroupAggregates.Count], retracting: false, ttl: TimeSpan.FromSeconds(10)),
                GroupAggregateRescaleTests.Backend(second), s, 2, restoreFrom: chk, clock: clock);
            var part = TestBatches.Partition(Rows((1, 0, Insert), (2, 0, Insert)), 2)[s];
            if (part.Length > 0) output.AddRange(await Feed(h, part));
        }
        output.Sort(StringComparer.Ordinal);
        Assert.Equal(["+I[1, 1]", "+U[2, 3]", "-U[2, 2]"], output);
    }

    [Fact]
    public async Task State_ttl_emits_an_update_even_when_the_result_did_not_change()
    {
        var op = GroupAggregates.Create([Call(Max, "hi")], retracting: false, ttl: TimeSpan.FromHours(1));
        await using var h = await OperatorTestHarness.OpenAsync(op, HarnessBackend.HashMap);
        Assert.Equal(["+I[1, 5]"], await Feed(h, Rows((1, 5, Insert))));
        Assert.Equal(["-U[1, 5]", "+U[1, 5]"], await Feed(h, Rows((1, 2, Insert))));
    }

    [Fact]
    public async Task Mini_batch_buffers_until_its_size_and_flushes_before_a_barrier()
    {
        var op = GroupAggregates.Create([Call(Sum, "s")], retracting: false, miniBatch: new MiniBatch(TimeSpan.FromHours(1), 4));
        await using var h = await OperatorTestHarness.OpenAsync(op, HarnessBackend.HashMap);
        Assert.Equal([], await Feed(h, Rows((1, 1, Insert), (2, 1, Insert))));
        Assert.Equal(["+I[1, 3]", "+I[2, 11]"], await Feed(h, Rows((1, 2, Insert), (2, 10, Insert))));
        Assert.Equal([], await Feed(h, Rows((1, 5, Insert))));
        h.ClearOutput();
        await h.SnapshotAsync(1);
        Assert.Equal(["-U[1, 3]", "+U[1, 8]"], h.OutputRows);
        Assert.IsType<CheckpointBarrier>(h.Emitted[^1]);
    }

    [Fact]
    public async Task Mini_batch_flushes_at_the_end_of_input()
    {
        var op = GroupAggregates.Create([Call(Sum, "s")], retracting: false, miniBatch: new MiniBatch(TimeSpan.FromHours(1), 1000));
        await using var h = await OperatorTestHarness.OpenAsync(op, HarnessBackend.HashMap);
        await h.ProcessBatchAsync(Rows((1, 1, Insert)));
        await h.ProcessBatchAsync(Rows((1, 2, Insert)));
        Assert.Empty(h.OutputRows);
        await h.EndInputAsync();
        Assert.Equal(["+I[1, 3]"], h.OutputRows);
    }

    [Fact]
    public async Task Mini_batch_flushes_when_its_latency_runs_out_without_new_input()
    {
        var clock = new ManualClock();
        var op = GroupAggregates.Create([Call(Sum, "s")], retracting: false, miniBatch: new MiniBatch(TimeSpan.FromSeconds(2), 1000));
        await using var h = await OperatorTestHarness.OpenAsync(op, HarnessBackend.HashMap, clock: clock);
        Assert.Equal(long.MaxValue, op.NextDueMillis);
        await h.ProcessBatchAsync(Rows((1, 1, Insert), (2, 1, Insert)));
        Assert.Equal(clock.MonotonicMillis() + 2000, op.NextDueMillis);
        clock.Micros += 1_500_000;
        await h.ProcessPeriodicAsync();
        Assert.Empty(h.OutputRows);
        await h.ProcessBatchAsync(Rows((1, 2, Insert)));
        clock.Micros += 500_000;
        // No input since: the processing-time deadline of the first buffered row ends the mini-batch.
        await h.ProcessPeriodicAsync();
        Assert.Equal(["+I[1, 3]", "+I[2, 1]"], h.OutputRows);
        Assert.Equal(long.MaxValue, op.NextDueMillis);
    }

    [Fact]
    public async Task Local_phase_flushes_when_its_latency_runs_out_without_new_input()
    {
        var clock = new ManualClock();
        var op = TwoPhaseAggregates.Local(new MiniBatch(TimeSpan.FromSeconds(2), 1000));
        await using var h = await OperatorTestHarness.OpenAsync(op, HarnessBackend.HashMap, clock: clock);
        await h.ProcessBatchAsync(Rows((1, 1, Insert), (1, 4, Insert)));
        clock.Micros += 1_999_000;
        await h.ProcessPeriodicAsync();
        Assert.Empty(h.OutputRows);
        clock.Micros += 1_000;
        await h.ProcessPeriodicAsync();
        // k, COUNT(*) = 2, then SUM's partial 5.
        Assert.Single(h.OutputRows);
        Assert.StartsWith("+I[1, 2, 5", h.OutputRows[0]);
    }

    private static AggregateCall Call(AggregateFunctionKind kind, string name, bool distinct = false) => GroupAggregates.Call(kind, name, distinct);
}
