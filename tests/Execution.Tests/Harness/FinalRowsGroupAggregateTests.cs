using StreamSql.Execution.Batches;
using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Physical;
using static StreamSql.Execution.Batches.RowKind;
using static StreamSql.Sql.Planner.Physical.AggregateFunctionKind;

namespace StreamSql.Execution.Tests.Harness;

/// <summary>
/// GroupAggregate in batch mode (<see cref="GroupAggregateSpec.EmitFinalRowsOnly"/>): batches are folded in with nothing
/// emitted; at end of input each group emits one <c>+I</c> with its final results, in batches of at most
/// <c>execution.batch.max-rows</c>; a group whose rows were all retracted emits nothing; a global aggregation emits its
/// row even when no row came.
/// </summary>
public sealed class FinalRowsGroupAggregateTests
{
    private static AggregateCall Call(AggregateFunctionKind kind, string name, bool distinct = false) => GroupAggregates.Call(kind, name, distinct);

    private static Batch Rows(params (long? K, long? V, RowKind Kind)[] rows) => TestBatches.KeyValues(rows);

    [Fact]
    public async Task Nothing_is_emitted_before_end_of_input_then_one_insert_per_group()
    {
        var op = GroupAggregates.Create([GroupAggregates.Count, Call(Min, "lo"), Call(Max, "hi"), Call(Count, "d", distinct: true)],
            retracting: false, finalRows: true);
        await using var h = await OperatorTestHarness.OpenAsync(op, HarnessBackend.HashMap);
        await h.ProcessBatchAsync(Rows((1, 5, Insert), (2, 3, Insert), (1, 7, Insert)));
        await h.ProcessBatchAsync(Rows((1, 5, Insert), (3, null, Insert)));
        await h.ProcessWatermarkAsync(long.MaxValue);
        Assert.Empty(h.OutputRows);
        await h.EndInputAsync();
        Assert.Equal(["+I[1, 3, 5, 7, 2]", "+I[2, 1, 3, 3, 1]", "+I[3, 1, null, null, 0]"], h.OutputRows);
    }

    [Fact]
    public async Task A_group_whose_rows_were_all_retracted_emits_nothing()
    {
        var op = GroupAggregates.Create([GroupAggregates.Count, Call(Sum, "s"), Call(Max, "hi")], retracting: true, finalRows: true);
        await using var h = await OperatorTestHarness.OpenAsync(op, HarnessBackend.HashMap);
        await h.ProcessBatchAsync(Rows((1, 5, Insert), (2, 3, Insert), (1, 7, Insert)));
        await h.ProcessBatchAsync(Rows((2, 3, Delete), (1, 7, UpdateBefore), (1, 4, UpdateAfter)));
        Assert.Empty(h.OutputRows);
        await h.EndInputAsync();
        Assert.Equal(["+I[1, 2, 9, 5]"], h.OutputRows);
    }

    [Fact]
    public async Task A_global_aggregation_over_no_rows_emits_its_initial_row()
    {
        var op = GroupAggregates.Create([GroupAggregates.Count, Call(Sum, "s")], retracting: false, keyed: false, finalRows: true);
        await using var h = await OperatorTestHarness.OpenAsync(op, HarnessBackend.HashMap);
        await h.EndInputAsync();
        Assert.Equal(["+I[0, null]"], h.OutputRows);
    }

    [Fact]
    public async Task Final_rows_go_out_in_batches_of_the_configured_size()
    {
        var op = GroupAggregates.Create([GroupAggregates.Count], retracting: false, finalRows: true);
        await using var h = await OperatorTestHarness.OpenAsync(op, HarnessBackend.HashMap,
            configuration: Configuration.Empty.With(CoreOptions.BatchMaxRows.Key, "2"));
        await h.ProcessBatchAsync(Rows((1, 0, Insert), (2, 0, Insert), (3, 0, Insert), (4, 0, Insert), (5, 0, Insert), (1, 0, Insert)));
        await h.EndInputAsync();
        Assert.Equal(["+I[1, 2]", "+I[2, 1]", "+I[3, 1]", "+I[4, 1]", "+I[5, 1]"], h.OutputRows);
        Assert.Equal([2, 2, 1], h.Emitted.OfType<Batch>().Select(b => b.Length));
        Assert.All(h.Emitted.OfType<Batch>(), b => Assert.True(b.IsInsertOnly));
    }
}
