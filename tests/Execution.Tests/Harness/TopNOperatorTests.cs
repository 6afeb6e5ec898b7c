using StreamSql.Execution.Batches;
using StreamSql.Execution.Operators.Rank;
using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Tests.Harness;

/// <summary>
/// The Top-N operator (<see cref="TopNOperator"/>) over (k, v) rows, partitioned by k and ordered by v descending,
/// through the operator test harness: Flink's exact changelogs with and without the rank number, for inserts and for
/// retractions, the state TTL, and the buffers restored at other parallelisms and on the other backend.
/// </summary>
public sealed class TopNOperatorTests
{
    private static readonly RowSchema WithRank = new([.. GroupAggregates.KeyValue.Fields, new Field("rn", SqlType.BigInt.WithNullable(false))]);

    private static TopNOperator Create(bool rankNumber, bool retract = false, long end = 2, TimeSpan ttl = default, bool updateFast = false) =>
        new(new RankSpec([0], [new RankOrderKey(1, Descending: true, NullsFirst: false)], RankType.RowNumber, 1, end, rankNumber, retract,
            GenerateUpdateBefore: true, ttl, "Rank(...)", rankNumber ? WithRank : GroupAggregates.KeyValue) { UpdateFast = updateFast }, GroupAggregates.KeyValue);

