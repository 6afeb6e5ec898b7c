using StreamSql.Execution.Batches;
using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;
using static StreamSql.Execution.Batches.RowKind;

namespace StreamSql.Execution.Tests.Harness;

/// <summary>
/// Two-phase GROUP BY through the harness: the Local phase's partial accumulators per mini-batch, and the Global phase
/// merging them into keyed state that survives a checkpoint restored at another parallelism and on the other backend.
/// </summary>
public sealed class TwoPhaseAggregateTests
{
    [Fact]
    public async Task Local_phase_sends_one_partial_row_per_key_and_mini_batch_and_keeps_nothing()
    {
        await using var local = await OperatorTestHarness.OpenAsync(TwoPhaseAggregates.Local(new MiniBatch(TimeSpan.FromHours(1), 4)), HarnessBackend.HashMap);
        await local.ProcessBatchAsync(TestBatches.KeyValues([(1, 5, Insert), (2, 7, Insert), (1, null, Insert)]));
        Assert.Empty(local.OutputRows);
        await local.ProcessBatchAsync(TestBatches.KeyValues([(1, 3, Insert)]));
        // Fields: count1, sum, sum's count... as the layout says: COUNT(*), SUM(v), AVG's sum and count, MAX(v).
        Assert.Equal(["+I[1, 3, 8, 8, 2, 5]", "+I[2, 1, 7, 7, 1, 7]"], local.OutputRows);
        local.ClearOutput();
        await local.ProcessBatchAsync(TestBatches.KeyValues([(1, 1, Insert)]));
        await local.SnapshotAsync(1);
        Assert.Equal(["+I[1, 1, 1, 1, 1, 1]"], local.OutputRows);
    }

    [Theory]
    [InlineData("hashmap", "rocksdb")]
    [InlineData("rocksdb", "hashmap")]
    public async Task Global_phase_merges_partials_and_restores_at_another_parallelism(string first, string second)
    {
        var checkpoints = new HarnessCheckpoints();
        var global = await OperatorTestHarness.OpenAsync(TwoPhaseAggregates.Global(), GroupAggregateRescaleTests.Backend(first));
        await global.ProcessBatchAsync(Partials((1, 3, 8, 8, 2, 5), (2, 1, 7, 7, 1, 7)));
        Assert.Equal(["+I[1, 3, 8, 4, 5]", "+I[2, 1, 7, 7, 7]"], global.OutputRows);
        global.ClearOutput();
        await global.ProcessBatchAsync(Partials((1, 1, 1, 1, 1, 1)));
        Assert.Equal(["-U[1, 3, 8, 4, 5]", "+U[1, 4, 9, 3, 5]"], global.OutputRows);
        var chk = await checkpoints.SnapshotAsync(1, [global]);
        await global.DisposeAsync();

        var output = new List<string>();
        for (int s = 0; s < 2; s++)
        {
            await using var h = await OperatorTestHarness.OpenAsync(TwoPhaseAggregates.Global(), GroupAggregateRescaleTests.Backend(second), s, 2, restoreFrom: chk);
            var part = TestBatches.Partition(Partials((1, 2, 20, 20, 2, 12), (2, 1, -1, -1, 1, -1)), 2)[s];
            if (part.Length > 0) await h.ProcessBatchAsync(part);
            output.AddRange(h.OutputRows);
        }
        output.Sort(StringComparer.Ordinal);
        Assert.Equal(["+U[1, 6, 29, 5, 12]", "+U[2, 2, 6, 3, 7]", "-U[1, 4, 9, 3, 5]", "-U[2, 1, 7, 7, 7]"], output);
    }