    [Fact]
    public async Task With_update_fast_an_update_of_a_row_in_the_top_is_one_update_of_it_or_of_the_ranks_it_passes()
    {
        // Flink's UpdatableTopNFunction: the -U/+U pair of a row in the top (its order only moving up) is one -U/+U of the
        // row without the number; with it, each rank from its new place to its old one, the moved row's old -U after the
        // first. A row below the top that an update brings in enters as a new row.
        await using var plain = await OperatorTestHarness.OpenAsync(Create(rankNumber: false, retract: true, updateFast: true), HarnessBackend.HashMap);
        await plain.ProcessBatchAsync(TestBatches.KeyValues([(1, 10, RowKind.Insert), (1, 20, RowKind.Insert), (1, 5, RowKind.Insert)]));
        await plain.ProcessBatchAsync(TestBatches.KeyValues([(1, 10, RowKind.UpdateBefore), (1, 30, RowKind.UpdateAfter)]));
        await plain.ProcessBatchAsync(TestBatches.KeyValues([(1, 5, RowKind.UpdateBefore), (1, 40, RowKind.UpdateAfter)]));
        Assert.Equal(["+I[1, 10]", "+I[1, 20]", "-U[1, 10]", "+U[1, 30]", "-D[1, 20]", "+I[1, 40]"], plain.OutputRows);

        await using var ranked = await OperatorTestHarness.OpenAsync(Create(rankNumber: true, retract: true, updateFast: true), HarnessBackend.HashMap);
        await ranked.ProcessBatchAsync(TestBatches.KeyValues([(1, 10, RowKind.Insert), (1, 20, RowKind.Insert), (1, 5, RowKind.Insert)]));
        ranked.ClearOutput();
        await ranked.ProcessBatchAsync(TestBatches.KeyValues([(1, 10, RowKind.UpdateBefore), (1, 30, RowKind.UpdateAfter)]));
        Assert.Equal(["-U[1, 20, 1]", "-U[1, 10, 2]", "+U[1, 30, 1]", "+U[1, 20, 2]"], ranked.OutputRows);
        ranked.ClearOutput();
        await ranked.ProcessBatchAsync(TestBatches.KeyValues([(1, 30, RowKind.UpdateBefore), (1, 35, RowKind.UpdateAfter)]));
        Assert.Equal(["-U[1, 30, 1]", "+U[1, 35, 1]"], ranked.OutputRows);
        ranked.ClearOutput();
        await ranked.ProcessBatchAsync(TestBatches.KeyValues([(1, 5, RowKind.UpdateBefore), (1, 40, RowKind.UpdateAfter)]));
        Assert.Equal(["-U[1, 35, 1]", "+U[1, 40, 1]", "-U[1, 20, 2]", "+U[1, 35, 2]"], ranked.OutputRows);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task With_update_fast_a_pair_split_across_batches_is_the_same_update_as_a_pair_in_one(bool rankNumber)
    {
        // A GROUP BY's -U ending one batch and its +U starting the next (batches cut by size or linger) are two records
        // to Flink's UpdatableTopNFunction like any others: the same in-place update as when they share a batch.
        (long?, long?, RowKind)[] rows = [(1, 10, RowKind.Insert), (1, 20, RowKind.Insert), (1, 5, RowKind.Insert),
            (1, 10, RowKind.UpdateBefore), (1, 30, RowKind.UpdateAfter), (2, 3, RowKind.Insert),
            (2, 3, RowKind.UpdateBefore), (2, 4, RowKind.UpdateAfter), (1, 30, RowKind.UpdateBefore), (1, 35, RowKind.UpdateAfter)];
        await using var whole = await OperatorTestHarness.OpenAsync(Create(rankNumber, retract: true, updateFast: true), HarnessBackend.HashMap);
        await whole.ProcessBatchAsync(TestBatches.KeyValues(rows));
        await using var split = await OperatorTestHarness.OpenAsync(Create(rankNumber, retract: true, updateFast: true), HarnessBackend.HashMap);
        // Cut after every -U.
        int start = 0;
        for (int i = 0; i < rows.Length; i++)
            if (rows[i].Item3 == RowKind.UpdateBefore || i == rows.Length - 1)
            {
                await split.ProcessBatchAsync(TestBatches.KeyValues(rows[start..(i + 1)]));
                start = i + 1;
            }
        Assert.Contains(rankNumber ? "+U[1, 30, 1]" : "+U[1, 30]", whole.OutputRows);
        Assert.DoesNotContain(whole.OutputRows, r => r.StartsWith("-D", StringComparison.Ordinal));
        Assert.Equal(whole.OutputRows, split.OutputRows);
    }

    [Fact]
    public async Task With_update_fast_a_held_update_before_is_a_removal_when_a_watermark_barrier_or_the_end_comes_first()
    {
        foreach (var release in new Func<OperatorTestHarness, Task>[]
        {
            h => h.ProcessWatermarkAsync(100).AsTask(), h => h.SnapshotAsync(1), h => h.EndInputAsync().AsTask(),
        })
        {
            await using var h = await OperatorTestHarness.OpenAsync(Create(rankNumber: false, retract: true, updateFast: true), HarnessBackend.HashMap);
            await h.ProcessBatchAsync(TestBatches.KeyValues([(1, 10, RowKind.Insert), (1, 20, RowKind.Insert), (1, 5, RowKind.Insert)]));
            h.ClearOutput();
            await h.ProcessBatchAsync(TestBatches.KeyValues([(1, 20, RowKind.UpdateBefore)]));
            Assert.Empty(h.OutputRows);
            await release(h);
            // The 20 leaves the top and the 5 kept below it comes in, ahead of whatever released it.
            Assert.Equal(["-D[1, 20]", "+I[1, 5]"], h.OutputRows);
            Assert.IsType<Batch>(h.Emitted[0]);
        }
    }

    [Fact]
    public async Task With_update_fast_a_held_update_before_is_not_replaced_by_another_rows_change()
    {
        // A global Top-2 by v of rows whose unique key is k. The -U of k=1 ends a batch; the next batch (from another
        // input channel) starts with k=4's new row: not k=1's update, so k=1 leaves the top and k=4 enters on its own.
        var spec = new RankSpec([], [new RankOrderKey(1, Descending: true, NullsFirst: false)], RankType.RowNumber, 1, 2, false, true,
            GenerateUpdateBefore: true, default, "SortLimit(...)", GroupAggregates.KeyValue) { UpdateFast = true, UniqueKey = [0] };
        await using var h = await OperatorTestHarness.OpenAsync(new TopNOperator(spec, GroupAggregates.KeyValue), HarnessBackend.HashMap);
        await h.ProcessBatchAsync(TestBatches.KeyValues([(1, 10, RowKind.Insert), (2, 20, RowKind.Insert), (3, 5, RowKind.Insert)]));
        h.ClearOutput();
        await h.ProcessBatchAsync(TestBatches.KeyValues([(1, 10, RowKind.UpdateBefore)]));
        await h.ProcessBatchAsync(TestBatches.KeyValues([(4, 30, RowKind.Insert)]));
        await h.ProcessBatchAsync(TestBatches.KeyValues([(1, 12, RowKind.UpdateAfter)]));
        Assert.Equal(["-D[1, 10]", "+I[3, 5]", "-D[3, 5]", "+I[4, 30]"], h.OutputRows);
        h.ClearOutput();
        // k=2's own pair, split the same way, is one update in place.
        await h.ProcessBatchAsync(TestBatches.KeyValues([(2, 20, RowKind.UpdateBefore)]));
        await h.ProcessBatchAsync(TestBatches.KeyValues([(2, 40, RowKind.UpdateAfter)]));
        Assert.Equal(["-U[2, 20]", "+U[2, 40]"], h.OutputRows);
    }

    [Fact]
    public async Task With_the_rank_number_a_new_row_shifts_the_ranks_below_it()
    {
        await using var h = await OperatorTestHarness.OpenAsync(Create(rankNumber: true), HarnessBackend.HashMap);
        await h.ProcessBatchAsync(TestBatches.KeyValues([
            (1, 10, RowKind.Insert),
            (1, 20, RowKind.Insert),  // rank 1: the 10 moves to rank 2
            (1, 15, RowKind.Insert),  // rank 2: the 10 falls out
            (1, 5, RowKind.Insert),   // below the top 2: nothing
            (1, 15, RowKind.Insert),  // equal to rank 2, after it: nothing
            (2, 7, RowKind.Insert),
        ]));
        Assert.Equal(["+I[1, 10, 1]", "-U[1, 10, 1]", "+U[1, 20, 1]", "+I[1, 10, 2]", "-U[1, 10, 2]", "+U[1, 15, 2]", "+I[2, 7, 1]"], h.OutputRows);
    }

    [Fact]
    public async Task Without_the_rank_number_a_row_entering_pushes_the_last_one_out()
    {
        await using var h = await OperatorTestHarness.OpenAsync(Create(rankNumber: false), HarnessBackend.HashMap);
        await h.ProcessBatchAsync(TestBatches.KeyValues([(1, 10, RowKind.Insert), (1, 20, RowKind.Insert), (1, 15, RowKind.Insert), (1, 5, RowKind.Insert)]));
        // The row pushed out goes first, so a sink keyed by the partition alone ends with the new row.
        Assert.Equal(["+I[1, 10]", "+I[1, 20]", "-D[1, 10]", "+I[1, 15]"], h.OutputRows);
    }

    [Fact]
    public async Task Over_retractions_the_rows_below_move_up()
    {
        await using var h = await OperatorTestHarness.OpenAsync(Create(rankNumber: true, retract: true), HarnessBackend.HashMap);
        await h.ProcessBatchAsync(TestBatches.KeyValues([(1, 10, RowKind.Insert), (1, 20, RowKind.Insert), (1, 15, RowKind.Insert)]));
        h.ClearOutput();
        // The 10 was kept below the range: it comes back when the 20 goes.
        await h.ProcessBatchAsync(TestBatches.KeyValues([(1, 20, RowKind.UpdateBefore), (1, 15, RowKind.Delete), (1, 99, RowKind.Delete)]));
        Assert.Equal(["-U[1, 20, 1]", "+U[1, 15, 1]", "-U[1, 15, 2]", "+U[1, 10, 2]", "-U[1, 15, 1]", "+U[1, 10, 1]", "-D[1, 10, 2]"], h.OutputRows);
        h.ClearOutput();
        var plain = Create(rankNumber: false, retract: true);
        await using var p = await OperatorTestHarness.OpenAsync(plain, HarnessBackend.HashMap);
        await p.ProcessBatchAsync(TestBatches.KeyValues([(1, 10, RowKind.Insert), (1, 20, RowKind.Insert), (1, 15, RowKind.Insert), (1, 20, RowKind.Delete), (1, 10, RowKind.Delete), (1, 15, RowKind.Delete)]));
        Assert.Equal(["+I[1, 10]", "+I[1, 20]", "-D[1, 10]", "+I[1, 15]", "-D[1, 20]", "+I[1, 10]", "-D[1, 10]", "-D[1, 15]"], p.OutputRows);
        Assert.Equal(0, plain.Table.Count);
    }

    [Fact]
    public async Task State_ttl_forgets_partitions_not_written_for_that_long()
    {
        var clock = new ManualClock();
        var op = Create(rankNumber: false, ttl: TimeSpan.FromSeconds(10));
        await using var h = await OperatorTestHarness.OpenAsync(op, HarnessBackend.HashMap, clock: clock);
        await h.ProcessBatchAsync(TestBatches.KeyValues([(1, 10, RowKind.Insert), (1, 20, RowKind.Insert), (2, 5, RowKind.Insert)]));
        h.ClearOutput();
        clock.Micros += 6_000_000;
        await h.ProcessBatchAsync(TestBatches.KeyValues([(2, 6, RowKind.Insert)]));
        h.ClearOutput();
        clock.Micros += 6_000_000;
        // Partition 1 was written 12 s ago: it starts empty, so a row below its old top 2 enters.
        await h.ProcessBatchAsync(TestBatches.KeyValues([(1, 1, RowKind.Insert), (2, 1, RowKind.Insert)]));
        Assert.Equal(["+I[1, 1]"], h.OutputRows);
        clock.Micros += 11_000_000;
        await h.SnapshotAsync(1);
        Assert.Equal(0, op.Table.Count);
    }

    [Theory]
    [InlineData("hashmap", "rocksdb")]
    [InlineData("rocksdb", "hashmap")]
    public async Task Buffers_survive_a_restore_at_another_parallelism(string first, string second)
    {
        var checkpoints = new HarnessCheckpoints();
        var rows = new List<(long? K, long? V, RowKind Kind)>();
        for (int i = 0; i < 200; i++) rows.Add((i % 13, i * 37 % 101, RowKind.Insert));
        var one = await OperatorTestHarness.OpenAsync(Create(rankNumber: true, end: 3), GroupAggregateRescaleTests.Backend(first));
        await one.ProcessBatchAsync(TestBatches.KeyValues(rows));
        var chk = await checkpoints.SnapshotAsync(1, [one]);
        await one.DisposeAsync();

        // A 101 tops every partition: each emits -U/+U for ranks 1..3, the old rank 3 falling out.
        var output = new List<string>();
        for (int s = 0; s < 2; s++)
        {
            await using var h = await OperatorTestHarness.OpenAsync(Create(rankNumber: true, end: 3), GroupAggregateRescaleTests.Backend(second), s, 2, restoreFrom: chk);
            var part = TestBatches.Partition(TestBatches.KeyValues(Enumerable.Range(0, 13).Select(k => ((long?)k, (long?)101, RowKind.Insert)).ToList()), 2)[s];
            if (part.Length > 0) await h.ProcessBatchAsync(part);
            output.AddRange(h.OutputRows);
        }
        var expected = new List<string>();
        for (int k = 0; k < 13; k++)
        {
            var top = rows.Where(r => r.K == k).Select(r => r.V!.Value).OrderDescending().Take(3).ToList();
            var now = new List<long> { 101 }.Concat(top).Take(3).ToList();
            for (int r = 0; r < 3; r++)
            {
                expected.Add($"-U[{k}, {top[r]}, {r + 1}]");
                expected.Add($"+U[{k}, {now[r]}, {r + 1}]");
            }
        }
        output.Sort(StringComparer.Ordinal);
        expected.Sort(StringComparer.Ordinal);
        Assert.Equal(expected, output);
    }

    /// <summary>
    /// LIMIT over an updating input (Flink's StreamExecLimit with the retract strategy: no partition, no order, offset 2,
    /// fetch 3): a group aggregate's changelog of (k, count) rows, the operator checkpointed on one backend and restored on
    /// the other; the materialized output must always be the rows at positions 3..5 of the live rows in arrival order
    /// (an update's new row arriving last), as a model computed here has them.
    /// </summary>
    [Theory]
    [InlineData("hashmap", "rocksdb")]
    [InlineData("rocksdb", "hashmap")]
    public async Task A_limit_over_an_updating_input_follows_the_live_rows_across_a_restore(string first, string second)
    {
        static TopNOperator Limit() => new(new RankSpec([], [], RankType.RowNumber, 3, 5, false, Retract: true, GenerateUpdateBefore: true,
            TimeSpan.Zero, "Limit(...)", GroupAggregates.KeyValue), GroupAggregates.KeyValue);
        var random = new Random(first.Length * 31 + second.Length);
        var live = new List<(long K, long V)>();
        var counts = new Dictionary<long, long>();
        var materialized = new List<string>();
        var checkpoints = new HarnessCheckpoints();

        List<(long? K, long? V, RowKind Kind)> Changes(int n)
        {
            var changes = new List<(long? K, long? V, RowKind Kind)>();
            for (int i = 0; i < n; i++)
            {
                long k = random.Next(12);
                if (counts.TryGetValue(k, out var c))
                {
                    changes.Add((k, c, RowKind.UpdateBefore));
                    live.Remove((k, c));
                    if (random.Next(5) == 0)
                    {
                        counts.Remove(k);
                        continue;
                    }
                }
                counts[k] = c + 1;
                changes.Add((k, c + 1, c == 0 ? RowKind.Insert : RowKind.UpdateAfter));
                live.Add((k, c + 1));
            }
            return changes;
        }

        void Apply(OperatorTestHarness h)
        {
            foreach (var row in h.OutputRows)
            {
                string values = row[2..];
                if (row[0] == '+') materialized.Add(values);
                else Assert.True(materialized.Remove(values), $"{row} retracts a row not in the output");
            }
            h.ClearOutput();
            Assert.Equal(live.Skip(2).Take(3).Select(r => $"[{r.K}, {r.V}]").Order(StringComparer.Ordinal), materialized.Order(StringComparer.Ordinal));
        }

        var one = await OperatorTestHarness.OpenAsync(Limit(), GroupAggregateRescaleTests.Backend(first));
        for (int b = 0; b < 20; b++)
        {
            await one.ProcessBatchAsync(TestBatches.KeyValues(Changes(random.Next(1, 6))));
            Apply(one);
        }
        var chk = await checkpoints.SnapshotAsync(1, [one]);
        await one.DisposeAsync();

        await using var two = await OperatorTestHarness.OpenAsync(Limit(), GroupAggregateRescaleTests.Backend(second), restoreFrom: chk);
        for (int b = 0; b < 20; b++)
        {
            await two.ProcessBatchAsync(TestBatches.KeyValues(Changes(random.Next(1, 6))));
            Apply(two);
        }
        Assert.True(live.Count > 5, "more live rows than the limit");
    }

    /// <summary>
    /// One partition holding thousands of rows, each updated many times (a Top-10 over a GROUP BY's counts): the ranks the
    /// changelog materializes are, after every batch, the model's top 10 (ties in arrival order), on both backends; also
    /// with output batches of a few changes each (built in the middle of an input batch, between a retraction and its
    /// update), which must change nothing but the batch boundaries.
    /// </summary>
    [Theory]
    [InlineData("hashmap", true, TopNOperator.DefaultOutputChunkBytes)]
    [InlineData("rocksdb", true, TopNOperator.DefaultOutputChunkBytes)]
    [InlineData("hashmap", false, TopNOperator.DefaultOutputChunkBytes)]
    [InlineData("hashmap", true, 40)]
    [InlineData("hashmap", false, 40)]
    public async Task A_large_partition_under_many_updates_keeps_the_models_top(string backend, bool rankNumber, int outputChunkBytes)
    {
        var spec = new RankSpec([], [new RankOrderKey(1, Descending: true, NullsFirst: false)], RankType.RowNumber, 1, 10, rankNumber,
            Retract: true, GenerateUpdateBefore: true, TimeSpan.Zero, "Rank(...)", rankNumber ? WithRank : GroupAggregates.KeyValue);
        await using var h = await OperatorTestHarness.OpenAsync(new TopNOperator(spec, GroupAggregates.KeyValue, outputChunkBytes),
            GroupAggregateRescaleTests.Backend(backend));
        var random = new Random(7);
        int batches = 0;
        var live = new List<(long K, long V)>();
        var counts = new Dictionary<long, long>();
        var byRank = new Dictionary<long, string>();
        var materialized = new List<string>();
        for (int b = 0; b < 30; b++)
        {
            var changes = new List<(long? K, long? V, RowKind Kind)>();
            for (int i = 0; i < 400; i++)
            {
                // Skewed keys, so the top keeps changing while thousands of rows sit below it.
                long k = random.Next(4) == 0 ? random.Next(40) : random.Next(3000);
                // Values mostly grow but also fall (a row moving down past others), and some rows are deleted.
                bool held = counts.TryGetValue(k, out var c);
                if (held)
                {
                    live.Remove((k, c));
                    if (random.Next(20) == 0)
                    {
                        changes.Add((k, c, RowKind.Delete));
                        counts.Remove(k);
                        continue;
                    }
                    changes.Add((k, c, RowKind.UpdateBefore));
                }
                long v = c + (random.Next(4) == 0 ? -1 : 1);
                counts[k] = v;
                changes.Add((k, v, held ? RowKind.UpdateAfter : RowKind.Insert));
                int at = live.FindIndex(r => r.V < v);
                live.Insert(at < 0 ? live.Count : at, (k, v));
            }
            // A retraction of a row never held is ignored.
            changes.Add((5000, 1, RowKind.Delete));
            await h.ProcessBatchAsync(TestBatches.KeyValues(changes));
            batches += h.Emitted.Count(e => e is Batch);
            foreach (var row in h.OutputRows)
            {
                if (rankNumber)
                {
                    int comma = row.LastIndexOf(',');
                    long rank = long.Parse(row[(comma + 2)..^1]);
                    string values = row[2..comma] + "]";
                    if (row[0] == '+') Assert.True(byRank.TryAdd(rank, values), $"{row} fills a rank already held");
                    else Assert.True(byRank.Remove(rank, out var held) && held == values, $"{row} retracts a rank not held so");
                }
                else if (row[0] == '+') materialized.Add(row[2..]);
                else Assert.True(materialized.Remove(row[2..]), $"{row} retracts a row not in the output");
            }
            h.ClearOutput();
            var top = live.Take(10).Select(r => $"[{r.K}, {r.V}]").ToList();
            if (rankNumber) Assert.Equal(top, Enumerable.Range(1, byRank.Count).Select(r => byRank[r]));
            else Assert.Equal(top.Order(StringComparer.Ordinal), materialized.Order(StringComparer.Ordinal));
        }
        Assert.True(live.Count > 2000, "thousands of rows in the partition");
        // One output batch per input batch with changes, or many when a few changes fill one.
        if (outputChunkBytes < 100) Assert.True(batches > 100, $"{batches} output batches from 30 input batches");
        else Assert.True(batches <= 30, $"{batches} output batches from 30 input batches");
    }
}