    /// <summary>
    /// VAR_POP, STDDEV_SAMP and ARRAY_AGG in two phases: the Local phase sends each key's Welford state (n, mean, m2) and
    /// array, the Global phase combines them into the same results the one-phase operator gives over the same rows, and
    /// its state survives a checkpoint restored at parallelism 2 on the other backend.
    /// </summary>
    [Theory]
    [InlineData("hashmap", "rocksdb")]
    [InlineData("rocksdb", "hashmap")]
    public async Task Variance_and_array_agg_partials_merge_to_the_one_phase_results_and_restore_at_another_parallelism(string first, string second)
    {
        AggregateCall[] calls =
        [
            new(AggregateFunctionKind.VarPop, [1], false, -1, SqlType.Double, "vp"),
            new(AggregateFunctionKind.StddevSamp, [1], false, -1, SqlType.Double, "sd"),
            new(AggregateFunctionKind.ArrayAgg, [1], false, -1, SqlType.Array(SqlType.BigInt), "vs"),
        ];
        var layout = AccumulatorLayout.For(calls, GroupAggregates.KeyValue, inputRetracts: false);
        Assert.Equal(["n$0", "mean$1", "m2$2", "n$3", "mean$4", "m2$5", "list$6"], layout.Fields.Select(f => f.Name));
        var partials = new RowSchema([new Field("k", SqlType.BigInt), .. layout.Fields.Select(f => new Field(f.Name, f.Type))]);
        var output = new RowSchema([new Field("k", SqlType.BigInt), .. calls.Select(c => new Field(c.Name, c.ResultType))]);
        GroupAggregateSpec Spec(AggregatePhase phase) => new([0], calls, phase, layout, true, false, ChangelogMode.InsertOnly, TimeSpan.Zero,
            phase == AggregatePhase.Local ? new MiniBatch(TimeSpan.FromHours(1), 1) : null, phase.ToString(),
            phase == AggregatePhase.Local ? partials : output, phase == AggregatePhase.Local ? ChangelogMode.InsertOnly : ChangelogMode.All);
        async Task<Batch> Partial(Batch rows)
        {
            await using var local = await OperatorTestHarness.OpenAsync(
                new Execution.Operators.Aggregation.LocalGroupAggregateOperator(Spec(AggregatePhase.Local), GroupAggregates.KeyValue), HarnessBackend.HashMap);
            await local.ProcessBatchAsync(rows);
            return Assert.IsType<Batch>(Assert.Single(local.Emitted));
        }
        // Values whose means and squared deviations are exact in doubles, so both phases' arithmetic gives the same bits.
        var first1 = TestBatches.KeyValues([(1, 1, Insert), (1, 3, Insert), (2, 5, Insert), (2, null, Insert)]);
        var second1 = TestBatches.KeyValues([(1, 5, Insert), (1, 7, Insert), (2, 9, Insert)]);

        await using var single = await OperatorTestHarness.OpenAsync(GroupAggregates.Create(calls, retracting: false), HarnessBackend.HashMap);
        await single.ProcessBatchAsync(first1);
        var checkpoints = new HarnessCheckpoints();
        var global = await OperatorTestHarness.OpenAsync(
            new Execution.Operators.Aggregation.GroupAggregateOperator(Spec(AggregatePhase.Global), partials), GroupAggregateRescaleTests.Backend(first));
        await global.ProcessBatchAsync(await Partial(first1));
        Assert.Equal(["+I[1, 1.0, 1.4142135623730951, [1, 3]]", "+I[2, 0.0, null, [5, null]]"], single.OutputRows);
        Assert.Equal(single.OutputRows, global.OutputRows);
        var chk = await checkpoints.SnapshotAsync(1, [global]);
        await global.DisposeAsync();

        single.ClearOutput();
        await single.ProcessBatchAsync(second1);
        var restored = new List<string>();
        var parts = TestBatches.Partition(await Partial(second1), 2);
        for (int s = 0; s < 2; s++)
        {
            await using var h = await OperatorTestHarness.OpenAsync(
                new Execution.Operators.Aggregation.GroupAggregateOperator(Spec(AggregatePhase.Global), partials), GroupAggregateRescaleTests.Backend(second), s, 2,
                restoreFrom: chk);
            if (parts[s].Length > 0) await h.ProcessBatchAsync(parts[s]);
            restored.AddRange(h.OutputRows);
        }
        Assert.Contains("+U[1, 5.0, 2.581988897471611, [1, 3, 5, 7]]", single.OutputRows);
        Assert.Equal(single.OutputRows.Order(StringComparer.Ordinal), restored.Order(StringComparer.Ordinal));
    }

    /// <summary>Rows of the Local phase's output (k, count1, sum, avg sum, avg count, max).</summary>
    private static Batch Partials(params (long K, long Count, long Sum, long AvgSum, long AvgCount, long Max)[] rows)
    {
        var schema = StreamSql.Execution.Types.ArrowTypeMapping.ToArrowSchema(TwoPhaseAggregates.Partials);
        var columns = new Apache.Arrow.Int64Array.Builder[6];
        for (int c = 0; c < 6; c++) columns[c] = new Apache.Arrow.Int64Array.Builder();
        foreach (var r in rows)
        {
            columns[0].Append(r.K); columns[1].Append(r.Count); columns[2].Append(r.Sum);
            columns[3].Append(r.AvgSum); columns[4].Append(r.AvgCount); columns[5].Append(r.Max);
        }
        return new Batch(new Apache.Arrow.RecordBatch(schema, columns.Select(b => (Apache.Arrow.IArrowArray)b.Build()), rows.Length));
    }
}
